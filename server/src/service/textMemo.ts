// Answers about a piece of prose, remembered across checks. The editor checks the same document
// after every keystroke, and all but one of its texts are unchanged: reading each again with the
// word lists (vague terms, opinions, quantities) was a third of a check on a long file. The memo
// is bounded by entries and by characters, and starts again when either is reached.

export class TextMemo<T> {
  private readonly answers = new Map<string, T>();
  private chars = 0;

  constructor(
    private readonly maxEntries = 20_000,
    private readonly maxChars = 4_000_000,
  ) {}

  /** The answer for `key`, computed by `compute` the first time it is asked. */
  get(key: string, compute: () => T): T {
    const known = this.answers.get(key);
    if (known !== undefined || this.answers.has(key)) return known as T;
    const answer = compute();
    if (this.answers.size >= this.maxEntries || this.chars + key.length > this.maxChars) {
      this.answers.clear();
      this.chars = 0;
    }
    this.answers.set(key, answer);
    this.chars += key.length;
    return answer;
  }
}
