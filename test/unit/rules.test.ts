/**
 * Small inline cases for every rule: exact ranges AND exact messages, severities, and the
 * engine bugs found while writing the fixtures (each fixed, kept as a regression test).
 * Ranges and rules of the larger cases live in test/fixtures/rules/*.md.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { lint, type Finding, type LintOptions } from '../../src/core/index';
import { FIXTURES, joinLines, read, readExpectation } from './helpers';

/** `line:col-endLine:endCol rule message` of every finding. */
function shown(text: string, options: LintOptions = {}): string[] {
  return lint(text, options).map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.rule} ${f.message}`);
}

/** The text each finding covers. */
function covered(text: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => text.slice(f.startOffset, f.endOffset));
}

// --- placeholder -----------------------------------------------------------------------

test('placeholder: message of a plain field names it and says what to do', () => {
  assert.deepEqual(shown('Customer: [Customer name or "Generic"]'), [
    '1:11-1:39 placeholder Unfilled placeholder `[Customer name or "Generic"]`: replace it with the value',
  ]);
});

test('placeholder: a choice list lists its choices', () => {
  assert.deepEqual(shown('Tone: [Casual / Professional / Academic]'), [
    '1:7-1:41 placeholder Unfilled choice `[Casual / Professional / Academic]`: pick Casual, Professional or Academic',
  ]);
  assert.deepEqual(shown('[Active / Passive]'), ['1:1-1:19 placeholder Unfilled choice `[Active / Passive]`: pick Active or Passive']);
  // Two parts that are not both capitalized are a description, not a choice.
  assert.deepEqual(shown('[Runtime / platform]'), ['1:1-1:21 placeholder Unfilled placeholder `[Runtime / platform]`: replace it with the value']);
});

test('placeholder: a date stub asks for a date', () => {
  assert.deepEqual(shown('**Last updated:** YYYY-MM-DD'), ['1:19-1:29 placeholder Unfilled date `YYYY-MM-DD`: replace it with the date']);
  assert.deepEqual(shown('Dates use the YYYY-MM-DD format.'), []);
});

test('placeholder: mustache fields in prose, only ALL-CAPS in code', () => {
  assert.deepEqual(shown(joinLines('Plan: {{PLAN_LEVEL}} for {{ customer_name }}', '', '`{{ item.name }}` `{{API_URL}}`')), [
    '1:7-1:21 placeholder Unfilled placeholder `{{PLAN_LEVEL}}`: replace it with the value',
    '1:26-1:45 placeholder Unfilled placeholder `{{ customer_name }}`: replace it with the value',
    '3:20-3:31 placeholder Unfilled placeholder `{{API_URL}}`: replace it with the value',
  ]);
});

test('placeholder: a configured pattern says so', () => {
  assert.deepEqual(shown('Price: TBD', { placeholderPatterns: ['\\bTBD\\b'] }), [
    '1:8-1:11 placeholder Unfilled placeholder `TBD` (a configured pattern): replace it with the value',
  ]);
});

test('placeholder: long fields are shortened in the message, never in the range', () => {
  const text = 'Very long: [This is a very long descriptive placeholder text that goes on and on and on for a while]';
  const [f] = lint(text);
  assert.equal(covered(text, [f])[0], text.slice(11));
  assert.equal(f.message, 'Unfilled placeholder `[This is a very long descriptive placeholder text that goes …a while]`: replace it with the value');
});

test('placeholder: a field spanning two lines is one finding over both', () => {
  const text = joinLines('[1-2 paragraphs describing the integration', 'and its assumptions.]');
  assert.deepEqual(shown(text).map((s) => s.split(' ')[0]), ['1:1-2:22']);
});

test('placeholder: a field in a task item is reported, the box is not', () => {
  const text = joinLines('### Phase 1', '', '- [ ] Obtain [SYSTEM_A] API credentials');
  const findings = lint(text);
  assert.deepEqual(covered(text, findings), ['[SYSTEM_A]']);
  assert.deepEqual(findings[0].data, { kind: 'placeholder', text: '[SYSTEM_A]', name: 'SYSTEM_A', dialect: 'bracket', fieldKind: 'variable' });
});

test('placeholder: links, references, footnotes, alerts, wiki links, citations, escapes and comments are not fields', () => {
  const text = joinLines(
    'See [setup](./setup.md), ![img](a.png), [docs][d], [d][], [d], a note[^1], [1], [[Wiki]], \\[escaped\\].',
    '',
    '> [!NOTE]',
    '> Alert.',
    '',
    '<!-- [Comment field] -->',
    '',
    '[d]: https://example.com',
    '[^1]: Footnote.',
  );
  assert.deepEqual(shown(text), []);
});

test('placeholder: a shortcut reference without a definition is a field', () => {
  assert.deepEqual(shown('Read [the docs].'), ['1:6-1:16 placeholder Unfilled placeholder `[the docs]`: replace it with the value']);
});

test('placeholder: reader-facing placeholders stay', () => {
  const text = joinLines('```bash', 'curl -H "Authorization: Bearer <YOUR_API_KEY>" https://your-domain.com -d key=$API_TOKEN', '```', '', 'Keys look like `pk_xxx` and `sk_xxx`; run `your-product-cli`.');
  assert.deepEqual(shown(text), []);
});

