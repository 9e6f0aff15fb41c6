// Generates every artefact that is derived from the rule and code registries, so none of them is a
// hand-kept copy (ruff's `generate-all`):
// - docs/rules/<code>.md, the pages every diagnostic's `codeDescription.href` points to, one per rule
//   (from the rule file: title, severity, areas, explanation, remedy, fix levels, sources, and an
//   example from its bad fixture) and one per engine code (server/src/service/codes.ts), plus the
//   index docs/rules/README.md;
// - in README.md, the "**N risk rules and M integrity checks**" it states, counted from the registry;
// - schemas/scope-lint.schema.json, the `.scope-lint.yaml` schema (rule ids from the rule index,
//   settings from server/src/service/settingsRegistry.ts and the defaults in settings.ts);
// - in package.json, the `scope.rules`, `scope.thresholds.*`, `scope.vagueTerms.*` and
//   `scope.limits.*` settings and the Restricted Mode list of them;
// - server/src/service/generated/*SchemaValidator.js, both schemas compiled ahead of time into ajv
//   standalone code (scripts/schemaValidators.mjs), so no process compiles a schema at start;
// - server/src/service/generated/cityCountries.json, the city -> country table that reads
//   `security.data_location` (scripts/cityCountries.mjs, from the city-timezones package).
//
//   node scripts/generate.mjs           write what changed, delete pages of codes that no longer exist
//   node scripts/generate.mjs --check   write nothing; fail, naming the files, when any is stale (`npm run lint`)
//   node scripts/generate.mjs --json    print { "<path>": "<text>" } for every generated file and write nothing
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileConfigSchema, compileScopeSchema, standaloneModule } from './schemaValidators.mjs';
import { cityCountriesJson } from './cityCountries.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const docsDir = 'docs/rules';
/** Fixed, so that examples which depend on "today" do not change from day to day. */
const exampleToday = '2027-01-04';

// ---- what the generator knows that the rule data does not ----------------------------------

/** Headings of the index, in catalogue order; the category is the rule id's prefix. */
const categories = [
  {
    id: 'security',
    name: 'Security threats',
    blurb: "Confidential data, customer data and intellectual property in a vendor's hands (GDPR, ISO/IEC 27036-2, DORA).",
  },
  {
    id: 'expertise',
    name: 'Lack of expertise and oversight',
    blurb:
      'A scope that spells out deliverables, measures of success and the essential parameters, so nobody has to supervise day to day (PMBOK, FAR 37.6, 18F).',
  },
  {
    id: 'cost',
    name: 'Hidden costs',
    blurb:
      'Unclear terms, missing reserves and payment schedules that hand leverage to the vendor (FAR 16.601, PMBOK, GOV.UK Digital Outcomes).',
  },
  { id: 'schedule', name: 'Timeline integrity', blurb: 'Dates that contradict each other, or leave no room to accept the work.' },
  {
    id: 'governance',
    name: 'Oversight: cadence, escalation and exit',
    blurb: 'How you stay on track once the contract is signed, and how you get out.',
  },
  { id: 'structure', name: 'Integrity checks', blurb: 'Ids that clash or point nowhere; every cross-field rule depends on them.' },
];

const notLegalAdvice =
  'None of this is legal advice: the checks and thresholds are conventions drawn from practitioner and regulatory sources, and the right terms for your contract depend on your jurisdiction and circumstances.';

// ---- rendering -------------------------------------------------------------------------------

/** `schema/required` -> `schema-required.md`, the page `docsUrl()` links to. */
function pageName(code) {
  return `${code.replace(/\//g, '-')}.md`;
}

function settingRows(names, schema, defaults) {
  const rows = ['| Setting | Default | What it does |', '|---|---|---|'];
  for (const name of names) {
    const [section, key] = name.split('.');
    const property = schema.properties?.[section]?.properties?.[key] ?? {};
    const value = defaults[section]?.[key];
    const shown = value === undefined ? '' : `\`${JSON.stringify(value)}\``;
    const description = String(property.description ?? '').replace(/\|/g, '\\|');
    rows.push(`| \`${name}\` | ${shown} | ${description} |`);
  }
  return rows;
}

