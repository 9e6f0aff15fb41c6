// The commands besides linting: `scope-lint rules` (the registry as a table or JSON),
// `scope-lint explain <rule-id>` (the rule's docs page, read from the package's docs/rules/), and
// `scope-lint init` (a commented starter .scope-lint.yaml, and a starter scope from the template
// of the editor's "New Scope File"; neither ever overwrites a file).
import { lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import template from '../../../templates/new.scope.yaml';
import { closest, configFileNames } from '../config';
import type { CustomRule } from '../service/customRules';
import { engineCodes, engineCodesById } from '../service/codes';
import { areaTitles } from '../service/report/score';
import { customRuleBasis } from '../service/ruleBasis';
import { rules, rulesById } from '../service/rules';
import { defaultLimits, defaultThresholds } from '../service/settings';
import { settingSections } from '../service/settingsRegistry';
import type { Applicability, RiskArea, Severity } from '../service/types';
import { docsUrl } from '../service/validate';

export interface RuleListing {
  readonly id: string;
  readonly title: string;
  /** The rule's category (security, expertise, cost, schedule, governance, structure), or the engine code's family (yaml, schema, ...). */
  readonly area: string;
  /** The risk areas a finding belongs to. */
  readonly riskAreas: readonly RiskArea[];
  readonly severity: Severity;
  readonly fixes: readonly Applicability[];
  readonly docs: string;
}

/** The custom rules of the config in effect, and the file they come from (as shown to the user). */
export interface CustomRuleSource {
  readonly rules: readonly CustomRule[];
  readonly file: string;
}

export function ruleListings(custom?: CustomRuleSource): RuleListing[] {
  return [
    ...rules.map((r) => ({
      id: r.id,
      title: r.title,
      area: r.category,
      riskAreas: r.areas,
      severity: r.severity,
      fixes: r.fixes ?? [],
      docs: docsUrl(r.id),
    })),
    ...engineCodes.map((c) => ({
      id: c.code,
      title: c.title,
      area: c.code.split('/')[0] ?? c.code,
      riskAreas: [],
      severity: c.severity,
      fixes: [],
      docs: docsUrl(c.code),
    })),
    ...(custom?.rules ?? []).map((r) => ({
      id: r.id,
      title: r.title ?? r.message,
      area: 'custom',
      riskAreas: r.area ? [r.area] : [],
      severity: r.severity,
      fixes: [],
      docs: custom?.file ?? '',
    })),
  ];
}

export function listRules(format: 'stylish' | 'json', custom?: CustomRuleSource): string {
  const rows = ruleListings(custom);
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const header = { id: 'Rule', area: 'Area', severity: 'Severity', fixes: 'Fixes', title: 'Title' };
  const cells = rows.map((r) => ({ id: r.id, area: r.area, severity: r.severity, fixes: r.fixes.join(', ') || '-', title: r.title }));
  const width = (key: keyof typeof header): number => Math.max(header[key].length, ...cells.map((c) => c[key].length));
  const line = (c: typeof header): string =>
    `${c.id.padEnd(width('id'))}  ${c.area.padEnd(width('area'))}  ${c.severity.padEnd(width('severity'))}  ${c.fixes.padEnd(width('fixes'))}  ${c.title}`.trimEnd();
  const risk = rows.filter((r) => rulesById.has(r.id)).length;
  const own = custom?.rules.length ?? 0;
  const customNote = own > 0 ? `, and ${own} custom rule${own === 1 ? '' : 's'} from ${custom?.file ?? ''}` : '';
  return [
    line(header),
    ...cells.map(line),
    '',
    `${risk} risk rules and ${rows.length - risk - own} checks of the file itself${customNote}. Fixes: safe ones are applied by --fix, unsafe ones also by --unsafe-fixes, display-only ones only in the editor.`,
    'Run "scope-lint explain <rule-id>" for a rule\'s documentation.',
    '',
  ].join('\n');
}

/** The docs page of a rule or engine code, as Markdown. `docsDir`: the package's docs/rules/. */
export function explainRule(id: string, docsDir: string | undefined, custom?: CustomRuleSource): { text: string } | { problem: string } {
  const own = custom?.rules.find((r) => r.id === id);
  if (own && custom) return { text: explainCustomRule(own, custom.file) };
  const known = rulesById.has(id) || engineCodesById.has(id);
  if (!known) {
    const guess = closest(
      id,
      ruleListings(custom).map((r) => r.id),
    );
    return { problem: `Unknown rule id "${id}".${guess ? ` Did you mean "${guess}"?` : ''} "scope-lint rules" lists them all.` };
  }
  if (docsDir === undefined) return { problem: `The documentation pages are not installed; read ${docsUrl(id)}` };
  const page = join(docsDir, `${id.replace(/\//g, '-')}.md`);
  try {
    // The generator's "do not edit" comment is for the repository, not for the reader.
    const text = readFileSync(page, 'utf8').replace(/^<!--[\s\S]*?-->\s*/, '');
    return { text: text.endsWith('\n') ? text : `${text}\n` };
  } catch {
    return { problem: `Cannot read the documentation page ${page}; read ${docsUrl(id)}` };
  }
}

/** A custom rule as a page like the built-in ones: what it says, where it comes from, what it checks. */
function explainCustomRule(rule: CustomRule, file: string): string {
  const json = (value: unknown): string[] => ['```json', ...JSON.stringify(value, null, 2).split('\n'), '```'];
  return [
    `# ${rule.id}`,
    '',
    `A custom rule of your organisation, defined in ${file} (or a policy it extends).`,
    '',
    ...(rule.title ? [`**${rule.title}**`, ''] : []),
    rule.message,
    '',
    customRuleBasis(rule),
    '',
    `- Severity: ${rule.severity}`,
    ...(rule.area ? [`- Risk area: ${areaTitles[rule.area]}`] : []),
    `- Checks each value at: \`${rule.given}\``,
    '',
    ...(rule.when === undefined
      ? ['It applies to every scope file.']
      : ['It applies when the whole scope file matches:', '', ...json(rule.when)]),
    '',
    'Each value it checks must match:',
    '',
    ...json(rule.then),
    '',
    `Suppress it like a built-in rule: \`# scope-lint-disable-next-line ${rule.id} -- <reason>\`.`,
    '',
  ].join('\n');
}

/** A commented starter `.scope-lint.yaml`: every rule and setting at its default, commented out, so it changes nothing until edited. */
export function starterConfig(): string {
  const out = [
    '# scope-lint configuration: the editor (Scope YAML) and the CLI (scope-lint) both read it, so',
    '# they report the same findings. Everything below is commented out at its default: uncomment a',
    '# line to change it. "scope-lint rules" lists the rules; "scope-lint explain <rule-id>" explains one.',
    '',
    '# Paths folders and globs skip (as well as what .gitignore ignores), in .gitignore syntax,',
    "# relative to this file's folder.",
    '# ignore:',
    '#   - archive/',
    '#   - "**/*.draft.scope.yaml"',
    '',
    '# Severity per rule id: off, hint, info, warning or error.',
    'rules:',
    ...rules.map((r) => `  # ${r.id}: ${r.severity}`),
  ];
  const defaults: Record<string, Record<string, unknown>> = {
    thresholds: { ...defaultThresholds },
    vagueTerms: { always: [], unlessQuantified: [], ignore: [] },
    limits: { ...defaultLimits },
  };
  for (const [name, section] of Object.entries(settingSections) as [string, (typeof settingSections)[keyof typeof settingSections]][]) {
    out.push('', `# ${section.title}: ${plain(section.description)}`, `${name}:`);
    for (const [key, spec] of Object.entries(section.settings) as [string, { title: string; basis?: string }][]) {
      out.push(`  # ${spec.title}${spec.basis ? `. Basis: ${plain(spec.basis)}` : ''}.`);
      out.push(`  # ${key}: ${JSON.stringify(defaults[name]?.[key] ?? null)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** Markdown to one comment line: no backticks, no line breaks, no final full stop. */
function plain(markdown: string): string {
  const text = markdown
    .split('`')
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .join(' ');
  return text.endsWith('.') ? text.slice(0, -1) : text;
}

/** `written`: a line per file created; `refused`: a line per file that exists and was kept. */
export function initFiles(cwd: string, scopeFile: string | undefined): { written: string[]; refused: string[] } {
  const written: string[] = [];
  const refused: string[] = [];
  const existing = configFileNames.find((name) => exists(join(cwd, name)));
  if (existing) refused.push(`${existing} already exists here; it was not overwritten.`);
  else create(join(cwd, configFileNames[0] as string), starterConfig(), cwd, written, refused);
  if (scopeFile !== undefined) create(resolve(cwd, scopeFile), template, cwd, written, refused);
  return { written, refused };
}

function create(path: string, text: string, cwd: string, written: string[], refused: string[]): void {
  const shown = relative(cwd, path) || path;
  try {
    mkdirSync(dirname(path), { recursive: true });
    // `wx`: fails if the file exists, even if it appeared a moment ago.
    writeFileSync(path, text, { flag: 'wx' });
    written.push(`Created ${shown}`);
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    refused.push(
      code === 'EEXIST'
        ? `${shown} already exists; it was not overwritten.`
        : `cannot create ${shown}: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
}

/** A dangling symlink counts: writing through it would create a file somewhere else. */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
