/**
 * The outline model (`buildOutline`): heading tree × frontmatter plan × inline citations × open
 * items, on the Integration Page template and on the Kurt-style docs in test/fixtures/outline/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Linter, buildOutline, sectionAtOffset, locateSource, titleWords, type DocOutline, type LintOptions, type Section } from '../../src/core/index';
import { fileSourceResolver } from '../../src/cli/source-resolver';
import { FIXTURES, ROOT, joinLines, read } from './helpers';
import { builtinTemplate } from '../../src/templates/index';

const OUTLINE = join(FIXTURES, 'outline');

function outlineOf(text: string, options: LintOptions = {}): DocOutline {
  const { model, findings } = new Linter(options).lint(text);
  return buildOutline(model, findings, options);
}

/** A fixture's outline, with sources resolved against test/fixtures/outline as the workspace. */
function fixture(name: string): DocOutline {
  const file = join(OUTLINE, name);
  return outlineOf(read(file), { resolveSource: fileSourceResolver(file, OUTLINE) });
}

/** One line per section: `  ## Title [id] p=own/total dod=done/total open=n unplanned`. */
function shape(sections: readonly Section[], indent = ''): string[] {
  return sections.flatMap((s) => {
    const parts = [`${indent}${'#'.repeat(s.level)} ${s.title}`];
    if (s.outlineId) parts.push(`[${s.outlineId}]`);
    if (s.placeholdersTotal) parts.push(`p=${s.placeholders}/${s.placeholdersTotal}`);
    if (s.dod) parts.push(`dod=${s.dod.done}/${s.dod.total}`);
    if (s.open) parts.push(`open=${s.open}`);
    if (s.unplanned) parts.push('unplanned');
    return [parts.join(' '), ...shape(s.children, `${indent}  `)];
  });
}

function all(sections: readonly Section[]): Section[] {
  return sections.flatMap((s) => [s, ...all(s.children)]);
}

/** Own counts add up to totals, and offsets nest. */
function assertConsistent(o: DocOutline): void {
  for (const s of all(o.sections)) {
    assert.equal(s.placeholdersTotal, s.placeholders + s.children.reduce((n, c) => n + c.placeholdersTotal, 0), s.title);
    assert.ok(s.start < s.headingEnd && s.headingEnd <= s.bodyEnd && s.bodyEnd <= s.end, s.title);
    for (const c of s.children) assert.ok(c.start >= s.bodyEnd && c.end <= s.end && c.level > s.level, c.title);
  }
}

// --- the Integration Page template -------------------------------------------------------

test('template integration-page: four entries match by title, two through SECTION comments', () => {
  // The template as documents get it: its `fields:` schema cut out (line numbers as written below).
  const o = outlineOf(builtinTemplate('integration-page')!.body);
  assertConsistent(o);
  assert.equal(o.title, '[Your Product] + [Partner] Integration');
  assert.equal(o.status, 'outline');
  assert.equal(o.template, '/kurt/templates/formats/integration-page.md');
  assert.equal(o.hasOutline, true);
  const planned = all(o.sections).filter((s) => s.outlineId).map((s) => `${s.outlineId}:${s.line}:${s.title}`);
  assert.deepEqual(planned, [
    'overview:46:Overview',
    'prerequisites:84:Prerequisites',
    'setup-guide:106:Setup Guide',
    'code-examples:183:Step 3: Implement Integration (Code)',
    'use-cases:309:Common Use Cases',
    'troubleshooting:402:Troubleshooting',
  ]);
  // "Common Use Cases" alone has more words than `use-cases`: no fuzzy match (documented
  // decision); the template binds it with `<!-- SECTION: use-cases -->`.
  assert.deepEqual(o.missing, []);
  assert.deepEqual(o.unplanned.map((s) => `${s.line}:${s.title}`), ['349:Configuration Options', '479:Security Best Practices', '501:Limits & Quotas', '521:Next Steps']);
  // The H3 "Common Use Cases" sits inside the planned Overview: not unplanned.
  assert.equal(all(o.sections).find((s) => s.line === 71)?.unplanned, false);
});