function settingsSection(names, schema, defaults) {
  if (names.length === 0) return [];
  return [
    '## Settings',
    '',
    ...settingRows(names, schema, defaults),
    '',
    "Change them in `.scope-lint.yaml` (in the scope file's folder or a folder above it, so CI reads the same values):",
    '',
    '```yaml',
    ...yamlSettingsExample(names, defaults),
    '```',
    '',
    `or in VS Code settings, as ${names.map((n) => `\`scope.${n}\``).join(', ')}.`,
    '',
  ];
}

function yamlSettingsExample(names, defaults) {
  const bySection = new Map();
  for (const name of names) {
    const [section, key] = name.split('.');
    if (!bySection.has(section)) bySection.set(section, []);
    bySection.get(section).push(`  ${key}: ${JSON.stringify(defaults[section]?.[key] ?? null)}`);
  }
  return [...bySection].flatMap(([section, lines]) => [`${section}:`, ...lines]);
}

/** Settings a rule's source reads: every threshold or vague-term list it names. */
function settingsUsedBy(source, schema) {
  const used = [];
  for (const section of ['thresholds', 'vagueTerms']) {
    for (const key of Object.keys(schema.properties?.[section]?.properties ?? {})) {
      const named = new RegExp(`\\b${key}\\b`).test(source);
      const whole = section === 'vagueTerms' && /\bvagueTerms\b/.test(source);
      if (named || whole) used.push(`${section}.${key}`);
    }
  }
  return used;
}

function placeholderNote(explanation) {
  const names = [...new Set(explanation.match(/\{[A-Za-z][\w.]{0,40}\}/g) ?? [])].map((n) => `\`${n}\``);
  if (names.length === 0) return [];
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return [
    `${list} ${names.length === 1 ? 'stands' : 'stand'} for ${names.length === 1 ? 'a value' : 'values'} from your file; the message of each finding fills ${names.length === 1 ? 'it' : 'them'} in.`,
    '',
  ];
}

function exampleSection(example) {
  if (!example) return [];
  const lines = [
    '## Example',
    '',
    `In [\`${example.file}\`](../../${example.file}), line ${example.line}:`,
    '',
    '```yaml',
    example.text,
    '```',
    '',
    `> **${example.severity}**: ${example.message}`,
    '',
  ];
  if (example.facts.length) lines.push(...example.facts.map((f) => `- ${f}`), '');
  if (example.fixes.length) {
    lines.push('Quick fixes offered here:', '');
    for (const fix of example.fixes) {
      const marks = [fix.preferred ? 'preferred' : '', fixSafety[fix.applicability] ?? ''].filter(Boolean);
      lines.push(`- ${fix.title}${marks.length ? ` (${marks.join(', ')})` : ''}`);
    }
    lines.push('');
  } else {
    lines.push("No quick fix is offered here: the change needs a person's judgement.", '');
  }
  return lines;
}

function footer() {
  return ['---', '', notLegalAdvice, '', '[All rules and codes](README.md)', ''];
}

const generatedBanner =
  '<!-- Generated by scripts/generate.mjs from the rule and code registries; do not edit. Run `node scripts/generate.mjs` after changing a rule. -->';

