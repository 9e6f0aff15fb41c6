// Two versions of one scope, compared the way a reviewer reads a pull request: what the change
// costs (price, contingency, payments), what it moves (start, end, milestones, in days), what it
// adds or drops (deliverables, success measures, protections), and whether the change log
// accounts for it. Pure: two parsed documents in, a summary and findings on the new version out;
// nothing here reads a repository or runs a process (the CLI and the editor fetch the old text).
import { plural } from '../plural';
import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { ScopeDocument } from '../document';
import { changeRequests as changeLog, countsAsApprovedChange } from '../changeLog';
import { nextId as nextChangeIdOf } from '../references';
import {
  arrayAt,
  canonicalEnum,
  currencySuffix,
  dateAt,
  formatAmount,
  formatPercent,
  isAbsent,
  isRecord,
  numberAt,
  recordAt,
  round2,
  shortText,
  stringAt,
  todayDate,
  valueAt,
} from '../model';
import { convertUnit, readTarget } from '../quantities';
import type { Fix, Path, Severity } from '../types';

export type CompareCode = 'compare/scope-creep' | 'compare/target-loosened' | 'compare/protection-weakened';

/** One line of the summary, in a lead's terms ("End: 2027-06-30 → 2027-07-31, 31 days later"). */
export interface ScopeChange {
  readonly area: 'price' | 'schedule' | 'deliverables' | 'success measures' | 'security' | 'vendor' | 'change log';
  /** Plain text with `code` spans for ids and keys. */
  readonly text: string;
  /** Where it is in the new version; absent when it was removed and has no place there. */
  readonly path?: Path;
}

/** A change that needs a reviewer's decision, on the new version. */
export interface CompareFinding {
  readonly code: CompareCode;
  readonly severity: Severity;
  readonly path: Path;
  readonly message: string;
  readonly facts: readonly string[];
  readonly fixes: readonly Fix[];
}

export interface ScopeComparison {
  readonly changes: readonly ScopeChange[];
  readonly findings: readonly CompareFinding[];
}

/** A change request as the comparison weighs it: what it is called, whether it counts, its impact. */
interface ComparedRequest {
  readonly id: string;
  readonly index: number;
  readonly approved: boolean;
  readonly cost: number | undefined;
  readonly days: number | undefined;
  readonly affects: ReadonlySet<string>;
}

/** The change log read by changeLog.ts, the same reading the change rules use, weighed for a comparison. */
function changeRequests(root: unknown): ComparedRequest[] {
  return changeLog(root).map((request) => {
    const { item, index } = request;
    const id = typeof item.id === 'string' && item.id.trim() !== '' ? item.id.trim() : `#${index + 1}`;
    const affects = new Set(
      (Array.isArray(item.affects) ? item.affects : [item.affects]).filter((a): a is string => typeof a === 'string').map((a) => a.trim()),
    );
    const finite = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
    return {
      id,
      index,
      approved: countsAsApprovedChange(request),
      cost: finite(item.cost_impact),
      days: finite(item.schedule_impact_days),
      affects,
    };
  });
}

/** Items of a sequence by their trimmed `id` (the first of a duplicate wins), with their index. */
function byId(root: unknown, path: Path): Map<string, { readonly item: Record<string, unknown>; readonly index: number }> {
  const items = new Map<string, { item: Record<string, unknown>; index: number }>();
  arrayAt(root, path).forEach((item, index) => {
    if (!isRecord(item) || typeof item.id !== 'string' || item.id.trim() === '') return;
    const id = item.id.trim();
    if (!items.has(id)) items.set(id, { item, index });
  });
  return items;
}

