import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Finding } from '../../src/core/index';
import { lint } from '../../src/core/index';
import { scoreDoc, inferDialect, placeLabels, type Label } from '../eval/score';
import { summarise } from '../eval/report';
import { readTarball } from '../eval/tar';
import type { CorpusDoc } from '../eval/corpus';

const doc = (text: string, set: CorpusDoc['set'] = 'templates'): CorpusDoc => ({ id: `pkg@1.0.0/${set}.md`, pkg: 'pkg', set, text });

test('eval labels: exact text with occurrence, head + length + hash, every occurrence, pattern', () => {
  const text = 'Owner: [team name]\nBackup: [team name]\n\n{Describe the rollback plan in two sentences.}\n- [Docs] one\n- [Docs] two\n';
  const long = '{Describe the rollback plan in two sentences.}';
  const labels: Label[] = [
    { text: '[team name]', n: 1, kind: 'field', dialect: 'bracket' },
    { head: '{Describe the', length: long.length, sha1: createHash('sha1').update(long).digest('hex').slice(0, 8), kind: 'field', dialect: 'brace' },
    { text: '[Docs]', all: true, kind: 'false', shape: 'changelog-tag' },
    { re: '^- \\[\\w+\\]', flags: 'm', kind: 'false', shape: 'changelog-tag' },
  ];
  const errors: string[] = [];
  const placed = placeLabels(doc(text), labels, errors);
  assert.deepEqual(errors, []);
  assert.equal(placed[0].start, text.indexOf('[team name]', 10));
  assert.equal(placed[1].text, long);
  assert.equal(placed.filter((l) => l.shape === 'changelog-tag').length, 4);
});

test('eval labels: a label that no longer matches the document is an error, not a silent miss', () => {
  const errors: string[] = [];
  placeLabels(doc('Nothing here.\n'), [{ text: '[gone]', kind: 'field', dialect: 'bracket' }, { head: 'Nothing', length: 7, sha1: '00000000', kind: 'field', dialect: 'brace' }], errors);
  assert.equal(errors.length, 2);
});

test('eval scoring: overlap is a hit, an unlabelled finding in a finished doc is a false alarm, a missed label counts', () => {
  const text = '# Runbook\n\nOwner: [team name]. Region: [region]\n';
  const findings = lint(text, { rules: { placeholder: 'warning' } });
  assert.equal(findings.length, 2);
  const errors: string[] = [];
  const template = scoreDoc(doc(text), findings, [{ text: '[team name]', kind: 'field', dialect: 'bracket' }, { text: 'Runbook', kind: 'field', dialect: 'brace' }], errors);
  assert.deepEqual(template.findings.map((f) => f.verdict), ['tp', 'fp']);
  assert.deepEqual(template.labels.map((l) => l.found), [true, false]);
  const finished = scoreDoc(doc(text, 'finished'), findings, [{ text: '[region]', kind: 'either' }], errors);
  assert.deepEqual(finished.findings.map((f) => [f.verdict, f.shape]), [['fp', 'unlabelled'], ['neutral', undefined]]);
  const summary = summarise([template, finished]);
  assert.equal(summary.finished.falseAlarms, 1);
  assert.equal(summary.finished.docsWithFalseAlarm, 1);
  assert.equal(summary.templatesByDialect.bracket.found, 1);
  assert.equal(summary.templatesByDialect.brace.labels, 1);
  assert.deepEqual(errors, []);
});

test('eval scoring: the dialect comes from the engine when it names one, else from the text', () => {
  assert.equal(inferDialect('{{#if partner}}', 'placeholder'), 'conditional');
  assert.equal(inferDialect('{{ customer }}', 'placeholder'), 'mustache');
  assert.equal(inferDialect('{Name of the product}', 'placeholder'), 'brace');
  assert.equal(inferDialect('<name of the partner team>', 'placeholder'), 'angle');
  assert.equal(inferDialect('YYYY-MM-DD', 'placeholder'), 'date');
  assert.equal(inferDialect('- [ ] Tested', 'unchecked-dod'), 'task');
  const f = { rule: 'placeholder', startOffset: 0, endOffset: 6, line: 1, column: 1, data: { kind: 'placeholder', dialect: 'curly' } } as unknown as Finding;
  const scored = scoreDoc(doc('{Name}\n', 'finished'), [f], [], []);
  assert.equal(scored.findings[0].dialect, 'brace');
});

/** A ustar archive of the given files (pax header for long names), as npm writes them. */
function rawTar(files: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  const header = (name: string, size: number, type: string) => {
    const h = Buffer.alloc(512);
    h.write(name.slice(0, 100), 0);
    h.write(size.toString(8).padStart(11, '0'), 124);
    h.write(type, 156);
    h.write('ustar', 257);
    return h;
  };
  const body = (data: Buffer) => Buffer.concat([data, Buffer.alloc((512 - (data.length % 512)) % 512)]);
  for (const [name, content] of Object.entries(files)) {
    if (name.length > 100) {
      const rec = ` path=${name}\n`;
      const pax = Buffer.from(`${rec.length + String(rec.length + 3).length}${rec}`);
      blocks.push(header('PaxHeader', pax.length, 'x'), body(pax));
    }
    const data = Buffer.from(content);
    blocks.push(header(name, data.length, '0'), body(data));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

test('eval tar reader: regular files with short and pax long names', () => {
  const long = `package/${'docs/'.repeat(30)}guide.md`;
  const entries = readTarball(gzipSync(rawTar({ 'package/README.md': '# Hello\n', [long]: 'deep\n' })));
  assert.deepEqual(entries.map((e) => [e.path, e.data.toString()]), [['package/README.md', '# Hello\n'], [long, 'deep\n']]);
  assert.throws(() => readTarball(gzipSync(rawTar({ 'package/a.md': 'x'.repeat(2000) }).subarray(0, 1000))), /truncated/);
});