function rulePage(rule, { source, example, schema, defaults, basis }) {
  const category = categories.find((c) => c.id === rule.category);
  const settings = settingsUsedBy(source, schema);
  return [
    generatedBanner,
    '',
    `# ${rule.title}`,
    '',
    '| | |',
    '|---|---|',
    `| Rule id | \`${rule.id}\` |`,
    `| Group | ${category ? category.name : rule.category} (\`${rule.category}\`) |`,
    `| Risk area | ${rule.areas.length ? rule.areas.map((a) => areaNames[a] ?? a).join(', ') : 'none (an integrity check the other rules rely on)'} |`,
    `| Default severity | ${rule.severity} |`,
    `| Settings | ${settings.length ? settings.map((s) => `\`${s}\``).join(', ') : 'none'} |`,
    `| Fix safety | ${rule.fixes?.length ? rule.fixes.map((level) => `${level} (${fixSafety[level]})`).join('; ') : 'no quick fix'} |`,
    '',
    '## Why this is a risk',
    '',
    rule.explanation,
    '',
    basis,
    '',
    ...placeholderNote(rule.explanation),
    '## What to do',
    '',
    rule.remedy,
    '',
    ...exampleSection(example),
    ...settingsSection(settings, schema, defaults),
    '## Severity and accepted risks',
    '',
    'Change the severity, or turn the rule off, in `.scope-lint.yaml`:',
    '',
    '```yaml',
    'rules:',
    `  ${rule.id}: ${rule.severity === 'error' ? 'warning' : 'error'}   # or off, hint, info`,
    '```',
    '',
    `or in VS Code settings under \`scope.rules\`. To accept one finding on purpose, put \`# scope-lint-disable-next-line ${rule.id} -- <reason>\` on the line before it; the reason is required.`,
    '',
    ...sourcesSection(rule.sources),
    ...footer(),
  ].join('\n');
}

const areaNames = { security: 'Security threats', expertise: 'Lack of expertise and oversight', cost: 'Hidden costs' };

/** What each fix applicability level means for the user (server/src/service/types.ts `Applicability`). */
const fixSafety = {
  safe: 'applied by "Fix all"',
  unsafe: 'a proposal: applied only when you pick it',
  'display-only': 'placeholders to fill in: never applied by "Fix all"',
};

function sourcesSection(list) {
  if (!list.length) return [];
  return ['## Sources', '', ...list.map((s) => `- [${s.name}](${s.url})`), ''];
}

function codePage(entry, group, { schema, defaults }) {
  const settings = entry.settings ?? [];
  return [
    generatedBanner,
    '',
    `# ${entry.title}`,
    '',
    '| | |',
    '|---|---|',
    `| Code | \`${entry.code}\` |`,
    `| Kind | ${group.name} |`,
    `| Severity | ${entry.severity} |`,
    `| Settings | ${settings.length ? settings.map((s) => `\`${s}\``).join(', ') : 'none'} |`,
    '',
    '## What it means',
    '',
    ...(group.intro ? [group.intro, ''] : []),
    entry.explanation,
    '',
    '## What to do',
    '',
    entry.remedy,
    '',
    ...settingsSection(settings, schema, defaults),
    ...footer(),
  ].join('\n');
}

/** Risk rules guard a risk area; integrity checks (no area) keep the ids other rules rely on sound. */
function ruleCounts(rules) {
  const risk = rules.filter((r) => r.areas.length > 0).length;
  return { risk, integrity: rules.length - risk };
}

/** README.md (or CHANGELOG.md) with its "**N risk rules and M integrity checks**" counted from the registry. */
function readmeWithCounts(readme, rules, name = 'README.md') {
  const phrase = /\*\*\d+ risk rules and \d+ integrity checks\*\*/g;
  const found = readme.match(phrase) ?? [];
  if (found.length !== 1) throw new Error(`${name}: expected one "**N risk rules and M integrity checks**", found ${found.length}`);
  const { risk, integrity } = ruleCounts(rules);
  return readme.replace(phrase, `**${risk} risk rules and ${integrity} integrity checks**`);
}

function indexPage(rules, codeGroups) {
  const lines = [
    generatedBanner,
    '',
    '# Rules and diagnostic codes',
    '',
    'Every finding in a `.scope.yaml` file carries one of these codes; its "Learn more" link leads to the page below. Risk rules can be set to another severity or turned off (`rules:` in `.scope-lint.yaml`, or `scope.rules` in VS Code), and single findings can be accepted with `# scope-lint-disable-next-line <rule-id> -- <reason>`.',
    '',
    `There are ${ruleCounts(rules).risk} risk rules, ${ruleCounts(rules).integrity} integrity checks and ${codeGroups.reduce((n, g) => n + g.codes.length, 0)} other codes.`,
    '',
    '## Risk rules',
    '',
  ];
  for (const category of categories) {
    const inCategory = rules.filter((r) => r.category === category.id);
    if (inCategory.length === 0) continue;
    lines.push(`### ${category.name}`, '', category.blurb, '', '| Rule | Severity | Title |', '|---|---|---|');
    for (const rule of inCategory) lines.push(`| [\`${rule.id}\`](${pageName(rule.id)}) | ${rule.severity} | ${rule.title} |`);
    lines.push('');
  }
  const unknown = rules.filter((r) => !categories.some((c) => c.id === r.category));
  if (unknown.length) {
    lines.push('### Other rules', '', '| Rule | Severity | Title |', '|---|---|---|');
    for (const rule of unknown) lines.push(`| [\`${rule.id}\`](${pageName(rule.id)}) | ${rule.severity} | ${rule.title} |`);
    lines.push('');
  }
  lines.push('## Other diagnostic codes', '');
  for (const group of codeGroups) {
    lines.push(`### ${group.name}`, '', '| Code | Severity | Title |', '|---|---|---|');
    for (const entry of group.codes) lines.push(`| [\`${entry.code}\`](${pageName(entry.code)}) | ${entry.severity} | ${entry.title} |`);
    lines.push('');
  }
  lines.push('---', '', notLegalAdvice, '');
  return lines.join('\n');
}