// --- unchecked-dod ---------------------------------------------------------------------

test('unchecked-dod: message names the heading and the item', () => {
  const text = joinLines('## 10. SUCCESS CHECKLIST', '', '- [ ] All acceptance criteria met', '- [x] Done already');
  assert.deepEqual(shown(text), [
    '3:1-3:34 unchecked-dod Unchecked "10. SUCCESS CHECKLIST" item: All acceptance criteria met — finish it, then check it',
  ]);
  const [f] = lint(text);
  assert.deepEqual(f.data, { kind: 'task', markerStart: f.startOffset + 2, markerEnd: f.startOffset + 5, label: 'All acceptance criteria met' });
});

test('unchecked-dod: a DoD heading in a code fence is not a heading', () => {
  assert.deepEqual(shown(joinLines('```md', '## Definition of Done', '- [ ] x', '```', '- [ ] y')), []);
});

test('unchecked-dod: two DoD sections both count; emphasis in the title is fine', () => {
  const text = joinLines('## **Definition of Done**', '', '- [ ] a', '', '## Definition of Done', '', '- [ ] b');
  assert.deepEqual(shown(text).map((s) => s.split(' ').slice(0, 2).join(' ')), ['3:1-3:8 unchecked-dod', '7:1-7:8 unchecked-dod']);
});

test('unchecked-dod: dodHeadings replaces the default titles', () => {
  const text = joinLines('## Exit Criteria', '', '- [ ] a', '', '## Definition of Done', '', '- [ ] b');
  assert.deepEqual(shown(text, { dodHeadings: ['exit criteria'] }).map((s) => s.split(' ')[0]), ['3:1-3:8']);
});

// --- conditional -----------------------------------------------------------------------

test('conditional: messages for closed, unclosed, unless and stray tags', () => {
  const text = joinLines('{{#if accounting}}', 'x', '{{else}}', 'y', '{{/if}}', '', '{{#unless sandbox}}', '', '{{/if}}');
  assert.deepEqual(shown(text), [
    '1:1-1:19 conditional Unresolved template block "accounting": keep or remove it',
    '7:1-7:20 conditional Unresolved template block "unless sandbox": keep or remove it (it has no closing {{/unless}})',
    '9:1-9:8 conditional Stray {{/if}} without an opening block: remove it',
  ]);
  // Iteration and scope helpers are not conditionals, open or closed.
  assert.deepEqual(shown(joinLines('{{#each items}}', 'x', '{{/each}}', '', '{{/with}}')), []);
  const [first] = lint(text);
  assert.deepEqual(first.data, {
    kind: 'conditional',
    name: 'accounting',
    helper: 'if',
    open: { start: 0, end: 18 },
    else: { start: 21, end: 29 },
    close: { start: 32, end: 39 },
  });
});

test('conditional: a stray {{else}} and mismatched nesting', () => {
  assert.deepEqual(shown('A lone {{else}} here.'), ['1:8-1:16 conditional Stray {{else}} without an opening block: remove it']);
  assert.deepEqual(shown('Text {{#if a}}{{#unless b}}x{{/if}}'), [
    '1:6-1:15 conditional Unresolved template block "a": keep or remove it',
    '1:15-1:28 conditional Unresolved template block "unless b": keep or remove it (it has no closing {{/unless}})',
  ]);
});

test('conditional: tags in code are ignored', () => {
  assert.deepEqual(shown(joinLines('`{{#if a}}`', '', '```hbs', '{{#if b}}', '{{/if}}', '```')), []);
});

// --- frontmatter -----------------------------------------------------------------------

