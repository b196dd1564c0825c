import { readPlan, type PathRef } from '../outline-plan';
import type { DocModel } from '../document';
import type { SourceCheck } from '../types';
import type { Rule, Report } from './rule';
import { said } from '../messages';

function message(path: string, check: SourceCheck): ReturnType<typeof said> | undefined {
  if (check.outside) return said('sourceOutside', path);
  if (!check.exists) return said('sourceMissing', path);
  return undefined;
}

/** A path with an unfilled placeholder in it (`/sources/[partner]-api.md`) is the placeholder rule's. */
function templated(model: DocModel, ref: PathRef): boolean {
  return (model.frontmatter?.fields ?? []).some((f) => f.start < ref.end && f.end > ref.start);
}

/**
 * Where each problem path is reported: a declared source at its `path` value only; a path that
 * is not declared at every outline entry and inline citation that names it.
 */
function places(model: DocModel): Map<string, PathRef[]> {
  const plan = readPlan(model);
  const out = new Map<string, PathRef[]>();
  const add = (ref: PathRef) => out.set(ref.path, [...(out.get(ref.path) ?? []), ref]);
  for (const s of plan.sources) if (!out.has(s.path)) add(s);
  const declared = new Set(out.keys());
  for (const e of plan.outline ?? []) for (const ref of e.sources) if (!declared.has(ref.path)) add(ref);
  for (const c of plan.citations) for (const ref of c.paths) if (!declared.has(ref.path)) add(ref);
  return out;
}

/**
 * `sources`: a source path (frontmatter `sources`, outline entries, inline citations) that does
 * not exist or escapes the workspace, per the host's `resolveSource`. Silent without one.
 */
export const sources: Rule<'sources'> = {
  id: 'sources',
  title: 'missing sources',
  description: 'Sources that do not exist or escape the workspace.',
  check(model, context, report) {
    const resolve = context.resolveSource;
    if (!resolve) return;
    for (const [path, refs] of places(model)) {
      let check: SourceCheck | undefined;
      try {
        check = resolve(path);
      } catch {
        check = undefined;
      }
      const text = check && message(path, check);
      if (!text) continue;
      for (const ref of refs) {
        if (!templated(model, ref)) report({ start: ref.start, end: ref.end, ...text } satisfies Report);
      }
    }
  },
};