test('template integration-page: sections carry their entry purpose, sources and placeholder counts', () => {
  const o = outlineOf(read(join(ROOT, 'src/templates/integration-page.md')));
  const setup = all(o.sections).find((s) => s.outlineId === 'setup-guide');
  assert.equal(setup?.purpose, 'step-by-step configuration');
  assert.deepEqual(setup?.sources.map((s) => [s.path, s.purpose, s.exists, s.planned, s.cited]), [
    ['/sources/[partner]-api-docs.md', 'partner API reference', undefined, true, false],
    ['/sources/your-api-docs.md', 'your product API details', undefined, true, false],
  ]);
  assert.deepEqual(o.sources.map((s) => [s.path, s.declared, s.citedAt, s.line]), [
    ['/sources/[partner]-api-docs.md', true, [], 9],
    ['/sources/integration-examples/', true, [], 11],
    ['/sources/your-api-docs.md', true, [], 13],
  ]);
  const lintCount = new Linter().lint(read(join(ROOT, 'src/templates/integration-page.md'))).findings.filter((f) => f.rule === 'placeholder').length;
  assert.equal(o.totals.placeholders, lintCount);
  const inSections = o.sections.reduce((n, s) => n + s.placeholdersTotal, 0);
  assert.ok(inSections > 0 && inSections <= lintCount);
  const overview = all(o.sections).find((s) => s.outlineId === 'overview');
  assert.equal(overview?.placeholders, 0, 'Overview has no text of its own before its first subsection');
  assert.ok((overview?.placeholdersTotal ?? 0) > 0);
});

// --- Kurt-style fixtures ------------------------------------------------------------------

test('kurt-page: matched (by words, by SECTION marker), missing, unplanned, nested, DoD', () => {
  const o = fixture('kurt-page.md');
  assertConsistent(o);
  assert.equal(o.title, 'Acme + Northwind Integration', 'the frontmatter title wins over the # heading');
  assert.equal(o.status, 'draft');
  assert.deepEqual(shape(o.sections), [
    '# Acme + Northwind Integration p=1/4 open=6',
    '  ## Overview [overview] p=1/1 open=1',
    '    ### How It Works',
    '  ## 2. Setup guide: [setup-guide] p=0/1 open=1',
    '    ### Step 1: Configure Northwind p=1/1 open=1',
    '    ### Step 2: Write the code [code-examples]',
    '  ## Common Use Cases unplanned',
    '    ### Refunds',
    '  ## Definition of Done p=1/1 dod=1/3 open=3 unplanned',
  ]);
  assert.deepEqual(o.missing.map((m) => m.outlineId), ['use-cases', 'faq']);
  assert.deepEqual(o.totals, { placeholders: 4, dod: { done: 1, total: 3 } });
});

test('kurt-page: section sources join the outline entry and the citations in the section', () => {
  const o = fixture('kurt-page.md');
  const byTitle = (t: string) => all(o.sections).find((s) => s.title === t);
  const row = (s: Section | undefined) => s?.sources.map((x) => `${x.path} exists=${x.exists} outside=${x.outside} planned=${x.planned} cited=${x.cited}`);
  assert.deepEqual(row(byTitle('Overview')), [
    '/sources/northwind-api.md exists=true outside=false planned=false cited=true',
    '/sources/uncited.md exists=false outside=false planned=false cited=true',
  ]);
  assert.deepEqual(row(byTitle('2. Setup guide:')), [
    '/sources/northwind-api.md exists=true outside=false planned=true cited=true',
    '/sources/gone.md exists=false outside=false planned=true cited=false',
  ]);
  assert.deepEqual(row(byTitle('Step 2: Write the code')), ['/sources/examples/ exists=true outside=false planned=true cited=true']);
  assert.deepEqual(row(byTitle('Refunds')), ['/../up.md exists=undefined outside=true planned=false cited=true']);
});

test('kurt-page: the Sources list has declared, undeclared, missing and escaping sources with citation lines', () => {
  const o = fixture('kurt-page.md');
  assert.deepEqual(
    o.sources.map((s) => [s.path, s.purpose, s.declared, s.exists, s.outside, s.citedAt, s.line]),
    [
      ['/sources/northwind-api.md', 'partner API reference', true, true, false, [41, 51], 10],
      ['/sources/examples/', 'example integrations', true, true, false, [58], 12],
      ['/sources/gone.md', 'a file that was deleted', true, false, false, [], 14],
      ['../../outside.md', 'a path that escapes the workspace', true, undefined, true, [], 16],
      ['/sources/uncited.md', undefined, false, false, false, [41], 41],
      ['/../up.md', undefined, false, undefined, true, [68], 68],
    ],
  );
});

test('duplicate titles: the first heading takes the entry, the second is unplanned; null and string entries', () => {
  const o = fixture('duplicate-titles.md');
  assert.deepEqual(shape(o.sections), [
    '# Guide',
    '  ## Troubleshooting [troubleshooting]',
    '  ## Troubleshooting unplanned',
    '  ## FAQ [faq]',
    '  ## Notes [notes]',
    '  ## Step 1: Setup guide [step-1-setup-guide]',
  ]);
  const notes = all(o.sections).find((s) => s.outlineId === 'notes');
  assert.equal(notes?.purpose, 'free text is a purpose');
  assert.equal(all(o.sections).find((s) => s.outlineId === 'faq')?.purpose, undefined);
  assert.deepEqual(o.missing, []);
});