test('frontmatter: messages', () => {
  assert.deepEqual(shown(joinLines('---', 'template: integration-page', 'status: published', '---')), [
    '3:9-3:18 frontmatter Unknown status "published": expected outline, draft or final',
  ]);
  assert.deepEqual(shown(joinLines('---', 'status: draft', 'sources: a.md', '---')), [
    '3:10-3:14 frontmatter `sources` must be a list of entries with `path` and `purpose`',
  ]);
  assert.deepEqual(shown(joinLines('---', 'sources:', '  - {path: a.md}', '  - b.md', '---')), [
    '3:5-3:17 frontmatter Source `a.md` has no `purpose`: say what it is used for',
    '4:5-4:9 frontmatter A `sources` entry must be a mapping with a `path` (and a `purpose`)',
  ]);
  assert.deepEqual(shown(joinLines('---', 'sources:', '  - {path: a.md, purpose: p}', 'outline:', '  intro: {sources: [b.md]}', '---', '# Intro')), [
    '5:21-5:25 frontmatter Outline entry `intro` uses `b.md`, which is not declared under `sources`',
  ]);
  assert.deepEqual(shown(joinLines('---', 'title: x', 'title: y', '---')), ['3:1-3:2 frontmatter Frontmatter is not valid YAML: Map keys must be unique']);
  assert.deepEqual(shown(joinLines('---', 'title: x', '', '# No closing line')), [
    '1:1-1:4 frontmatter Frontmatter is not closed: add a line `---` after it',
  ]);
});

test('frontmatter: another tool’s keys of the same name are its own (an agent skill’s sources, a decision record’s status)', () => {
  const resolveSource = () => ({ exists: false, outside: false });
  const skill = joinLines('---', 'name: sync', 'sources:', '  - docs/sync.md', "  - 'org/repo:docs/api.mdx'", '---', '# Sync');
  assert.deepEqual(shown(skill, { resolveSource }), []);
  assert.deepEqual(shown(joinLines('---', 'status: accepted', 'date: 2024-05-01', '---', '# Use queues')), []);
  // Any sign of an integration doc makes the keys ours again: a template, an outline, our status, a mapping entry.
  for (const marker of ['template: integration-page', 'outline: {overview: {purpose: p}}', 'status: draft']) {
    const doc = joinLines('---', marker, 'sources:', '  - docs/sync.md', '---', '# Overview');
    assert.ok(shown(doc, { resolveSource }).some((s) => s.includes('frontmatter A `sources` entry must be a mapping')), marker);
  }
});

test('frontmatter: broken YAML is one finding and the body is still linted', () => {
  const text = joinLines('---', 'a: b: c', 'd: "unterminated', '---', '', 'C: [Customer name]');
  assert.deepEqual(shown(text).map((s) => s.split(' ').slice(0, 2).join(' ')), ['2:4-2:5 frontmatter', '6:4-6:19 placeholder']);
});

test('frontmatter: a document without frontmatter has no frontmatter findings', () => {
  assert.deepEqual(shown(joinLines('# Title', '', '---', '', 'status: whatever')), []);
});

// --- severities ------------------------------------------------------------------------

test('severity follows status: outline → information, draft → warning, final → error, none → warning', () => {
  const doc = (status?: string) => joinLines(...(status ? ['---', `status: ${status}`, '---'] : []), 'C: [Customer name]');
  assert.deepEqual(lint(doc('outline')).map((f) => f.severity), ['information']);
  assert.deepEqual(lint(doc('draft')).map((f) => f.severity), ['warning']);
  assert.deepEqual(lint(doc('final')).map((f) => f.severity), ['error']);
  assert.deepEqual(lint(doc()).map((f) => f.severity), ['warning']);
  // An unknown status is reported and does not raise severities.
  const page = joinLines('---', 'template: integration-page', 'status: published', '---', 'C: [Customer name]');
  assert.deepEqual(lint(page).map((f) => `${f.rule} ${f.severity}`), ['frontmatter warning', 'placeholder warning']);
  // Another tool's status word is its own: no finding, default severity.
  assert.deepEqual(lint(doc('accepted')).map((f) => `${f.rule} ${f.severity}`), ['placeholder warning']);
});

test('severity: configured levels win over status; off silences a rule; auto follows status', () => {
  const text = joinLines('---', 'status: final', '---', 'C: [Customer name] {{#if a}}{{/if}}', '', '## Definition of Done', '', '- [ ] x');
  const got = lint(text, { rules: { placeholder: 'hint', conditional: 'auto', 'unchecked-dod': 'off' } });
  assert.deepEqual(got.map((f) => `${f.rule} ${f.severity}`), ['placeholder hint', 'conditional error']);
  assert.deepEqual(lint(joinLines('---', 'status: bogus', '---'), { rules: { frontmatter: 'off' } }), []);
});

