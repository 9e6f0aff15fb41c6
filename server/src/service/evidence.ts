// Security evidence as leads write it: the dates on a DPA, a certificate or a questionnaire (a day,
// a date and time, a month, a year), and whether a text about an agreement says it is signed.
// Read fail safe: what does not clearly say "signed" is not signed, and a date that cannot be read
// is reported as unreadable rather than taken as evidence or as its absence.
import { dateOf, isAbsent, monthNames as fullMonthNames } from './model';
import { findPhrases, phrase, wordsOf, type Phrase } from './phrases';

/** A date as written on evidence: the days it can mean (one day, or a whole month or year) and how it was written. */
export interface EvidenceDate {
  /** The earliest day it can mean. */
  readonly first: string;
  /** The latest day it can mean (the same as `first` for a day). */
  readonly last: string;
  /** `day` (2027-03-01), `datetime` (2027-03-01T09:30:00Z, read as its day), `month` (March 2027, 2027-03), `year` (2027). */
  readonly precision: 'day' | 'datetime' | 'month' | 'year';
  /** The value as written, trimmed, for messages. */
  readonly written: string;
}

/** `absent` for nothing written; `unreadable` for a value that is not a date in any form people use. */
export type EvidenceDateReading = EvidenceDate | 'absent' | 'unreadable';

/** `2027-04-30T17:00:00`, `2027-04-30 17:00 CET` or `2027-04-30T17:00Z`: an ISO 8601 date and time of day. */
const dateAndTime =
  /^(\d{4}-\d{2}-\d{2})(?:T|[ \t]+)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:[ \t]*(?:Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{2,5}))?$/i;
const monthStarts = fullMonthNames.map((name) => name.slice(0, 3));

/**
 * Reads a date written on evidence. A day as YYYY-MM-DD (or a YAML date); a date and time, as the
 * day it names (the time zone written with it is the author's); a month ("March 2027", "Mar. 2027",
 * "2027-03") or a year (2027, "2027") as the range of days it covers. Anything else is `unreadable`:
 * "TBC", "10/03/2027" (day or month first?), "2027-02-30".
 */
export function readEvidenceDate(value: unknown): EvidenceDateReading {
  if (isAbsent(value)) return 'absent';
  if (value instanceof Date) {
    const day = dateOf(value);
    return day === undefined ? 'unreadable' : { first: day, last: day, precision: 'day', written: day };
  }
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1990 && value <= 2100)
    return { first: `${value}-01-01`, last: `${value}-12-31`, precision: 'year', written: String(value) };
  if (typeof value !== 'string' || value.length > 200) return 'unreadable';
  const text = value.trim();
  const day = dateOf(text);
  if (day !== undefined) return { first: day, last: day, precision: 'day', written: text };
  const timed = dateAndTime.exec(text)?.[1];
  if (timed !== undefined) {
    const timedDay = dateOf(timed);
    return timedDay === undefined ? 'unreadable' : { first: timedDay, last: timedDay, precision: 'datetime', written: text };
  }
  if (/^\d{4}$/.test(text)) {
    const year = Number(text);
    if (year >= 1990 && year <= 2100) return { first: `${text}-01-01`, last: `${text}-12-31`, precision: 'year', written: text };
    return 'unreadable';
  }
  const spelled = spelledDay(text);
  if (spelled === null) return 'unreadable';
  if (spelled !== undefined) return { first: spelled, last: spelled, precision: 'day', written: text };
  const numeric = /^(\d{4})-(\d{1,2})$/.exec(text);
  const named = /^([a-z]{3,9})\.?,?\s+(\d{4})$/i.exec(text);
  const year = numeric ? Number(numeric[1]) : named ? Number(named[2]) : undefined;
  const name = (named?.[1] ?? '').toLowerCase();
  const month = numeric ? Number(numeric[2]) : named ? monthStarts.indexOf(name.slice(0, 3)) + 1 : 0;
  if (year === undefined || month < 1 || month > 12) return 'unreadable';
  // "Marching 2027" is not a month: the word must be the month's name or its start.
  if (named && !(fullMonthNames[month - 1] ?? '').startsWith(name)) return 'unreadable';
  const first = new Date(Date.UTC(year, month - 1, 1)).toISOString().slice(0, 10);
  const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return { first, last, precision: 'month', written: text };
}