// ---- the engine, bundled from source -------------------------------------------------------

/** Bundles the rules and the document model from TypeScript into a temporary CommonJS file and loads it. */
async function loadEngine() {
  // Imported here, so the rendering above stays free of build tooling.
  const esbuild = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'scope-rule-docs-'));
  try {
    const outfile = join(dir, 'engine.cjs');
    await esbuild.build({
      stdin: {
        contents: [
          "export { rules } from './server/src/service/rules/index.ts';",
          "export { defaultThresholds, defaultLimits, mergeSettings } from './server/src/service/settings.ts';",
          "export { settingSections } from './server/src/service/settingsRegistry.ts';",
          "export { codeGroups } from './server/src/service/codes.ts';",
          "export { ScopeDocument } from './server/src/service/document.ts';",
          "export { findingRange } from './server/src/service/validate.ts';",
          "export { maxCustomRules, maxCustomSchemaChars } from './server/src/service/customRules.ts';",
          "export { ruleBasis } from './server/src/service/ruleBasis.ts';",
        ].join('\n'),
        resolveDir: repoRoot,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile,
      logLevel: 'error',
    });
    return createRequire(import.meta.url)(outfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The first finding of a rule on its bad fixture, as the example on the rule's page. */
function exampleOf(rule, engine) {
  const file = `test/fixtures/rules/${rule.id}/bad.scope.yaml`;
  const path = join(repoRoot, file);
  if (!existsSync(path)) return undefined;
  const settings = engine.mergeSettings({ today: exampleToday });
  const doc = new engine.ScopeDocument(`file:///${file}`, 1, readFileSync(path, 'utf8'), settings.limits);
  let findings;
  try {
    findings = rule.check(doc, settings);
  } catch {
    // A rule that throws here is a bug the unit tests report; the page then simply has no example.
    return undefined;
  }
  const finding = findings[0];
  if (!finding) return undefined;
  const range = engine.findingRange(doc, finding);
  return {
    file,
    line: range.start.line + 1,
    text: doc.lineText(range.start.line),
    severity: finding.severity ?? rule.severity,
    message: finding.message,
    facts: finding.facts ?? [],
    fixes: finding.fixes ?? [],
  };
}

// ---- the .scope-lint.yaml schema and the package.json settings -------------------------------

const severityNames = ['off', 'hint', 'info', 'warning', 'error'];
const overrideNote = 'A `.scope-lint.yaml` in the folder overrides this setting, so the editor shows what CI shows.';

function valueSchema(spec) {
  if (spec.type === 'string-list') return { type: 'array', items: { type: 'string', minLength: 1 } };
  const out = { type: spec.type };
  for (const key of ['minimum', 'maximum', 'pattern']) if (spec[key] !== undefined) out[key] = spec[key];
  return out;
}

function defaultText(value) {
  return Array.isArray(value) ? '' : ` Default ${typeof value === 'string' ? JSON.stringify(value) : String(value)}.`;
}

function configSchemaOf(engine, defaults) {
  const ids = engine.rules.map((r) => r.id);
  const sections = {};
  for (const [name, section] of Object.entries(engine.settingSections)) {
    const properties = {};
    for (const [key, spec] of Object.entries(section.settings)) {
      const basis = spec.basis ? ` Basis: ${spec.basis}.` : '';
      properties[key] = {
        title: spec.title,
        description: `${spec.description}${defaultText(defaults[name][key])}${basis}`,
        ...valueSchema(spec),
      };
    }
    sections[name] = { title: section.title, description: section.description, type: 'object', additionalProperties: false, properties };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/scope-yaml/scope-yaml/blob/main/schemas/scope-lint.schema.json',
    title: 'Scope YAML lint configuration (.scope-lint.yaml)',
    description:
      'Shared settings for the Scope YAML linter, read by the editor and by the `scope-lint` CLI from `.scope-lint.yaml` (or `.scope-lint.yml`) in the nearest folder above a scope file. It overrides VS Code settings, so the editor shows what CI shows. Plain data only: nothing is executed; `extends` reads other policy files as data.',
    type: 'object',
    additionalProperties: false,
    properties: {
      extends: {
        title: 'Shared policies',
        description:
          'Policy files this one builds on, applied in order, with this file winning: a relative path (`./policy.yaml`, `../shared/.scope-lint.yaml`) or the name of an installed npm package that ships one (found in `node_modules` from this folder up; its `package.json` names the file in a `scope-lint` field, else `scope-lint.yaml` at the package root). Read as data: nothing is run.',
        anyOf: [
          { type: 'string', minLength: 1, maxLength: 500 },
          { type: 'array', maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 500 } },
        ],
      },
      rules: {
        title: 'Rule severities',
        description: 'Severity per rule id: off, hint, info, warning or error. Rules not listed keep their default severity.',
        type: 'object',
        propertyNames: { enum: ids },
        properties: Object.fromEntries(
          engine.rules.map((r) => [r.id, { $ref: '#/definitions/severity', description: `${r.title} (default: ${r.severity}).` }]),
        ),
      },
      ...sections,
      custom_rules: customRulesSchema(engine),
      ignore: {
        title: 'Ignored paths',
        description:
          'Files and folders scope-lint skips when it searches a folder or a glob, in `.gitignore` syntax, relative to the folder of this file (`archive/`, `**/draft-*.scope.yaml`, `!keep.scope.yaml`). Folders also skip what `.gitignore` files ignore. A file named on the command line is always checked.',
        type: 'array',
        maxItems: 1000,
        items: { type: 'string', minLength: 1, maxLength: 1000 },
      },
    },
    definitions: {
      severity: { title: 'Severity', description: '`off` turns the rule off.', type: 'string', enum: severityNames },
    },
  };
}

/** `custom_rules`: the organisation's own checks, Spectral-style `given` / `when` / `then`. */
function customRulesSchema(engine) {
  const schema = { anyOf: [{ type: 'object' }, { type: 'boolean' }] };
  return {
    title: 'Custom rules',
    description: `Your organisation's own checks, as data (nothing is run): \`given\` selects values in the scope file, \`when\` is a JSON Schema the whole file must match for the rule to apply, \`then\` a JSON Schema each selected value must match; a value that is not there fails. At most ${engine.maxCustomRules} rules, with what \`extends\` adds; each schema at most ${engine.maxCustomSchemaChars / 1024} KB as JSON, compiled with the scope schema's settings (draft-07, strict: unknown keywords are mistakes).`,
    type: 'array',
    maxItems: engine.maxCustomRules,
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'severity', 'message', 'given', 'then'],
      properties: {
        id: {
          title: 'Rule id',
          description:
            "Lowercase words joined by `-` (`acme-iso-27001-required`); not a built-in rule id nor another custom rule's. Suppression comments and bulk suppressions name it.",
          type: 'string',
          pattern: '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$',
          maxLength: 80,
        },
        severity: { title: 'Severity', type: 'string', enum: severityNames.filter((s) => s !== 'off') },
        title: {
          title: 'Title',
          description: 'A short name for the risk, shown in the risk register and SARIF (default: the message).',
          type: 'string',
          minLength: 1,
          maxLength: 120,
        },
        message: {
          title: 'Message',
          description: 'What the finding says, in plain words: the risk and what to do.',
          type: 'string',
          minLength: 1,
          maxLength: 500,
        },
        area: {
          title: 'Risk area',
          description:
            'security (security threats), expertise (lack of expertise and oversight) or cost (hidden costs); without it, governance.',
          type: 'string',
          enum: ['security', 'expertise', 'cost'],
        },
        sources: {
          title: 'Sources',
          description:
            'The policies, standards or regulations the rule rests on, as short citations (`Acme security policy §4.2`, `ISO/IEC 27001 A.5.19`); shown after the risk area in the hover and in SARIF help.',
          type: 'array',
          maxItems: 10,
          items: { type: 'string', minLength: 1, maxLength: 120, pattern: '\\S' },
        },
        given: {
          title: 'Values to check',
          description:
            'A path into the scope file: keys separated by dots, `[]` after a list for every item (`deliverables[].acceptance_criteria`).',
          type: 'string',
          minLength: 1,
          maxLength: 300,
        },
        when: { title: 'When it applies', description: 'A JSON Schema the whole scope file must match for the rule to apply.', ...schema },
        then: { title: 'What each value must be', description: 'A JSON Schema each selected value must match.', ...schema },
      },
    },
  };
}

