// mdast-util-from-markdown turns micromark's events into a syntax tree by calling a handler per
// event with `this` = a fresh copy of its compile context (`{...context, sliceSerialize}`): an
// object of nine properties allocated and filled for every event, which a profile of the
// parser put at a third of the tree builder's time and much of the parser's garbage. No
// handler of the libraries we bundle (from-markdown, the GFM, frontmatter and MDX utilities)
// keeps `this` or writes a property on it (their state is on `this.data`, which the copy
// shares), so one context per parse, its `sliceSerialize` set before each call, reads the same.
// This plugin makes that one edit at bundle time; a version of the library without the exact
// code fails the build, so an update is looked at, never silently unpatched.
// test/unit/parser-patch.test.ts holds the patched trees equal to the library's own.
import { readFile } from 'node:fs/promises';

const PER_EVENT = `      if (own.call(handler, events[index][1].type)) {
        // Note: spread first, V8 has optimizations for object shape cloning.
        handler[events[index][1].type].call({
          ...context,
          sliceSerialize: events[index][2].sliceSerialize
        }, events[index][1]);
      }`;

const SHARED = `      if (own.call(handler, events[index][1].type)) {
        shared.sliceSerialize = events[index][2].sliceSerialize;
        handler[events[index][1].type].call(shared, events[index][1]);
      }`;

const LOOP = `    events = prepared;
    index = -1;
    while (++index < events.length) {`;

/** The library's source with one compile context per parse; throws when the code is not the one this edit knows. */
export function patchFromMarkdown(source) {
  if (source.split(PER_EVENT).length !== 2 || source.split(LOOP).length !== 2) {
    throw new Error('mdast-util-from-markdown changed: src/build/from-markdown-context.mjs no longer knows its compile loop');
  }
  return source.replace(LOOP, `    events = prepared;\n    index = -1;\n    const shared = {...context, sliceSerialize: undefined};\n    while (++index < events.length) {`).replace(PER_EVENT, SHARED);
}

export const fromMarkdownContext = {
  name: 'from-markdown-context',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]mdast-util-from-markdown[\\/]lib[\\/]index\.js$/ }, async (args) => ({
      contents: patchFromMarkdown(await readFile(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};