/**
 * severity-*.md fixtures carry `<!-- severity: LEVEL -->` (every finding) or
 * `<!-- severity: rule=LEVEL … -->` (per rule) next to their `expect` block.
 */
for (const name of readdirSync(join(FIXTURES, 'rules')).filter((n) => n.startsWith('severity-'))) {
  test(`fixture rules/${name}: severities`, () => {
    const text = read(join(FIXTURES, 'rules', name));
    const spec = /<!-- severity: ([^>]*?) -->/.exec(text);
    assert.ok(spec, 'the fixture says which severities it expects');
    const wanted = new Map<string, string>();
    let all: string | undefined;
    for (const token of spec[1].split(/\s+/)) {
      const [rule, level] = token.split('=');
      if (level === undefined) all = rule;
      else wanted.set(rule, level);
    }
    const findings = lint(text, readExpectation(text)?.options ?? {});
    assert.ok(findings.length > 0);
    for (const f of findings) assert.equal(f.severity, wanted.get(f.rule) ?? all, `${f.rule} at ${f.line}:${f.column}`);
  });
}

// --- suppression -----------------------------------------------------------------------

test('suppression: a directive inside a code fence does nothing', () => {
  const text = joinLines('```md', '<!-- integration-docs-disable-file -->', '```', '', 'C: [Customer name]');
  assert.equal(lint(text).length, 1);
});

test('suppression: disable-next-line covers a field that starts on the next line, whatever its length', () => {
  assert.deepEqual(shown(joinLines('<!-- integration-docs-disable-next-line -->', 'C: [Customer name', 'continued] x')), []);
  assert.deepEqual(shown(joinLines('<!--', 'integration-docs-disable-next-line placeholder', '-->', 'C: [Customer name]')), []);
});

test('suppression: enable of one rule after disabling all re-enables only that rule', () => {
  const text = joinLines('<!-- integration-docs-disable -->', '<!-- integration-docs-enable placeholder -->', 'C: [Customer name] {{#if a}}{{/if}}');
  assert.deepEqual(lint(text).map((f) => f.rule), ['placeholder']);
});

// --- engine bugs found while writing the fixtures (fixed) ------------------------------

test('a BOM does not hide the first block', () => {
  // Offsets count the BOM (offset 0), so `[Field]` is at offset 5, column 6.
  assert.deepEqual(shown('\uFEFF# T [Field]\n').map((s) => s.split(' ').slice(0, 2).join(' ')), ['1:6-1:13 placeholder']);
});

test('descriptive text with the word "this" in code is a field', () => {
  assert.deepEqual(shown(joinLines('```', '[Describe this step]', '```')).map((s) => s.split(' ')[0]), ['2:1-2:21']);
});

test('a block-mapping sources entry is reported on its own lines', () => {
  // The range ends at 4:1 (the start of the next line) instead of the end of `purpose: Missing path`.
  assert.deepEqual(shown(joinLines('---', 'sources:', '  - purpose: Missing path', '---')).map((s) => s.split(' ')[0]), ['3:5-3:26']);
});

test('unterminated frontmatter does not swallow the body', () => {
  const text = joinLines('---', 'title: Acme', '', '# Body', '', 'C: [Customer name]');
  assert.deepEqual(shown(text).map((s) => s.split(' ').slice(0, 2).join(' ')), ['1:1-1:4 frontmatter', '6:4-6:19 placeholder']);
});

test('an unquoted bracketed frontmatter value is a field', () => {
  assert.deepEqual(shown(joinLines('---', 'title: [Partner Name]', '---')).map((s) => s.split(' ').slice(0, 2).join(' ')), ['2:8-2:22 placeholder']);
});

test('descriptive code text: "this" counts as code only as the receiver of a message send', () => {
  const code = (line: string) => shown(joinLines('```', line, '```')).map((x) => x.split(' ')[0]);
  assert.deepEqual(code('[What triggers this integration?]'), ['2:1-2:34']);
  for (const objc of ['[self.tableView reloadData]', '[super viewDidLoad]', '[self close]', '[this is code]', '[task resume];']) {
    assert.deepEqual(code(objc), [], objc);
  }
});

