/** Templates: fields, conditionals, rendering, team templates and snippets (pure; no I/O). */
export type { TemplateInfo, TemplateField, FieldKind, FieldType, FieldSpec, SchemaError, RenderOptions, ParsedTemplate, TemplateSource } from './types';
export { FIELD_TYPES } from './types';
export {
  templateFields,
  documentFields,
  schemaOfDocument,
  templateConditionals,
  suggestDefaults,
  suggestFileName,
  uniqueFileName,
  matchFields,
  describeAmbiguity,
  occurrenceRef,
  closestNames,
  answerFor,
  fieldWords,
  isSlugField,
  slugify,
  dateFor,
  localDate,
} from './fields';
export { isIdentifier, templateKindOf } from './identity';
export { answerEdits, type AnswerEdit } from './answers';
export { readSchema, withSchema, formatSchemaErrors, SCHEMA_KEY } from './schema';
export { renderTemplate } from './render';
export { parseTeamTemplate, mergeTemplates, TEMPLATE_METADATA_KEYS } from './team';
export { templateSnippet, snippetsFile, snippetPrefix, type SnippetEntry, type SnippetOptions } from './snippet';
export {
  templateForm,
  documentForm,
  formSections,
  formFields,
  initialAnswers,
  initialToggles,
  derivedAnswers,
  answerValues,
  answerProblem,
  answerProblems,
  applyTextEdits,
  formEdits,
  preview,
  formFileName,
  type FormField,
  type FormSection,
  type FormToggle,
  type FormView,
  type FormModel,
  type FormSource,
  type AnswerProblem,
  type Answers,
  type Toggles,
} from './form';
