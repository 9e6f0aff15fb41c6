// The JSON Schema, compiled ahead of time into ajv standalone code (strict, all errors, no $data,
// no remote refs: scripts/schemaValidators.mjs, written by scripts/generate.mjs), and ajv errors
// turned into findings on the narrowest node with human sentences.
import { plural } from './plural';
import type { ErrorObject } from 'ajv';
import { isMap, isScalar, Scalar } from 'yaml';
import scopeSchema from '../../../schemas/scope.schema.json';
import validator from './generated/scopeSchemaValidator.js';
import { editDistance } from './editDistance';
import { canonicalEnum, dateOf, formatPath, isRecord, shortText, valueAt } from './model';
import type { Finding, Fix, Path, PathSegment, Severity } from './types';
import type { ScopeDocument } from './document';
import { requiredNullablePaths } from './schemaNav';
import { splitItems, splitNumberAdvice, splitNumberReading, type SplitNumber } from './splitNumbers';

export { scopeSchema };

/** At most this many schema findings per document: the first ones are the useful ones. */
export const maxSchemaFindings = 100;

export interface SchemaFinding extends Finding {
  /** The ajv keyword, e.g. `required`; the rule id is `schema/<kind>`. */
  readonly keyword: string;
  /** For a `type` finding: the JSON types the schema allows there (`string`, `number`...). */
  readonly expected?: readonly string[];
}

/** Schema findings for plain data; at most `maxSchemaFindings`. */
export function validateSchema(value: unknown): SchemaFinding[] {
  const nulls = requiredNulls(value);
  if (validator(value)) return nulls.slice(0, maxSchemaFindings);
  const errors = collapse(validator.errors ?? [], value);
  const findings: SchemaFinding[] = [...nulls.slice(0, maxSchemaFindings)];
  const seen = new Set<string>(findings.map((f) => `${f.ruleId}|${formatPath(f.path)}`));
  for (const error of errors) {
    const finding = toFinding(error, value);
    const key = `${finding.ruleId}|${formatPath(finding.path)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
    if (findings.length >= maxSchemaFindings) break;
  }
  return findings;
}

/**
 * A key the schema requires, present with the value `null` (`date: null`, as "Create milestone"
 * leaves it): absent, as the catalogue defines it (rules.md §2.0), though the schema lets `null`
 * through so that a date moved to the assumptions can be written down. Said like a blank text.
 */
function requiredNulls(value: unknown): SchemaFinding[] {
  const findings: SchemaFinding[] = [];
  const visit = (node: unknown, pattern: readonly string[], at: PathSegment[]): void => {
    if (findings.length >= maxSchemaFindings) return;
    const [head, ...rest] = pattern;
    if (head === undefined) return;
    if (head === '*') {
      if (Array.isArray(node)) node.forEach((item, i) => visit(item, rest, [...at, i]));
      return;
    }
    if (!isRecord(node) || !Object.prototype.hasOwnProperty.call(node, head)) return;
    const child = node[head];
    if (rest.length > 0) return visit(child, rest, [...at, head]);
    if (child !== null) return;
    const path = [...at, head];
    findings.push({
      ruleId: 'schema/required',
      keyword: 'required',
      path,
      message: `${code(formatPath(path))} is empty: fill it in (a blank counts as missing).`,
    });
  };
  for (const pattern of requiredNullablePaths()) visit(value, pattern, []);
  return findings;
}

/**
 * The schema findings of a document: `validateSchema` on its data, with the YAML pitfalls that the
 * data alone cannot show said in their own words. A number written with a comma inside `{ }`
 * (`{ percent: 12,5 }`) is the text as written in the data; a schema finding on it says what YAML
 * made of it, and one with no schema finding (a text field: `{ name: Release 1,2 }`) is a
 * `yaml/warning`, since other YAML tools read a different value. Validation and the quick-fix
 * lookup both call this, so a finding's index is the same in both.
 */
export function validateDocumentSchema(doc: ScopeDocument): SchemaFinding[] {
  const findings = validateSchema(doc.value).map((finding) => colonInText(doc, finding) ?? commaInFlowText(doc, finding) ?? finding);
  const splits = doc.splitNumbers;
  if (splits.length === 0) return findings;
  const byPath = new Map(splits.map((split) => [formatPath(split.path), split]));
  const refined = findings.map((finding) => {
    const split = byPath.get(formatPath(finding.path));
    if (split) {
      byPath.delete(formatPath(finding.path));
      return { ...finding, message: `${splitNumberReading(split)}: ${splitNumberAdvice(split)}.`, fixes: splitNumberFixes(split, false) };
    }
    // `total: [100,000]`: a number in brackets is a list, and YAML splits it at the comma.
    const value = valueAt(doc.value, finding.path);
    const inBrackets =
      finding.ruleId === 'schema/type' && Array.isArray(value) && value.length === 1
        ? byPath.get(formatPath([...finding.path, 0]))
        : undefined;
    if (!inBrackets || inBrackets.number === undefined) return finding;
    byPath.delete(formatPath(inBrackets.path));
    return {
      ...finding,
      message: `\`[${inBrackets.text}]\` is a list of ${splitItems(inBrackets)}: write \`${inBrackets.number}\`, without the brackets and the comma${inBrackets.parts.length > 1 ? 's' : ''}.`,
      fixes: [
        {
          title: `Write \`[${inBrackets.text}]\` as ${inBrackets.number}`,
          ops: [{ op: 'replace' as const, path: finding.path, value: inBrackets.number }],
          preferred: true,
          applicability: 'safe' as const,
        },
      ],
    };
  });
  for (const split of byPath.values()) {
    if (refined.length >= maxSchemaFindings) break;
    refined.push({
      ruleId: 'yaml/warning',
      keyword: 'split-number',
      path: split.path,
      severity: 'warning',
      message: `${splitNumberReading(split)}: put the text in quotes to keep it whole.`,
      fixes: splitNumberFixes(split, true),
    });
  }
  return refined;
}

