// What the risk report knows about one scope file: its header facts (project, vendor, money,
// dates, milestones, deliverables, payments), its open findings, the risks accepted in the file
// and whether the rules could run at all. Plain, serialisable data: the CLI's worker threads send
// it, the language server answers the editor with it, and every renderer (status bar, code lens,
// panel, Markdown / CSV / HTML register) reads the same object, so they cannot disagree.
import type { Diagnostic } from 'vscode-languageserver-types';
import { engineCodesById } from '../codes';
import type { ScopeDocument } from '../document';
import { addBusinessDays, arrayAt, dateOf, isRecord, numberAt, paymentAmount, reviewDaysOf, stringAt, valueAt } from '../model';
import { rules } from '../rules';
import type { RuleSettings } from '../settings';
import type { Severity } from '../types';
import { fromLspSeverity, type Analysis } from '../validate';
import { scoreOf, type Score } from './score';

export interface ReportFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** The node the finding is about, in catalogue notation (may be empty). */
  readonly path: string;
  /** `scope/missing-sections`: the checks it stands for (each is scored in its own area). */
  readonly standsFor?: readonly { readonly ruleId: string; readonly severity: Severity }[];
}

export interface AcceptedRisk extends ReportFinding {
  /** Why the risk is accepted, as written in the suppression comment. */
  readonly reason: string;
  /** Who approved it (the waiver's `approved-by:`), when the comment says. */
  readonly approvedBy?: string;
  /** The last day the waiver holds (`until:`, YYYY-MM-DD), when the comment says. */
  readonly until?: string;
}

export interface MilestoneFact {
  readonly id: string;
  readonly name: string;
  /** YYYY-MM-DD, when the milestone has a valid date. */
  readonly date?: string;
  readonly deliverables: readonly string[];
}

export interface DeliverableFact {
  readonly id: string;
  readonly title: string;
  /** Its own `due` date, else the date of the first milestone that lists it. */
  readonly due?: string;
  /** The last day of the client's review when `due` is known (`acceptance.review_days` business days). */
  readonly reviewEnd?: string;
}

export interface PaymentFact {
  /** The milestone id as written. */
  readonly milestone: string;
  /** The milestone's date, when it has one. */
  readonly date?: string;
  readonly amount?: number;
  readonly percent?: number;
}

export interface ScopeFacts {
  readonly project?: string;
  readonly vendor?: string;
  readonly owner?: string;
  readonly currency?: string;
  /** `budget.total` when it is a number. */
  readonly total?: number;
  /** `budget.total` as written when it is not a number (`"$120k"`). */
  readonly totalText?: string;
  readonly contingencyPercent?: number;
  readonly pricingModel?: string;
  readonly start?: string;
  readonly end?: string;
  readonly reviewDays?: number;
  readonly milestones: readonly MilestoneFact[];
  readonly deliverables: readonly DeliverableFact[];
  readonly payments: readonly PaymentFact[];
}

export interface FileReport {
  readonly facts: ScopeFacts;
  readonly findings: readonly ReportFinding[];
  readonly accepted: readonly AcceptedRisk[];
  /** Why the risk rules could not run; undefined when they did. */
  readonly notChecked?: string;
  /** The rules that ran (not turned off), for "what was checked". */
  readonly rulesRun: readonly string[];
  /** CLI: findings per rule id that scope-lint-suppressions.json took out of `findings`. */
  readonly suppressedInBulk?: Readonly<Record<string, number>>;
}

function findingOf(d: Diagnostic): ReportFinding {
  const data = d.data as { path?: unknown; standsFor?: ReportFinding['standsFor'] } | undefined;
  return {
    ruleId: String(d.code ?? ''),
    severity: fromLspSeverity(d.severity),
    message: typeof d.message === 'string' ? d.message : d.message.value,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    path: typeof data?.path === 'string' ? data.path : '',
    ...(Array.isArray(data?.standsFor) ? { standsFor: data.standsFor } : {}),
  };
}

export function fileReport(doc: ScopeDocument, analysis: Analysis, settings: RuleSettings): FileReport {
  const notChecked = notCheckedReason(doc, analysis);
  return {
    facts: notChecked === undefined ? factsOf(doc.value, settings.thresholds.defaultReviewDays) : emptyFacts,
    findings: analysis.diagnostics.map(findingOf),
    accepted: analysis.accepted.map((a) => ({
      ruleId: a.ruleId,
      severity: a.severity,
      message: a.message,
      line: a.range.start.line + 1,
      column: a.range.start.character + 1,
      path: a.path,
      reason: a.reason,
      ...(a.approvedBy !== undefined ? { approvedBy: a.approvedBy } : {}),
      ...(a.until !== undefined ? { until: a.until } : {}),
    })),
    ...(notChecked !== undefined ? { notChecked } : {}),
    rulesRun:
      notChecked === undefined
        ? [...rules, ...(settings.customRules ?? [])].filter((r) => settings.rules[r.id] !== 'off').map((r) => r.id)
        : [],
  };
}

