/** A bounded memo for fragment parses: rules send the same skeletons on every keystroke. */
export class Memo<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly max: number) {}

  get(key: string, make: () => V): V {
    if (this.map.has(key)) return this.map.get(key) as V;
    const value = make();
    if (this.map.size >= this.max) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
    this.map.set(key, value);
    return value;
  }
}
