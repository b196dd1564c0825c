/**
 * The linter reads a template's field schema with `js-yaml` and the rest of the frontmatter with
 * `yaml` (src/core/schema-skim.ts). Whatever the source, the linter's read must give what one
 * `yaml` read of the whole gives: the same problems, values, fields and directives. Checked on
 * the template files as written, partly filled, and on generated damage to their schemas.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readFrontmatter, type Frontmatter } from '../../src/core/frontmatter';
import { skimFieldSchema } from '../../src/core/schema-skim';
import { visit, isPair, isScalar } from '../../src/core/yaml';
import { ROOT, read, rng } from './helpers';

const TEMPLATE_DIR = join(ROOT, 'src/templates');
const TEMPLATES = readdirSync(TEMPLATE_DIR)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => read(join(TEMPLATE_DIR, f)))
  .filter((text) => /^fields:$/m.test(yamlOf(text)));

/** What the linter takes from a frontmatter (the `yaml` tree itself differs: the schema is blank there). */
function seen(fm: Frontmatter | undefined): unknown {
  if (!fm) return fm;
  const { doc: _doc, ...rest } = fm;
  return rest;
}

/** The frontmatter's YAML of a document. */
function yamlOf(text: string): string {
  return /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
}

/**
 * The ranges of a tree's nodes by their paths, with the schema's value left out: the rules read
 * places in the tree (`spanOf`, `keySpan`), so outside the schema they must be the whole read's.
 * Of the root, only the start: where it ends depends on whether the schema's lines are in the
 * tree when the schema comes last.
 */
function placesOf(fm: Frontmatter | undefined): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  if (!fm?.doc) return out;
  visit(fm.doc, {
    Node(key, node, path) {
      const at = [...path.slice(1).map((p) => (isPair(p) && isScalar(p.key) ? `pair:${String(p.key.value)}` : isPair(p) ? 'pair' : 'node')), String(key)].join('/');
      const range = key === null ? node.range?.slice(0, 1) : node.range;
      if (!at.startsWith('node/pair:fields/')) out[at] = [...(out[at] ?? []), ...(range ?? [])];
    },
  });
  return out;
}

function assertSame(text: string, label: string): void {
  const skimmed = readFrontmatter(text, [/TODO/g], true);
  const whole = readFrontmatter(text, [/TODO/g]);
  assert.deepEqual(seen(skimmed), seen(whole), label);
  assert.deepEqual(placesOf(skimmed), placesOf(whole), `${label}: the places in the tree`);
}