test('frontmatter without an outline: nothing is planned, missing or unplanned; two # headings, no title heading', () => {
  const o = fixture('no-outline.md');
  assert.equal(o.hasOutline, false);
  assert.equal(o.title, 'Part one', 'the first # heading when there is no title key');
  assert.deepEqual(shape(o.sections), ['# Part one', '  ## Details', '# Part two']);
  assert.deepEqual(o.unplanned, []);
  assert.deepEqual(o.missing, []);
  assert.deepEqual(o.totals, { placeholders: 1, dod: null }, 'a placeholder before the first heading counts in the totals only');
  assert.deepEqual(o.sources.map((s) => [s.path, s.declared, s.exists, s.citedAt]), [['/sources/northwind-api.md', true, true, [16]]]);
  assert.deepEqual(o.sections[1].sources.map((s) => s.path), ['/sources/northwind-api.md']);
});

test('broken YAML: no plan, no status, still the sections', () => {
  const o = fixture('broken-yaml.md');
  assert.equal(o.status, undefined);
  assert.equal(o.hasOutline, false);
  assert.deepEqual(shape(o.sections), ['# Broken', '  ## Overview', '  ## Extra']);
  assert.deepEqual([o.missing, o.unplanned, o.sources], [[], [], []]);
});

test('sources as a string instead of a list, outline sources as a string', () => {
  const o = fixture('sources-string.md');
  assert.deepEqual(o.sources.map((s) => [s.path, s.purpose, s.declared, s.exists]), [['/sources/northwind-api.md', undefined, true, true]]);
  assert.deepEqual(shape(o.sections), ['## Overview [overview]', '## Not planned unplanned']);
  assert.deepEqual(o.sections[0].sources.map((s) => [s.path, s.planned]), [['/sources/northwind-api.md', true]]);
});

// --- matching and the unplanned rule, inline -------------------------------------------------

const fm = (...lines: string[]) => ['---', ...lines, '---', ''];

test('matching: same words match (case, punctuation, numbering); extra words do not', () => {
  assert.equal(titleWords('2. Setup-Guide:'), 'setup guide');
  assert.equal(titleWords('setup_guide'), 'setup guide');
  assert.equal(titleWords('Limits & Quotas'), 'limits quotas');
  const o = outlineOf(joinLines(...fm('outline:', '  setup-guide: {}', '  limits-quotas: {}', '  use-cases: {}'), '## Step 1: Setup guide', '## SETUP GUIDE', '## Limits & Quotas', '## Common Use Cases'));
  assert.deepEqual(shape(o.sections), ['## Step 1: Setup guide unplanned', '## SETUP GUIDE [setup-guide]', '## Limits & Quotas [limits-quotas]', '## Common Use Cases unplanned']);
  assert.deepEqual(o.missing.map((m) => m.outlineId), ['use-cases']);
});

test('matching: a SECTION marker binds an entry to its heading, below or right above it, before title matching', () => {
  const o = outlineOf(
    joinLines(
      ...fm('outline:', '  code-examples: {}', '  overview: {}', '  intro: {}'),
      '## Intro',
      '<!-- SECTION: Overview  Why: the intro is the overview here -->',
      '',
      '<!-- SECTION: Code Examples  Sources: /src/a.ts, /src/b.ts -->',
      '',
      '## Implementing it',
      '',
      '## Overview',
    ),
  );
  assert.deepEqual(shape(o.sections), ['## Intro [overview]', '## Implementing it [code-examples]', '## Overview unplanned']);
  assert.deepEqual(o.missing.map((m) => m.outlineId), ['intro'], 'Intro is taken by the marker: each heading writes one entry');
  assert.deepEqual(o.sections[1].sources.map((s) => s.path), ['/src/a.ts', '/src/b.ts']);
});

test('unplanned: the outermost heading only; containers of planned sections and the title are not unplanned', () => {
  const o = outlineOf(
    joinLines(...fm('outline:', '  setup-guide:', '    purpose: configure'), '# Title', '## Setup', '### Setup Guide', '#### Detail', '### Misc', '#### Deeper', '## Appendix', '### Glossary'),
  );
  assert.deepEqual(shape(o.sections), ['# Title', '  ## Setup', '    ### Setup Guide [setup-guide]', '      #### Detail', '    ### Misc unplanned', '      #### Deeper', '  ## Appendix unplanned', '    ### Glossary']);
});

