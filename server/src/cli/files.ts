// Which files to lint: explicit files, folders (searched recursively for scope files) and globs
// (matched with minimatch while walking only below the glob's literal prefix).
import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Minimatch } from 'minimatch';
import { kindOf } from '../userFile';
import type { IgnoreFilter } from './ignore';
import { describeIoError, notRegular } from './lint';

/** A file or pattern that cannot be used: one line on stderr, exit code 2. */
export class InputError extends Error {}

const scopeFilePattern = /\.scope\.ya?ml$/;
/** Never searched when walking: tools' folders, not project content. */
const skippedFolders = new Set(['node_modules', '.git', '.hg', '.svn']);
const globCharacters = /[*?[\]{}]/;

/** A path to lint, or a file or folder that cannot be read (`unreadable` says why: exit code 2). */
export interface FoundPath {
  readonly path: string;
  readonly unreadable?: string;
}

/** Nothing is ignored. */
const noIgnores = (): IgnoreFilter => () => false;

/**
 * Absolute paths, each once, in the order given (folder contents sorted). Throws InputError.
 * `ignoresFor(root)` says which paths a search from `root` skips (.gitignore, `ignore:`); a file
 * named as such is always listed.
 */
export function discoverFiles(
  patterns: readonly string[],
  cwd: string,
  ignoresFor: (walkRoot: string) => IgnoreFilter = noIgnores,
): FoundPath[] {
  const found = new Map<string, FoundPath>();
  const add = (entry: FoundPath): void => {
    if (!found.has(entry.path)) found.set(entry.path, entry);
  };
  for (const pattern of patterns) {
    const literal = resolve(cwd, pattern);
    const stat = statOrUndefined(literal);
    if (stat?.isFile()) {
      add({ path: literal });
    } else if (stat?.isDirectory()) {
      const inFolder: FoundPath[] = [];
      const skipped = walk(literal, (file) => scopeFilePattern.test(file), inFolder, ignoresFor(literal));
      if (inFolder.length === 0)
        throw new InputError(
          `No *.scope.yaml files in "${pattern}"${skipped ? ' that .gitignore or the ignore: list of .scope-lint.yaml leaves in' : ''}.`,
        );
      for (const entry of inFolder) add(entry);
    } else if (stat) {
      // Named on the command line, so reported, never skipped: a FIFO or device is not read.
      add({ path: literal, unreadable: notRegular(kindOf(stat)) });
    } else if (globCharacters.test(pattern)) {
      const { out: matches, skipped } = glob(pattern, cwd, ignoresFor);
      if (matches.length === 0)
        throw new InputError(
          `No files match "${pattern}"${skipped ? ' that .gitignore or the ignore: list of .scope-lint.yaml leaves in' : ''}.`,
        );
      for (const entry of matches) add(entry);
    } else {
      throw new InputError(`Cannot read "${pattern}": no such file or folder.`);
    }
  }
  return [...found.values()];
}

function glob(pattern: string, cwd: string, ignoresFor: (walkRoot: string) => IgnoreFilter): { out: FoundPath[]; skipped: boolean } {
  const posixPattern = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  const matcher = new Minimatch(posixPattern, { dot: false, nocomment: true, nonegate: true });
  const segments = posixPattern.split('/');
  const literalSegments: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (globCharacters.test(segment)) break;
    literalSegments.push(segment);
  }
  const absolutePattern = isAbsolute(posixPattern);
  const base = absolutePattern ? literalSegments.join('/') || '/' : resolve(cwd, literalSegments.join('/') || '.');
  const out: FoundPath[] = [];
  if (!statOrUndefined(base)?.isDirectory()) return { out, skipped: false };
  const skipped = walk(
    base,
    (file) => {
      const candidate = absolutePattern ? file.split(sep).join('/') : relative(cwd, file).split(sep).join('/');
      return matcher.match(candidate);
    },
    out,
    ignoresFor(base),
  );
  return { out, skipped };
}

/**
 * Depth-first with an explicit stack (no recursion limit); symlinked folders are visited once.
 * A matching name that is not a regular file (a FIFO, a device, a symlink to one) is listed as
 * unreadable, never opened: reading /dev/zero never ends, and opening a FIFO waits for a writer.
 */
function walk(root: string, accept: (file: string) => boolean, out: FoundPath[], isIgnored: IgnoreFilter): boolean {
  let skipped = false;
  const visited = new Set<string>();
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (error) {
      out.push({ path: dir, unreadable: describeIoError(error) });
      continue;
    }
    if (visited.has(real)) continue;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if (dir === root) throw new InputError(`Cannot read "${root}": ${describeIoError(error)}.`);
      // Never skipped in silence: files in it could hold the risks, so the run must not pass.
      out.push({ path: dir, unreadable: describeIoError(error) });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subfolders: string[] = [];
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const target = entry.isSymbolicLink() ? statOrUndefined(path) : undefined;
      if (entry.isDirectory() || target?.isDirectory()) {
        if (skippedFolders.has(entry.name)) continue;
        if (isIgnored(path, true)) skipped = true;
        else subfolders.push(path);
      } else if (accept(path)) {
        if (isIgnored(path, false)) {
          skipped = true;
          continue;
        }
        // A symlink that cannot be followed is opened like a file, so its error is the real one.
        if (entry.isFile() || (entry.isSymbolicLink() && !target) || target?.isFile()) out.push({ path });
        else out.push({ path, unreadable: notRegular(target ? kindOf(target) : kindOfEntry(entry)) });
      }
    }
    // Reversed so the stack pops them in name order.
    for (let i = subfolders.length - 1; i >= 0; i--) stack.push(subfolders[i] as string);
  }
  return skipped;
}

function kindOfEntry(entry: Dirent): string {
  if (entry.isFIFO()) return 'a FIFO (named pipe)';
  if (entry.isCharacterDevice()) return 'a character device';
  if (entry.isBlockDevice()) return 'a block device';
  if (entry.isSocket()) return 'a socket';
  return 'a special file';
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
