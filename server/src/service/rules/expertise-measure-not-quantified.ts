// expertise-measure-not-quantified: Success measure has no measurable target.
// A target must be a number or a comparator and a number; a valid target without a unit is a
// lesser (warning) case, and so is a measurable target that carries its unit ("< 5 min", "4h").
import { stringify } from 'yaml';
import { arrayAt, isAbsent, isRecord, itemLabel, setKeyOp, type Data } from '../model';
import Qty from 'js-quantities';
import { isUnit, readTarget, type TargetQuantity } from '../quantities';
import type { Finding, Fix, FixOp, Path, Rule } from '../types';
import { sources } from '../sources';

/**
 * The catalogue's target grammar, applied to the trimmed text. Trimming first removes the
 * catalogue's leading and trailing `\s*`, whose overlap with the inner ones would backtrack
 * quadratically on long runs of spaces; every remaining quantifier is followed by a disjoint class.
 */
const targetPattern = /^(?:<=|>=|<|>|=|≤|≥)?\s*-?\d[\d,]*(?:\.\d+)?\s*%?$/;

/** The catalogue's snippet as text; invalid on purpose, so the error stays until it is filled in. */
const targetPlaceholder = '"TODO: comparator and number, e.g. <= 500"';

export function isQuantifiedTarget(target: unknown): boolean {
  if (typeof target === 'number') return Number.isFinite(target);
  return typeof target === 'string' && targetPattern.test(target.trim());
}

export const rule: Rule = {
  id: 'expertise-measure-not-quantified',
  category: 'expertise',
  severity: 'error',
  fixes: ['safe', 'display-only'],
  title: 'Success measure has no measurable target',
  explanation: `A success measure has no measurable target (or no unit). US federal acquisition rules require "measurable performance standards (i.e., in terms of quality, timeliness, quantity, etc.)" (FAR 37.601(b)(2)), structured so that performance can actually be assessed (FAR 37.603). Words like "fast", "good", "high" and "user-friendly" are on Wiegers' list of ambiguous requirement terms: say *how* fast, in what unit, and at which percentile. Without a target there is no oversight of the result: success becomes whatever the vendor reports.`,
  areas: ['expertise'],
  remedy:
    'Give each success measure a numeric target with a comparator (for example `"< 600"` or `">= 99.9"`) and a unit. The quick fix inserts a target and unit template, or an empty `unit` when only the unit is missing.',
  sources: [sources.far37601, sources.far37603, sources.ambiguousTerms],
  check(doc) {
    const findings: Finding[] = [];
    arrayAt(doc.value, ['success_measures']).forEach((measure, index) => {
      if (!isRecord(measure)) return;
      const item: Path = ['success_measures', index];
      const label = itemLabel(measure, item);
      const target = measure.target;
      const withUnit = typeof target === 'string' && !isQuantifiedTarget(target) ? readTarget(target) : undefined;
      if (withUnit && withUnit.unit !== '') {
        const finding = unitInTarget(doc.value, measure, item, label, target as string, withUnit);
        if (finding) findings.push(finding);
        return;
      }
      if (!isQuantifiedTarget(target)) {
        findings.push({
          ruleId: 'expertise-measure-not-quantified',
          path: keyPath(measure, item, 'target'),
          message: isAbsent(target)
            ? `Success measure ${label} has no target.`
            : `Success measure ${label} has no measurable target: ${describe(target)} is neither a number nor a comparator with a number such as "< 600".`,
          fixes: [targetFix(doc.value, measure, item)],
        });
        return;
      }
      if (!isAbsent(measure.unit)) return;
      const unitFix = unitFixFor(doc.value, measure, item, target);
      findings.push({
        ruleId: 'expertise-measure-not-quantified',
        path: keyPath(measure, item, 'unit'),
        severity: 'warning',
        message: `Success measure ${label} has a target (${describe(target)}) but no unit.`,
        ...(unitFix ? { fixes: [unitFix] } : {}),
      });
    });
    return findings;
  },
};

/**
 * A target such as `"< 5 min"` is measurable; it only keeps its unit in the wrong field, where the
 * number cannot be compared or charted. Moving it is a warning with a fix; when `unit` already
 * says the same, the fix just drops the repeat, and when it says something else the two disagree.
 */