test('the template files as written: the schema is skimmed, and the read is the whole read', () => {
  assert.equal(TEMPLATES.length, 4, 'the shipped templates with a schema');
  for (const text of TEMPLATES) {
    const skim = skimFieldSchema(yamlOf(text));
    assert.ok(skim, 'a shipped template is skimmed');
    assert.equal(skim.rest.text.length + skim.rest.removed, yamlOf(text).length, 'only the schema\'s lines are cut');
    assert.match(skim.rest.text, /^fields:\n(?:#.*\n)*$/m);
    assertSame(text, text.slice(0, 80));
    // Partly filled, with keys before and after the schema, CRLF line ends, a directive comment.
    const yaml = yamlOf(text);
    const body = text.slice(yaml.length + 8);
    const variants = [
      `---\ntitle: "[Partner] guide"\nstatus: draft\n${yaml}\nsources:\n  - /sources/a.md\noutline:\n  overview: {}\n---\n${body}`,
      `---\n# integration-docs-disable-next-line field\nowner: [OWNER]\n${yaml}\n# a comment after the schema\ncreated: YYYY-MM-DD\n---\n${body}`,
      `---\r\n${yaml.replace(/\n/g, '\r\n')}\r\ntemplate: implementation-guide\r\n---\r\n${body}`,
    ];
    for (const variant of variants) {
      assert.ok(skimFieldSchema(yamlOf(variant.replace(/\r/g, ''))), 'the variant is skimmed');
      assertSame(variant, variant.slice(0, 120));
    }
  }
});

test('schemas the two parsers could read apart are read whole', () => {
  const schema = yamlOf(TEMPLATES[0]);
  const cases = [
    // An anchor inside the schema that a later key aliases, an alias to an anchor before it.
    schema.replace('- {', '- &first {') + '\ncopy: *first\n',
    `base: &b "x"\n${schema.replace('label:', 'alias: *b, label:')}`,
    // A tag on the schema, a tab in it, a second document, a key that is quoted.
    schema.replace('fields:', 'fields: !!seq'),
    schema.replace('label:', 'label:\t'),
    `${schema}\n...\n---\nb: 2\n`,
    schema.replace('fields:', '"fields":'),
    // Not a list, not at the top, a duplicate key, an error before and after it.
    schema.replace(/^fields:\n[\s\S]*$/m, 'fields:\n  name: x\n' + 'pad: '.padEnd(1100, 'x') + '\n'),
    `a: [1,\n${schema}`,
    `${schema}\nfields: []\n`,
    `bad: "unclosed\n${schema}`,
    `${schema}\nbad: [unclosed\n`,
  ];
  for (const yaml of cases) assertSame(`---\n${yaml}\n---\n\n# Body\n`, yaml.slice(0, 60));
});

const DAMAGE = ['{', '}', '[', ']', ',', ':', '"', "'", '#', '-', ' ', '  ', '\n', '\n  ', '&a ', '*a', '!x ', '|', '>', '? ', '%', '@', '`', 'key: v', '- x', '\\', '\n- '];

/** A template's frontmatter with one to three random edits inside its schema (and now and then outside). */
function damaged(random: () => number): string {
  const text = TEMPLATES[Math.floor(random() * TEMPLATES.length)];
  let yaml = `status: draft\n${yamlOf(text)}\nsources:\n  - /sources/a.md\n`;
  const edits = 1 + Math.floor(random() * 3);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(random() * yaml.length);
    const cut = random() < 0.3 ? Math.floor(random() * 6) : 0;
    const insert = random() < 0.8 ? DAMAGE[Math.floor(random() * DAMAGE.length)] : '';
    yaml = yaml.slice(0, at) + insert + yaml.slice(at + cut);
  }
  return `---\n${yaml}\n---\n\n# Body\n`;
}

/** Rounds of the unit suite (40,000 found nothing more when the skim was written). */
const ROUNDS = 1000;

test('generated damage to a schema: the linter reads what one whole read gives', () => {
  const random = rng(20261203);
  let skimmed = 0;
  let broken = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const text = damaged(random);
    if (skimFieldSchema(yamlOf(text))) skimmed++;
    const whole = readFrontmatter(text, [/TODO/g]);
    if (whole?.errors.length) broken++;
    assertSame(text, `round ${i}: ${JSON.stringify(text)}`);
  }
  // Both kinds are well represented: schemas still read apart, and sources a whole read rejects.
  assert.ok(skimmed > ROUNDS / 3, `${skimmed} skimmed`);
  assert.ok(broken > ROUNDS / 6, `${broken} with a problem`);
});

/** A template's frontmatter with one to three random edits outside its schema: the schema's text is one read before. */
function damagedAround(random: () => number): string {
  const text = TEMPLATES[Math.floor(random() * TEMPLATES.length)];
  const schema = /^fields:\n(?:[ #].*\n?|\n)*/m.exec(yamlOf(text))?.[0] ?? '';
  let before = 'status: draft\ntitle: "[Partner] guide"\n';
  let after = '\nsources:\n  - /sources/a.md\n';
  const edits = 1 + Math.floor(random() * 3);
  for (let k = 0; k < edits; k++) {
    const insert = random() < 0.8 ? DAMAGE[Math.floor(random() * DAMAGE.length)] : '';
    if (random() < 0.5) {
      const at = Math.floor(random() * (before.length + 1));
      before = before.slice(0, at) + insert + before.slice(at);
    } else {
      const at = Math.floor(random() * (after.length + 1));
      after = after.slice(0, at) + insert + after.slice(at);
    }
  }
  return `---\n${before}${schema}${after}\n---\n\n# Body\n`;
}

test('a schema read before is taken as read, and only where its text and the rest read as the whole read does', () => {
  for (const text of TEMPLATES) {
    const first = skimFieldSchema(yamlOf(text));
    assert.deepEqual(skimFieldSchema(yamlOf(text)), first, 'the second read of the same schema gives the first');
    // The same schema after other keys, and with its first item indented apart from the others.
    const moved = `owner: "[OWNER]"\n${yamlOf(text)}`;
    assert.deepEqual(skimFieldSchema(moved)?.value, first?.value);
    assertSame(`---\n${moved}\n---\n`, 'moved');
    assertSame(`---\n${yamlOf(text).replace(/^fields:\n {2}/m, 'fields:\n    ')}\n---\n`, 'first item indented apart');
    assertSame(`---\n%YAML 1.2\n---\n${yamlOf(text)}\n---\n`, 'a directive');
    assertSame(`---\n{ a: 1,\n${yamlOf(text)}\n}\n---\n`, 'inside a flow mapping');
  }
  const random = rng(20261204);
  for (let i = 0; i < ROUNDS; i++) {
    const text = damagedAround(random);
    assert.deepEqual(seen(readFrontmatter(text, [/TODO/g], true)), seen(readFrontmatter(text, [/TODO/g])), `round ${i}: ${JSON.stringify(text)}`);
  }
});
