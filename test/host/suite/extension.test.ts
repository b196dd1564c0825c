import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import { activateExtension, EXTENSION_ID } from './util';

suite('extension', () => {
  test(`${EXTENSION_ID} is present and activates`, async () => {
    const { ext, api } = await activateExtension();
    assert.equal(ext.isActive, true, 'extension should be active after activate()');
    assert.equal(typeof api, 'object', 'activate() should return the extension API object');
    assert.notEqual(api, null);
  });
});
