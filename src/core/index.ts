/** The public surface of the engine. */
export { lint, lintModel, Linter, compilePatterns } from './lint';
export { buildModel, positionAt, FactCache, type DocModel } from './document';
export { RULES } from './rules/index';
export { fieldName } from './rules/placeholder';
export { normalizeHeading, sectionsTitled } from './rules/unchecked-dod';
export { severityForStatus, resolveSeverity, SEVERITY_SETTINGS } from './severity';
export * from './types';
export * from './config';
