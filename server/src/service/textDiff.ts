// The smallest edits that turn one text into another: a line diff first (fast on large files, with
// a time bound), then a character diff inside each changed run of lines, so a fix that changes one
// value is one small edit and not a replaced line. Offsets are in the old text; edits do not overlap.
import { diffChars, diffLines, type Change } from 'diff';
import type { OffsetEdit } from './edits';

/** A changed run of lines longer than this is one edit: a character diff there would cost more than it saves. */
const maxCharDiffLength = 20_000;

export function minimalEdits(before: string, after: string, timeoutMs = 2_000): OffsetEdit[] {
  if (before === after) return [];
  const lines = diffLines(before, after, { timeout: timeoutMs });
  if (!lines) return [wholeChange(before, after)];
  const edits: OffsetEdit[] = [];
  let offset = 0;
  for (let i = 0; i < lines.length;) {
    const change = lines[i] as Change;
    if (!change.added && !change.removed) {
      offset += change.value.length;
      i++;
      continue;
    }
    // A run of removed and added lines: the old text it replaces and the new text.
    let removed = '';
    let added = '';
    while (i < lines.length && ((lines[i] as Change).added || (lines[i] as Change).removed)) {
      const c = lines[i] as Change;
      if (c.removed) removed += c.value;
      else added += c.value;
      i++;
    }
    edits.push(...charEdits(offset, removed, added, timeoutMs));
    offset += removed.length;
  }
  return edits;
}

function charEdits(offset: number, removed: string, added: string, timeoutMs: number): OffsetEdit[] {
  if (removed === '' || added === '' || removed.length + added.length > maxCharDiffLength)
    return [{ start: offset, end: offset + removed.length, text: added }];
  const chars = diffChars(removed, added, { timeout: timeoutMs });
  if (!chars) return [{ start: offset, end: offset + removed.length, text: added }];
  const edits: OffsetEdit[] = [];
  let at = offset;
  let open: { start: number; end: number; text: string } | undefined;
  for (const c of chars) {
    if (!c.added && !c.removed) {
      if (open) edits.push(open);
      open = undefined;
      at += c.value.length;
      continue;
    }
    open ??= { start: at, end: at, text: '' };
    if (c.removed) {
      open.end += c.value.length;
      at += c.value.length;
    } else open.text += c.value;
  }
  if (open) edits.push(open);
  return edits;
}

/** One edit over what lies between the common start and the common end. */
function wholeChange(before: string, after: string): OffsetEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end])
    end++;
  return { start, end: before.length - end, text: after.slice(start, after.length - end) };
}