function days(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

function moved(n: number): string {
  if (n === 0) return 'same day';
  const count = `${Math.abs(n)} day${Math.abs(n) === 1 ? '' : 's'}`;
  return n > 0 ? `${count} later` : `${count} earlier`;
}

function signed(n: number): string {
  return `${n > 0 ? '+' : n < 0 ? '−' : ''}${formatAmount(Math.abs(n))}`;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function text(value: unknown): string {
  if (isAbsent(value)) return '(none)';
  return typeof value === 'string' ? shortText(value, 50) : JSON.stringify(value);
}

/** Which way a target is better, from its comparator: `>=` higher, `<=` lower; undefined when it does not say. */
function betterWhen(comparator: string): 'higher' | 'lower' | undefined {
  if (/^(?:>|>=|≥)$/.test(comparator)) return 'higher';
  if (/^(?:<|<=|≤)$/.test(comparator)) return 'lower';
  return undefined;
}

/**
 * A target read as comparator, number and unit; the unit is the one written in the target, else the
 * measure's `unit:` (`target: "< 4"` with `unit: h`), so a change of unit is not read as a change of number.
 */
function targetNumber(
  value: unknown,
  unitField: unknown,
): { comparator: string; value: number; unit: string; written: string } | undefined {
  const fallback = typeof unitField === 'string' ? unitField.trim() : '';
  if (typeof value === 'number' && Number.isFinite(value)) return { comparator: '', value, unit: fallback, written: String(value) };
  if (typeof value !== 'string') return undefined;
  const read = readTarget(value);
  if (!read) return undefined;
  const number = Number(read.number.replace(/,/g, ''));
  return Number.isFinite(number)
    ? { comparator: read.comparator, value: number, unit: read.unit || fallback, written: value.trim() }
    : undefined;
}

/**
 * The new target's number in the old target's unit: as is when the units are the same (or one
 * side has none), converted by js-quantities when they differ (`< 4 h` → `< 300 min` is 5 h);
 * undefined when they measure different things, so the direction is not guessed.
 */
function inOldUnit(from: { unit: string }, to: { value: number; unit: string }): number | undefined {
  if (from.unit.toLowerCase() === to.unit.toLowerCase() || from.unit === '' || to.unit === '') return to.value;
  return convertUnit(to.value, to.unit, from.unit);
}

/** `today`: the date a scaffolded change request is raised on (tests pass one; default: today). */
export function compareScopes(before: ScopeDocument, after: ScopeDocument, options: { readonly today?: string } = {}): ScopeComparison {
  const old = before.value;
  const now = after.value;
  const changes: ScopeChange[] = [];
  const findings: CompareFinding[] = [];
  const currency = currencySuffix(now) || currencySuffix(old);

  // ---- the change log: which approved requests are new in this version --------------------
  const oldRequests = new Map(changeRequests(old).map((c) => [c.id, c]));
  const newRequests = changeRequests(now);
  const newlyApproved = newRequests.filter((c) => c.approved && !oldRequests.get(c.id)?.approved);
  for (const request of newRequests) {
    const was = oldRequests.get(request.id);
    if (was && was.approved === request.approved) continue;
    const impact = [
      request.cost !== undefined ? `${signed(request.cost)}${currency}` : 'no cost impact stated',
      request.days !== undefined ? `${request.days > 0 ? '+' : ''}${plural(request.days, 'day')}` : 'no schedule impact stated',
    ].join(', ');
    const status = stringAt(now, ['changes', request.index, 'status']) ?? 'no status';
    changes.push({
      area: 'change log',
      text: `${was ? 'Change request' : 'New change request'} \`${request.id}\` (${status}): ${impact}`,
      path: ['changes', request.index],
    });
  }
  const approvedCost = round2(newlyApproved.reduce((sum, c) => sum + (c.cost ?? 0), 0));
  const approvedDays = newlyApproved.reduce((sum, c) => sum + (c.days ?? 0), 0);
  const nextId = nextChangeIdOf(after, 'change_request');
  const scaffold = (cost: number, delay: number, affects: readonly string[], why: string): Fix => ({
    title: `Add change request ${nextId} for this change (fill in who approved it)`,
    applicability: 'display-only',
    ops: [
      {
        op: 'append',
        path: ['changes'],
        value: [
          `id: ${nextId}`,
          `raised: ${todayDate(options.today)}`,
          `summary: ${JSON.stringify(`TODO: ${why}`)}`,
          'status: proposed',
          `cost_impact: ${round2(cost)}`,
          `schedule_impact_days: ${delay}`,
          ...(affects.length > 0 ? ['affects:', ...affects.map((id) => `  - ${id}`)] : []),
        ].join('\n'),
      },
    ],
  });
  const creep = (path: Path, message: string, facts: string[], fix: Fix): void => {
    findings.push({ code: 'compare/scope-creep', severity: 'error', path, message, facts, fixes: [fix] });
  };
  const requestFacts = (): string[] => [
    newlyApproved.length > 0
      ? `Change requests approved in this version: ${newlyApproved.map((c) => `\`${c.id}\``).join(', ')} (${signed(approvedCost)}${currency}, ${plural(approvedDays, 'day')})`
      : 'No change request was approved in this version.',
  ];

  // ---- price -------------------------------------------------------------------------------
  const oldTotal = numberAt(old, ['budget', 'total']);
  const newTotal = numberAt(now, ['budget', 'total']);
  if (oldTotal !== undefined && newTotal !== undefined && oldTotal !== newTotal) {
    const delta = round2(newTotal - oldTotal);
    const percent = oldTotal !== 0 ? ` (${delta > 0 ? '+' : '−'}${formatPercent(Math.abs((delta / oldTotal) * 100))})` : '';
    changes.push({
      area: 'price',
      text: `Price: ${formatAmount(oldTotal)} → ${formatAmount(newTotal)}${currency}, ${signed(delta)}${currency}${percent}`,
      path: ['budget', 'total'],
    });
    if (delta > 0 && approvedCost < delta) {
      const covered =
        approvedCost > 0 ? `; the change requests approved in this version cover ${formatAmount(approvedCost)}${currency}` : '';
      creep(
        ['budget', 'total'],
        `The price rose by ${formatAmount(delta)}${currency}${percent} and no approved change request accounts for it${covered}.`,
        [`Before: ${formatAmount(oldTotal)}${currency}; now: ${formatAmount(newTotal)}${currency}`, ...requestFacts()],
        scaffold(delta - approvedCost, 0, [], `why the price rose by ${formatAmount(delta - approvedCost)}${currency}`),
      );
    }
  } else if (oldTotal !== undefined && newTotal === undefined) {
    changes.push({ area: 'price', text: `Price: ${formatAmount(oldTotal)}${currency} → no readable total`, path: ['budget'] });
  }
  const oldContingency = numberAt(old, ['budget', 'contingency_percent']);
  const newContingency = numberAt(now, ['budget', 'contingency_percent']);
  if (!sameJson(oldContingency, newContingency)) {
    changes.push({
      area: 'price',
      text: `Contingency: ${oldContingency === undefined ? '(none)' : formatPercent(oldContingency)} → ${newContingency === undefined ? '(none)' : formatPercent(newContingency)}`,
      path: newContingency === undefined ? ['budget'] : ['budget', 'contingency_percent'],
    });
  }
  const oldPayments = arrayAt(old, ['budget', 'payments']);
  const newPayments = arrayAt(now, ['budget', 'payments']);
  if (!sameJson(oldPayments, newPayments)) {
    const count = (n: number) => `${n} payment${n === 1 ? '' : 's'}`;
    changes.push({
      area: 'price',
      text:
        oldPayments.length === newPayments.length
          ? `Payment schedule changed (${count(newPayments.length)})`
          : `Payment schedule: ${count(oldPayments.length)} → ${count(newPayments.length)}`,
      path: ['budget', 'payments'],
    });
  }

  // ---- schedule ----------------------------------------------------------------------------
  for (const key of ['start', 'end'] as const) {
    const was = dateAt(old, ['timeline', key]);
    const is = dateAt(now, ['timeline', key]);
    if (was === undefined || is === undefined || was === is) continue;
    const shift = days(was, is);
    changes.push({
      area: 'schedule',
      text: `${key === 'start' ? 'Start' : 'End'}: ${was} → ${is}, ${moved(shift)}`,
      path: ['timeline', key],
    });
    if (key === 'end' && shift > 0 && approvedDays < shift) {
      creep(
        ['timeline', 'end'],
        `The end date moved ${moved(shift)} and no approved change request accounts for it${approvedDays > 0 ? `; the change requests approved in this version account for ${plural(approvedDays, 'day')}` : ''}.`,
        [`Before: ${was}; now: ${is}`, ...requestFacts()],
        scaffold(0, shift - approvedDays, [], `why the end moved ${moved(shift - approvedDays)}`),
      );
    }
  }
  const oldMilestones = byId(old, ['timeline', 'milestones']);
  const newMilestones = byId(now, ['timeline', 'milestones']);
  for (const [id, { item, index }] of newMilestones) {
    const was = oldMilestones.get(id);
    const label = typeof item.name === 'string' && item.name.trim() ? `\`${id}\` (${shortText(item.name.trim(), 40)})` : `\`${id}\``;
    if (!was) {
      changes.push({ area: 'schedule', text: `Milestone ${label} added`, path: ['timeline', 'milestones', index] });
      continue;
    }
    const from = dateAt(was.item, ['date']);
    const to = dateAt(item, ['date']);
    if (from && to && from !== to)
      changes.push({
        area: 'schedule',
        text: `Milestone ${label}: ${from} → ${to}, ${moved(days(from, to))}`,
        path: ['timeline', 'milestones', index, 'date'],
      });
  }
  for (const id of oldMilestones.keys())
    if (!newMilestones.has(id)) changes.push({ area: 'schedule', text: `Milestone \`${id}\` removed`, path: ['timeline', 'milestones'] });

  // ---- deliverables ------------------------------------------------------------------------
  const oldDeliverables = byId(old, ['deliverables']);
  const newDeliverables = byId(now, ['deliverables']);
  for (const [id, { item, index }] of newDeliverables) {
    const was = oldDeliverables.get(id);
    const title = typeof item.title === 'string' && item.title.trim() ? ` (${shortText(item.title.trim(), 50)})` : '';
    const path: Path = ['deliverables', index];
    if (!was) {
      changes.push({ area: 'deliverables', text: `Deliverable \`${id}\`${title} added`, path });
      const accountedBy = newlyApproved.find((c) => c.affects.has(id));
      if (!accountedBy)
        creep(
          [...path, 'id'],
          `Deliverable \`${id}\` was added and no approved change request names it${typeof item.title === 'string' && item.title.trim() ? `: "${shortText(item.title.trim(), 50)}"` : ''}; list it in the \`affects\` of the change request that approves it.`,
          requestFacts(),
          scaffold(0, 0, [id], `why deliverable ${id} was added, and what it costs`),
        );
      continue;
    }
    const changed = (['title', 'acceptance_criteria', 'due'] as const).filter((key) => !sameJson(was.item[key], item[key]));
    for (const key of changed) {
      const what = key === 'acceptance_criteria' ? 'acceptance criteria' : key === 'due' ? 'due date' : 'title';
      const detail =
        key === 'acceptance_criteria'
          ? `${arrayAt(was.item, [key]).length} → ${arrayAt(item, [key]).length} criteria`
          : `${text(was.item[key])} → ${text(item[key])}`;
      changes.push({ area: 'deliverables', text: `Deliverable \`${id}\`: ${what} changed (${detail})`, path: [...path, key] });
    }
  }
  for (const id of oldDeliverables.keys())
    if (!newDeliverables.has(id)) changes.push({ area: 'deliverables', text: `Deliverable \`${id}\` removed`, path: ['deliverables'] });

  // ---- success measures --------------------------------------------------------------------
  const oldMeasures = byId(old, ['success_measures']);
  const newMeasures = byId(now, ['success_measures']);
  for (const [id, { item, index }] of newMeasures) {
    const was = oldMeasures.get(id);
    if (!was) {
      changes.push({ area: 'success measures', text: `Success measure \`${id}\` added`, path: ['success_measures', index] });
      continue;
    }
    if (sameJson(was.item.target, item.target) && sameJson(was.item.unit, item.unit)) continue;
    const path: Path = ['success_measures', index, sameJson(was.item.target, item.target) ? 'unit' : 'target'];
    const from = targetNumber(was.item.target, was.item.unit);
    const to = targetNumber(item.target, item.unit);
    const written =
      from && to && from.unit.toLowerCase() !== to.unit.toLowerCase()
        ? `${text(was.item.target)}${from.unit && !from.written.endsWith(from.unit) ? ` ${from.unit}` : ''} → ${text(item.target)}${to.unit && !to.written.endsWith(to.unit) ? ` ${to.unit}` : ''}`
        : `${text(was.item.target)} → ${text(item.target)}`;
    const comparable = from && to ? inOldUnit(from, to) : undefined;
    const direction = from && comparable !== undefined ? (betterWhen(to?.comparator ?? '') ?? betterWhen(from.comparator)) : undefined;
    if (from && comparable !== undefined && direction) {
      const looser = direction === 'higher' ? comparable < from.value : comparable > from.value;
      const tighter = direction === 'higher' ? comparable > from.value : comparable < from.value;
      changes.push({
        area: 'success measures',
        text: `Success measure \`${id}\`: target ${written}${looser ? ', looser' : tighter ? ', tighter' : ''}`,
        path,
      });
      if (looser)
        findings.push({
          code: 'compare/target-loosened',
          severity: 'warning',
          path,
          message: `The target of success measure \`${id}\` was loosened: ${written}, so the vendor now has to achieve less for the same acceptance.`,
          facts: [`Better is ${direction} (the target's comparator says so).`],
          fixes: [],
        });
      continue;
    }
    // Fail safe: a change whose direction cannot be read is reported, and says why.
    changes.push({ area: 'success measures', text: `Success measure \`${id}\`: target ${written}`, path });
    findings.push({
      code: 'compare/target-loosened',
      severity: 'warning',
      path,
      message: `Success measure \`${id}\` changed its target in a way that cannot be judged: ${written}, and whether it is looser cannot be read. State the direction with a comparator such as \`>=\` or \`<=\` and the same unit.`,
      facts: [],
      fixes: [],
    });
  }
  for (const [id] of oldMeasures)
    if (!newMeasures.has(id)) {
      changes.push({ area: 'success measures', text: `Success measure \`${id}\` removed` });
      findings.push({
        code: 'compare/target-loosened',
        severity: 'warning',
        path: ['success_measures'],
        message: `Success measure \`${id}\` was removed: nothing now measures what it measured.`,
        facts: [],
        fixes: [],
      });
    }

  // ---- security terms ----------------------------------------------------------------------
  const weakened = (path: Path, message: string, summary: string): void => {
    changes.push({ area: 'security', text: summary, path });
    findings.push({ code: 'compare/protection-weakened', severity: 'error', path, message, facts: [], fixes: [] });
  };
  const wasTrue = (root: unknown, path: Path) => valueAt(root, path) === true;
  const nearest = (path: Path): Path => {
    for (let n = path.length; n > 0; n--) if (valueAt(now, path.slice(0, n)) !== undefined) return path.slice(0, n);
    return [];
  };
  if (wasTrue(old, ['vendor', 'nda', 'signed']) && !wasTrue(now, ['vendor', 'nda', 'signed']))
    weakened(
      nearest(['vendor', 'nda', 'signed']),
      'The signed NDA was removed or marked unsigned: confidential information shared with the vendor is no longer covered.',
      'NDA: signed → not signed',
    );
  if (wasTrue(old, ['security', 'dpa', 'signed']) && !wasTrue(now, ['security', 'dpa', 'signed']))
    weakened(
      nearest(['security', 'dpa', 'signed']),
      'The signed data processing agreement was removed or marked unsigned: personal data would be processed without the contract GDPR Art. 28 requires.',
      'DPA: signed → not signed',
    );
  const oldHours = numberAt(old, ['security', 'breach_notification_hours']);
  const newHours = numberAt(now, ['security', 'breach_notification_hours']);
  if (oldHours !== undefined && (newHours === undefined || newHours > oldHours))
    weakened(
      nearest(['security', 'breach_notification_hours']),
      newHours === undefined
        ? `The breach notification deadline (${plural(oldHours, 'hour')}) was removed: the vendor no longer has to tell you of a breach in time.`
        : `The breach notification deadline went from ${oldHours} to ${plural(newHours, 'hour')}: you learn of a breach later (GDPR Art. 33 gives a controller 72 hours).`,
      `Breach notification: ${oldHours} → ${newHours === undefined ? '(none)' : newHours} hours`,
    );
  const names = (root: unknown): Set<string> =>
    new Set(
      arrayAt(root, ['vendor', 'certifications']).flatMap((c) =>
        isRecord(c) && typeof c.name === 'string' && c.name.trim() ? [c.name.trim()] : [],
      ),
    );
  const newCertificates = names(now);
  for (const name of names(old))
    if (!newCertificates.has(name))
      weakened(
        nearest(['vendor', 'certifications']),
        `The vendor's certification "${shortText(name, 40)}" was dropped: the evidence that its security is audited (ISO/IEC 27036) is gone.`,
        `Certification "${shortText(name, 40)}" dropped`,
      );
  if (wasTrue(old, ['security', 'subprocessors', 'approval_required']) && !wasTrue(now, ['security', 'subprocessors', 'approval_required']))
    weakened(
      nearest(['security', 'subprocessors', 'approval_required']),
      'Your approval of sub-processors is no longer required: the vendor can pass your data to others you have not vetted (GDPR Art. 28(2)).',
      'Sub-processor approval: required → not required',
    );
  if (wasTrue(old, ['security', 'audit_rights']) && !wasTrue(now, ['security', 'audit_rights']))
    weakened(
      nearest(['security', 'audit_rights']),
      'Your audit rights were removed: you can no longer check the vendor’s controls.',
      'Audit rights: yes → no',
    );
  const levels = ['public', 'internal', 'confidential', 'restricted'] as const;
  const oldLevel = canonicalEnum(valueAt(old, ['security', 'data_classification']), levels);
  const newLevel = canonicalEnum(valueAt(now, ['security', 'data_classification']), levels);
  if (oldLevel && newLevel && levels.indexOf(newLevel) < levels.indexOf(oldLevel))
    weakened(
      ['security', 'data_classification'],
      `The data classification was lowered from ${oldLevel} to ${newLevel}: the rules then ask for fewer protections, though the data is the same.`,
      `Data classification: ${oldLevel} → ${newLevel}`,
    );

  // ---- vendor ------------------------------------------------------------------------------
  const oldVendor = stringAt(old, ['vendor', 'name'])?.trim();
  const newVendor = stringAt(now, ['vendor', 'name'])?.trim();
  if (oldVendor && newVendor && oldVendor !== newVendor)
    changes.push({ area: 'vendor', text: `Vendor: ${shortText(oldVendor, 40)} → ${shortText(newVendor, 40)}`, path: ['vendor', 'name'] });
  else if (oldVendor && !newVendor && recordAt(now, ['vendor']) === undefined)
    changes.push({ area: 'vendor', text: `Vendor: ${shortText(oldVendor, 40)} → (none)` });

  return { changes, findings };
}