/** The generated settings, in order: `scope.rules`, then every setting of every section. */
function manifestSettings(engine, defaults) {
  const out = {
    'scope.rules': {
      scope: 'resource',
      type: 'object',
      default: {},
      additionalProperties: false,
      markdownDescription: `Severity per rule id: \`off\`, \`hint\`, \`info\`, \`warning\` or \`error\`. Rules not listed keep their default severity. ${overrideNote}`,
      properties: Object.fromEntries(
        engine.rules.map((r) => [
          r.id,
          {
            type: 'string',
            enum: severityNames,
            markdownDescription: `**${r.title}**. Default severity: \`${r.severity}\`. [Rule documentation](https://github.com/scope-yaml/scope-yaml/blob/main/${docsDir}/${pageName(r.id)})`,
          },
        ]),
      ),
    },
  };
  for (const [name, section] of Object.entries(engine.settingSections)) {
    for (const [key, spec] of Object.entries(section.settings)) {
      const value = defaults[name][key];
      const basis = spec.basis ? `\n\nBasis: ${spec.basis}.` : '';
      const { type, items, ...limits } = valueSchema(spec);
      out[`scope.${name}.${key}`] = {
        scope: 'resource',
        type,
        ...(items ? { items } : {}),
        default: value,
        ...limits,
        markdownDescription: `${spec.description}${basis ? basis : defaultText(value)} ${overrideNote}`,
      };
    }
  }
  return out;
}

