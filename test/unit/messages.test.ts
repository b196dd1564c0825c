/**
 * The message catalogue (`src/core/messages.ts`): every entry formats; every finding carries its
 * message as a catalogue id with arguments that give back the English message exactly; and each
 * of them reads in German as the extension shows it (`vscode.l10n.t` with the German bundle),
 * with the document's own text (fields, headings, paths) kept as it is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, parseConfig, type ConfigError } from '../../src/core/index';
import { PARSE_LIMITS } from '../../src/core/limits';
import { english, format, MESSAGES, type Message, type MessageId } from '../../src/core/messages';
import { FIX_TITLES } from '../../src/core/fix-titles';
import type { Finding } from '../../src/core/types';
import { FIXTURES, joinLines, markdownFiles, read, readExpectation, ROOT } from './helpers';

type Strings = Record<string, string>;
const bundle = (name: string): Strings => JSON.parse(readFileSync(join(ROOT, 'l10n', name), 'utf8')) as Strings;

/** `vscode.l10n.t` with the German bundle: the translation (or the template) with its arguments. */
function german(m: Message, de: Strings): string {
  const template = MESSAGES[m.id];
  return format(de[template] ?? template, m.args.map((a) => (typeof a === 'object' ? german(a, de) : a)));
}

/** The ids a message uses, its own and those of its message arguments. */
function idsOf(m: Message): MessageId[] {
  return [m.id, ...m.args.flatMap((a) => (typeof a === 'object' ? idsOf(a) : []))];
}

test('every catalogue entry is a template whose arguments are {0}…{n}, each once, and formats', () => {
  for (const [id, template] of Object.entries({ ...MESSAGES, ...FIX_TITLES })) {
    const used = [...template.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1])).sort();
    assert.deepEqual(used, used.map((_, i) => i), `${id}: arguments numbered from 0, each once`);
    const filled = format(template, used.map((i) => `<arg${i}>`));
    assert.doesNotMatch(filled, /\{\d+\}/, `${id} formats`);
    for (const i of used) assert.ok(filled.includes(`<arg${i}>`), `${id} shows argument ${i}`);
  }
  assert.equal(format('a {0} b {1}', ['x']), 'a x b {1}', 'a missing argument leaves its placeholder');
});

test('the English and the German bundle hold every template of both catalogues', () => {
  const [en, de] = [bundle('bundle.l10n.json'), bundle('bundle.l10n.de.json')];
  for (const template of [...Object.values(MESSAGES), ...Object.values(FIX_TITLES)]) {
    assert.equal(en[template], template, `English bundle: ${template}`);
    assert.ok(de[template] && de[template] !== template, `German text for: ${template}`);
  }
});

/** Findings of the rule fixtures and of the cases here, with the options each needs. */
function allFindings(): Finding[] {
  const out: Finding[] = [];
  for (const file of markdownFiles(FIXTURES)) {
    const text = read(join(FIXTURES, file));
    out.push(...lint(text, readExpectation(text)?.options ?? {}));
  }
  return [...out, ...lintCases()];
}

/** Errors of configuration files that make every configuration message. */
function configErrors(): ConfigError[] {
  const files = [
    '[]',
    '{ nope',
    JSON.stringify({ rules: [], dodHeadings: 'Done', extra: 1 }),
    JSON.stringify({ rules: { nope: 'error', placeholder: 'loud' }, dodHeadings: [''] }),
    JSON.stringify({ placeholderPatterns: ['x'.repeat(5000), '(?=a)', '[', 'a*', ...Array<string>(100).fill('TBD')] }),
    JSON.stringify({ ignore: ['!a', '@(a|b)', 'x'.repeat(600), `${'{'.repeat(9)}a${'}'.repeat(9)}`, '[z-a]', ...Array<string>(200).fill('a')] }),
  ];
  return files.flatMap((text) => parseConfig(text).errors);
}

test('every finding and configuration error carries its message as a catalogue id and arguments that give the English message', () => {
  const seen = new Set<MessageId>();
  for (const f of [...allFindings(), ...configErrors()]) {
    assert.ok(f.l10n, `${f.message} has a catalogue message`);
    assert.equal(english(f.l10n), f.message);
    for (const id of idsOf(f.l10n)) seen.add(id);
  }
  // Reported only when the YAML library throws, which no input here makes it do.
  const unreachable: MessageId[] = ['frontmatterUnreadable'];
  const unseen = (Object.keys(MESSAGES) as MessageId[]).filter((id) => !seen.has(id) && !unreachable.includes(id));
  assert.deepEqual(unseen, [], 'every message is reported by some case');
});