/** A file that could not be read at all (CLI): nothing checked, one reason. */
export function unreadableReport(reason: string, finding?: ReportFinding): FileReport {
  return { facts: emptyFacts, findings: finding ? [finding] : [], accepted: [], notChecked: reason, rulesRun: [] };
}

export function scoreOfReport(report: FileReport): Score {
  return scoreOf(report.findings, report.accepted, report.notChecked);
}

const emptyFacts: ScopeFacts = { milestones: [], deliverables: [], payments: [] };

/** Why the rules did not run, in words that fit "the file could not be checked (...)". */
function notCheckedReason(doc: ScopeDocument, analysis: Analysis): string | undefined {
  if (doc.inputProblem) return (engineCodesById.get(doc.inputProblem.code)?.title ?? doc.inputProblem.code).toLowerCase();
  if (doc.parseErrors.length > 0) {
    // Where the diagnostic points (an unclosed bracket where it opens), not where the parser gave up.
    const first = analysis.diagnostics.find((d) => String(d.code).startsWith('yaml/') && d.severity === 1);
    const count = analysis.diagnostics.filter((d) => String(d.code).startsWith('yaml/') && d.severity === 1).length;
    if (!first) return 'YAML syntax error';
    return count > 1
      ? `${count} YAML errors, the first on line ${first.range.start.line + 1}`
      : `YAML syntax error on line ${first.range.start.line + 1}`;
  }
  if (doc.valueError) return 'it could not be read as data';
  if (doc.value === undefined || doc.value === null) return 'it is empty';
  if (!isRecord(doc.value)) return 'its top level is not a mapping of sections';
  return undefined;
}

function text(root: unknown, path: readonly (string | number)[]): string | undefined {
  const value = stringAt(root, path)?.trim();
  return value ? value : undefined;
}

function idText(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

export function factsOf(root: unknown, defaultReviewDays: number): ScopeFacts {
  const totalValue = valueAt(root, ['budget', 'total']);
  const total = numberAt(root, ['budget', 'total']);
  const reviewDays = reviewDaysOf(root, defaultReviewDays);
  const milestones: MilestoneFact[] = arrayAt(root, ['timeline', 'milestones']).flatMap((m, index) => {
    if (!isRecord(m)) return [];
    const date = dateOf(m.date);
    return [
      {
        id: idText(m.id) ?? `#${index + 1}`,
        name: typeof m.name === 'string' && m.name.trim() ? m.name.trim() : (idText(m.id) ?? `Milestone ${index + 1}`),
        ...(date ? { date } : {}),
        deliverables: arrayAt(m, ['deliverables']).flatMap((d) => (idText(d) ? [idText(d) as string] : [])),
      },
    ];
  });
  const deliverables: DeliverableFact[] = arrayAt(root, ['deliverables']).flatMap((d, index) => {
    if (!isRecord(d)) return [];
    const id = idText(d.id) ?? `#${index + 1}`;
    const due = dateOf(d.due) ?? milestones.find((m) => m.date && m.deliverables.includes(id))?.date;
    const reviewEnd = due && reviewDays !== undefined ? addBusinessDays(due, reviewDays) : undefined;
    return [
      {
        id,
        title: typeof d.title === 'string' && d.title.trim() ? d.title.trim() : id,
        ...(due ? { due } : {}),
        ...(reviewEnd ? { reviewEnd } : {}),
      },
    ];
  });
  const payments: PaymentFact[] = arrayAt(root, ['budget', 'payments']).flatMap((p) => {
    if (!isRecord(p)) return [];
    const milestone = idText(p.milestone) ?? '';
    const date = milestones.find((m) => m.id === milestone)?.date;
    const amount = paymentAmount(p, total);
    const percent = typeof p.percent === 'number' ? p.percent : amount !== undefined && total ? (amount / total) * 100 : undefined;
    return [
      {
        milestone,
        ...(date ? { date } : {}),
        ...(amount !== undefined && Number.isFinite(amount) ? { amount } : {}),
        ...(percent !== undefined && Number.isFinite(percent) ? { percent } : {}),
      },
    ];
  });
  const project = text(root, ['project', 'name']);
  const vendor = text(root, ['vendor', 'name']);
  const owner = text(root, ['project', 'owner']);
  const currency = text(root, ['budget', 'currency']);
  const contingency = numberAt(root, ['budget', 'contingency_percent']);
  const pricingModel = text(root, ['budget', 'pricing_model']);
  const start = dateOf(valueAt(root, ['timeline', 'start']));
  const end = dateOf(valueAt(root, ['timeline', 'end']));
  return {
    ...(project ? { project } : {}),
    ...(vendor ? { vendor } : {}),
    ...(owner ? { owner } : {}),
    ...(currency ? { currency } : {}),
    ...(total !== undefined ? { total } : typeof totalValue === 'string' && totalValue.trim() ? { totalText: totalValue.trim() } : {}),
    ...(contingency !== undefined ? { contingencyPercent: contingency } : {}),
    ...(pricingModel ? { pricingModel } : {}),
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(reviewDays !== undefined ? { reviewDays } : {}),
    milestones,
    deliverables,
    payments,
  };
}
