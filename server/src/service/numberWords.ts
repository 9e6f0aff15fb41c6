// Numbers written as words: one list of English number words and their values for every rule that
// reads an amount written out ("thirty percent", "every two weeks", "a team of four engineers",
// "five business days"). The rules build their patterns from these lists, so they all know the
// same words, and read the value of what they matched with the same functions.

const unitValues: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const teenValues: Readonly<Record<string, number>> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const tensValues: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const ordinalValues: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
};
/** "once a week", "twice a month", "thrice yearly". */
const timesValues: Readonly<Record<string, number>> = { once: 1, twice: 2, thrice: 3 };

/** `one` … `nine`. */
export const unitWords: readonly string[] = Object.keys(unitValues);
/** `twenty` … `ninety`. */
export const tensWords: readonly string[] = Object.keys(tensValues);

const singleValues: Readonly<Record<string, number>> = { ...unitValues, ...teenValues, ...tensValues };

/** A value of the record's own keys only: "constructor" or "toString" is no number word. */
function own(record: Readonly<Record<string, number>>, key: string | undefined): number | undefined {
  return key !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** The cardinal number words of one word, from `one` up to `max` (at most `ninety`), in order of value. */
export function cardinalWords(max: number): readonly string[] {
  return Object.entries(singleValues)
    .filter(([, value]) => value <= max)
    .sort((a, b) => a[1] - b[1])
    .map(([word]) => word);
}

/** A regular-expression alternation of words (no group), longest first so that `sixty` is tried before `six`. */
export function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).join('|');
}

/**
 * The value of a cardinal number written in words, up to a hundred: `seven`, `fifteen`,
 * `twenty-five`, `twenty five`, `a hundred`, `one hundred`, `hundred`. Case-insensitive;
 * undefined for anything else.
 */
export function cardinalValue(text: string): number | undefined {
  const words = text
    .trim()
    .toLowerCase()
    .split(/[\s-]+/);
  if (words.length === 1 && words[0] === 'hundred') return 100;
  if (words.length === 2 && (words[0] === 'a' || words[0] === 'one') && words[1] === 'hundred') return 100;
  const [first, second] = words;
  if (words.length === 1) return own(singleValues, first);
  if (words.length === 2) {
    const tens = own(tensValues, first);
    const unit = own(unitValues, second);
    if (tens !== undefined && unit !== undefined) return tens + unit;
  }
  return undefined;
}

/** The value of an ordinal word (`second` is 2, `twelfth` 12), case-insensitive. */
export function ordinalValue(word: string): number | undefined {
  return own(ordinalValues, word.trim().toLowerCase());
}

/** How many times `once`, `twice` or `thrice` says, case-insensitive. */
export function timesValue(word: string): number | undefined {
  return own(timesValues, word.trim().toLowerCase());
}
