/**
 * The templates the extension and the CLI ship, in the order the pickers show them. Each is a
 * Markdown file next to this one, bundled as text. Explicit imports, no discovery.
 */
import { withSchema, type SchemaError, type TemplateInfo } from '../core/templates/index';
import implementationGuide from './implementation-guide.md';
import implementationPlan from './implementation-plan.md';
import integrationPage from './integration-page.md';
import integrationPlaybook from './integration-playbook.md';
import discoveryDocument from './discovery-document.md';

/** The template files as written (with their `fields:` schema), by id. */
const RAW: Record<string, string> = {
  'implementation-guide': implementationGuide,
  'implementation-plan': implementationPlan,
  'integration-page': integrationPage,
  'integration-playbook': integrationPlaybook,
  'discovery-document': discoveryDocument,
};

/** A built-in template, its `fields:` schema read and cut out of its body (checked by `builtinSchemaErrors`). */
function builtin(info: Omit<TemplateInfo, 'source'>): TemplateInfo {
  // Checking a schema against its template lints the template: not at load time (activation).
  return Object.freeze(withSchema({ ...info, source: 'builtin' as const }, false).template);
}

/** Problems of the built-in templates' `fields:` schemas, by template id (a unit test keeps it empty). */
export function builtinSchemaErrors(): Record<string, SchemaError[]> {
  const out: Record<string, SchemaError[]> = {};
  for (const t of builtinTemplates()) {
    const { errors } = withSchema({ ...t, body: RAW[t.id] });
    if (errors.length) out[t.id] = errors;
  }
  return out;
}

/** What the pickers show of each built-in template; the body is the file as written. */
const BUILTIN_INFO: readonly Omit<TemplateInfo, 'source'>[] = [
  {
    id: 'implementation-guide',
    title: 'Implementation Guide',
    description: 'Step-by-step guide to implementing an integration for one customer',
    detail: 'Metadata, prerequisites, six verified steps, troubleshooting, rollback, escalation and a Definition of Done',
    version: '1.0.0',
    body: implementationGuide,
  },
  {
    id: 'implementation-plan',
    title: 'Implementation Plan',
    description: 'Phased plan for connecting System A ↔ System B for a client',
    detail: 'Five phases with owners and exit criteria, team, dependencies, risks, deployment, monitoring and a Success Checklist; optional accounting, marketing, fulfillment and data-migration blocks',
    version: '1.0.0',
    body: implementationPlan,
  },
  {
    id: 'integration-page',
    title: 'Integration Page',
    description: 'Public page explaining how to integrate your product with a partner platform',
    detail: 'Kurt-style frontmatter with sources and outline; overview, prerequisites, setup guide, code, use cases, configuration, troubleshooting, security and limits',
    version: '1.0.0',
    body: integrationPage,
  },
  {
    id: 'integration-playbook',
    title: 'Customer Integration Playbook',
    description: "A Solutions Engineer's playbook for customer-facing integration work (a filled example)",
    detail: 'Purpose, customer scenario, constraints, architecture, API flow, customer and engineer explanations, what scales and what breaks',
    version: '1.0.0',
    body: integrationPlaybook,
  },
  {
    id: 'discovery-document',
    title: 'Deep Discovery Document',
    description: 'Thorough discovery before building an integration: value, journeys, requirements, risks',
    detail: 'Business value, user journeys, technical requirements, architecture, security, performance, phases, tests, costs, risks, open questions and sign-off',
    version: '1.0.0',
    body: discoveryDocument,
  },
];

let builtins: readonly TemplateInfo[] | undefined;

/**
 * The built-in templates, their schemas read on the first call: reading them parses five YAML
 * blocks, which is no work for loading the extension (activation) or the CLI.
 */
export function builtinTemplates(): readonly TemplateInfo[] {
  builtins ??= Object.freeze(BUILTIN_INFO.map(builtin));
  return builtins;
}

/** The built-in template with this id. */
export function builtinTemplate(id: string): TemplateInfo | undefined {
  return builtinTemplates().find((t) => t.id === id);
}
