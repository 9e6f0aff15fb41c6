// The risk score and the verdict of one scope file, from its open findings and their severities
// (docs/score.md explains the formula to users; test/unit/score.test.ts pins it).
//
// Each open finding takes away a share of the confidence that is left: an error a quarter, a
// warning 8%, an info note 2%, a hint nothing. The risk score is what is gone, 0 to 100:
//   risk = 100 × (1 − 0.75^errors × 0.92^warnings × 0.98^infos), rounded.
// So the score never passes 100, the first findings weigh most, and one more error always shows.
// Accepted risks (a suppression with a written reason) do not count towards the score; they are
// counted and shown beside it.
import { plural } from '../plural';
import { customRuleInfo } from '../customRules';
import { rulesById } from '../rules';
import type { Severity } from '../types';

/**
 * The areas of the report: the three risk areas of outsourcing (security threats; lack of
 * expertise and oversight; hidden costs), schedule and governance, and the file's own structure
 * (YAML syntax, schema, ids and references, suppression comments, input limits), which decides
 * whether the other checks could run at all.
 */
export const areas = ['security', 'expertise', 'cost', 'schedule', 'governance', 'structure'] as const;
export type Area = (typeof areas)[number];

export const areaTitles: Readonly<Record<Area, string>> = {
  security: 'Security threats',
  expertise: 'Lack of expertise and oversight',
  cost: 'Hidden costs',
  schedule: 'Schedule',
  governance: 'Governance',
  structure: 'File structure',
};

/** The area of a rule id or engine code: the rule's category (a custom rule's area); every engine code is `structure`. */
export function areaOf(code: string): Area {
  return rulesById.get(code)?.category ?? customRuleInfo(code)?.area ?? 'structure';
}

/** The share of the remaining confidence one open finding takes away. */
export const severityWeights: Readonly<Record<Severity, number>> = { error: 0.25, warning: 0.08, info: 0.02, hint: 0 };

export interface ScoredFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  /**
   * A finding that stands for others (`scope/missing-sections` folds the checks of sections not
   * written at all): in the areas each of those counts at its own severity, so a scope without a
   * `security` section never shows "Security threats 0/100". The overall score counts it once, as
   * the Problems panel shows it.
   */
  readonly standsFor?: readonly ScoredFinding[];
}

/** The findings as the areas see them: a folded finding is replaced by what it stands for. */
function unfolded(findings: readonly ScoredFinding[]): ScoredFinding[] {
  return findings.flatMap((f) => (f.standsFor && f.standsFor.length > 0 ? f.standsFor : [f]));
}

export interface Counts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly hint: number;
}

export interface AreaScore {
  readonly area: Area;
  readonly title: string;
  /** 0 (no open risk found) to 100. */
  readonly risk: number;
  readonly counts: Counts;
  readonly accepted: number;
}

export type VerdictLevel = 'blocked' | 'review' | 'ready' | 'not-checked';

export interface Verdict {
  readonly level: VerdictLevel;
  /** One sentence a lead understands: "Not ready to sign: 3 blocking risks". */
  readonly text: string;
}

export interface Score {
  /** 0 to 100; undefined when the rules could not run (then nothing is scored, and the verdict says why). */
  readonly risk: number | undefined;
  readonly counts: Counts;
  readonly accepted: number;
  readonly areas: readonly AreaScore[];
  readonly verdict: Verdict;
}

export function countOf(findings: readonly ScoredFinding[]): Counts {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The risk of a set of open findings, 0 to 100 (the formula above). */
export function riskOf(findings: readonly ScoredFinding[]): number {
  let confidence = 1;
  for (const f of findings) confidence *= 1 - severityWeights[f.severity];
  return Math.round(100 * (1 - confidence));
}

/**
 * `notChecked`: why the risk rules could not run (the file is not YAML, is empty, is too large...).
 * Then there is no score: a file nobody could check must not look safe.
 */
export function scoreOf(open: readonly ScoredFinding[], accepted: readonly ScoredFinding[], notChecked?: string): Score {
  const counts = countOf(open);
  const byArea = unfolded(open);
  const areaScores = areas.map((area): AreaScore => {
    const inArea = byArea.filter((f) => areaOf(f.ruleId) === area);
    return {
      area,
      title: areaTitles[area],
      risk: notChecked === undefined ? riskOf(inArea) : 100,
      counts: countOf(inArea),
      accepted: accepted.filter((f) => areaOf(f.ruleId) === area).length,
    };
  });
  return {
    risk: notChecked === undefined ? riskOf(open) : undefined,
    counts,
    accepted: accepted.length,
    areas: areaScores,
    verdict: verdictOf(counts, accepted.length, notChecked),
  };
}

export function verdictOf(counts: Counts, accepted: number, notChecked?: string): Verdict {
  const acceptedNote = accepted > 0 ? `${plural(accepted, 'accepted risk')}` : '';
  if (notChecked !== undefined) return { level: 'not-checked', text: `Not ready to sign: the file could not be checked (${notChecked})` };
  if (counts.error > 0) {
    const more = acceptedNote ? ` (and ${acceptedNote})` : '';
    return { level: 'blocked', text: `Not ready to sign: ${plural(counts.error, 'blocking risk')}${more}` };
  }
  if (counts.warning > 0) {
    const more = acceptedNote ? ` and ${acceptedNote}` : '';
    return { level: 'review', text: `Review before signing: ${plural(counts.warning, 'open risk')}${more}` };
  }
  return { level: 'ready', text: acceptedNote ? `Ready, with ${acceptedNote}` : 'Ready to sign: no open risks found' };
}

export { plural };
