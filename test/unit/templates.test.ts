/**
 * Templates: fields and conditionals as the linter sees them, rendering (fills, blocks,
 * frontmatter, blank lines), defaults, file names, team templates and snippets.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lint, buildModel } from '../../src/core/index';
import {
  templateFields,
  templateConditionals,
  answerFor,
  renderTemplate,
  suggestDefaults,
  suggestFileName,
  uniqueFileName,
  parseTeamTemplate,
  mergeTemplates,
  templateSnippet,
  snippetsFile,
  slugify,
  type TemplateInfo,
} from '../../src/core/templates/index';
import { builtinTemplates, builtinTemplate } from '../../src/templates/index';
import { snippetsJson, SNIPPETS_PATH } from '../../src/templates/snippets';
import { ROOT, joinLines, read, testTemplate } from './helpers';

const TODAY = '2025-03-01';

const tpl = (body: string, id = 'test'): TemplateInfo => testTemplate(body, id, '2.1.0');

function must(id: string): TemplateInfo {
  const t = builtinTemplate(id);
  assert.ok(t, id);
  return t;
}

/** Placeholder texts a document lints with (whitespace collapsed), sorted. */
function placeholders(text: string): string[] {
  return lint(text)
    .filter((f) => f.rule === 'placeholder')
    .map((f) => text.slice(f.startOffset, f.endOffset).replace(/\s+/g, ' '))
    .sort();
}

/** A field's text with whitespace collapsed (its key without an occurrence number). */
function textOf(field: { text: string }): string {
  return field.text.replace(/\s+/g, ' ').trim();
}

/** Field texts of a template a render keeps: not the stamped `created`, not in dropped blocks. */
function expectedFields(t: TemplateInfo, keep: readonly string[], filled: ReadonlySet<string>): string[] {
  const fm = buildModel(t.body, { patterns: [] }).frontmatter;
  const createdNode = fm?.doc?.get('created', true) as { range?: number[] } | undefined;
  const created = createdNode?.range && fm ? fm.base + createdNode.range[0] : -1;
  const blocks = lint(t.body).flatMap((f) => (f.data?.kind === 'conditional' && f.data.close ? [f.data] : []));
  const out: string[] = [];
  for (const field of templateFields(t)) {
    if (filled.has(field.key)) continue;
    for (const occ of field.occurrences) {
      if (occ.start === created) continue;
      const dropped = blocks.some((b) => b.open.end <= occ.start && occ.end <= b.close!.start && keep.includes(b.name) !== (b.helper === 'if'));
      if (!dropped) out.push(textOf(field));
    }
  }
  return out.sort();
}

function blankRuns(text: string): number {
  return (text.match(/\n[ \t]*\n[ \t]*\n/g) ?? []).length;
}

test('five built-in templates with ids, titles, one-line descriptions and versions', () => {
  assert.deepEqual(
    builtinTemplates().map((t) => t.id),
    ['implementation-guide', 'implementation-plan', 'integration-page', 'integration-playbook', 'discovery-document'],
  );
  for (const t of builtinTemplates()) {
    assert.equal(t.source, 'builtin');
    assert.match(t.version, /^\d+\.\d+\.\d+$/);
    assert.ok(t.title && t.description && !t.description.includes('\n'), t.id);
    assert.ok(t.body.length > 1000, t.id);
    assert.ok(!t.body.includes('â€'), `${t.id} has mojibake`);
    assert.ok(!t.body.startsWith('```'), `${t.id} is fenced`);
  }
});

