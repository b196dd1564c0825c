/**
 * Generates the parts of the repository that list the rules, from the rule registry
 * (`src/core/rules`): the `integrationDocs.rules.<id>` settings in `package.json` (their English
 * texts in `package.nls.json`), the `.integration-docs.json` JSON schema and the README's rule table. `npm run build` writes them
 * (`src/build/catalogue.mjs`); a unit test fails when a committed file differs.
 */
import { plainText } from '../core/display';
import { DOCS_URL, RULES, docsAnchor } from '../core/rules/index';
import { SEVERITY_SETTINGS, SEVERITY_SETTING_DESCRIPTIONS } from '../core/severity';

/** A generated file: its path relative to the repository root and its full text. */
export interface GeneratedFile {
  path: string;
  text: string;
}

type Json = Record<string, unknown>;

/** The settings namespace of rule severities: `integrationDocs.rules.<id>`. */
export const RULE_SETTING_PREFIX = 'integrationDocs.rules.';

/** The setting `order` of the first rule (others follow in registry order). */
const FIRST_RULE_ORDER = 10;

/** What each value of a severity setting means; in the editor `auto` also defers to the config file. */
function settingValueDescriptions(): string[] {
  return SEVERITY_SETTINGS.map((s) =>
    s === 'auto' ? `${SEVERITY_SETTING_DESCRIPTIONS[s]} Defers to \`.integration-docs.json\` when it sets this rule.` : SEVERITY_SETTING_DESCRIPTIONS[s],
  );
}

/** `package.nls.json` keys of the generated settings texts. */
export const NLS_SEVERITY_PREFIX = 'config.severity.';
export const NLS_RULE_PREFIX = 'config.rules.';
const severityKey = (s: string) => `${NLS_SEVERITY_PREFIX}${s}`;
const ruleKey = (id: string) => `${NLS_RULE_PREFIX}${id}.markdownDescription`;

/** The `package.json` setting of one rule's severity; its texts are `%key%`s of `package.nls.json`. */
function ruleSetting(rule: (typeof RULES)[number], index: number): Json {
  return {
    type: 'string',
    enum: [...SEVERITY_SETTINGS],
    enumDescriptions: SEVERITY_SETTINGS.map((s) => `%${severityKey(s)}%`),
    default: 'auto',
    scope: 'resource',
    markdownDescription: `%${ruleKey(rule.id)}%`,
    order: FIRST_RULE_ORDER + index,
  };
}

/** The English texts of the generated settings, by `package.nls.json` key. */
function ruleSettingTexts(): Record<string, string> {
  const out: Record<string, string> = {};
  const values = settingValueDescriptions();
  SEVERITY_SETTINGS.forEach((s, i) => (out[severityKey(s)] = values[i]));
  for (const rule of RULES) {
    out[ruleKey(rule.id)] = `Severity of rule \`${rule.id}\`: ${rule.description} \`auto\` uses the config file's setting, else the document's \`status\`.`;
  }
  return out;
}

/**
 * `package.nls.json` text with the generated settings texts regenerated (a removed rule's
 * dropped); every hand-written entry is kept as it is, in its place.
 */
export function packageNlsText(current: string): string {
  const nls = JSON.parse(current) as Record<string, string>;
  const generated = ruleSettingTexts();
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(nls)) {
    if (!key.startsWith(NLS_SEVERITY_PREFIX) && !key.startsWith(NLS_RULE_PREFIX)) out[key] = value;
  }
  return `${JSON.stringify({ ...out, ...generated }, null, 2)}\n`;
}

/**
 * `properties` with one severity setting per registered rule, in registry order, where the
 * first rule setting was (at the end when there was none). Every other setting is kept as it
 * is, in its place; a setting of a rule that is no longer registered is dropped.
 */
export function withRuleSettings(properties: Json): Json {
  const rules: Json = {};
  RULES.forEach((rule, i) => (rules[`${RULE_SETTING_PREFIX}${rule.id}`] = ruleSetting(rule, i)));
  const out: Json = {};
  let placed = false;
  for (const [key, value] of Object.entries(properties)) {
    if (!key.startsWith(RULE_SETTING_PREFIX)) out[key] = value;
    else if (!placed) {
      Object.assign(out, rules);
      placed = true;
    }
  }
  return placed ? out : { ...out, ...rules };
}

/** `package.json` text with its rule settings regenerated (2-space JSON, final newline). */
export function packageJsonText(current: string): string {
  const pkg = JSON.parse(current) as Json;
  const contributes = (pkg.contributes ?? {}) as Json;
  const configuration = (contributes.configuration ?? {}) as Json;
  configuration.properties = withRuleSettings((configuration.properties ?? {}) as Json);
  contributes.configuration = configuration;
  pkg.contributes = contributes;
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** The schema of the config file's `rules` object: one severity per registered rule. */
function rulesSchema(): Json {
  const properties: Json = {};
  for (const rule of RULES) {
    properties[rule.id] = {
      description: plainText(rule.description),
      markdownDescription: `${rule.description} [Docs](${DOCS_URL}#${docsAnchor(rule.id)})`,
      $ref: '#/definitions/severity',
    };
  }
  return {
    type: 'object',
    description: "Severity per rule. `auto` follows the document's status: outline → information, draft → warning, final → error.",
    additionalProperties: false,
    properties,
  };
}

/** The config file's JSON schema with `rules` and the severity values regenerated; the rest kept. */
export function configSchemaText(current: string): string {
  const schema = JSON.parse(current) as Json;
  const properties = (schema.properties ?? {}) as Json;
  properties.rules = rulesSchema();
  schema.properties = properties;
  const definitions = (schema.definitions ?? {}) as Json;
  definitions.severity = {
    enum: [...SEVERITY_SETTINGS],
    markdownEnumDescriptions: SEVERITY_SETTINGS.map((s) => SEVERITY_SETTING_DESCRIPTIONS[s]),
  };
  schema.definitions = definitions;
  return `${JSON.stringify(schema, null, 2)}\n`;
}

const TABLE_BEGIN = '<!-- rules:begin — generated from src/core/rules by npm run build; edit the rule files -->';
const TABLE_END = '<!-- rules:end -->';

/** The README's rule table: each rule linked to its section, with what it reports. */
export function ruleTable(): string {
  const rows = RULES.map((r) => `| [\`${r.id}\`](#${docsAnchor(r.id)}) | ${r.description.replace(/\|/g, '\\|')} |`);
  return ['| rule | reports |', '|---|---|', ...rows].join('\n');
}

/**
 * README text with the rule table between its markers regenerated. Throws when the markers
 * are missing (the table has a place chosen by hand).
 */
export function readmeText(current: string): string {
  const begin = current.indexOf(TABLE_BEGIN);
  const end = current.indexOf(TABLE_END);
  if (begin === -1 || end < begin) throw new Error(`README.md: the rule table markers ${TABLE_BEGIN} … ${TABLE_END} are missing`);
  return `${current.slice(0, begin + TABLE_BEGIN.length)}\n${ruleTable()}\n${current.slice(end)}`;
}

/** The generated files, given a reader of the current ones (paths relative to the root). */
export function catalogueFiles(read: (path: string) => string): GeneratedFile[] {
  return [
    { path: 'package.json', text: packageJsonText(read('package.json')) },
    { path: 'package.nls.json', text: packageNlsText(read('package.nls.json')) },
    { path: 'media/integration-docs.schema.json', text: configSchemaText(read('media/integration-docs.schema.json')) },
    { path: 'README.md', text: readmeText(read('README.md')) },
  ];
}