/**
 * A day with its month spelled out, which no one reads two ways: "10 March 2027", "10th Mar 2027",
 * "March 10, 2027". Null for one that does not exist (30 February); undefined for other text.
 */
function spelledDay(text: string): string | null | undefined {
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})$/i.exec(text);
  const monthFirst = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(text);
  const [dayText, name, yearText] = dayFirst
    ? [dayFirst[1], dayFirst[2], dayFirst[3]]
    : monthFirst
      ? [monthFirst[2], monthFirst[1], monthFirst[3]]
      : [undefined, undefined, undefined];
  if (dayText === undefined || name === undefined || yearText === undefined) return undefined;
  const lower = name.toLowerCase();
  const month = monthStarts.indexOf(lower.slice(0, 3)) + 1;
  if (month < 1 || !(fullMonthNames[month - 1] ?? '').startsWith(lower)) return undefined;
  const iso = `${yearText}-${String(month).padStart(2, '0')}-${dayText.padStart(2, '0')}`;
  return dateOf(iso) ?? null;
}

/** What a text or value about an agreement says of its signature. */
export type SignatureReading =
  { readonly signed: true; readonly date?: string } | { readonly signed: false; readonly said?: string } | { readonly signed: 'unclear' };

/**
 * Words that say an agreement is not signed yet, matched by word and inflection (phrases.ts): "to be
 * signed", "in negotiation", "draft", "pending", "awaiting countersignature", "not signed", "with
 * legal", "under review", "TBC". Any of them outweighs the words that say it is signed ("signed by
 * the vendor, awaiting ours").
 */
const unsignedPhrases: readonly Phrase<true>[] = [
  'no|not|never|unsigned|none|n',
  'to|will|would|should|must|shall be',
  '~negotiate|~negotiation|negotiating|~draft|drafting|pending|~await|outstanding|~plan|~expect|requested|~request',
  'in progress|review|discussion|preparation|redline|redlines',
  'under ~review|~discussion|negotiation',
  'with legal|procurement|counsel',
  'being ~negotiate|~draft|~review|~prepare|~agree|~sign',
  'tbc|tbd|tba|todo|wip|soon|later',
  'once|when ~sign|~countersign|~kickoff|kick|contract|the|we|they|both|legal',
].flatMap((pattern) => phrase(pattern, true as const));
/** Words that say it is signed: "Yes", "signed", "executed", "countersigned", "in place", "done". */
const signedPhrases: readonly Phrase<true>[] = [
  'yes|y|true|signed|countersigned|executed|done|agreed|concluded|completed|on',
  'in place|force',
].flatMap((pattern) => phrase(pattern, true as const));

/**
 * Reads what a value says of an agreement's signature, fail safe: `true`, or a text with a word for
 * "signed" and none for "not yet" ("Yes", "Signed 2027-02-01"), is signed, with the day a text
 * names; `false` or a text that says it is not signed yet ("To be signed before kickoff", "In
 * negotiation with legal") is not, and `said` quotes the words; anything else (a number, a text
 * that says neither) is unclear, which a rule treats as not signed.
 */
export function readSignature(value: unknown): SignatureReading {
  if (value === true) return { signed: true };
  if (value === false) return { signed: false };
  if (typeof value !== 'string' || value.length > 2000) return { signed: 'unclear' };
  const words = wordsOf(value);
  const unsigned = findPhrases(value, words, unsignedPhrases)[0];
  if (unsigned) return { signed: false, said: value.slice(unsigned.start, unsigned.end) };
  if (findPhrases(value, words, signedPhrases).length === 0) return { signed: 'unclear' };
  const day = value.match(/\d{4}-\d{2}-\d{2}/)?.[0];
  const date = dateOf(day);
  return date === undefined ? { signed: true } : { signed: true, date };
}