test('frontmatter spans end at the last character of the value, not the next line or a comment', () => {
  const text = joinLines('---', 'status: draft', 'sources:', '  - path: /a.md', '    purpose: First', '  - path: /b.md   # no purpose', 'title: |', '    text', '---', '# T');
  assert.deepEqual(shown(text).map((x) => x.split(' ').slice(0, 2).join(' ')), ['6:5-6:16 frontmatter']);
  // A block-mapping value (an outline entry with sources) that is not a mapping is reported on its lines only.
  const seq = joinLines('---', 'outline:', '  intro:', '    - a', '    - b', '', '---');
  assert.deepEqual(shown(seq).map((x) => x.split(' ').slice(0, 2).join(' ')).filter((x) => x.endsWith('frontmatter')), ['4:5-5:8 frontmatter']);
});

test('unterminated frontmatter: the block is the run of YAML-looking lines after `---`', () => {
  const brief = (text: string) => shown(text).map((x) => x.split(' ').slice(0, 2).join(' '));
  // A `# heading` ends it even without a blank line; fields in the YAML read so far still count.
  assert.deepEqual(brief(joinLines('---', 'title: [Partner Name]', 'tags:', '  - a', '# Body', 'C: [Customer name]')), [
    '1:1-1:4 frontmatter',
    '2:8-2:22 placeholder',
    '6:4-6:19 placeholder',
  ]);
  // Prose right after the keys ends it too; leading blank lines belong to the block.
  assert.deepEqual(brief(joinLines('---', '', 'title: Acme', 'Some prose with [X] in it.')), ['1:1-1:4 frontmatter', '4:17-4:20 placeholder']);
  // No key in the first lines: a thematic break, not frontmatter.
  assert.deepEqual(brief(joinLines('---', '', 'Text [X]')), ['3:6-3:9 placeholder']);
  // CRLF
  assert.deepEqual(brief('---\r\ntitle: Acme\r\n\r\nC: [X]\r\n'), ['1:1-1:4 frontmatter', '4:4-4:7 placeholder']);
});

test('unquoted bracketed frontmatter values: one plain item with a space or in capitals is a field', () => {
  const brief = (text: string) => shown(text).map((x) => x.split(' ').slice(0, 2).join(' '));
  const fm = (...lines: string[]) => joinLines('---', ...lines, '---', '# T');
  assert.deepEqual(brief(fm('status: [STATUS]')), ['2:9-2:17 placeholder']);
  assert.deepEqual(brief(fm('owner: [X]', 'name: [PARTNER_NAME]')), ['2:8-2:11 placeholder', '3:7-3:21 placeholder']);
  assert.deepEqual(brief(fm('title: {{ customer_name }}')), ['2:8-2:27 placeholder']);
  assert.deepEqual(brief(fm('items:', '  - [Partner Name]')), ['3:5-3:19 placeholder']);
  // Lists stay lists.
  assert.deepEqual(brief(fm('tags: [payments, webhooks]', 'more: [payments]', 'cats: [Payments]', 'quoted: ["Partner Name"]', 'nums: [1]')), []);
  assert.ok(brief(fm('sources: [/a.md, /b.md]')).every((x) => !x.endsWith('placeholder')));
  // A status holding a field is not also an unknown status; a real unknown status still is.
  assert.deepEqual(brief(fm('status: "[Status]"')), ['2:10-2:18 placeholder']);
  assert.deepEqual(brief(fm('template: t', 'status: done')), ['3:9-3:13 frontmatter']);
  // A key is never a value.
  assert.deepEqual(brief(fm('[Partner Name]: x')), []);
});

test('placeholder: an undefined full or collapsed reference is one finding for the pair', () => {
  assert.deepEqual(shown('Read [the manual][manual].'), [
    '1:6-1:26 placeholder Unfilled placeholder or undefined reference `[the manual][manual]`: define `[manual]: <url>` or replace it with the value',
  ]);
  assert.deepEqual(shown('See [Setup Notes][] first.'), [
    '1:5-1:20 placeholder Unfilled placeholder or undefined reference `[Setup Notes][]`: define `[Setup Notes]: <url>` or replace it with the value',
  ]);
  assert.deepEqual(shown(joinLines('Read [the manual][manual].', '', '[manual]: https://example.com')), []);
  // Defined in another block far below: still resolved through the pair's label.
  assert.deepEqual(shown(joinLines('Read [the manual][Manual].', '', '## Later', '', 'Text.', '', '[manual]: https://example.com')), []);
  const lint1 = lint('Read [the manual][manual].')[0];
  assert.equal((lint1.data as { name?: string }).name, 'the manual');
});