/**
 * `- Performance: loads in under 2 s` in a list of criteria: the colon and space make the line a
 * key and a value, so the text the author wrote is a mapping where text is expected. Said in those
 * words, with a fix that quotes the line as written.
 */
function colonInText(doc: ScopeDocument, finding: SchemaFinding): SchemaFinding | undefined {
  if (finding.ruleId !== 'schema/type' || !finding.expected?.includes('string') || finding.path.length === 0) return undefined;
  const node = doc.nodeAt(finding.path);
  if (!isMap(node) || node.items.length !== 1) return undefined;
  const pair = node.items[0];
  const key = pair?.key;
  const value = pair?.value;
  if (!isPlainScalar(key) || !isPlainScalar(value)) return undefined;
  if (doc.positionAt(key.range[0]).line !== doc.positionAt(value.range[1]).line) return undefined;
  const written = doc.text.slice(key.range[0], value.range[1]);
  const label = doc.text.slice(key.range[0], key.range[1]);
  return {
    ...finding,
    // On the text, not on a comment after it (the mapping's range runs to the end of the line).
    at: { text: written },
    message: `A colon makes YAML read this text as a key and a value: put the whole text in quotes (the colon after "${label}").`,
    fixes: [
      {
        title: 'Put the text in quotes',
        ops: [{ op: 'replace', path: finding.path, value: JSON.stringify(written) }],
        preferred: true,
        // The text exactly as written, now read as text.
        applicability: 'safe',
      },
    ],
  };
}

/**
 * `{ name: ISO 27001, scope: Offices, Madrid and Lisbon }`: inside `{ }` a comma ends a value, so
 * the text after it is read as a key with no value ("Madrid and Lisbon"), and the value before it is
 * cut short. Said in those words, with a fix that puts the text back together in quotes (from the
 * cut value through every such key after it) instead of a rename to some allowed key.
 */
