/**
 * The web bundle's stand-in for `yaml-events.ts` (swapped in by src/build/esbuild.mjs): a web
 * extension host loads its whole bundle at once, so it goes without `js-yaml` (47 KB minified)
 * and reads every frontmatter with `yaml` alone — the skim (`schema-skim.ts`) gets no events
 * and reads whole. The values are never reached.
 */
import type * as Events from './yaml-events';

function absent(): never {
  throw new Error('js-yaml is not in the web bundle');
}

export const parseEvents: typeof Events.parseEvents = absent;
export const constructFromEvents: typeof Events.constructFromEvents = absent;
export const CORE_SCHEMA = undefined as unknown as typeof Events.CORE_SCHEMA;
export const EVENT_ID = undefined as unknown as typeof Events.EVENT_ID;
export const COLLECTION_STYLE = undefined as unknown as typeof Events.COLLECTION_STYLE;
export const SCALAR_STYLE = undefined as unknown as typeof Events.SCALAR_STYLE;