test('date stubs: linear on a long line, same answers', () => {
  const long = 'YYYY-MM-DD '.repeat(10_000);
  const t0 = Date.now();
  assert.deepEqual(lint(long), []);
  assert.deepEqual(shown(`x: ${long.trimEnd()}`).length, 0);
  assert.ok(Date.now() - t0 < 1500, `took ${Date.now() - t0} ms`);
  assert.deepEqual(shown(`${'word '.repeat(20_000)}\nLast updated: YYYY-MM-DD (draft)`).map((x) => x.split(' ')[0]), ['2:15-2:25']);
  assert.deepEqual(shown('Dates use the format: YYYY-MM-DD'), []);
  assert.deepEqual(shown('- **YYYY-MM-DD** <!-- c -->'), ['1:5-1:15 placeholder Unfilled date `YYYY-MM-DD`: replace it with the date']);
});

test('frontmatter: a collection key does not make the YAML library warn on the process', () => {
  const warnings: unknown[] = [];
  const original = process.emitWarning;
  const originalWarn = console.warn;
  process.emitWarning = ((w: unknown) => void warnings.push(w)) as typeof process.emitWarning;
  console.warn = (...a: unknown[]) => void warnings.push(a);
  try {
    lint(joinLines('---', '[bracketed key]: x', '{a: 1}: y', '---', '# T'));
    // Errors are still reported.
    assert.deepEqual(shown(joinLines('---', 'title: [unclosed', '---', '# T')).map((x) => x.split(' ')[1]), ['frontmatter']);
  } finally {
    process.emitWarning = original;
    console.warn = originalWarn;
  }
  assert.deepEqual(warnings, []);
});

test('frontmatter: an alias with no anchor is an error, not a crash', () => {
  assert.deepEqual(shown(joinLines('---', 'sources:', '  - path: */sources/a.md', '---', '# T')), [
    '3:11-3:25 frontmatter Frontmatter is not valid YAML: Unresolved alias (the anchor must be set before the alias): /sources/a.md',
  ]);
});

test('published-doc shapes: quoted literals, literal unions, phonetics, regex classes, padded braces, camelCase array values', () => {
  const brief = (text: string) => shown(text).map((x) => x.split(' ').slice(0, 3).join(' '));
  assert.deepEqual(brief("Prints '[Circular]' for a cycle and \"[Object]\" past the depth."), []);
  assert.deepEqual(brief('Whether the hashes match [true | false].'), []);
  assert.deepEqual(brief('Said like [ledʒe] in French.'), []);
  assert.deepEqual(brief("Placeholders '{{date}}' and \"{{time}}\" are replaced by the formatter."), []);
  assert.deepEqual(brief('See (RELEASING.md)[../RELEASING.md].'), []);
  assert.deepEqual(brief(joinLines('```js', 'const m = /^[jfmamjjasond]/i;', '```')), []);
  assert.deepEqual(brief('Refetch with `refetchQueries: [GET_TODOS]`.'), []);
  assert.deepEqual(brief(joinLines('```sh', 'pnpm test -- [partial filename]', '```')), []);
  assert.deepEqual(brief(joinLines('---', 'description: call next({ ctx }) then { yield }', '---')), []);
  // The same shapes as fields stay fields.
  assert.deepEqual(brief("Owner: '[Owner name]' and [Customer name]."), ['1:9-1:21 placeholder Unfilled', '1:27-1:42 placeholder Unfilled']);
  assert.deepEqual(brief('Pick [Yes | No].'), ['1:6-1:16 placeholder Unfilled']);
  assert.deepEqual(brief(joinLines('```yaml', 'api_key: "[PARTNER_API_KEY]"', 'owner: [OWNER_TEAM]', '```')), ['2:11-2:28 placeholder Unfilled', '3:8-3:20 placeholder Unfilled']);
  assert.deepEqual(brief(joinLines('---', 'owner: "[Owner]"', '---')), ['2:9-2:16 placeholder Unfilled']);
  assert.deepEqual(brief('- [Describe the change in one sentence] and why it matters'), ['1:3-1:40 placeholder Unfilled']);
});

test('a link reference definition inside a block quote or list defines the label for the whole document', () => {
  assert.deepEqual(shown(joinLines('Thanks to [others].', '', '> [others]: https://example.com/contributors')), []);
  assert.deepEqual(shown(joinLines('> Thanks to [others].', '>', '> [others]: https://example.com/contributors')), []);
  assert.deepEqual(shown(joinLines('1. Item', '', '   [deep]: https://example.com', '', 'See [deep].')), []);
});
