// Loads a bundle with V8's code cache, so a process that starts often (the language server, its
// validation workers, scope-lint) does not compile the same megabyte of JavaScript every time.
//
// The first start compiles as usual and, once its start-up code has run, writes V8's cached data
// for the bundle to the user's own cache folder; later starts hand it back to V8, which checks it
// against the source, its own version and flags, and compiles afresh if anything differs. Nothing
// else depends on it: a missing, stale, corrupt or unwritable cache only means a slower start.
//
// Node 22 has this built in (module.enableCompileCache): there it is used instead.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { isMainThread, threadId } from 'node:worker_threads';

/** How long after start the cache is written: start-up and the first check have compiled most of what later starts need. */
const writeAfterMs = 1_000;
/** A cache file larger than this is not read (a bundle's is about its own size). */
const maxCacheBytes = 64 * 1024 * 1024;

interface NodeModuleInternals {
  _nodeModulePaths(from: string): string[];
  wrap(source: string): string;
  enableCompileCache?: (directory?: string) => unknown;
}

/**
 * The folder for the cache: `SCOPE_COMPILE_CACHE_DIR`, else the user's cache folder (never a
 * shared temporary folder, where another user could leave code for this process to run);
 * undefined when `SCOPE_COMPILE_CACHE_DIR` is `off`.
 */
export function compileCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const chosen = env.SCOPE_COMPILE_CACHE_DIR;
  if (chosen === 'off' || chosen === '0') return undefined;
  if (chosen) return chosen;
  const base =
    platform === 'win32'
      ? (env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'))
      : platform === 'darwin'
        ? join(homedir(), 'Library', 'Caches')
        : (env.XDG_CACHE_HOME ?? join(homedir(), '.cache'));
  return join(base, 'scope-yaml', 'compile-cache');
}

/** The cache file for this bundle under this V8: a changed bundle or Node gets a new file. */
export function cacheFileFor(directory: string, file: string, size: number, mtimeMs: number): string {
  const key = [file, size, mtimeMs, process.versions.v8, process.arch, process.execArgv.join(' ')].join('\0');
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 20);
  return join(directory, `${basename(file, '.js')}-${hash}.bin`);
}

/** Runs the CommonJS bundle `file` as `require(file)` would, with V8's code cache when it can. */
export function requireWithCompileCache(file: string): void {
  const internals = Module as unknown as NodeModuleInternals;
  const directory = compileCacheDir();
  if (!directory) {
    Module.createRequire(file)(file);
    return;
  }
  if (typeof internals.enableCompileCache === 'function') {
    try {
      internals.enableCompileCache(directory);
    } catch {
      // A slower start only.
    }
    Module.createRequire(file)(file);
    return;
  }
  let script: Script;
  let cacheFile: string;
  let hadCache: boolean;
  let module: Module;
  let run: (...args: unknown[]) => unknown;
  try {
    const stat = statSync(file);
    cacheFile = cacheFileFor(directory, file, stat.size, stat.mtimeMs);
    let cachedData: Buffer | undefined;
    try {
      if (statSync(cacheFile).size <= maxCacheBytes) cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
    let source = readFileSync(file, 'utf8');
    // A #! line is not JavaScript; Node's loader blanks it the same way (keeping the columns).
    if (source.startsWith('#!')) source = `//${source.slice(2)}`;
    script = new Script(internals.wrap(source), { filename: file, cachedData });
    hadCache = cachedData !== undefined && !script.cachedDataRejected;
    module = new Module(file, require.main ?? undefined);
    module.filename = file;
    module.paths = internals._nodeModulePaths(dirname(file));
    run = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
  } catch {
    // Nothing of the bundle has run yet: load it the ordinary way.
    Module.createRequire(file)(file);
    return;
  }
  if (!hadCache) {
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      writeCache(script, cacheFile);
    };
    setTimeout(write, writeAfterMs).unref();
    // A short run (scope-lint on a few files) writes it as it exits.
    if (isMainThread) process.once('exit', write);
  }
  require.cache[file] = module;
  run.call(module.exports, module.exports, Module.createRequire(file), module, file, dirname(file));
  module.loaded = true;
}

function writeCache(script: Script, cacheFile: string): void {
  try {
    const data = script.createCachedData();
    mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
    // Written whole, then renamed: a process starting meanwhile reads the old file or none.
    const partial = `${cacheFile}.${process.pid}-${threadId}.tmp`;
    writeFileSync(partial, data, { mode: 0o600 });
    renameSync(partial, cacheFile);
    pruneOldCaches(cacheFile);
  } catch {
    // A slower start next time only.
  }
}

/** Caches kept per bundle (other Node versions or flags, earlier builds), newest first; older ones are removed. */
const keptPerBundle = 3;

/** Removes all but the newest few cache files of the same bundle: each build or Node update makes a new one. */
function pruneOldCaches(cacheFile: string): void {
  const directory = dirname(cacheFile);
  const prefix = `${basename(cacheFile).replace(/-[0-9a-f]+\.bin$/, '')}-`;
  const files = readdirSync(directory)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.bin'))
    .map((name) => {
      const path = join(directory, name);
      return { path, mtimeMs: statSync(path).mtimeMs };
    })
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const old of files.slice(keptPerBundle)) if (old.path !== cacheFile) rmSync(old.path, { force: true });
}
