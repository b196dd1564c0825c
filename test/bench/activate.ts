/**
 * Run in a fresh process by the benchmark: loads an extension bundle (argv[2]) with `vscode`
 * answered by an inert stand-in, activates it, and prints the milliseconds each step took as
 * JSON. The stand-in does no work, so this is the extension's own share of activation. Then it
 * loads the Markdown parser's file (dist/lazy/remark.js, when the bundle has one) as the first
 * lint does, in a slice of its own after activation: `parserLoadMs` is that slice.
 */
import { createRequire } from 'node:module';
import Module from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inert } from '../unit/vscode-stub';

type Load = (request: string, ...rest: unknown[]) => unknown;
const loader = Module as unknown as { _load: Load };
const original = loader._load;
const vscode = inert();
loader._load = function (this: unknown, request: string, ...rest: unknown[]) {
  return request === 'vscode' ? vscode : original.call(this, request, ...rest);
};

const c0 = process.cpuUsage();
const t0 = performance.now();
const extension = createRequire(__filename)(process.argv[2]) as { activate: (context: unknown) => unknown };
const t1 = performance.now();
const c1 = process.cpuUsage(c0);
extension.activate({ subscriptions: [], extensionUri: inert(), globalState: inert(), workspaceState: inert() });
const t2 = performance.now();
const c2 = process.cpuUsage(c0);
const parser = join(dirname(process.argv[2]), 'lazy/remark.js');
const t3 = performance.now();
if (existsSync(parser)) createRequire(__filename)(parser);
const parserLoadMs = performance.now() - t3;
const ms = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
process.stdout.write(`${JSON.stringify({ loadMs: t1 - t0, activateMs: t2 - t1, loadCpuMs: ms(c1), activateCpuMs: ms(c2) - ms(c1), parserLoadMs })}\n`);
