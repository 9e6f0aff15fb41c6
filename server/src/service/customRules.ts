// An organisation's own checks, declared in `.scope-lint.yaml` under `custom_rules:` (Spectral's
// given/then, as data): `given` selects values in the document (`deliverables[].acceptance_criteria`),
// `when` is a JSON Schema the whole document must match for the rule to apply, and `then` a JSON
// Schema each selected value must match; a selected value that is not there fails. The schemas
// are compiled with ajv with the scope schema's own settings (scopeSchemaOptions.json), once per
// content, and bounded in number and size; a rule that cannot be compiled is a config problem
// (config.ts) and never runs.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { engineCodesById } from './codes';
import { closest } from './editDistance';
import { formatPath, isRecord } from './model';
import { rulesById } from './rules';
import { propertiesAt, schemaAt } from './schemaNav';
import scopeSchemaOptions from './scopeSchemaOptions.json';
import type { Finding, PathSegment, RiskArea, Severity } from './types';

/** A custom rule as written in the config (checked against schemas/scope-lint.schema.json). */
export interface CustomRule {
  readonly id: string;
  readonly severity: Severity;
  /** A short name for reports; the message when absent. */
  readonly title?: string;
  readonly message: string;
  readonly area?: RiskArea;
  /** The policy's own references (`Acme security policy §4.2`), cited in the hover and SARIF help. */
  readonly sources?: readonly string[];
  readonly given: string;
  readonly when?: unknown;
  readonly then: unknown;
}

/** At most this many custom rules in a config, with everything it extends. */
export const maxCustomRules = 100;
/** A `when` or `then` schema larger than this (as JSON) is a mistake, not a policy. */
export const maxCustomSchemaChars = 16 * 1024;
/** At most this many values one `given` selects in a document. */
const maxSelectedValues = 1000;
/** Compiled schemas kept (by content): more than any config needs; past it the cache starts again. */
const maxCompiledSchemas = 500;

type Step = { readonly key: string } | { readonly each: true } | { readonly index: number };

/** `deliverables[].acceptance_criteria`: keys separated by dots, each with `[]` (every item) or `[n]` after it. */
const givenPattern = /^[A-Za-z0-9_-]+(?:\[\d*\])*(?:\.[A-Za-z0-9_-]+(?:\[\d*\])*)*$/;