test('template fields are exactly the linter placeholder findings, grouped by identical text', () => {
  for (const t of builtinTemplates()) {
    const fields = templateFields(t);
    const occurrences = fields.flatMap((f) => f.occurrences.map(() => textOf(f))).sort();
    assert.deepEqual(occurrences, placeholders(t.body), t.id);
    assert.equal(new Set(fields.map((f) => f.key)).size, fields.length, `${t.id}: keys are distinct`);
  }
  const plan = templateFields(must('implementation-plan'));
  const systemA = plan.find((f) => f.key === '[SYSTEM_A]');
  assert.ok(systemA && systemA.occurrences.length >= 5 && systemA.name === 'SYSTEM_A' && systemA.kind === 'bracket');
  const page = templateFields(must('integration-page'));
  assert.deepEqual(page.find((f) => f.name === 'Beginner / Intermediate / Advanced')?.choices, ['Beginner', 'Intermediate', 'Advanced']);
  assert.equal(page.find((f) => f.key === '{{YOUR_DASHBOARD_LOCATION}}')?.kind, 'mustache');
  assert.equal(page.find((f) => f.name === 'YYYY-MM-DD')?.kind, 'date');
  assert.equal(page[0].key, '[project slug]', 'frontmatter fields come first');
  const guide = templateFields(must('implementation-guide'));
  assert.ok(guide.some((f) => f.name === 'Customer name or "Generic"'));
  // A field wrapped over two lines is one field with its whitespace collapsed in key and name.
  assert.ok(guide.some((f) => f.key.startsWith('[1-2 paragraphs') && !f.key.includes('\n') && f.text.includes('\n')));
  assert.deepEqual(templateFields(must('integration-playbook')), []);
});

test('template conditionals are the {{#if}} / {{#unless}} names', () => {
  assert.deepEqual(templateConditionals(must('implementation-plan')), ['accounting', 'marketing', 'fulfillment', 'HAS_DATA_MIGRATION']);
  for (const id of ['implementation-guide', 'integration-page', 'integration-playbook', 'discovery-document']) assert.deepEqual(templateConditionals(must(id)), []);
  assert.deepEqual(templateConditionals(tpl('{{#unless a}}x{{/unless}} {{#if b}}y{{/if}} {{#if a}}z{{/if}} {{#each c}}w{{/each}}')), ['a', 'b']);
});

