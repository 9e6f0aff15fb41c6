// expertise-measure-not-quantified: Success measure has no measurable target.
// A target must be a number or a comparator and a number; a valid target without a unit is a
// lesser (warning) case.
import { arrayAt, isAbsent, isRecord, itemLabel, setKeyOp, type Data } from '../model';
import type { Finding, Fix, FixOp, Path, Rule } from '../types';

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
  check(doc) {
    const findings: Finding[] = [];
    arrayAt(doc.value, ['success_measures']).forEach((measure, index) => {
      if (!isRecord(measure)) return;
      const item: Path = ['success_measures', index];
      const label = itemLabel(measure, item);
      const target = measure.target;
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