function commaInFlowText(doc: ScopeDocument, finding: SchemaFinding): SchemaFinding | undefined {
  if (finding.ruleId !== 'schema/additional-property' || finding.path.length === 0) return undefined;
  const mapPath = finding.path.slice(0, -1);
  const key = finding.path[finding.path.length - 1];
  const map = doc.nodeAt(mapPath);
  if (!isMap(map) || !map.flow || !Array.isArray(map.range)) return undefined;
  const pairs = map.items;
  const index = pairs.findIndex((p) => isPlainScalar(p.key) && p.key.value === key);
  const stray = pairs[index];
  const isStray = (p: (typeof pairs)[number] | undefined): boolean =>
    p !== undefined && isPlainScalar(p.key) && typeof p.key.value === 'string' && (p.value === null || p.value === undefined);
  if (index < 1 || !isStray(stray)) return undefined;
  let first = index - 1;
  while (first >= 0 && isStray(pairs[first])) first--;
  const cut = pairs[first];
  if (!cut || !isPlainScalar(cut.key) || !isPlainScalar(cut.value) || typeof cut.value.value !== 'string') return undefined;
  let last = index;
  while (isStray(pairs[last + 1])) last++;
  const start = cut.value.range[0];
  const lastKey = pairs[last]?.key;
  if (!isPlainScalar(lastKey)) return undefined;
  const end = lastKey.range[1];
  const written = doc.text.slice(start, end);
  // Only commas and spaces between the parts, on one line: text the author wrote as one value.
  const strayKey = stray?.key;
  if (written.includes('\n') || !isPlainScalar(strayKey) || !doc.text.slice(cut.value.range[1], strayKey.range[0]).includes(','))
    return undefined;
  const [mapStart, mapEnd] = map.range;
  const rewritten = doc.text.slice(mapStart, start) + JSON.stringify(written) + doc.text.slice(end, mapEnd);
  const label = shortText(String(key), 40);
  const cutKey = String(cut.key.value);
  return {
    ...finding,
    message: `"${label}" is not a key: a comma inside \`{ }\` ended the value of \`${shortText(cutKey, 30)}\` before it. Put that whole value in quotes.`,
    facts: [`YAML read \`${shortText(cutKey, 30)}\` as "${shortText(String(cut.value.value), 60)}" and "${label}" as a key with no value.`],
    fixes: [
      {
        title: `Quote the value of \`${shortText(cutKey, 30)}\` with its comma`,
        ops: [{ op: 'replace', path: mapPath, value: rewritten }],
        preferred: true,
        // The text exactly as written, now read as one value.
        applicability: 'safe',
      },
    ],
  };
}

function isPlainScalar(node: unknown): node is Scalar & { range: [number, number, number] } {
  return isScalar(node) && node.type === Scalar.PLAIN && Array.isArray(node.range);
}

function splitNumberFixes(split: SplitNumber, asText: boolean): Fix[] {
  if (asText)
    return [
      {
        title: `Quote \`${split.text}\``,
        ops: [{ op: 'replace', path: split.path, value: JSON.stringify(split.text) }],
        preferred: true,
        // The text as written, which is what the checks read.
        applicability: 'safe',
      },
    ];
  if (split.number === undefined) return [];
  return [
    {
      title: `Write \`${split.text}\` as ${split.number}`,
      ops: [{ op: 'replace', path: split.path, value: split.number }],
      preferred: true,
      // Commas that group thousands leave no doubt about the number.
      applicability: 'safe',
    },
  ];
}

/** The JSON-pointer instance path as path segments (array indices as numbers). */
function toPath(pointer: string, root: unknown): PathSegment[] {
  if (!pointer) return [];
  const path: PathSegment[] = [];
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = Number(segment);
      path.push(index);
      node = node[index];
    } else {
      path.push(segment);
      node = isRecord(node) ? node[segment] : undefined;
    }
  }
  return path;
}

/**
 * anyOf/oneOf report one error per branch plus their own; keep only the anyOf/oneOf error
 * (one sentence about the allowed forms) and drop its branches' errors at the same path.
 */