/** package.json with the generated settings in place; every other key keeps its value and position. */
function manifestOf(current, engine, defaults) {
  const manifest = JSON.parse(current);
  const generated = manifestSettings(engine, defaults);
  const isGenerated = (key) => key === 'scope.rules' || /^scope\.(thresholds|vagueTerms|limits)\./.test(key);
  const properties = {};
  let placed = false;
  for (const [key, value] of Object.entries(manifest.contributes.configuration.properties)) {
    if (!isGenerated(key)) properties[key] = value;
    else if (!placed) {
      Object.assign(properties, generated);
      placed = true;
    }
  }
  if (!placed) Object.assign(properties, generated);
  manifest.contributes.configuration.properties = properties;
  // Restricted Mode ignores workspace values of exactly the settings that can silence a finding.
  manifest.capabilities.untrustedWorkspaces.restrictedConfigurations = Object.keys(generated);
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

async function formatted(path, text) {
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(join(repoRoot, path))) ?? {};
  return prettier.format(text, { ...options, filepath: join(repoRoot, path) });
}

/** Every generated file, keyed by its path from the repository root. */
async function generate() {
  const engine = await loadEngine();
  const defaults = {
    thresholds: engine.defaultThresholds,
    limits: engine.defaultLimits,
    vagueTerms: { always: [], unlessQuantified: [], ignore: [] },
  };
  const schema = configSchemaOf(engine, defaults);
  const files = {};
  for (const rule of engine.rules) {
    const sourceFile = join(repoRoot, 'server', 'src', 'service', 'rules', `${rule.id}.ts`);
    const source = existsSync(sourceFile) ? readFileSync(sourceFile, 'utf8') : '';
    files[`${docsDir}/${pageName(rule.id)}`] = rulePage(rule, {
      source,
      example: exampleOf(rule, engine),
      schema,
      defaults,
      basis: engine.ruleBasis(rule),
    });
  }
  for (const group of engine.codeGroups) {
    for (const entry of group.codes) files[`${docsDir}/${pageName(entry.code)}`] = codePage(entry, group, { schema, defaults });
  }
  files[`${docsDir}/README.md`] = indexPage(engine.rules, engine.codeGroups);
  files['README.md'] = readmeWithCounts(readFileSync(join(repoRoot, 'README.md'), 'utf8'), engine.rules);
  // The unreleased version's entry counts the rules it ships, from the same registry.
  files['CHANGELOG.md'] = readmeWithCounts(readFileSync(join(repoRoot, 'CHANGELOG.md'), 'utf8'), engine.rules, 'CHANGELOG.md');
  files['schemas/scope-lint.schema.json'] = await formatted('schemas/scope-lint.schema.json', JSON.stringify(schema, null, 2));
  const validators = 'server/src/service/generated';
  const banner = (from) =>
    `// Generated by scripts/generate.mjs from ${from}: ajv standalone code (scripts/schemaValidators.mjs). Do not edit.`;
  const scopeSchema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'scope.schema.json'), 'utf8'));
  files[`${validators}/scopeSchemaValidator.js`] = standaloneModule(
    compileScopeSchema(scopeSchema, true),
    scopeSchema,
    '../../../../schemas/scope.schema.json',
    banner('schemas/scope.schema.json'),
  );
  const configSchema = JSON.parse(files['schemas/scope-lint.schema.json']);
  files[`${validators}/configSchemaValidator.js`] = standaloneModule(
    compileConfigSchema(configSchema, true),
    configSchema,
    '../../../../schemas/scope-lint.schema.json',
    banner('schemas/scope-lint.schema.json'),
  );
  files[`${validators}/cityCountries.json`] = cityCountriesJson();
  files['package.json'] = await formatted(
    'package.json',
    manifestOf(readFileSync(join(repoRoot, 'package.json'), 'utf8'), engine, defaults),
  );
  return files;
}

