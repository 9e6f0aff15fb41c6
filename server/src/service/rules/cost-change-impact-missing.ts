// cost-change-impact-missing: Approved change with no stated cost or schedule impact.
// An approved change must say what it costs (`cost_impact`, in budget.currency) and how it moves
// the end date (`schedule_impact_days`). `0` is a stated impact; a blank, `TBD` or any text is not.
import { approvedChanges, costImpactOf, scheduleImpactOf, statusNote, type ChangeRequest, type Impact } from '../changeLog';
import { currencySuffix, parseMoneyText, stringAt } from '../model';
import type { Finding, Fix, Path, Rule } from '../types';
import { sources } from '../sources';

const ruleId = 'cost-change-impact-missing';

export const rule: Rule = {
  id: ruleId,
  category: 'cost',
  severity: 'warning',
  fixes: ['safe', 'unsafe', 'display-only'],
  title: 'Approved change with no stated cost or schedule impact',
  explanation: `This change request is approved, but it does not state what it costs or how far it moves the end date. An approval without a price is a blank cheque: the cost of the change is a hidden cost until the vendor invoices it, and a schedule slip shows up only when the date is missed. Integrated change control assesses every change request for its impact on cost and schedule before it is decided (PMI *PMBOK Guide* §4.6), and a change order in US federal contracting comes with an equitable adjustment of the price and the delivery schedule (FAR 43.2). A change request should describe its impact on fees and timelines (DocJuris playbook).

\`0\` states that there is no impact; a blank, \`TBD\` or an estimate in words does not. An amount written as text (\`"$12k"\`) is stated, but cannot be added up: write the bare number in \`budget.currency\`.`,
  areas: ['cost'],
  remedy:
    'State `cost_impact` (a bare number in `budget.currency`: positive adds cost, negative saves, `0` for none) and `schedule_impact_days` (calendar days the end date moves, `0` for none) on every approved change. The quick fix rewrites an amount written as text as a number, or adds the missing keys for you to fill in.',
  sources: [sources.pmbokChangeControl, sources.far432, sources.changeControlPlaybook],
  check(doc) {
    const root = doc.value;
    const findings: Finding[] = [];
    for (const change of approvedChanges(root)) {
      const finding = check(root, change);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

interface Gap {
  readonly key: 'cost_impact' | 'schedule_impact_days';
  readonly impact: Impact;
}

function check(root: unknown, change: ChangeRequest): Finding | undefined {
  const gaps: Gap[] = [];
  const cost = costImpactOf(change);
  const schedule = scheduleImpactOf(change);
  if (cost.kind !== 'number') gaps.push({ key: 'cost_impact', impact: cost });
  if (schedule.kind !== 'number') gaps.push({ key: 'schedule_impact_days', impact: schedule });
  const [first, second] = gaps;
  if (!first) return undefined;
  const note = statusNote(change);
  const approved = change.statusSource === 'assumed' ? 'is treated as approved' : 'is approved';
  const unit = currencySuffix(root);
  const hasKey = (key: string): boolean => Object.prototype.hasOwnProperty.call(change.item, key);
  // On the value when one impact is wrong and its key is written; on the change otherwise.
  const path: Path = !second && hasKey(first.key) ? [...change.path, first.key] : change.path;
  const message =
    gaps.every((g) => g.impact.kind === 'absent') && second
      ? `Change ${change.label} ${approved} but states no impact: neither its cost (\`cost_impact\`) nor its schedule (\`schedule_impact_days\`).`
      : `Change ${change.label} ${approved} with no usable ${gaps.map((g) => (g.key === 'cost_impact' ? 'cost' : 'schedule')).join(' or ')} impact: ${gaps.map((g) => describe(g, unit)).join(', and ')}.`;
  const fixes = fixesFor(root, change, gaps);
  return { ruleId, path, message, ...(note ? { facts: [note] } : {}), ...(fixes.length ? { fixes } : {}) };
}

function describe({ key, impact }: Gap, unit: string): string {
  // After the message's lead, which already says which impact: the key is enough.
  const what = key === 'cost_impact' ? `\`cost_impact\`${unit ? ` (in${unit})` : ''}` : '`schedule_impact_days`';
  switch (impact.kind) {
    case 'absent':
      return `${what} is not stated`;
    case 'text':
      return `${what} is the text "${impact.written}", not a number`;
    case 'unreadable':
      return `${what} is "${impact.written}", which is not ${key === 'cost_impact' ? 'an amount' : 'a number of days'}`;
    case 'number':
      return '';
  }
}

function fixesFor(root: unknown, change: ChangeRequest, gaps: readonly Gap[]): Fix[] {
  const fixes: Fix[] = [];
  for (const { key, impact } of gaps) {
    if (impact.kind !== 'text') continue;
    const currency = stringAt(root, ['budget', 'currency']);
    const parsed = parseMoneyText(impact.written);
    const read = parsed?.currency;
    // The number is what the text says; a currency that differs from the budget's, or a separator
    // read the likelier way ("12.500" as 12,500), needs a person.
    const conflicting = read !== undefined && read !== currency;
    const guessed = parsed?.separatorGuessed !== undefined;
    fixes.push({
      title: `Write "${impact.written}" as ${String(impact.value)}${conflicting ? ` (the text says ${read}, the budget is in ${currency ?? 'no currency'})` : ''}`,
      ops: [{ op: 'replace', path: [...change.path, key], value: String(impact.value) }],
      preferred: true,
      applicability: conflicting || guessed ? 'unsafe' : 'safe',
    });
  }
  const missingKeys = gaps
    .filter((g) => g.impact.kind === 'absent' && !Object.prototype.hasOwnProperty.call(change.item, g.key))
    .map((g) => g.key);
  if (missingKeys.length > 0) {
    fixes.push({
      title: `Add ${missingKeys.map((k) => `\`${k}\``).join(' and ')} to fill in`,
      // `null` is a placeholder this rule still reports, so an inserted key never passes for a stated impact.
      ops: missingKeys.map((key) => ({ op: 'insert' as const, parent: change.path, key, value: 'null' })),
      applicability: 'display-only',
    });
  }
  return fixes;
}
