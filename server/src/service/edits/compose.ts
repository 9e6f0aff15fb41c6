// Edits made one after another on a changing text, expressed as edits of the original text.

/** An edit in offsets of one text. `text` may still hold placeholder markers. */
export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Accumulates edits made one after another on a changing text, as edits of the original text.
 * An edit that overlaps or touches an earlier one is merged with it.
 */
export class EditComposer {
  private edits: OffsetEdit[] = [];
  text: string;

  constructor(readonly original: string) {
    this.text = original;
  }

  /** Applies an edit given in offsets of the current `text`. */
  apply(edit: OffsetEdit): void {
    const { start: cs, end: ce } = edit;
    let delta = 0;
    const spans = this.edits.map((e) => {
      const ts = e.start + delta;
      delta += e.text.length - (e.end - e.start);
      return { e, ts, te: ts + e.text.length };
    });
    const toOriginal = (t: number): number => {
      let d = 0;
      for (const s of spans) if (s.te <= t) d += s.e.text.length - (s.e.end - s.e.start);
      return t - d;
    };
    const touching = spans.filter((s) => s.ts <= ce && s.te >= cs);
    const first = touching[0];
    const last = touching[touching.length - 1];
    let merged: OffsetEdit;
    if (!first || !last) {
      merged = { start: toOriginal(cs), end: toOriginal(ce), text: edit.text };
    } else {
      const a = Math.min(cs, first.ts);
      const b = Math.max(ce, last.te);
      merged = {
        start: a === first.ts ? first.e.start : toOriginal(a),
        end: b === last.te ? last.e.end : toOriginal(b),
        text: this.text.slice(a, cs) + edit.text + this.text.slice(ce, b),
      };
    }
    const kept = this.edits.filter((e) => !touching.some((s) => s.e === e));
    kept.push(merged);
    kept.sort((x, y) => x.start - y.start);
    this.edits = kept;
    this.text = this.text.slice(0, cs) + edit.text + this.text.slice(ce);
  }

  /**
   * The accumulated edits in original offsets. They are not trimmed to the characters that
   * differ: an edit covers the nodes its op names, which reads better in a preview and keeps
   * tokens whole (`time_and_materials` -> `capped_time_and_materials`, not an inserted `capped_`).
   */
  result(): OffsetEdit[] {
    return this.edits.filter((e) => this.original.slice(e.start, e.end) !== e.text);
  }
}
