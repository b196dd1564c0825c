/**
 * Headings matched by title (`src/core/sections.ts`): `hasTitle` decides most headings by their
 * last character and must agree everywhere with normalizing the heading and looking it up.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dodTitles, hasTitle, normalizeHeading } from '../../src/core/sections';
import { DEFAULT_DOD_HEADINGS } from '../../src/core/types';
import { rng } from './helpers';

// Letters whose lower case depends on context or leaves the character's code unit (final sigma,
// dotted capital I, an astral capital), spaces Unicode knows, both colons, digits for numbering.
const PIECES = ['a', 'E', 'z', 'Q', '1', '2', '.', ')', ':', '\uFF1A', ' ', '  ', '\t', '\u00A0', '\u2003', '\n', '\u03A3', '\u03C3', '\u03C2', '\u0130', 'i\u0307', '\u{10400}', '\u{10428}', '\u00C9', '-', 'Done', 'DONE', 'Definition of Done'];

function randomText(next: () => number, max: number): string {
  let s = '';
  const n = Math.floor(next() * max);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(next() * PIECES.length)];
  return s;
}

/** A heading written from a title: numbered, upper-cased, with a colon or spaces after it. */
function variant(next: () => number, title: string): string {
  const prefix = ['', '1. ', '2.3 ', '  4) '][Math.floor(next() * 4)];
  const body = next() < 0.5 ? title.toUpperCase() : title;
  const suffix = ['', ':', ' :  ', '\uFF1A', '\u00A0', ' '][Math.floor(next() * 6)];
  return prefix + body + suffix;
}

test('hasTitle agrees with normalizing the heading, on random headings and title sets', () => {
  const next = rng(20261204);
  const sets = [
    dodTitles(DEFAULT_DOD_HEADINGS),
    dodTitles(['\u039F\u03A1\u0399\u03A3\u039C\u039F\u03A3', 'Fertig', 'x:']),
    dodTitles(['', 'Done']),
    new Set<string>(),
  ];
  for (let i = 0; i < 40; i++) sets.push(dodTitles(Array.from({ length: 1 + Math.floor(next() * 4) }, () => randomText(next, 5))));
  let matched = 0;
  for (const titles of sets) {
    const pool = [...titles];
    for (let i = 0; i < 400; i++) {
      const heading = pool.length > 0 && next() < 0.4 ? variant(next, pool[Math.floor(next() * pool.length)]) : randomText(next, 7);
      const expected = titles.has(normalizeHeading(heading));
      if (expected) matched++;
      assert.equal(hasTitle(titles, heading), expected, `${JSON.stringify(heading)} in ${JSON.stringify(pool)}`);
    }
  }
  assert.ok(matched > 1000, `headings that match a title are tried too (${matched})`);
});

test('hasTitle: a heading that differs only by case, numbering, a trailing colon or spacing matches', () => {
  const titles = dodTitles(['Definition of Done', '\u039F\u03A1\u0399\u03A3\u039C\u039F\u03A3']);
  for (const h of ['DEFINITION OF DONE', '2.1 Definition of done:', 'Definition  of\tDone \uFF1A ', '\u039F\u03A1\u0399\u03A3\u039C\u039F\u03A3']) assert.ok(hasTitle(titles, h), h);
  for (const h of ['Definition of Done (draft)', 'Definition of Done::', '', 'Done']) assert.ok(!hasTitle(titles, h), h);
  assert.ok(hasTitle(dodTitles(['', 'Done']), '1. '), 'an empty title matches a heading that normalizes to nothing');
});
