// The change log (`changes:`) read the way the change rules apply it: each request's status, read
// fail-safe, and its cost and schedule impact, where `0` is a stated impact and a blank is not.
import { canonicalEnum, isAbsent, isRecord, parseMoneyText, shortText, valueAt, type Data } from './model';
import type { Path } from './types';

export const changeStatuses = ['proposed', 'approved', 'rejected', 'withdrawn'] as const;
export type ChangeStatus = (typeof changeStatuses)[number];

/** One entry of `changes` that is a mapping, with its status as the rules apply it. */
export interface ChangeRequest {
  readonly index: number;
  readonly path: Path;
  readonly item: Data;
  /** `CR1`, or `changes[2]` when the entry has no id. */
  readonly label: string;
  /**
   * The status the rules apply. A value that is no status (`pending`, `signed off`, blank) is read
   * as `approved`, the reading that risks the most: its cost counts against the contingency and it
   * must name an approver and its impact, so an unfamiliar label can never switch the checks off.
   */
  readonly status: ChangeStatus;
  /** `stated` exactly; `slip` of case or separators (`Approved`); `assumed` for a value that is no status. */
  readonly statusSource: 'stated' | 'slip' | 'assumed';
  /** The status as written, for `slip` and `assumed` (empty when it is blank or missing). */
  readonly writtenStatus?: string;
}

/** The change requests of the log, in document order; entries that are not mappings are the schema's. */
export function changeRequests(root: unknown): ChangeRequest[] {
  const changes = valueAt(root, ['changes']);
  if (!Array.isArray(changes)) return [];
  const out: ChangeRequest[] = [];
  changes.forEach((item: unknown, index) => {
    if (!isRecord(item)) return;
    const path: Path = ['changes', index];
    const id = item.id;
    const label = typeof id === 'string' && id.trim() !== '' ? `\`${shortText(id)}\`` : `\`changes[${index}]\``;
    const written = item.status;
    const status = canonicalEnum(written, changeStatuses);
    if (status !== undefined) {
      out.push({ index, path, item, label, status, statusSource: written === status ? 'stated' : 'slip', ...slipText(written, status) });
      return;
    }
    out.push({ index, path, item, label, status: 'approved', statusSource: 'assumed', writtenStatus: writtenText(written) });
  });
  return out;
}

function slipText(written: unknown, status: ChangeStatus): { writtenStatus?: string } {
  return written === status ? {} : { writtenStatus: writtenText(written) };
}

function writtenText(value: unknown): string {
  if (isAbsent(value)) return '';
  if (typeof value === 'string') return shortText(value, 40);
  return shortText(JSON.stringify(value) ?? String(value), 40);
}

/**
 * Whether a request accounts for a change when two versions are compared: only a status written as
 * `approved` (or a slip of it, `Approved`). The rules above read a status nobody can read as
 * approved, the reading that checks the most; a comparison reads it as not approved, the reading
 * that excuses the least: an unreadable status never explains away a price rise.
 */
export function countsAsApprovedChange(change: ChangeRequest): boolean {
  return change.status === 'approved' && change.statusSource !== 'assumed';
}

/** The approved requests, including slips (`Approved`) and statuses nobody can read. */
export function approvedChanges(root: unknown): ChangeRequest[] {
  return changeRequests(root).filter((c) => c.status === 'approved');
}

/**
 * A hover fact saying how a status that is not written exactly was read, or undefined when it is.
 * Every change rule that reads the status says it the same way.
 */
export function statusNote(change: ChangeRequest): string | undefined {
  if (change.statusSource === 'stated') return undefined;
  if (change.statusSource === 'slip') return `\`status: ${change.writtenStatus ?? ''}\` is read as \`${change.status}\`.`;
  const what = change.writtenStatus ? `\`status: ${change.writtenStatus}\` is not` : 'A missing or blank `status` is not';
  return `${what} one of ${changeStatuses.map((s) => `\`${s}\``).join(', ')}, so ${change.label} is treated as approved (its cost counts and it needs an approver) until the status is fixed.`;
}

/** How a change states one of its impacts. */
export type Impact =
  /** A number: `0` is a stated impact. */
  | { readonly kind: 'number'; readonly value: number }
  /** Text that reads as an amount (`"$12k"`): stated, but not in a form anything can add up. */
  | {
      readonly kind: 'text';
      readonly value: number;
      readonly written: string;
      /** The currency the text names ("$1.2M": USD, guessed from `$`), when it names one. */
      readonly currency?: string;
      readonly currencyGuessed?: boolean;
    }
  /** Text or a value nobody can read as an amount (`TBD`, `see quote`, a list). */
  | { readonly kind: 'unreadable'; readonly written: string }
  /** Missing, `null` or blank. */
  | { readonly kind: 'absent' };

/** `cost_impact` of a change (money text is read with `parseMoneyText`). */
export function costImpactOf(change: ChangeRequest): Impact {
  return impactOf(change.item.cost_impact, true);
}

/** `schedule_impact_days` of a change (only a number is a number of days). */
export function scheduleImpactOf(change: ChangeRequest): Impact {
  return impactOf(change.item.schedule_impact_days, false);
}

function impactOf(value: unknown, money: boolean): Impact {
  if (isAbsent(value)) return { kind: 'absent' };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'unreadable', written: String(value) };
  if (typeof value === 'string') {
    const written = shortText(value, 40);
    if (!money) {
      const days = daysText(value);
      return days === undefined ? { kind: 'unreadable', written } : { kind: 'text', value: days, written };
    }
    const parsed = parseMoneyText(value);
    // An estimate ("approx. 5k") is not a stated impact: the approval was given without a price.
    if (parsed && !parsed.approximate)
      return {
        kind: 'text',
        value: parsed.value,
        written,
        ...(parsed.currency ? { currency: parsed.currency, currencyGuessed: parsed.currencyGuessed } : {}),
      };
    return { kind: 'unreadable', written };
  }
  return { kind: 'unreadable', written: shortText(JSON.stringify(value) ?? String(value), 40) };
}

/**
 * Calendar days written as text: "5", "5 days", "+3 calendar days", "2 weeks", "none", "no delay".
 * Working days ("5 business days") are not calendar days and a month has no fixed length, so they
 * are not read.
 */
function daysText(text: string): number | undefined {
  const clean = text.trim();
  if (/^(?:none|nil|no(?:ne)?\s+(?:impact|change|delay|slip(?:page)?))$/i.test(clean)) return 0;
  const m = /^([+-−]?)\s*(\d{1,4})\s*(?:(?:calendar\s+)?(days?|d)|(weeks?|wks?|w))?$/i.exec(clean);
  if (!m) return undefined;
  const n = Number(m[2]) * (m[4] ? 7 : 1);
  return m[1] === '-' || m[1] === '−' ? -n : n;
}
