/**
 * MDX documents (Docusaurus, Mintlify): parsed with remark-mdx, so JSX (tags and attributes),
 * `{expressions}` and `import`/`export` are never fields, while fields in their prose — also
 * inside JSX elements — are; `{/* … *\/}` comments suppress like HTML comments do in Markdown.
 * The CLI walks `.md`, `.markdown` and `.mdx` files and picks the syntax by extension.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Linter, lint, syntaxOf, type Finding } from '../../src/core/index';
import { FIXTURES, ROOT } from './helpers';

const made: string[] = [];
after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

const read = (name: string) => readFileSync(join(FIXTURES, 'mdx', name), 'utf8');

/** `rule line:column text` of each finding, `text` being what the finding covers. */
function shown(text: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.rule} ${f.line}:${f.column} ${text.slice(f.startOffset, f.endOffset)}`);
}

test('syntaxOf: by language id or file extension', () => {
  assert.equal(syntaxOf('docs/intro.mdx'), 'mdx');
  assert.equal(syntaxOf('docs/INTRO.MDX', 'plaintext'), 'mdx');
  assert.equal(syntaxOf('page.mdx', 'markdown'), 'mdx');
  assert.equal(syntaxOf('Untitled-1', 'mdx'), 'mdx');
  assert.equal(syntaxOf('a.md'), 'markdown');
  assert.equal(syntaxOf('a.markdown'), 'markdown');
  assert.equal(syntaxOf('Untitled-1', 'markdown'), 'markdown');
  assert.equal(syntaxOf('notes.txt'), undefined);
  assert.equal(syntaxOf('notes.txt', 'plaintext'), undefined);
});

test('a Docusaurus page: fields in prose, JSX children and frontmatter; none in imports, exports, attributes or expressions', () => {
  const text = read('docusaurus-partner-page.mdx');
  const findings = lint(text, { syntax: 'mdx' });
  assert.deepEqual(shown(text, findings), [
    'placeholder 2:31 [Partner name]',
    'placeholder 12:11 [Partner name]',
    'placeholder 14:19 [X]',
    'placeholder 19:29 [API key location]',
    'placeholder 28:39 [Customer name]',
    'unchecked-dod 43:1 - [ ] Webhooks verified',
  ]);
  assert.ok(findings.every((f) => f.severity === 'warning'), 'status: draft');
  // Read as plain Markdown, the same page has false alarms in its code and no working suppression.
  const asMarkdown = shown(text, lint(text)).join('\n');
  assert.match(asMarkdown, /^placeholder 10:\d+ \[Partner name\]$/m, 'the export line');
  assert.match(asMarkdown, /\[not a field\]/);
  assert.match(asMarkdown, /\[this one\]/);
});

test('a Mintlify page: JSX blocks with indented prose, attributes, template literals and code groups', () => {
  const text = read('mintlify-quickstart.mdx');
  assert.deepEqual(shown(text, lint(text, { syntax: 'mdx' })), [
    'placeholder 2:24 [Customer name]',
    'placeholder 7:25 [Integration owner]',
    'placeholder 12:47 [Secrets manager name]',
    'placeholder 28:39 [Order number]',
    'placeholder 31:15 YYYY-MM-DD',
  ]);
});

test('MDX: the incremental linter equals a fresh lint after edits, and switching syntax drops the cache', () => {
  const text = read('docusaurus-partner-page.mdx');
  const linter = new Linter({ syntax: 'mdx' });
  let current = text;
  for (const [at, insert] of [[text.indexOf('Setup'), 'Fill [Region] first. '], [text.indexOf('</Tabs>'), '<Note>Ask [Owner].</Note>\n\n'], [0, '']] as const) {
    current = current.slice(0, at) + insert + current.slice(at);
    assert.deepEqual(linter.lint(current).findings, lint(current, { syntax: 'mdx' }));
  }
  linter.setOptions({});
  assert.deepEqual(linter.lint(current).findings, lint(current));
});

test('MDX that does not compile is still linted, as Markdown', () => {
  const text = '# Page\n\nAn unclosed <Tag and [Customer name].\n';
  assert.deepEqual(shown(text, lint(text, { syntax: 'mdx' })), shown(text, lint(text)));
  assert.ok(lint(text, { syntax: 'mdx' }).length > 0);
});

test('the CLI walks .md, .markdown and .mdx, and lints .mdx as MDX', () => {
  const dir = mkdtempSync(join(tmpdir(), 'integration-docs-mdx-'));
  made.push(dir);
  const files: Record<string, string> = {
    'docs/a.md': '# A\n\nOwner: [Customer name]\n',
    'docs/b.markdown': '# B\n\nOwner: [Customer name]\n',
    'docs/c.mdx': "export const x = ['[not a field]'];\n\n# C\n\n<Note>Owner: [Customer name]</Note>\n",
    'docs/d.txt': 'Owner: [Customer name]\n',
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'lint', 'docs', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const rows = JSON.parse(r.stdout) as { file: string; line: number; column: number }[];
  assert.deepEqual(rows.map((x) => `${x.file}:${x.line}:${x.column}`), ['docs/a.md:3:8', 'docs/b.markdown:3:8', 'docs/c.mdx:5:14']);
});

test('the editor treats Markdown and MDX documents alike, from one list of language ids', async () => {
  const { DOC_LANGUAGES, DOC_SELECTOR, DOC_GLOB, docSyntax, isDocLanguage } = await import('../../src/vscode/languages');
  assert.deepEqual(DOC_LANGUAGES, ['markdown', 'mdx']);
  assert.deepEqual(DOC_SELECTOR, [{ language: 'markdown' }, { language: 'mdx' }]);
  assert.equal(DOC_GLOB, '**/*.{md,markdown,mdx}');
  assert.ok(isDocLanguage({ languageId: 'mdx' }) && !isDocLanguage({ languageId: 'plaintext' }));
  const uri = (path: string) => ({ path }) as Parameters<typeof docSyntax>[0];
  assert.equal(docSyntax(uri('/docs/page.mdx')), 'mdx');
  assert.equal(docSyntax(uri('/docs/page.md'), 'mdx'), 'mdx', 'an MDX extension says so');
  assert.equal(docSyntax(uri('Untitled-1'), 'markdown'), 'markdown');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    activationEvents: string[];
    contributes: { languages: { id: string; extensions: string[] }[]; snippets: { language: string }[]; keybindings: { when: string }[] };
  };
  for (const id of DOC_LANGUAGES) {
    assert.ok(pkg.activationEvents.includes(`onLanguage:${id}`), `activates on ${id}`);
    assert.ok(pkg.contributes.snippets.some((s) => s.language === id), `snippets for ${id}`);
  }
  assert.deepEqual(pkg.contributes.languages, [{ id: 'mdx', aliases: ['MDX', 'mdx'], extensions: ['.mdx'] }], '.mdx files get the mdx id without an MDX extension');
  for (const k of pkg.contributes.keybindings) assert.match(k.when, /editorLangId =~ \/\^\(markdown\|mdx\)\$\//);
});