function collapse(errors: readonly ErrorObject[], _value: unknown): ErrorObject[] {
  const unions = new Set(errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath));
  // A value that is not a date is also too long for one (`2027-04-30T17:00:00`): one finding, the date's.
  const notDates = new Set(errors.filter((e) => e.keyword === 'format').map((e) => e.instancePath));
  return errors.filter((e) => {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') return true;
    if (e.keyword === 'if') return false;
    if (e.keyword === 'maxLength' && notDates.has(e.instancePath)) return false;
    // A branch's error about the union's own value is noise: the union's error says it. A set, not
    // a loop over the unions: 2,000 targets that each fail a union took seconds.
    return !unions.has(e.instancePath);
  });
}

function code(name: string): string {
  return `\`${name}\``;
}

/** A value as a message shows it; a long text is cut to `room` characters (40 unless the message needs it shorter), never inside a parenthesis. */
function describeType(value: unknown, room = 40): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > room ? `${cutOutsideParenthesis(value.slice(0, room))}…` : value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `\`${String(value)}\``;
  return typeof value;
}

/** A cut text without a parenthesis it opens and does not close (a message never leaves one open). */
function cutOutsideParenthesis(text: string): string {
  const open = text.lastIndexOf('(');
  return open > 0 && !text.includes(')', open) ? text.slice(0, open).trimEnd() : text;
}

const typeNames: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  null: 'empty (null)',
};

