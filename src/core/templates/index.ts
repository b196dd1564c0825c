/** Templates: fields, conditionals, rendering, team templates and snippets (pure; no I/O). */
export type { TemplateInfo, TemplateField, FieldKind, RenderOptions, ParsedTemplate, TemplateSource } from './types';
export {
  templateFields,
  templateConditionals,
  suggestDefaults,
  suggestFileName,
  uniqueFileName,
  matchFields,
  closestNames,
  answerFor,
  fieldWords,
  isSlugField,
  slugify,
  dateFor,
  localDate,
} from './fields';
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
  type FieldType,
  type AnswerProblem,
  type Answers,
  type Toggles,
} from './form';
export { documentFieldsCompat } from './form-compat';