/** The steps of a `given` path, or why it is not one. */
export function parseGiven(given: string): Step[] | { problem: string } {
  if (!givenPattern.test(given))
    return {
      problem:
        '`given` is not a path into the scope file: write keys separated by dots, with `[]` after a list for every item (`deliverables[].acceptance_criteria`).',
    };
  const steps: Step[] = [];
  for (const part of given.split('.')) {
    const m = /^([^[]+)((?:\[\d*\])*)$/.exec(part);
    steps.push({ key: m?.[1] ?? part });
    for (const bracket of (m?.[2] ?? '').match(/\[\d*\]/g) ?? []) {
      steps.push(bracket === '[]' ? { each: true } : { index: Number(bracket.slice(1, -1)) });
    }
  }
  // Every key must be one the scope format has there: a typo would select nothing, silently.
  const path: PathSegment[] = [];
  for (const step of steps) {
    if ('key' in step) {
      const known = propertiesAt(path).map(([name]) => name);
      if (known.length > 0 && !known.includes(step.key) && !opensTo(path)) {
        const where = path.length > 0 ? `under \`${formatPath(path)}\`` : 'at the top level';
        const guess = closest(step.key, known);
        return {
          problem: `\`given\` names a key a scope file does not have, so the rule would never find anything: no \`${step.key}\` ${where}.${guess ? ` Did you mean \`${guess}\`?` : ''}`,
        };
      }
      path.push(step.key);
    } else path.push(0);
  }
  return steps;
}

/** A mapping that takes keys beyond those the schema lists. */
function opensTo(path: readonly PathSegment[]): boolean {
  const node = schemaAt(path);
  return node !== undefined && node.additionalProperties !== false && node.additionalProperties !== undefined;
}

/**
 * The custom rules seen in this process (at config load or in a check), by id: for the title and
 * area that reports and SARIF show. Two configs with one id and different areas show the last seen.
 */
const seen = new Map<string, CustomRule>();

// Made on the first custom rule's schema: a process with no custom rules never builds a compiler.
let ajvInstance: Ajv | undefined;
const compiled = new Map<string, ValidateFunction | { readonly problem: string }>();

function newAjv(): Ajv {
  const instance = new Ajv({ ...scopeSchemaOptions.options });
  addFormats(instance, scopeSchemaOptions.formats as never);
  for (const keyword of scopeSchemaOptions.annotationKeywords) instance.addKeyword({ keyword });
  return instance;
}

/** The schema compiled (cached by content), or why it cannot be. Never throws. */
export function compileSchema(schema: unknown): ValidateFunction | { readonly problem: string } {
  let text: string;
  try {
    text = JSON.stringify(schema);
  } catch {
    return { problem: 'is not a JSON Schema.' };
  }
  if (text.length > maxCustomSchemaChars)
    return {
      problem: `is too large for a rule's schema: ${Math.round(text.length / 1024)} KB as JSON, at most ${maxCustomSchemaChars / 1024} KB.`,
    };
  const known = compiled.get(text);
  if (known) return known;
  if (compiled.size >= maxCompiledSchemas) {
    compiled.clear();
    ajvInstance = undefined;
  }
  let result: ValidateFunction | { problem: string };
  try {
    // A fresh copy: ajv keeps the object it compiled, and the caller's may change.
    ajvInstance ??= newAjv();
    result = ajvInstance.compile(JSON.parse(text) as object);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result = { problem: `is not a valid JSON Schema: ${message.split('\n')[0] ?? message}.` };
  }
  compiled.set(text, result);
  return result;
}

/** What is wrong with a custom rule (one sentence per problem, each with the key it is about). */
export function customRuleProblems(rule: CustomRule): { key: 'id' | 'given' | 'when' | 'then'; message: string }[] {
  const problems: { key: 'id' | 'given' | 'when' | 'then'; message: string }[] = [];
  if (rulesById.has(rule.id) || engineCodesById.has(rule.id))
    problems.push({
      key: 'id',
      message: `This custom rule takes the id of a built-in rule: give it an id of its own instead of \`${rule.id}\`.`,
    });
  const steps = parseGiven(rule.given);
  if ('problem' in steps) problems.push({ key: 'given', message: steps.problem });
  for (const key of ['when', 'then'] as const) {
    if (rule[key] === undefined) continue;
    const schema = compileSchema(rule[key]);
    if ('problem' in schema) problems.push({ key, message: `\`${key}\` ${schema.problem}` });
  }
  if (problems.length === 0) seen.set(rule.id, rule);
  return problems;
}

/** What the hover, reports and SARIF show of a custom rule. */
export interface CustomRuleInfo {
  readonly title: string;
  readonly explanation: string;
  readonly remedy: string;
  readonly area: RiskArea | 'governance';
  /** Only those the policy gives. */
  readonly sources: readonly string[];
}

/** Title, explanation, remedy, area and sources of a custom rule seen in this process. */
export function customRuleInfo(id: string): CustomRuleInfo | undefined {
  const rule = seen.get(id);
  if (!rule) return undefined;
  return {
    title: rule.title ?? rule.message,
    explanation: `A rule of your organisation's own policy (\`custom_rules\` in \`.scope-lint.yaml\`): ${rule.message}`,
    remedy: 'Change the scope so that it meets the policy, or record why the risk is accepted in a suppression comment with a reason.',
    // Without an area, a policy rule is about how the engagement is governed.
    area: rule.area ?? 'governance',
    sources: rule.sources ?? [],
  };
}

interface Selected {
  readonly path: readonly PathSegment[];
  readonly value: unknown;
  /** Not there (or empty: `key:` with no value), read as missing. */
  readonly missing: boolean;
}

function select(root: unknown, steps: readonly Step[]): Selected[] {
  let current: Selected[] = [{ path: [], value: root, missing: false }];
  for (const step of steps) {
    const next: Selected[] = [];
    for (const s of current) {
      if ('key' in step) {
        const value = !s.missing && isRecord(s.value) ? s.value[step.key] : undefined;
        next.push({ path: [...s.path, step.key], value, missing: value === undefined || value === null });
      } else if (!s.missing && Array.isArray(s.value)) {
        const items: unknown[] = s.value;
        if ('index' in step) {
          const value = items[step.index];
          next.push({ path: [...s.path, step.index], value, missing: value === undefined || value === null });
        } else items.forEach((value, i) => next.push({ path: [...s.path, i], value, missing: value === undefined || value === null }));
      }
      if (next.length >= maxSelectedValues) break;
    }
    current = next.slice(0, maxSelectedValues);
  }
  return current;
}

/** The findings of one custom rule on a document's data; a rule that cannot be compiled finds nothing. */
export function checkCustomRule(rule: CustomRule, data: unknown): Finding[] {
  const steps = parseGiven(rule.given);
  if ('problem' in steps) return [];
  const then = compileSchema(rule.then);
  if ('problem' in then) return [];
  if (rule.when !== undefined) {
    const when = compileSchema(rule.when);
    if ('problem' in when || !when(data)) return [];
  }
  seen.set(rule.id, rule);
  const findings: Finding[] = [];
  for (const s of select(data, steps)) {
    const where = `\`${formatPath(s.path)}\``;
    if (s.missing) {
      findings.push({ ruleId: rule.id, path: s.path, message: `${rule.message} (${where} is missing.)` });
    } else if (!then(s.value)) {
      findings.push({ ruleId: rule.id, path: s.path, message: `${rule.message} (${where} ${reasonOf(then.errors ?? [], s.path)}.)` });
    }
  }
  return findings;
}

/**
 * ajv's error nearest the selected value, in its words, with the place inside the value when it is
 * deeper: for `contains`, "must contain at least 1 valid item(s)" rather than what the first item lacks.
 */
function reasonOf(errors: readonly ErrorObject[], base: readonly PathSegment[]): string {
  const depth = (e: ErrorObject): number => (e.instancePath === '' ? 0 : e.instancePath.split('/').length - 1);
  let error: ErrorObject | undefined;
  // The outer keyword is reported after the errors inside it: the last of the shallowest.
  for (const e of errors) if (e.keyword !== 'if' && (!error || depth(e) <= depth(error))) error = e;
  if (!error) return 'does not match the policy';
  const inner = error.instancePath
    .split('/')
    .slice(1)
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const at = inner.length > 0 ? ` at \`${formatPath([...base, ...inner])}\`` : '';
  return `does not match the policy${at}: ${error.message ?? 'is invalid'}`;
}
