// Which paths a folder or glob search skips: what `.gitignore` files ignore (from the repository
// root down to the folder, as git reads them) and the `ignore:` list of the `.scope-lint.yaml` that
// applies, relative to that file's folder. Matching is the `ignore` package's, which follows git's
// rules (negation, anchoring, `dir/`). A file named on the command line is never skipped.
import { dirname, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { findConfigFile, isRepositoryRoot, loadConfig, type LoadedConfig } from '../config';
import { readUserFile } from '../userFile';

/** A .gitignore is a few KB; a bigger one is read no further than this. */
const maxGitignoreBytes = 1024 * 1024;

export type IgnoreFilter = (path: string, isDir: boolean) => boolean;

/**
 * `configFor(dir)`: the config that applies to files in `dir`, if any. `walkRoot`: where a search
 * starts, the top `.gitignore` read when the folder is not in a git repository.
 */
export function createIgnoreFilter(configFor: (dir: string) => LoadedConfig | undefined): (walkRoot: string) => IgnoreFilter {
  const gitignores = new Map<string, Ignore | null>();
  const repoRoots = new Map<string, string | null>();
  const configMatchers = new Map<string, { base: string; matcher: Ignore } | null>();

  const gitignoreIn = (dir: string): Ignore | null => {
    let known = gitignores.get(dir);
    if (known === undefined) {
      const read = readUserFile(`${dir}${sep}.gitignore`, maxGitignoreBytes);
      // An unreadable .gitignore hides nothing: checking a file too many is the safe side.
      known = read.ok || read.reason === 'too-large' ? ignore().add(read.ok ? read.bytes.toString('utf8') : '') : null;
      gitignores.set(dir, known);
    }
    return known;
  };

  const repoRootOf = (dir: string): string | null => {
    const known = repoRoots.get(dir);
    if (known !== undefined) return known;
    const parent = dirname(dir);
    const root = isRepositoryRoot(dir) ? dir : parent === dir ? null : repoRootOf(parent);
    repoRoots.set(dir, root);
    return root;
  };

  const configMatcherFor = (dir: string): { base: string; matcher: Ignore } | null => {
    let known = configMatchers.get(dir);
    if (known === undefined) {
      const config = configFor(dir);
      known = config?.ignore?.length ? { base: dirname(config.path), matcher: ignore().add([...config.ignore]) } : null;
      configMatchers.set(dir, known);
    }
    return known;
  };

  return (walkRoot) => (path, isDir) => {
    const dir = dirname(path);
    const config = configMatcherFor(dir);
    if (config && matches(config.matcher, config.base, path, isDir)) return true;
    // .gitignore files from the repository root (else the search's root) down to the folder;
    // a deeper file's `!pattern` can take back what a higher one ignores, as in git.
    const top = repoRootOf(dir) ?? walkRoot;
    const levels: string[] = [];
    for (let d = dir; ; d = dirname(d)) {
      levels.unshift(d);
      if (d === top || dirname(d) === d) break;
    }
    if (levels[0] !== top) return false;
    let ignored = false;
    for (const level of levels) {
      const matcher = gitignoreIn(level);
      if (!matcher) continue;
      const result = matcher.test(posixRelative(level, path) + (isDir ? '/' : ''));
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  };
}

function matches(matcher: Ignore, base: string, path: string, isDir: boolean): boolean {
  const rel = posixRelative(base, path);
  if (rel === '' || rel.startsWith('../') || rel === '..' || /^[a-zA-Z]:/.test(rel) || rel.startsWith('/')) return false;
  return matcher.ignores(rel + (isDir ? '/' : ''));
}

function posixRelative(from: string, to: string): string {
  return relative(from, to).split(sep).join('/');
}

/** The config for files in a folder as the CLI finds it: `--config`, else the nearest one (cached). */
export function configLookup(configPath: string | undefined, cwd: string): (dir: string) => LoadedConfig | undefined {
  const explicit = configPath === undefined ? undefined : loadConfig(resolve(cwd, configPath));
  const loaded = new Map<string, LoadedConfig>();
  return (dir) => {
    if (explicit) return explicit;
    const path = findConfigFile(dir, isRepositoryRoot);
    if (path === undefined) return undefined;
    let config = loaded.get(path);
    if (!config) loaded.set(path, (config = loadConfig(path)));
    return config;
  };
}
