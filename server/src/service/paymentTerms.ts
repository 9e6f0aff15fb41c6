// A payment plan written in words in `payment_terms`: "20% when the order form is signed, 45% when
// both parallel runs are accepted, and the remaining 35% once the July payroll has run", "50% deposit
// on signing, the balance on launch". Leads copy the order form's words instead of filling
// `payments`; the plan is still a plan, and its up-front share can still be too large.
import { findPhrases, phrase, wordsOf, type Phrase } from './phrases';

export interface WrittenShare {
  /** The share of the total, in percent ("the balance" is what the other shares leave). */
  readonly percent: number;
  /** Due before any work is accepted: on signing, as a deposit, up front, at kick-off. */
  readonly upfront: boolean;
  /** The words of the share as written ("50% deposit on signing"), for messages and ranges. */
  readonly text: string;
}

export interface WrittenSchedule {
  readonly shares: readonly WrittenShare[];
  /** The sum of the up-front shares, in percent. */
  readonly upfrontPercent: number;
}

/** One share: a percentage ("45%", "35 percent") or the rest ("the balance", "the remainder"). */
const sharePattern = /(\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b)|\b(?:the\s+)?(?:balance|remainder|rest)\b/gi;
/** A percentage that is a rate, not a share: "2% per month", "8% a year". */
const ratePeriod = /^\s*(?:per|a|an|each)\s+(?:month|year|annum|day|week|quarter)\b|^\s*(?:monthly|annually|yearly)\b/i;
/**
 * The events that make a share due before any work is accepted, matched on words and inflections:
 * signing the contract or order, a deposit, up front, in advance, kick-off, mobilisation, the award.
 * "Sign-off" of work is acceptance, not signature.
 */
const upfrontPhrases: readonly Phrase<true>[] = [
  '~sign|~signing|~signature|~deposit|upfront|~kickoff|~mobilisation|~mobilization|~award|~booking|~commencement|~retainer',
  'up front',
  'in advance',
  'kick off',
  'purchase order',
].flatMap((pattern) => phrase(pattern, true as const));
const signOff = /\bsign(?:ed|s|ing)?[\s-]+off\b/i;

/** The plan written in `payment_terms`, when its shares add up to the whole price; undefined otherwise. */
export function writtenSchedule(terms: unknown): WrittenSchedule | undefined {
  if (typeof terms !== 'string' || terms.length > 2000) return undefined;
  const found: { percent: number | undefined; start: number; end: number }[] = [];
  for (const m of terms.matchAll(sharePattern)) {
    const end = m.index + m[0].length;
    if (m[1] !== undefined && ratePeriod.test(terms.slice(end, end + 20))) continue;
    found.push({ percent: m[1] === undefined ? undefined : Number(m[1]), start: m.index, end });
  }
  if (found.length < 2) return undefined;
  const stated = found.reduce((sum, f) => sum + (f.percent ?? 0), 0);
  const rests = found.filter((f) => f.percent === undefined).length;
  // At most one "balance", and the shares must make up the whole price.
  if (rests > 1 || stated > 100.5 || (rests === 0 && Math.abs(stated - 100) > 0.5) || (rests === 1 && stated >= 100)) return undefined;
  const shares = found.map((f, i) => {
    // A share runs to the next share, or to the end of its sentence.
    const next = found[i + 1]?.start ?? terms.length;
    const stop = /[.;](?:\s|$)/.exec(terms.slice(f.start, next));
    const text = withoutTrailingJoiner(terms.slice(f.start, stop ? f.start + stop.index : next));
    const percent = f.percent ?? 100 - stated;
    return { percent, upfront: isUpfront(text), text: text.trim() };
  });
  const upfrontPercent = shares.filter((s) => s.upfront).reduce((sum, s) => sum + s.percent, 0);
  return { shares, upfrontPercent };
}

/**
 * The share's text without the blanks, commas and one "and"/"then" that join it to the next share.
 * By hand, not with a regex anchored at the end (`[\s,]*(?:and|then)?[\s,]*$`): that is tried at
 * every blank of a long run, which is quadratic.
 */
function withoutTrailingJoiner(text: string): string {
  let end = endOfWords(text, text.length);
  for (const word of ['then', 'and']) {
    const before = end - word.length;
    if (before >= 0 && text.slice(before, end).toLowerCase() === word && (before === 0 || isJoinerBlank(text[before - 1] ?? ''))) {
      end = endOfWords(text, before);
      break;
    }
  }
  return text.slice(0, end);
}

/** The index after the last character before `end` that is not a blank or a comma. */
function endOfWords(text: string, end: number): number {
  while (end > 0 && isJoinerBlank(text[end - 1] ?? '')) end--;
  return end;
}

function isJoinerBlank(ch: string): boolean {
  return ch === ',' || /\s/.test(ch);
}

function isUpfront(text: string): boolean {
  const plain = text.replace(signOff, ' ');
  return findPhrases(plain, wordsOf(plain), upfrontPhrases).length > 0;
}