function toFinding(error: ErrorObject, root: unknown): SchemaFinding {
  const path = toPath(error.instancePath, root);
  const where = path.length ? code(formatPath(path)) : 'The document';
  const params = error.params as Record<string, unknown>;
  const value = path.reduce<unknown>(
    (node, segment) => (Array.isArray(node) ? node[segment as number] : isRecord(node) ? node[segment as string] : undefined),
    root,
  );
  const make = (
    ruleId: string,
    findingPath: Path,
    message: string,
    extra: Partial<SchemaFinding> = {},
    severity?: Severity,
  ): SchemaFinding => ({
    ruleId,
    keyword: error.keyword,
    path: findingPath,
    message,
    ...(severity ? { severity } : {}),
    ...extra,
  });
  // A blank where text is required (`title: ""`) is a missing value, as the catalogue defines "absent".
  if ((error.keyword === 'minLength' || error.keyword === 'pattern') && typeof value === 'string' && value.trim() === '' && path.length) {
    return make('schema/required', path, `${where} is empty: fill it in (a blank counts as missing).`);
  }
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return make('schema/required', [...path, missing], `${where} is missing ${code(missing)}.`);
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed =
        isRecord(error.parentSchema) && isRecord(error.parentSchema.properties) ? Object.keys(error.parentSchema.properties) : [];
      // A key already written is no suggestion: renaming onto it would make a duplicate key.
      const present = isRecord(value) ? new Set(Object.keys(value)) : new Set<string>();
      const suggestions = closestFields(
        key,
        allowed.filter((k) => !present.has(k)),
      );
      const hint = suggestions.length ? ` Did you mean ${suggestions.map(code).join(' or ')}?` : '';
      const fixes: Fix[] = suggestions.map((suggestion) => ({
        title: `Rename to \`${suggestion}\``,
        ops: [{ op: 'renameKey' as const, path: [...path, key], key: suggestion }],
        ...(suggestions.length === 1 ? { preferred: true } : {}),
        // A did-you-mean guess: the author may have meant another key.
        applicability: 'unsafe' as const,
      }));
      return make(
        'schema/additional-property',
        [...path, key],
        `Unknown property ${code(key)} in ${path.length ? code(formatPath(path)) : 'the document'}.${hint}`,
        { at: 'key', fixes, facts: allowed.length ? [`Allowed here: ${allowed.map(code).join(', ')}`] : [] },
        'warning',
      );
    }
    case 'type': {
      const expected = String(params.type)
        .split(',')
        .map((t) => typeNames[t] ?? t)
        .join(' or ');
      // The first clause stays within 90 characters however long the path is.
      const room = Math.max(16, Math.min(40, 90 - `${where} must be ${expected}, not the text "".`.length - 1));
      return make('schema/type', path, `${where} must be ${expected}, not ${describeType(value, room)}.`, {
        expected: String(params.type).split(','),
      });
    }
    case 'enum': {
      const slip = enumSlip(path, where, Array.isArray(params.allowedValues) ? params.allowedValues : [], value);
      if (slip) return make('schema/enum', path, slip.message, { fixes: [slip.fix] });
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues.map((v) => code(String(v))) : [];
      const fixes = enumFixes(path, Array.isArray(params.allowedValues) ? params.allowedValues : [], value);
      return make('schema/enum', path, `${where} does not allow ${describeType(value)}: use one of ${allowed.join(', ')}.`, { fixes });
    }
    case 'const':
      return make('schema/enum', path, `${where} must be ${code(String(params.allowedValue))}.`, {
        fixes: enumFixes(path, [params.allowedValue], value),
      });
    case 'format': {
      const day = params.format === 'date' && path.length ? dayOfDateTime(value) : undefined;
      if (day !== undefined)
        return make('schema/format', path, `A date and time where a date is expected: ${where} is ${String(value).trim()}; write ${day}.`, {
          fixes: [
            {
              title: `Write the date ${day}`,
              ops: [{ op: 'replace', path, value: day }],
              preferred: true,
              // The day is what was written; the format has no place for a time of day.
              applicability: 'safe',
            },
          ],
        });
      return make(
        'schema/format',
        path,
        params.format === 'date'
          ? `${where} must be a real date: write YYYY-MM-DD, such as 2027-03-01; ${describeType(value)} is not.`
          : `${where} must be a valid ${String(params.format)}.`,
      );
    }
    case 'pattern':
      return make('schema/pattern', path, patternMessage(where, error, value));
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return make('schema/range', path, `${where} must be ${String(params.comparison)} ${String(params.limit)}; it is ${String(value)}.`);
    case 'maxLength':
    case 'minLength':
      return make(
        'schema/length',
        path,
        `${where} must be ${error.keyword === 'maxLength' ? 'at most' : 'at least'} ${String(params.limit)} characters long.`,
      );
    case 'maxItems':
    case 'minItems':
      return make(
        'schema/length',
        path,
        `${where} must have ${error.keyword === 'maxItems' ? 'at most' : 'at least'} ${plural(Number(params.limit), 'item')}.`,
      );
    case 'anyOf':
    case 'oneOf': {
      const schema = isRecord(error.parentSchema) ? error.parentSchema : {};
      // `Weekly` for a cadence: one branch is an enum the value names, written another way.
      const branches = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : [];
      for (const branch of branches) {
        const slip = isRecord(branch) && Array.isArray(branch.enum) ? enumSlip(path, where, branch.enum, value) : undefined;
        if (slip) return make('schema/enum', path, slip.message, { fixes: [slip.fix] });
      }
      const title = typeof schema.description === 'string' ? ` ${schema.description}` : '';
      return make('schema/type', path, `${where} does not have an allowed form: ${describeType(value)}.${title}`);
    }
    default:
      return make('schema/invalid', path, `${where} ${error.message ?? 'is not valid'}.`);
  }
}

/** `2027-04-30T17:00:00`, `2027-04-30 17:00 CET` or `2027-04-30T17:00Z`: an ISO 8601 date and time of day. */
const dateAndTime =
  /^(\d{4}-\d{2}-\d{2})(?:T|[ \t]+)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:[ \t]*(?:Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{2,5}))?$/i;

/** The day of a date and time, when it is a real date; undefined for anything else. */
function dayOfDateTime(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const day = dateAndTime.exec(value.trim())?.[1];
  return day === undefined ? undefined : dateOf(day);
}

function patternMessage(where: string, error: ErrorObject, value: unknown): string {
  const schema = isRecord(error.parentSchema) ? error.parentSchema : {};
  const examples = Array.isArray(schema.examples) ? schema.examples.slice(0, 3).map((e) => `\`${String(e)}\``) : [];
  const shown = describeType(value);
  return `${where} has the wrong form (${shown})${examples.length ? `; for example ${examples.join(', ')}` : ''}.`;
}