function unitInTarget(root: unknown, measure: Data, item: Path, label: string, target: string, read: TargetQuantity): Finding | undefined {
  const written = read.measured ? `${read.unit} ${read.measured}` : read.unit;
  const bare = read.comparator ? `${read.comparator} ${read.number}` : read.number;
  // Quoted with a comparator: a plain scalar starting with `>` would be a folded block.
  const targetValue = read.comparator || /,/.test(read.number) ? JSON.stringify(bare) : read.number;
  const path: Path = [...item, 'target'];
  const unit = measure.unit;
  if (isAbsent(unit)) {
    return {
      ruleId: 'expertise-measure-not-quantified',
      path,
      severity: 'warning',
      message: `Success measure ${label} has its unit inside the target (${describe(target)}): move "${written}" into \`unit\`.`,
      facts: [`Read as ${read.comparator ? `${read.comparator} ` : ''}${read.number}, unit "${written}".`],
      fixes: [
        {
          title: `Move "${written}" into \`unit\``,
          ops: [{ op: 'replace', path, value: targetValue }, setKeyOp(root, item, 'unit', yamlScalar(written))],
          preferred: true,
          applicability: 'safe',
        },
      ],
    };
  }
  if (typeof unit === 'string' && sameUnit(unit, read.unit)) {
    return {
      ruleId: 'expertise-measure-not-quantified',
      path,
      severity: 'warning',
      message: `Success measure ${label} repeats its unit in the target (${describe(target)}); \`unit\` already says "${unit.trim()}".`,
      ...(read.measured
        ? {}
        : {
            fixes: [
              {
                title: `Remove "${read.unit}" from the target`,
                ops: [{ op: 'replace', path, value: targetValue }],
                preferred: true,
                applicability: 'safe',
              },
            ],
          }),
    };
  }
  return {
    ruleId: 'expertise-measure-not-quantified',
    path,
    severity: 'warning',
    message: `Success measure ${label} has two units: the target says "${written}" but \`unit\` says ${describe(unit)}.`,
  };
}

/** `min` and `minutes`, `%` and `percent`: the same unit written two ways. */
function sameUnit(a: string, b: string): boolean {
  const x = a.trim().toLowerCase();
  const y = b.trim().toLowerCase();
  if (x === y) return true;
  const percent = /^(?:%|percent|per\s*cent)$/;
  if (percent.test(x) && percent.test(y)) return true;
  if (!isUnit(x) || !isUnit(y)) return false;
  return Qty.parse(`1 ${x}`)?.eq(Qty(`1 ${y}`)) ?? false;
}

/** The text as one YAML scalar, quoted when plain style would change its meaning. */
function yamlScalar(text: string): string {
  return stringify(text, { lineWidth: 0 }).trimEnd();
}

/** The key's path when the key is written (even empty), else the measure itself: a missing key has no line. */
function keyPath(measure: Data, item: Path, key: string): Path {
  return Object.prototype.hasOwnProperty.call(measure, key) ? [...item, key] : item;
}

function describe(value: unknown): string {
  return typeof value === 'string'
    ? `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`
    : `\`${JSON.stringify(value) ?? String(value)}\``;
}

function targetFix(root: unknown, measure: Data, item: Path): Fix {
  const ops: FixOp[] = [setKeyOp(root, item, 'target', targetPlaceholder)];
  const addUnit = !Object.prototype.hasOwnProperty.call(measure, 'unit');
  if (addUnit) ops.push(setKeyOp(root, item, 'unit', '""'));
  return {
    title: `Write the target as a comparator and a number${addUnit ? ', and add a unit' : ''}`,
    ops,
    preferred: true,
    applicability: 'display-only',
  };
}

function unitFixFor(root: unknown, measure: Data, item: Path, target: unknown): Fix | undefined {
  // A target such as ">= 99.9 %" already names its unit, so writing it down needs no judgement.
  if (typeof target === 'string' && target.trim().endsWith('%')) {
    return { title: 'Set `unit` to "%"', ops: [setKeyOp(root, item, 'unit', '"%"')], preferred: true, applicability: 'safe' };
  }
  if (Object.prototype.hasOwnProperty.call(measure, 'unit')) return undefined;
  return { title: 'Add `unit`', ops: [setKeyOp(root, item, 'unit', '""')], preferred: true, applicability: 'display-only' };
}
