/**
 * The `yaml` library, loaded on first use: only frontmatter and template schemas need it, it is
 * a quarter of the extension's bundle, and a document without frontmatter never loads it. The
 * core imports what it needs of `yaml` from here (types straight from `yaml`).
 */
import type * as Yaml from 'yaml';
import type * as JsYaml from './yaml-events';
import type { Event } from 'js-yaml';

let lib: typeof Yaml | undefined;

function yaml(): typeof Yaml {
  // A require, not an import: the bundler then evaluates the library on this call, not at load.
  lib ??= require('yaml') as typeof Yaml;
  return lib;
}

/**
 * Runs `parse` with no stack traces captured: `yaml` reports each problem it finds as an Error,
 * and capturing the stack of each was a tenth of linting a folder of templates (whose
 * frontmatter is often not YAML yet). The core reads their messages and positions only.
 */
function withoutStacks<T>(parse: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export const parseDocument = ((source: string, options?: Yaml.ParseOptions & Yaml.DocumentOptions & Yaml.SchemaOptions) =>
  withoutStacks(() => yaml().parseDocument(source, options))) as typeof Yaml.parseDocument;
export const isMap = ((node: unknown) => yaml().isMap(node)) as typeof Yaml.isMap;
export const isSeq = ((node: unknown) => yaml().isSeq(node)) as typeof Yaml.isSeq;
export const isScalar = ((node: unknown) => yaml().isScalar(node)) as typeof Yaml.isScalar;
export const isPair = ((node: unknown) => yaml().isPair(node)) as typeof Yaml.isPair;

/** A CST parser (`new Parser()` of `yaml`). */
export function cstParser(): Yaml.Parser {
  return new (yaml().Parser)();
}

/** `visit` of `yaml`, with its `BREAK`, `SKIP` and `REMOVE` (read from the library when asked for). */
export const visit = Object.defineProperties(((node: Yaml.Node | Yaml.Document, visitor: Yaml.visitor) => yaml().visit(node, visitor)) as typeof Yaml.visit, {
  BREAK: { get: () => yaml().visit.BREAK },
  SKIP: { get: () => yaml().visit.SKIP },
  REMOVE: { get: () => yaml().visit.REMOVE },
});

/**
 * `js-yaml`'s event parser, loaded on first use like `yaml`: it reads a template's field schema
 * for the linter (`schema-skim.ts`), where no node's range is needed.
 */
let quick: typeof JsYaml | undefined;

function jsYaml(): typeof JsYaml {
  quick ??= require('./yaml-events') as typeof JsYaml;
  return quick;
}

/** Loads the YAML libraries now (their first use would). */
export function loadYaml(): void {
  yaml();
  jsYaml();
}

/** `parseEvents` of `js-yaml`: the flat event stream of a YAML text, spans as offsets. Throws on invalid YAML. */
export function yamlEvents(source: string): Event[] {
  return withoutStacks(() => jsYaml().parseEvents(source, {}));
}

/** The value of the one document `events` hold (`js-yaml`'s core schema, the one `yaml` reads with). Throws. */
export function eventsValue(events: Event[], source: string): unknown {
  const lib = jsYaml();
  return withoutStacks(() => lib.constructFromEvents(events, { source, schema: lib.CORE_SCHEMA, maxAliases: 100 })[0]);
}

/** `js-yaml`'s numbering of event kinds and styles. */
export function yamlEventCodes(): Pick<typeof JsYaml, 'EVENT_ID' | 'COLLECTION_STYLE' | 'SCALAR_STYLE'> {
  const { EVENT_ID, COLLECTION_STYLE, SCALAR_STYLE } = jsYaml();
  return { EVENT_ID, COLLECTION_STYLE, SCALAR_STYLE };
}