test('in German, a finding reads in German and keeps the document text as it is', () => {
  const de = bundle('bundle.l10n.de.json');
  const [f] = lint(joinLines('# Guide', '', 'Customer: [Customer name]', ''));
  assert.equal(german(f.l10n as Message, de), 'Offener Platzhalter `[Customer name]`: ersetzen Sie ihn durch den Wert');
  const [dod] = lint(joinLines('# Guide', '', '## Definition of Done', '', '- [ ] Tested the webhook', ''));
  assert.equal(german(dod.l10n as Message, de), 'Nicht abgehakter Punkt unter „Definition of Done“: Tested the webhook – erledigen Sie ihn, dann haken Sie ihn ab');
  for (const finding of [...allFindings(), ...configErrors()]) {
    const text = german(finding.l10n as Message, de);
    assert.notEqual(text, finding.message, `translated: ${finding.message}`);
    assert.doesNotMatch(text, /\{\d+\}/);
  }
});

/** Inputs that make the messages the fixtures do not. */
function lintCases(): Finding[] {
  const L = PARSE_LIMITS;
  const deep = `${'> '.repeat(L.containerDepth + 1)}x [Field]`;
  const TBD = { placeholderPatterns: ['\\bTBD\\b'] };
  const cases: [string, Parameters<typeof lint>[1]][] = [
    [joinLines('# G', '', 'Plan: [Basic / Pro / Enterprise] due YYYY-MM-DD, TBD', '', 'See [the manual][manual].', ''), { placeholderPatterns: ['\\bTBD\\b'] }],
    [joinLines('---', 'status: outline', 'sources:', '  - path: /a.md', '    purpose: spec', '  - path: ../out.md', '    purpose: x', 'outline:', '  intro: {}', '---', '', '# G', ''), { resolveSource: (p) => ({ exists: false, outside: p.startsWith('..') }) }],
    [joinLines('---', 'status: outline', 'outline:', '  intro:', '    sources: [/a.md]', '---', '', '# G', ''), {}],
    [joinLines('---', 'status: draft', 'sources: [{path: /a.md, purpose: x}]', 'outline:', '  intro:', '    sources: [/b.md, {x: 1}]', '  setup: 3', '  more: [1]', '---', ''), {}],
    [joinLines('---', 'status: draft', 'sources: [{path: /a.md, purpose: x}]', 'outline:', '  intro:', '    sources: /a.md', '---', ''), {}],
    [joinLines('---', 'status: draft', 'outline: [a]', '---', ''), {}],
    [joinLines('---', '- a', '---', ''), {}],
    [joinLines('---', `x: ${'['.repeat(40)}`, '---', ''), {}],
    [joinLines('# G', '', '## Definition of Done', '', '- [ ]', '  more text', ''), {}],
    [joinLines('{{#if a}}', 'x', '{{else}}', '{{else}}', ''), {}],
    // Degraded blocks (`limits.ts`): one line, with none, one and two more blocks; two lines, with one and two more.
    [joinLines(deep, ''), {}],
    [joinLines(deep, '', 'text', '', deep, ''), {}],
    [joinLines(deep, '', 'text', '', deep, '', 'text', '', deep, ''), {}],
    [joinLines(deep, deep, '', 'text', '', deep, ''), {}],
    [joinLines(deep, deep, '', 'text', '', deep, '', 'text', '', deep, ''), {}],
    // A pattern makes the parser read what the fast path would (`parse-limits.test.ts`).
    [`${'word '.repeat(L.runChars / 5 + 1)}[Field]\n`, TBD],
    [`${'> quote\n'.repeat(L.runLines + 1)}> [Field]\n`, TBD],
    [`${'[1]'.repeat(L.runLabelEnds + 1)} [Field]\n`, TBD],
    [`${'['.repeat(L.runLabelOpens + 1)}\n[Field]\n`, TBD],
    [`See [part ${'x '.repeat(2000)}end [Field]\n`, TBD],
    [`${'> - x\n'.repeat(L.containerWork / 5 + 1)}> - [Field]\n`, TBD],
  ];
  return cases.flatMap(([text, options]) => lint(text, options));
}
