/**
 * Restricted Mode, decided per setting (`src/vscode/restricted.ts`): the policy covers every
 * contributed setting, package.json declares the restricted ones, and the values applied and
 * reported as not applied follow trust. The status bar item that shows them is a thin view of
 * `withheldSettings`; the host tests run in a trusted workspace (code-server is started with
 * workspace trust off), so the untrusted side is checked here, on the policy itself.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appliedValue, RESTRICTED_SETTINGS, UNTRUSTED_POLICY, withheldSettings, type Inspected, type RestrictedSetting } from '../../src/vscode/restricted';
import { ROOT } from './helpers';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  capabilities: { untrustedWorkspaces: { supported: unknown; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, unknown> } };
};

test('every setting has a decision for untrusted workspaces, and package.json declares the restricted ones', () => {
  const keys = Object.keys(pkg.contributes.configuration.properties).map((k) => k.replace(/^integrationDocs\./, '').replace(/^rules\..*/, 'rules.*'));
  assert.deepEqual([...new Set(keys)].sort(), Object.keys(UNTRUSTED_POLICY).sort());
  const restricted = Object.entries(UNTRUSTED_POLICY).filter(([, p]) => !p.applied).map(([k]) => k);
  assert.deepEqual(restricted, [...RESTRICTED_SETTINGS]);
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, RESTRICTED_SETTINGS.map((k) => `integrationDocs.${k}`));
});

test('untrusted: a restricted setting takes the user value or the default; trusted: the workspace value', () => {
  const i: Inspected<number> = { defaultValue: 5120, globalValue: 8000, workspaceValue: 1_000_000 };
  assert.equal(appliedValue(i, false, 1), 8000);
  assert.equal(appliedValue({ defaultValue: 5120, workspaceValue: 1_000_000 }, false, 1), 5120);
  assert.equal(appliedValue(i, true, 1), 1_000_000);
  assert.equal(appliedValue({ ...i, workspaceFolderValue: 20 }, true, 1), 20);
  assert.equal(appliedValue(undefined, false, 7), 7);
});

test('what the status bar lists as not applied: workspace values that differ, none once trusted', () => {
  const values: Record<RestrictedSetting, Inspected<unknown>> = {
    maxFileSizeKB: { defaultValue: 5120, workspaceValue: 1_000_000 },
    scanWorkspaceOnStartup: { defaultValue: false, globalValue: true, workspaceFolderValue: true },
  };
  const inspect = (key: RestrictedSetting) => values[key];
  assert.deepEqual(withheldSettings(inspect, false, 'integrationDocs'), [{ key: 'integrationDocs.maxFileSizeKB', value: 1_000_000, applied: 5120 }]);
  assert.deepEqual(withheldSettings(inspect, true, 'integrationDocs'), []);
  assert.deepEqual(withheldSettings(() => ({ defaultValue: 1 }), false, 'integrationDocs'), []);
});
