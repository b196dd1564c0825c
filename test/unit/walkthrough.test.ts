/**
 * The Getting Started walkthrough (`contributes.walkthroughs`): five steps in the order a new
 * writer meets the product (template, fields, quick fix, outline, CI), each with a picture
 * that ships in the VSIX and is safe to show (no script, nothing remote), and buttons and
 * completion events that name commands and views that exist.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { image?: string; altText?: string; markdown?: string };
  completionEvents?: string[];
}
interface Manifest {
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    walkthroughs: { id: string; title: string; steps: Step[] }[];
  };
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
const walkthroughs = pkg.contributes.walkthroughs;
const steps = walkthroughs[0]?.steps ?? [];
const commands = new Set(pkg.contributes.commands.map((c) => c.command));
const views = new Set(Object.values(pkg.contributes.views).flat().map((v) => v.id));
/** Built-in commands a step may link to. */
const BUILT_IN = new Set(['editor.action.quickFix']);

/** The English text of a `%key%`. */
function text(value: string): string {
  const m = /^%(.+)%$/.exec(value);
  assert.ok(m, `${value} is a %key% of package.nls.json`);
  assert.ok(m[1] in nls, `package.nls.json has ${m[1]}`);
  return nls[m[1]];
}

test('one walkthrough of five steps, in the order a writer meets the product', () => {
  assert.equal(walkthroughs.length, 1);
  assert.deepEqual(
    steps.map((s) => s.id),
    ['newDocument', 'fields', 'fill', 'outline', 'ci'],
  );
  for (const s of steps) assert.ok(text(s.title).length > 5 && text(s.description).length > 40, s.id);
});

test('every step shows a picture that ships in the VSIX, has alt text, and runs nothing', () => {
  const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');
  assert.match(ignore, /^!media\/walkthrough\/\*\.svg$/m, 'the VSIX allow-list ships the pictures');
  for (const s of steps) {
    const image = s.media.image;
    assert.ok(image && /^media\/walkthrough\/[\w-]+\.svg$/.test(image), `${s.id}: an SVG in media/walkthrough/`);
    assert.ok(existsSync(join(ROOT, image)), `${image} exists`);
    const svg = readFileSync(join(ROOT, image), 'utf8');
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.doesNotMatch(svg, /<script|\bon\w+=|href=|url\(/i, `${image} has no script and loads nothing`);
    assert.ok(text(s.media.altText ?? '').length > 20, `${s.id}: alt text`);
  }
});

test('each step has a button, and buttons and completion events name real commands and views', () => {
  for (const s of steps) {
    const links = [...text(s.description).matchAll(/\]\(command:([\w.]+)\)/g)].map((m) => m[1]);
    assert.equal(links.length, 1, `${s.id}: one button`);
    for (const c of links) {
      const view = c.endsWith('.focus') ? c.slice(0, -'.focus'.length) : undefined;
      assert.ok(commands.has(c) || BUILT_IN.has(c) || (view && views.has(view)), `${s.id}: ${c} exists`);
    }
    assert.ok((s.completionEvents ?? []).length > 0, `${s.id}: completes on an event`);
    for (const e of s.completionEvents ?? []) {
      const [kind, id] = e.split(':');
      if (kind === 'onCommand') assert.ok(commands.has(id), `${s.id}: ${id} is a contributed command`);
      else if (kind === 'onView') assert.ok(views.has(id), `${s.id}: ${id} is a contributed view`);
      else assert.fail(`${s.id}: unexpected completion event ${e}`);
    }
  }
});