for (const t of builtinTemplates()) {
  for (const mode of ['all on', 'all off'] as const) {
    test(`${t.id} renders with conditionals ${mode} and lints with exactly the unset fields`, () => {
      const keep = mode === 'all on' ? templateConditionals(t) : [];
      const fields = templateFields(t);
      // Set every other non-date field; the rest must remain, the set ones must be gone.
      const values: Record<string, string> = {};
      fields.filter((f) => f.kind !== 'date').forEach((f, i) => {
        if (i % 2 === 0) values[i % 4 === 0 ? f.key : f.name] = f.choices ? f.choices[0] : `Value ${i}`;
      });
      // A name fills only a field that covers every occurrence of its text (`[X]#2` needs its key).
      const filled = new Set(fields.filter((f) => answerFor(f, values) !== undefined).map((f) => f.key));
      for (const opts of [{ values: {}, filled: new Set<string>() }, { values, filled }]) {
        const out = renderTemplate(t, { values: opts.values, keep, today: TODAY });
        assert.deepEqual(placeholders(out), expectedFields(t, keep, opts.filled));
        const findings = lint(out);
        assert.deepEqual(findings.filter((f) => f.rule === 'conditional'), []);
        assert.ok(!/\{\{[#/](?:if|unless)\b|\{\{else\}\}/.test(out));
        assert.ok(blankRuns(out) <= blankRuns(t.body), 'no stray blank lines');
        assert.ok(out.endsWith('\n') && !out.endsWith('\n\n'));
        const data = buildModel(out, { patterns: [] }).frontmatter?.data;
        assert.equal(data?.template, t.id);
        assert.equal(data?.template_version, t.version);
        assert.equal(data?.created, TODAY);
        assert.equal(data?.status, 'outline');
      }
    });
  }
}

test('filled values replace every occurrence, by key or by name; blank answers leave the field', () => {
  const plan = must('implementation-plan');
  const out = renderTemplate(plan, { values: { SYSTEM_A: 'Shopify', '[SYSTEM_B]': 'NetSuite', CLIENT_NAME: '  ' }, today: TODAY });
  assert.ok(!out.includes('[SYSTEM_A]') && !out.includes('[SYSTEM_B]'));
  assert.ok(out.includes('**Integration**: Shopify ↔ NetSuite'));
  assert.equal(out.split('Shopify').length - 1, templateFields(plan).find((f) => f.key === '[SYSTEM_A]')!.occurrences.length);
  assert.ok(out.includes('[CLIENT_NAME]'));
});

test('conditionals: kept blocks lose their markers, dropped ones go with them; else and unless', () => {
  const body = joinLines(
    '# T',
    '',
    'Intro',
    '',
    '{{#if a}}',
    'A only',
    '{{else}}',
    'not A',
    '{{/if}}',
    '',
    '{{#unless b}}',
    'without B',
    '{{/unless}}',
    '',
    'Tail {{#if a}}inline{{/if}} end',
    '',
    '{{#if outer}}',
    'Outer',
    '{{#if a}}',
    'Nested A',
    '{{/if}}',
    '{{/if}}',
    '',
    'End',
    '',
  );
  const render = (keep: string[]) => renderTemplate(tpl(body), { keep, today: TODAY }).replace(/^---\n[\s\S]*?\n---\n\n/, '');
  assert.equal(render(['a', 'b', 'outer']), joinLines('# T', '', 'Intro', '', 'A only', '', 'Tail inline end', '', 'Outer', 'Nested A', '', 'End', ''));
  assert.equal(render([]), joinLines('# T', '', 'Intro', '', 'not A', '', 'without B', '', 'Tail  end', '', 'End', ''));
  assert.equal(render(['outer']), joinLines('# T', '', 'Intro', '', 'not A', '', 'without B', '', 'Tail  end', '', 'Outer', '', 'End', ''));
});

test('dropped blocks leave no stray blank lines, at the end or between sections', () => {
  const body = joinLines('# T', '', 'Para', '', '{{#if x}}', 'X', '{{/if}}', '', '{{#if y}}', 'Y', '{{/if}}', '', 'Next', '', '{{#if z}}', 'Z', '{{/if}}', '');
  const out = renderTemplate(tpl(body), { keep: [], today: TODAY });
  assert.ok(out.endsWith('\n\n# T\n\nPara\n\nNext\n'), JSON.stringify(out));
  const kept = renderTemplate(tpl(body), { keep: ['y'], today: TODAY });
  assert.ok(kept.endsWith('\n\n# T\n\nPara\n\nY\n\nNext\n'), JSON.stringify(kept));
});

test('implementation plan: each kept block stays a separate paragraph', () => {
  const out = renderTemplate(must('implementation-plan'), { keep: ['accounting', 'marketing', 'fulfillment'], today: TODAY });
  assert.ok(out.includes('- [ ] Daily reconciliation reports\n\n**Marketing-Specific**'));
  assert.ok(out.includes('- [ ] Returns workflow\n\n**Exit Criteria**'));
  const none = renderTemplate(must('implementation-plan'), { keep: [], today: TODAY });
  assert.ok(none.includes('- [ ] Implement sync workflows\n\n**Exit Criteria**'));
  assert.ok(none.includes('[RATE_LIMIT_B]\n\n---'));
});

test('frontmatter: the template’s own keys in order, fields filled through YAML, stamp appended', () => {
  const page = must('integration-page');
  const out = renderTemplate(page, { values: { 'partner-name': 'northwind-payments', partner: 'northwind-payments' }, today: TODAY });
  const fm = buildModel(out, { patterns: [] }).frontmatter;
  assert.ok(fm?.data);
  assert.deepEqual(Object.keys(fm.data), ['project', 'document', 'format_template', 'created', 'status', 'sources', 'outline', 'template', 'template_version']);
  assert.equal(fm.data.document, 'integration-page-northwind-payments');
  assert.equal(fm.data.created, TODAY);
  assert.deepEqual((fm.data.sources as Array<{ path: string }>).map((s) => s.path)[0], '/sources/northwind-payments-api-docs.md');
  const outline = fm.data.outline as Record<string, { sources: string[] }>;
  assert.deepEqual(outline['setup-guide'].sources, ['/sources/northwind-payments-api-docs.md', '/sources/your-api-docs.md']);
  // Formatting survives: quoted values stay quoted, flow lists stay flow lists, groups stay grouped.
  assert.ok(out.includes('    purpose: "partner API reference"\n'));
  assert.ok(out.includes('    sources: ["/sources/northwind-payments-api-docs.md", /sources/your-api-docs.md]\n'));
  assert.ok(out.includes('status: outline\n\nsources:\n'));
  assert.ok(out.includes('\n\ntemplate: integration-page\ntemplate_version: 1.0.0\n---\n\n# [Your Product] + [Partner] Integration'));
  assert.deepEqual(lint(out).filter((f) => f.rule === 'frontmatter'), []);

  // Comments survive; a template's own valid status is kept; a stub `created` is replaced.
  const team = tpl(joinLines('---', '# who owns this', 'owner: "[Owner]"  # a person', 'created: YYYY-MM-DD', 'status: draft', '---', '# Doc', ''));
  const t2 = renderTemplate(team, { values: { Owner: 'Ana' }, today: TODAY });
  assert.equal(t2, joinLines('---', '# who owns this', 'owner: "Ana" # a person', `created: ${TODAY}`, 'status: draft', 'template: test', 'template_version: 2.1.0', '---', '# Doc', ''));
  // Without frontmatter, one is created.
  assert.equal(renderTemplate(tpl('# Doc\n'), { today: TODAY }), joinLines('---', 'template: test', 'template_version: 2.1.0', `created: ${TODAY}`, 'status: outline', '---', '', '# Doc', ''));
});

test('suggestDefaults: today for dates, derived fields from their source, slugs from names and never names from slugs', () => {
  const page = must('integration-page');
  const fields = templateFields(page);
  const d = suggestDefaults(fields, { '[Partner]': 'Northwind Payments' }, TODAY);
  assert.equal(d['YYYY-MM-DD#1'], TODAY);
  assert.equal(d['YYYY-MM-DD#2'], TODAY);
  assert.equal(d['[Partner Platform]'], 'Northwind Payments');
  assert.equal(d['[partner]'], 'northwind-payments');
  assert.equal(d['[partner-name]'], 'northwind-payments');
  assert.equal(d['[Partner]'], undefined, 'answered fields get no default');
  assert.equal(d['[Partner support URL]'], undefined, 'more words: not related');
  assert.equal(d['[Partner > Settings > API]'], undefined);
  const small = templateFields(tpl('[Your Product] uses `/x/[your-product]-docs.md` on [PLAN_DATE] MM/DD/YYYY.\n\nDue: YYYY-MM\n'));
  const d2 = suggestDefaults(small, { 'Your Product': 'Acme Cloud' }, TODAY);
  assert.equal(d2['[your-product]'], 'acme-cloud');
  assert.equal(d2['YYYY-MM'], '2025-03');
  assert.equal(suggestDefaults(small, { 'your-product': 'acme-cloud' }, TODAY)['[Your Product]'], undefined, 'a name never takes a slug');
  assert.equal(small.find((f) => f.key === '[your-product]')?.derivedFrom, '[Your Product]');
  // The slug answered first does not pre-fill the name either (the "Configure globex-pay" bug).
  const fromSlug = suggestDefaults(fields, { '[partner-name]': 'globex-pay' }, TODAY);
  assert.equal(fromSlug['[Partner]'], undefined);
  assert.equal(fromSlug['[Partner Platform]'], undefined);
  assert.deepEqual(suggestDefaults(templateFields(must('implementation-plan')), { CLIENT_NAME: 'Acme' }, TODAY), { '[LAST_UPDATED]': TODAY });
  // No answer flows between the occurrences of a descriptive field.
  assert.deepEqual(Object.keys(suggestDefaults(fields, { '[X]#1': '30' }, TODAY)).filter((k) => k.startsWith('[X]')), []);
});

test('suggestFileName and uniqueFileName', () => {
  assert.equal(suggestFileName(must('integration-page'), { Partner: 'Acme' }), 'integration-page-acme.md');
  assert.equal(suggestFileName(must('integration-page'), {}), 'integration-page.md');
  assert.equal(suggestFileName(must('implementation-plan'), { CLIENT_NAME: 'Globex, Inc.', PROJECT_NAME: 'Sync' }), 'implementation-plan-globex-inc.md');
  assert.equal(suggestFileName(must('implementation-plan'), { PROJECT_NAME: 'Order Sync' }), 'implementation-plan-order-sync.md');
  assert.equal(suggestFileName(must('implementation-guide'), { '[Customer name or "Generic"]': 'Initech' }), 'implementation-guide-initech.md');
  assert.equal(suggestFileName(must('discovery-document'), { 'Integration Name': 'Stripe' }), 'discovery-document-stripe.md');
  assert.equal(slugify('Ünïcode  & Co.'), 'unicode-co');
  const taken = new Set(['a.md', 'a-2.md']);
  assert.equal(uniqueFileName('a.md', (n) => taken.has(n)), 'a-3.md');
  assert.equal(uniqueFileName('b.md', (n) => taken.has(n)), 'b.md');
});

test('team templates: metadata removed, the rest of the frontmatter kept, id from the file name', () => {
  const text = joinLines('---', 'title: Launch note', 'description: Partner launch note', 'version: 3', '# kept comment', 'status: draft', '---', '# [Partner] is live', '');
  const parsed = parseTeamTemplate('.integration-docs/templates/Launch Note.md', text);
  assert.ok(parsed.ok);
  const t = parsed.template;
  assert.deepEqual({ id: t.id, title: t.title, description: t.description, version: t.version, source: t.source }, {
    id: 'launch-note',
    title: 'Launch note',
    description: 'Partner launch note',
    version: '3',
    source: 'workspace',
  });
  assert.equal(t.body, joinLines('---', '# kept comment', 'status: draft', '---', '# [Partner] is live', ''));
  const out = renderTemplate(t, { values: { Partner: 'Acme' }, today: TODAY });
  assert.ok(out.startsWith(joinLines('---', '# kept comment', 'status: draft', 'template: launch-note', 'template_version: "3"', `created: ${TODAY}`, '---', '# Acme is live')));
  const only = parseTeamTemplate('x.md', joinLines('---', 'id: custom', 'title: T', 'description: D', '---', '', '# Body [Field]', ''));
  assert.ok(only.ok && only.template.id === 'custom' && only.template.body === '# Body [Field]\n');
});

test('broken team templates give a clear message naming the file', () => {
  const cases: Array<[string, RegExp]> = [
    [joinLines('---', 'title: [broken', '---', 'x'), /^t\.md: Frontmatter is not valid YAML: .*\(line \d+\)$/],
    ['# No frontmatter', /^t\.md: no frontmatter/],
    [joinLines('---', 'title: Only a title', '---', 'x'), /^t\.md: frontmatter has no `description`/],
    [joinLines('---', 'description: d', '---', 'x'), /^t\.md: frontmatter has no `title`/],
    [joinLines('---', 'title: T', 'description: D', 'id: Bad Id', '---', 'x'), /`id` "Bad Id"/],
    [joinLines('---', 'title: T', 'description: D', '---', '{{#if beta}}', 'x'), /^t\.md: line 5: Unresolved template block "beta".*no closing/],
    [joinLines('---', 'title: T', 'description: D', '---', 'x', '{{/if}}'), /^t\.md: line 6: Stray/],
  ];
  for (const [text, message] of cases) {
    const parsed = parseTeamTemplate('t.md', text);
    assert.ok(!parsed.ok, text);
    assert.match(parsed.error, message);
  }
});

test('mergeTemplates: team templates after built-ins, replacing a built-in id, duplicates reported', () => {
  const team = (file: string, id: string): TemplateInfo => ({ ...tpl('# x\n', id), source: 'workspace', file });
  const { templates, warnings } = mergeTemplates(builtinTemplates(), [team('b.md', 'mine'), team('c.md', 'integration-page'), team('a.md', 'mine')]);
  assert.deepEqual(templates.map((t) => `${t.id}:${t.source}`), [
    'implementation-guide:builtin',
    'implementation-plan:builtin',
    'integration-page:workspace',
    'integration-playbook:builtin',
    'discovery-document:builtin',
    'mine:workspace',
  ]);
  assert.equal(templates.find((t) => t.id === 'mine')?.file, 'a.md');
  assert.deepEqual(warnings, ['b.md: id "mine" is already used by a.md; ignored']);
});

/**
 * Expands a snippet the way VS Code does when every tab stop keeps its default (choices take
 * their first option), failing on anything the snippet grammar would not accept.
 */
function expandSnippet(body: string, today: string): { text: string; stops: Map<number, string> } {
  const [y, m, d] = today.split('-');
  const vars: Record<string, string> = { CURRENT_YEAR: y, CURRENT_MONTH: m, CURRENT_DATE: d };
  const stops = new Map<number, string>();
  let i = 0;
  const parse = (inPlaceholder: boolean): string => {
    let out = '';
    while (i < body.length) {
      const c = body[i];
      if (c === '\\' && '$}\\'.includes(body[i + 1])) {
        out += body[i + 1];
        i += 2;
      } else if (c === '}' && inPlaceholder) {
        return out;
      } else if (c === '}') {
        throw new Error(`unescaped } at ${i}`);
      } else if (c === '$') {
        const v = /^\$([A-Z_]+)/.exec(body.slice(i));
        const t = /^\$\{(\d+)([:|}])/.exec(body.slice(i));
        if (v && vars[v[1]] !== undefined) {
          out += vars[v[1]];
          i += v[0].length;
        } else if (t) {
          const n = Number(t[1]);
          i += t[0].length;
          if (t[2] === '}') {
            assert.ok(stops.has(n), `mirror $${n} before its placeholder`);
            out += stops.get(n);
          } else if (t[2] === ':') {
            assert.ok(!stops.has(n), `placeholder ${n} defined twice`);
            const value = parse(true);
            assert.equal(body[i], '}');
            i++;
            stops.set(n, value);
            out += value;
          } else {
            const close = body.indexOf('|}', i);
            const choices = body.slice(i, close).split(/(?<!\\),/).map((s) => s.replace(/\\([,|\\])/g, '$1'));
            i = close + 2;
            stops.set(n, choices[0]);
            out += choices[0];
          }
        } else {
          throw new Error(`unescaped $ at ${i}: ${body.slice(i, i + 20)}`);
        }
      } else {
        out += c;
        i++;
      }
    }
    assert.ok(!inPlaceholder, 'unclosed placeholder');
    return out;
  };
  const text = parse(false);
  return { text, stops };
}

test('snippets: one tab stop per field, shared ones repeated, choices that answer nothing by default, escaping', () => {
  const file = snippetsFile(builtinTemplates());
  assert.equal(Object.keys(file).length, builtinTemplates().length);
  for (const t of builtinTemplates()) {
    const s = file[t.title];
    assert.equal(s.prefix, `idoc-${t.id}`);
    assert.equal(s.description, t.description);
    assert.ok(Array.isArray(s.body) && s.body.every((l) => typeof l === 'string'));
    const { text, stops } = expandSnippet(s.body.join('\n'), TODAY);
    const fields = templateFields(t);
    assert.equal(stops.size, fields.length, `${t.id}: one tab stop per distinct field`);
    // Keeping every default gives back the template with only its date stubs answered: a
    // choice stop offers the field text first, so tabbing past it answers nothing.
    const values: Record<string, string> = {};
    for (const f of fields) if (f.kind === 'date') values[f.key] = TODAY;
    const expected = t.body.replace(/\n$/, '');
    const answered = fields.filter((f) => values[f.key] !== undefined);
    let manual = expected;
    for (const f of answered) manual = manual.split(f.text).join(values[f.key]);
    assert.equal(text, manual, t.id);
  }
  const plan = templateSnippet(must('implementation-plan'));
  const n = /\$\{(\d+):\[SYSTEM_A\]\}/.exec(plan)?.[1];
  assert.ok(n);
  assert.equal(plan.split(`\${${n}}`).length - 1, templateFields(must('implementation-plan')).find((f) => f.key === '[SYSTEM_A]')!.occurrences.length - 1);
  assert.ok(plan.includes('{{#if accounting\\}\\}'));
  const page = templateSnippet(must('integration-page'));
  assert.match(page, /\*\*Difficulty:\*\* \$\{\d+\|\[Beginner \/ Intermediate \/ Advanced\],Beginner,Intermediate,Advanced\|\}/);
  // One tab stop per [X]: typing the setup time fills no rate limit.
  const xs = [...page.matchAll(/\$\{(\d+):\[X\]\}/g)].map((m) => m[1]);
  assert.equal(new Set(xs).size, 6);
  assert.ok(page.includes('console.log(`Synced \\${partnerCustomers.data.length\\} customers`);'));
  assert.match(page, /^---\ncreated|^---\nproject/);
  assert.ok(templateSnippet(must('integration-page'), { frontmatter: false }).startsWith('# ${'));
  assert.equal(templateSnippet(tpl('a\\b $x [One, two] [A / B / C,D]')), 'a\\\\b \\$x ${1:[One, two]} ${2|[A / B / C\\,D],A,B,C\\,D|}');
  assert.equal(templateSnippet(tpl('[Casual / Professional / Academic] and [Say A|B / Say C / D]')), '${1|[Casual / Professional / Academic],Casual,Professional,Academic|} and ${2|[Say A\\|B / Say C / D],Say A\\|B,Say C,D|}');
});

test(`the committed ${SNIPPETS_PATH} is what the generator produces now`, () => {
  const committed = read(join(ROOT, SNIPPETS_PATH));
  assert.equal(committed, snippetsJson(), 'run npm run build to regenerate it');
  const parsed = JSON.parse(committed) as Record<string, { prefix: string; body: string[]; description: string }>;
  assert.deepEqual(Object.values(parsed).map((s) => s.prefix), builtinTemplates().map((t) => `idoc-${t.id}`));
  const pkg = JSON.parse(read(join(ROOT, 'package.json'))) as { contributes?: { snippets?: Array<{ language: string; path: string }> } };
  assert.deepEqual(pkg.contributes?.snippets, [
    { language: 'markdown', path: `./${SNIPPETS_PATH}` },
    { language: 'mdx', path: `./${SNIPPETS_PATH}` },
  ]);
});

test('the template engine is pure: no Node built-ins, no vscode (it also runs in a web worker)', () => {
  for (const dir of ['src/core/templates', 'src/templates']) {
    for (const name of readdirSync(join(ROOT, dir)).filter((n) => n.endsWith('.ts'))) {
      const text = read(join(ROOT, dir, name));
      assert.doesNotMatch(text, /from '(?:node:[^']+|fs|path|os|vscode)'|require\(/, `${dir}/${name}`);
    }
  }
});
