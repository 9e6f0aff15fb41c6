// Which files to lint: explicit files, folders (searched recursively for scope files) and globs
// (matched with minimatch while walking only below the glob's literal prefix).
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Minimatch } from 'minimatch';
import { describeIoError } from './lint';

/** A file or pattern that cannot be used: one line on stderr, exit code 2. */
export class InputError extends Error {}

const scopeFilePattern = /\.scope\.ya?ml$/;
/** Never searched when walking: tools' folders, not project content. */
const skippedFolders = new Set(['node_modules', '.git', '.hg', '.svn']);
const globCharacters = /[*?[\]{}]/;

/** Absolute paths, each once, in the order given (folder contents sorted). Throws InputError. */
export function discoverFiles(patterns: readonly string[], cwd: string): string[] {
  const found = new Set<string>();
  for (const pattern of patterns) {
    const literal = resolve(cwd, pattern);
    const stat = statOrUndefined(literal);
    if (stat?.isFile()) {
      found.add(literal);
    } else if (stat?.isDirectory()) {
      const inFolder = new Set<string>();
      walk(literal, (file) => scopeFilePattern.test(file), inFolder);
      if (inFolder.size === 0) throw new InputError(`No *.scope.yaml files in "${pattern}".`);
      for (const file of inFolder) found.add(file);
    } else if (globCharacters.test(pattern)) {
      const matches = glob(pattern, cwd);
      if (matches.length === 0) throw new InputError(`No files match "${pattern}".`);
      for (const file of matches) found.add(file);
    } else {
      throw new InputError(`Cannot read "${pattern}": no such file or folder.`);
    }
  }
  return [...found];
}

function glob(pattern: string, cwd: string): string[] {
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
  const out = new Set<string>();
  if (!statOrUndefined(base)?.isDirectory()) return [];
  walk(
    base,
    (file) => {
      const candidate = absolutePattern ? file.split(sep).join('/') : relative(cwd, file).split(sep).join('/');
      return matcher.match(candidate);
    },
    out,
  );
  return [...out];
}

/** Depth-first with an explicit stack (no recursion limit); symlinked folders are visited once. */
function walk(root: string, accept: (file: string) => boolean, out: Set<string>): void {
  const visited = new Set<string>();
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      continue;
    }
    if (visited.has(real)) continue;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if (dir === root) throw new InputError(`Cannot read "${root}": ${describeIoError(error)}.`);
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subfolders: string[] = [];
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && !!statOrUndefined(path)?.isDirectory());
      if (isDir) {
        if (!skippedFolders.has(entry.name)) subfolders.push(path);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && accept(path)) {
        out.add(path);
      }
    }
    // Reversed so the stack pops them in name order.
    for (let i = subfolders.length - 1; i >= 0; i--) stack.push(subfolders[i] as string);
  }
}

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