/** Pages in docs/rules/ that no rule or code generates any more. */
function leftOverPages(files) {
  const dir = join(repoRoot, docsDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .map((file) => `${docsDir}/${file}`)
    .filter((path) => !(path in files));
}

async function main() {
  const files = await generate();
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify(files));
    return;
  }
  const stale = Object.entries(files)
    .filter(([path, text]) => {
      const target = join(repoRoot, path);
      return !existsSync(target) || readFileSync(target, 'utf8') !== text;
    })
    .map(([path]) => path);
  const leftOver = leftOverPages(files);
  if (process.argv.includes('--check')) {
    if (stale.length === 0 && leftOver.length === 0) return;
    const list = [...stale.map((p) => `  stale: ${p}`), ...leftOver.map((p) => `  left over: ${p}`)].join('\n');
    process.stderr.write(`Generated files are out of date; run \`node scripts/generate.mjs\` and commit the result:\n${list}\n`);
    process.exitCode = 1;
    return;
  }
  mkdirSync(join(repoRoot, docsDir), { recursive: true });
  mkdirSync(join(repoRoot, 'server', 'src', 'service', 'generated'), { recursive: true });
  for (const path of leftOver) unlinkSync(join(repoRoot, path));
  for (const path of stale) writeFileSync(join(repoRoot, path), files[path]);
  process.stdout.write(`${Object.keys(files).length} generated files, ${stale.length} updated, ${leftOver.length} removed.\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
