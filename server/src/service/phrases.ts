// Finding words and phrases in prose by their inflections, not their surface form: "satisfied",
// "satisfies" and "satisfying" are one word to a reader, and to these rules. Words are compared by
// their Porter2 stem (wink-porter2-stemmer), limited to inflectional endings (-s, -es, -ed, -ing,
// -'s: at most three letters beyond the pattern word), so "improved" matches "improve" but
// "improvements" or "betterment" do not match "improve" or "better".
import stem from 'wink-porter2-stemmer';

/** A word of the text: letters (with inner apostrophes), its offsets, its lower-case form. */
export interface Word {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
}

/** Longer "words" are not English words (hashes, base64); they are skipped, which also bounds the stemmer's input. */
const maxWordLength = 40;
const wordPattern = /[A-Za-z]+(?:['’][A-Za-z]+)*/g;

export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  wordPattern.lastIndex = 0;
  for (let m = wordPattern.exec(text); m !== null; m = wordPattern.exec(text)) {
    if (m[0].length > maxWordLength) continue;
    words.push({ text: m[0], lower: m[0].toLowerCase().replace(/’/g, "'"), start: m.index, end: m.index + m[0].length });
  }
  return words;
}

const stems = new Map<string, string>();
/** The Porter2 stem of a lower-case word, memoised (bounded: prose repeats a small vocabulary). */
export function stemOf(lower: string): string {
  let s = stems.get(lower);
  if (s === undefined) {
    s = stem(lower.replace(/'s$/, ''));
    if (stems.size > 20_000) stems.clear();
    stems.set(lower, s);
  }
  return s;
}

/**
 * One position of a phrase: any of several words. `~word` matches the word and its inflections;
 * a plain word matches only itself (case-insensitively). A trailing `?` makes the position optional.
 */
interface Position {
  readonly exact: ReadonlySet<string>;
  readonly inflected: readonly { readonly stem: string; readonly length: number }[];
}

export interface Phrase<T> {
  readonly positions: readonly Position[];
  readonly value: T;
}

/**
 * Compiles a pattern such as `no major|serious ~bug|~defect` or `meet the? ~expectation`: words
 * separated by spaces, alternatives by `|`, `~` for "any inflection", `?` for "optional".
 */
export function phrase<T>(pattern: string, value: T): Phrase<T>[] {
  let variants: Position[][] = [[]];
  for (const part of pattern.trim().split(/\s+/)) {
    const optional = part.endsWith('?');
    const position = positionOf(optional ? part.slice(0, -1) : part);
    const extended = variants.map((v) => [...v, position]);
    variants = optional ? [...variants, ...extended] : extended;
  }
  return variants.filter((v) => v.length > 0).map((positions) => ({ positions, value }));
}

function positionOf(part: string): Position {
  const exact = new Set<string>();
  const inflected: { stem: string; length: number }[] = [];
  for (const alternative of part.toLowerCase().split('|')) {
    if (alternative.startsWith('~')) {
      const word = alternative.slice(1);
      inflected.push({ stem: stemOf(word), length: word.length });
    } else if (alternative) exact.add(alternative);
  }
  return { exact, inflected };
}

function matches(position: Position, word: Word): boolean {
  if (position.exact.has(word.lower)) return true;
  if (position.inflected.length === 0) return false;
  const s = stemOf(word.lower);
  return position.inflected.some((p) => p.stem === s && word.lower.length <= p.length + 3);
}

/** Words of one phrase are separated only by spaces, hyphens or slashes ("user-friendly", "and/or"). */
function joined(text: string, from: number, to: number): boolean {
  if (to - from > 8) return false;
  return /^[\s\-/]*$/.test(text.slice(from, to));
}

export interface PhraseMatch<T> {
  readonly start: number;
  readonly end: number;
  /** The first word matched (index into the words). */
  readonly first: number;
  /** The last word matched. */
  readonly last: number;
  readonly value: T;
}

/**
 * The phrases of a list that can start at a word, found by the word itself or its stem instead of
 * trying every phrase at every word: the lists have hundreds of variants. Built once per list.
 */
interface FirstWordIndex<T> {
  readonly byExact: ReadonlyMap<string, readonly number[]>;
  readonly byStem: ReadonlyMap<string, readonly number[]>;
  readonly phrases: readonly Phrase<T>[];
}

const indexes = new WeakMap<readonly Phrase<unknown>[], FirstWordIndex<unknown>>();

function indexOf<T>(phrases: readonly Phrase<T>[]): FirstWordIndex<T> {
  const known = indexes.get(phrases) as FirstWordIndex<T> | undefined;
  if (known) return known;
  const byExact = new Map<string, number[]>();
  const byStem = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number): void => {
    const list = map.get(key);
    if (!list) map.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  phrases.forEach((p, i) => {
    const first = p.positions[0];
    if (!first) return;
    for (const word of first.exact) add(byExact, word, i);
    for (const { stem } of first.inflected) add(byStem, stem, i);
  });
  const index = { byExact, byStem, phrases };
  indexes.set(phrases, index);
  return index;
}

/** Indexes of the phrases whose first position may match `word`, in list order. */
function candidatesAt<T>(index: FirstWordIndex<T>, word: Word): readonly number[] {
  const exact = index.byExact.get(word.lower);
  const inflected = index.byStem.get(stemOf(word.lower));
  if (!exact) return inflected ?? [];
  if (!inflected) return exact;
  return [...new Set([...exact, ...inflected])].sort((a, b) => a - b);
}

/**
 * Every non-overlapping occurrence, left to right; where several phrases start at the same word,
 * the longest wins ("including but not limited to" over "including"), the first listed among
 * equals. Linear in the text for a fixed phrase list: each word is tried only against the phrases
 * that can start with it.
 */
export function findPhrases<T>(text: string, words: readonly Word[], phrases: readonly Phrase<T>[]): PhraseMatch<T>[] {
  const index = indexOf(phrases);
  const found: PhraseMatch<T>[] = [];
  for (let i = 0; i < words.length;) {
    let best: PhraseMatch<T> | undefined;
    const firstWord = words[i];
    for (const candidate of firstWord ? candidatesAt(index, firstWord) : []) {
      const p = phrases[candidate];
      if (!p) continue;
      const last = i + p.positions.length - 1;
      if (last >= words.length) continue;
      let ok = true;
      for (let k = 0; k < p.positions.length && ok; k++) {
        const word = words[i + k];
        const position = p.positions[k];
        if (!word || !position || !matches(position, word)) ok = false;
        else if (k > 0 && !joined(text, words[i + k - 1]?.end ?? 0, word.start)) ok = false;
      }
      if (!ok) continue;
      const start = words[i]?.start ?? 0;
      const end = words[last]?.end ?? start;
      if (!best || end > best.end) best = { start, end, first: i, last, value: p.value };
    }
    if (best) {
      found.push(best);
      i = best.last + 1;
    } else i++;
  }
  return found;
}
