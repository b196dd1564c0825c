/**
 * `lint --format sarif`: valid SARIF 2.1.0 (checked against the official schema shipped by
 * Microsoft's SARIF SDK package, offline), rule metadata from the registry, locations relative
 * to the root through `originalUriBaseIds`.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { DOCS_URL, RULES, lint } from '../../src/core/index';
import { FORMATTERS } from '../../src/cli/formats/index';
import { sarifLog, SRCROOT } from '../../src/cli/formats/sarif';
import { ROOT } from './helpers';

const SCHEMA_FILE = join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const made: string[] = [];
after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function validator() {
  // The schema's language pattern has an unescaped `]`, invalid in Unicode-mode regular expressions.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
}

function assertValid(log: unknown): void {
  const validate = validator();
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
}

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'integration-docs-sarif-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const DOC = '---\nstatus: final\n---\n# Acme guide\n\nOwner: [Customer name]\n\n## Definition of Done\n- [ ] Signed off\n';

test('the schema is the SARIF 2.1.0 schema, and it catches a broken log', () => {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { title: string; properties: { version: { enum: string[] } } };
  assert.match(schema.title, /SARIF\) Version 2\.1\.0/);
  assert.deepEqual(schema.properties.version.enum, ['2.1.0']);
  const validate = validator();
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false, 'driver.name is required');
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'a', helpUri: 'not a uri' }] } } }] }), false);
});

test('sarif: findings, rule metadata with help URIs, locations relative to the root', () => {
  const root = folder({});
  const file = join(root, 'docs', 'acme guide.md');
  const log = sarifLog([{ file, findings: lint(DOC) }], root, '1.2.3');
  assertValid(log);
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'integration-docs');
  assert.equal(run.tool.driver.version, '1.2.3');
  assert.deepEqual(run.tool.driver.rules?.map((r) => r.id), RULES.map((r) => r.id));
  assert.deepEqual(run.tool.driver.rules?.map((r) => r.helpUri), RULES.map((r) => `${DOCS_URL}#rule-${r.id}`));
  assert.equal(run.originalUriBaseIds?.[SRCROOT].uri, `${pathToFileURL(root).href}/`);
  const results = run.results ?? [];
  assert.deepEqual(
    results.map((r) => [r.ruleId, r.level, run.tool.driver.rules?.[r.ruleIndex ?? -1]?.id]),
    [
      ['placeholder', 'error', 'placeholder'],
      ['unchecked-dod', 'error', 'unchecked-dod'],
    ],
  );
  assert.deepEqual(results[0].locations?.[0].physicalLocation, {
    artifactLocation: { uri: 'docs/acme%20guide.md', uriBaseId: SRCROOT },
    region: { startLine: 6, startColumn: 8, endLine: 6, endColumn: 23 },
  });
  assert.equal(results[0].message.text, 'Unfilled placeholder `[Customer name]`: replace it with the value');
});

test('sarif: a file outside the root gets an absolute URI; skipped files are notifications; no findings is a valid empty run', () => {
  const root = folder({});
  const elsewhere = join(folder({}), 'x.md');
  const log = sarifLog(
    [
      { file: elsewhere, findings: lint('draft: [TBD value]\n\nText [Partner name].') },
      { file: join(root, 'big.md'), findings: [], skipped: 'skipped: larger than 5 MB' },
    ],
    root,
    '0.1.0',
  );
  assertValid(log);
  const run = log.runs[0];
  assert.equal(run.results?.[0].locations?.[0].physicalLocation?.artifactLocation?.uri, pathToFileURL(elsewhere).href);
  assert.equal(run.results?.[0].locations?.[0].physicalLocation?.artifactLocation?.uriBaseId, undefined);
  const notes = run.invocations?.[0].toolExecutionNotifications ?? [];
  assert.deepEqual(notes.map((n) => [n.level, n.message.text, n.locations?.[0].physicalLocation?.artifactLocation?.uri]), [
    ['warning', 'Not linted: skipped: larger than 5 MB', 'big.md'],
  ]);
  const empty = JSON.parse(FORMATTERS.sarif.format([], { quiet: false, root, version: '0.1.0' })) as Log;
  assertValid(empty);
  assert.deepEqual(empty.runs[0].results, []);
});

test('lint --format sarif --root: the CLI writes a valid log relative to --root, exit code as usual', () => {
  const dir = folder({ 'repo/docs/guide.md': DOC, 'repo/docs/ok.md': '# Done\n\nNothing open.\n' });
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'lint', 'docs', '--format', 'sarif', '--root', '.'], { cwd: join(dir, 'repo'), encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const log = JSON.parse(r.stdout) as Log;
  assertValid(log);
  const uris = (log.runs[0].results ?? []).map((x) => x.locations?.[0].physicalLocation?.artifactLocation?.uri);
  assert.deepEqual(uris, ['docs/guide.md', 'docs/guide.md']);
  // --quiet keeps errors only; a SARIF log is still printed
  const q = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'lint', 'docs/ok.md', '--format', 'sarif', '--quiet'], { cwd: join(dir, 'repo'), encoding: 'utf8' });
  assert.equal(q.status, 0, q.stderr);
  assertValid(JSON.parse(q.stdout));
});