/** The allowed key closest to an unknown one (edit distance <= 1/3 of its length, at least 2). */
export function closestKey(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(2, Math.floor(key.length / 3));
  for (const candidate of allowed) {
    const d = editDistance(key.toLowerCase(), candidate.toLowerCase(), limit + 1);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/**
 * The allowed keys an unknown key most likely stands for: the closest spelling (`deliverabels`),
 * else the keys whose words it contains or that contain all of its words (`due_date` for `due`,
 * `startDate` for `start`, `contingency` for `contingency_percent`). Several equally good
 * candidates are all returned (`contact_date`: `contact` or `contacted`); none when nothing is close.
 */
export function closestFields(key: string, allowed: readonly string[]): string[] {
  const spelt = closestKey(key, allowed);
  if (spelt !== undefined) return [spelt];
  const words = wordsOf(key).map((w) => keyWordSynonyms[w] ?? w);
  if (words.length === 0) return [];
  let best: string[] = [];
  let bestShared = 0;
  for (const candidate of allowed) {
    const theirs = wordsOf(candidate);
    const shared = words.filter((w) => theirs.some((t) => sameWord(w, t))).length;
    const contained = shared === theirs.length || shared === words.length;
    if (shared === 0 || !contained) continue;
    if (shared > bestShared) {
      best = [candidate];
      bestShared = shared;
    } else if (shared === bestShared) best.push(candidate);
  }
  return best;
}

/**
 * Words a lead writes for a key's word: a project's `goals` or `aims` are its `objective`
 * (`project_goals`, `business_aims`). Only keys allowed where the unknown key stands are suggested.
 */
const keyWordSynonyms: Readonly<Record<string, string>> = { goal: 'objective', goals: 'objective', aim: 'objective', aims: 'objective' };

/** The words of a key: `due_date`, `due-date`, `dueDate` and `Due Date` all give `due`, `date`. */
function wordsOf(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** One word in another form: `contact`/`contacted`, `deliverable`/`deliverables`. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 3 && long.startsWith(short) && ['s', 'es', 'd', 'ed'].includes(long.slice(short.length));
}

/**
 * An enum value written with another case or separators (`Fixed price`, `T-and-M`... for
 * `fixed_price`): the value is clear, so the message names it and the one fix is safe.
 */
function enumSlip(path: Path, where: string, allowed: readonly unknown[], value: unknown): { message: string; fix: Fix } | undefined {
  if (path.length === 0 || typeof value !== 'string') return undefined;
  const canonical = canonicalEnum(
    value,
    allowed.filter((v): v is string => typeof v === 'string'),
  );
  if (canonical === undefined) return undefined;
  return {
    message: `Write \`${canonical}\`, not "${value.trim()}": ${where} takes exact values (case and separators count).`,
    fix: {
      title: `Change to \`${canonical}\``,
      ops: [{ op: 'replace', path, value: enumScalar(canonical) }],
      preferred: true,
      applicability: 'safe',
    },
  };
}

/** One fix per allowed value, the closest to what was written preferred; none is safe, since only a person knows which is meant. */
function enumFixes(path: Path, allowed: readonly unknown[], value: unknown): Fix[] {
  if (path.length === 0) return [];
  const closest = typeof value === 'string' ? closestKey(value, allowed.map(String)) : undefined;
  return allowed.map((v) => ({
    title: `Change to \`${String(v)}\``,
    ops: [{ op: 'replace' as const, path, value: enumScalar(v) }],
    ...(String(v) === closest ? { preferred: true } : {}),
    applicability: 'unsafe' as const,
  }));
}

/** An allowed value as YAML: plain when it reads back as the same string, else JSON (valid YAML). */
function enumScalar(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  return /^[A-Za-z][A-Za-z0-9 _.-]*[A-Za-z0-9_.]$|^[A-Za-z]$/.test(value) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(value)
    ? value
    : JSON.stringify(value);
}
