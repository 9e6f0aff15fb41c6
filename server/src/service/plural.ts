// A counted word in a message: "1 day", "2 days", "1 business day". The one helper every count
// goes through, so a count of 1 never reads "1 days" (test/unit/plural.test.ts renders each with 1 and 2).

/** `n` and the word, singular for exactly 1 (and -1), else `many` (the word + "s" unless given). */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${Math.abs(n) === 1 ? word : many}`;
}
