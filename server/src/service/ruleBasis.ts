// The one line that says what a rule guards and what it rests on, e.g.
// "Risk area: hidden costs · Sources: FAR 16.601, GOV.UK Digital Outcomes". Every place that
// explains a rule (the hover, the hover on a rule id in a suppression comment, `scope-lint explain`,
// SARIF help and the generated docs pages) shows this line, so they cannot drift apart.
import { areaTitles, type Area } from './report/score';
import type { RiskArea, Source } from './types';

/** What an integrity check (a rule with no risk area) is, in plain words. */
export const integrityWording = 'Integrity check: other rules read these ids';

/** The parts of a rule, or of a custom rule, the line is made from. */
export interface RuleBasisInput {
  /** The risk areas; none for an integrity check. */
  readonly areas: readonly (RiskArea | Area)[];
  /** The citations; a custom rule has them only when its policy gives them. */
  readonly sources: readonly (Pick<Source, 'short'> | string)[];
}

const riskAreas: readonly Area[] = ['security', 'expertise', 'cost'];

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** "Risk area: hidden costs · Sources: FAR 16.601, GOV.UK Digital Outcomes" (plain text, no Markdown). */
export function ruleBasis(rule: RuleBasisInput): string {
  const parts: string[] = [];
  if (rule.areas.length === 0) parts.push(integrityWording);
  else {
    const risk = rule.areas.every((a) => riskAreas.includes(a));
    const label = risk ? 'Risk area' : 'Area';
    const names = rule.areas.map((a) => lowerFirst(areaTitles[a]));
    parts.push(`${label}${names.length > 1 ? 's' : ''}: ${names.join(', ')}`);
  }
  const cited = rule.sources.map((s) => (typeof s === 'string' ? s : s.short)).filter((s) => s.trim() !== '');
  if (cited.length > 0) parts.push(`${cited.length > 1 ? 'Sources' : 'Source'}: ${cited.join(', ')}`);
  return parts.join(' · ');
}

/** The line for a custom rule of a policy: its own area (governance when it names none), and only the sources it gives. */
export function customRuleBasis(rule: { readonly area?: RiskArea | Area; readonly sources?: readonly string[] }): string {
  return ruleBasis({ areas: [rule.area ?? 'governance'], sources: rule.sources ?? [] });
}
