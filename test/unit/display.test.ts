import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openItemsText, plural } from '../../src/core/index';

test('open items read the same in the CLI, the tree and the status bar', () => {
  assert.equal(plural(1, 'field'), '1 field');
  assert.equal(plural(0, 'field'), '0 fields');
  assert.equal(openItemsText({ placeholders: 3, dod: { done: 2, total: 5 } }), '3 fields · DoD 2/5');
  assert.equal(openItemsText({ placeholders: 1, dod: null }), '1 field');
  assert.equal(openItemsText({ placeholders: 0, dod: { done: 1, total: 2 } }), 'DoD 1/2');
  assert.equal(openItemsText({ placeholders: 0, dod: undefined }), '');
  // The status bar always shows the field count; a list with no items shows no progress.
  assert.equal(openItemsText({ placeholders: 0, dod: { done: 0, total: 0 } }, true), '0 fields');
});