test('outline shapes: a list of ids, an empty mapping (no outline), a scalar (no outline)', () => {
  const list = outlineOf(joinLines(...fm('outline: [overview, faq]'), '## Overview', '## Other'));
  assert.deepEqual(shape(list.sections), ['## Overview [overview]', '## Other unplanned']);
  assert.deepEqual(list.missing.map((m) => m.outlineId), ['faq']);
  for (const value of ['{}', 'just text', '~']) {
    const o = outlineOf(joinLines(...fm(`outline: ${value}`), '## Overview'));
    assert.equal(o.hasOutline, false, value);
    assert.deepEqual(shape(o.sections), ['## Overview'], value);
  }
});

test('options: dodHeadings decides which sections count task items', () => {
  const text = joinLines('## Exit Criteria', '- [x] a', '- [ ] b', '## Definition of Done', '- [ ] c');
  assert.deepEqual(shape(outlineOf(text, { dodHeadings: ['Exit Criteria'] }).sections), ['## Exit Criteria dod=1/2 open=1', '## Definition of Done']);
});

test('placeholders are the lint findings: a rule turned off counts nothing', () => {
  const text = joinLines('## A', 'Hello [Name].');
  assert.deepEqual(shape(outlineOf(text).sections), ['## A p=1/1 open=1']);
  assert.deepEqual(shape(outlineOf(text, { rules: { placeholder: 'off' } }).sections), ['## A']);
});

test('a resolver that throws or answers undefined leaves existence unknown', () => {
  const text = joinLines(...fm('sources:', '  - path: /a.md', '  - path: /b.md'), '# T');
  const o = outlineOf(text, {
    resolveSource: (p) => {
      if (p === '/a.md') throw new Error('boom');
      return undefined;
    },
  });
  assert.deepEqual(o.sources.map((s) => [s.path, s.exists, s.outside]), [['/a.md', undefined, false], ['/b.md', undefined, false]]);
});

test('odd input never throws: empty, only frontmatter, CRLF, BOM, headings only', () => {
  const cases = ['', '---\nstatus: draft\n---\n', '\uFEFF# Title\r\n\r\n## A\r\n', '---\r\noutline:\r\n  a: {}\r\n---\r\n## A\r\n', '#\n##\n###', '---\noutline:\n  ? [a, b]\n  : x\n---\n# T'];
  for (const text of cases) {
    const o = outlineOf(text);
    assertConsistent(o);
  }
  const crlf = outlineOf('---\r\noutline:\r\n  a: {}\r\n  b: {}\r\n---\r\n## A\r\ntext\r\n## C\r\n');
  assert.deepEqual(crlf.sections.map((s) => [s.title, s.line, s.outlineId]), [['A', 6, 'a'], ['C', 8, null]]);
  assert.deepEqual(crlf.missing.map((m) => [m.outlineId, m.line]), [['b', 4]]);
});

test('sectionAtOffset: the innermost section around an offset', () => {
  const text = joinLines('intro', '# T', '## A', 'a text', '### A1', '## B');
  const o = outlineOf(text);
  assert.equal(sectionAtOffset(o, 0), undefined);
  assert.equal(sectionAtOffset(o, text.indexOf('a text'))?.title, 'A');
  assert.equal(sectionAtOffset(o, text.indexOf('### A1') + 5)?.title, 'A1');
  assert.equal(sectionAtOffset(o, text.length - 1)?.title, 'B');
});

// --- source paths -------------------------------------------------------------------------

test('locateSource: / is the root, others the doc folder; escaping paths are outside; URLs are not files', () => {
  assert.deepEqual(locateSource('/sources/a.md', '/ws', '/ws/docs'), { path: '/ws/sources/a.md', outside: false, folder: false });
  assert.deepEqual(locateSource('a.md', '/ws', '/ws/docs'), { path: '/ws/docs/a.md', outside: false, folder: false });
  assert.deepEqual(locateSource('./x/../b/', '/ws', '/ws/docs'), { path: '/ws/docs/b', outside: false, folder: true });
  assert.deepEqual(locateSource('../a.md', '/ws', '/ws/docs'), { path: '/ws/a.md', outside: false, folder: false });
  assert.deepEqual(locateSource('../../a.md', '/ws', '/ws/docs'), { path: '/a.md', outside: true, folder: false });
  assert.deepEqual(locateSource('/../ws2/a.md', '/ws', '/ws'), { path: '/ws2/a.md', outside: true, folder: false });
  assert.deepEqual(locateSource('/../../../../a', '/ws', '/ws'), { path: '/../../../../a', outside: true, folder: false });
  assert.deepEqual(locateSource('/s/a.md', 'C:\\ws', 'C:\\ws\\docs'), { path: 'C:/ws/s/a.md', outside: false, folder: false });
  assert.equal(locateSource('https://example.com/api', '/ws', '/ws'), undefined);
  assert.equal(locateSource('  ', '/ws', '/ws'), undefined);
});
