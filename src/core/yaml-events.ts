/**
 * What the core uses of `js-yaml`: its event parser and the constructor of values from events
 * (`schema-skim.ts`). A module of its own so that the bundles leave out the rest of the library
 * (its dumper and presenter); `yaml.ts` requires it on first use.
 */
export { parseEvents, constructFromEvents, CORE_SCHEMA, EVENT_ID, COLLECTION_STYLE, SCALAR_STYLE } from 'js-yaml';
