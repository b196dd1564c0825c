/** The public surface of the engine. */
export { lint, lintModel, Linter, BatchLinter, compilePatterns, PREPARE_SLICE_MS } from './lint';
export { buildModel, positionAt, FactCache, type DocModel } from './document';
export { RULES, ruleById, isRuleId, docsAnchor, DOCS_URL } from './rules/index';
export { fieldName } from './rules/placeholder';
export { normalizeHeading, sectionsTitled, tasksIn, dodProgress, dodTitles, type SectionSpan } from './sections';
export { plural, openItemsText, plainText, type OpenItems } from './display';
export { syntaxOf, MARKDOWN_EXTENSIONS, type DocumentSyntax } from './syntax';
export { DIALECTS, dialectOf, patternDialect, type Dialect, type FieldKind, type FieldReading } from './dialects';
export { severityForStatus, resolveSeverity, SEVERITY_SETTINGS } from './severity';
export * from './types';
export * from './config';
export { buildOutline, sectionAtOffset, titleWords, titleOfId, type DocOutline, type Section, type SectionSource, type MissingSection, type SourceEntry } from './outline';
export { readPlan, matchOutline, type Plan, type OutlineEntry, type DeclaredSource, type Citation, type PathRef } from './outline-plan';
export { locateSource, isRemoteSource, type SourceLocation } from './outline-paths';
export * from './templates/index';
