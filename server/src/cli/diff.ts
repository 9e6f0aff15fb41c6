// `--diff`: what --fix would change, as one unified diff (git's a/ and b/ prefixes, paths relative
// to the working folder), so `git apply` or `patch -p1` can apply it. Made with jsdiff, from the
// bytes --fix would write (a BOM included), so the diff is exactly the change.
import { createTwoFilesPatch } from 'diff';
import type { FixedResult } from './fix';
import { displayPath } from './format/summary';

/** '' when nothing would change. `stdinName`: the name standard input is shown as. */
export function unifiedDiff(results: readonly FixedResult[], stdinName: string | undefined, cwd: string): string {
  const parts: string[] = [];
  for (const r of results) {
    if (!r.fix || r.fix.after === r.fix.before) continue;
    const name = (stdinName ?? displayPath(r.filePath, cwd)).replace(/^\/+/, '');
    const bom = r.fix.bom ? '\uFEFF' : '';
    const patch = createTwoFilesPatch(`a/${name}`, `b/${name}`, bom + r.fix.before, bom + r.fix.after, undefined, undefined, {
      context: 3,
    });
    // jsdiff starts each patch with a line of "=" signs that no diff tool needs.
    parts.push(patch.replace(/^=+\n/, ''));
  }
  return parts.join('');
}
