// V8's code cache for the bundles (server/src/compileCache.ts), through the real bins: the first
// run writes the cache in the folder it is given, later runs read it and behave the same, and a
// corrupt, foreign or unwritable cache changes nothing a user sees.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { compileCacheDir } from '../../server/src/compileCache';
import { cliEnv, cliPath } from '../support/cli';
import { fixturesDir, repoRoot } from '../support/paths';
import { LspClient } from '../support/lspClient';

const risky = join(fixturesDir, 'golden', 'risky.scope.yaml');

function lint(cacheDir: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [cliPath, '-f', 'json', risky], {
    cwd: repoRoot,
    env: cliEnv({ SCOPE_COMPILE_CACHE_DIR: cacheDir }),
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const cacheFiles = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.bin')) : []);
/** The bundles that have a cache file in `dir`, sorted. */
const cacheNames = (dir: string): string[] =>
  cacheFiles(dir)
    .map((f) => f.replace(/-[0-9a-f]+\.bin$/, ''))
    .sort();

describe('V8 code cache for the bundles', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'scope-compile-cache-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('scope-lint writes the cache on its first run and gives the same output from it', () => {
    const cache = join(dir, 'cli');
    const without = lint('off');
    const first = lint(cache);
    assert.deepEqual(cacheNames(cache), ['cli.bundle']);
    const second = lint(cache);
    assert.equal(without.status, 1, without.stderr);
    for (const run of [first, second]) {
      assert.equal(run.status, without.status, run.stderr);
      assert.equal(run.stdout, without.stdout);
      assert.equal(run.stderr, without.stderr);
    }
  });

  it('a corrupt cache file is ignored (and replaced): same output, exit 1', () => {
    const cache = join(dir, 'corrupt');
    const expected = lint('off');
    lint(cache);
    const [file] = cacheFiles(cache);
    assert.ok(file, 'the first run wrote a cache');
    writeFileSync(join(cache, file), Buffer.from('not V8 cached data at all, just garbage '.repeat(500)));
    const run = lint(cache);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stdout, expected.stdout);
    assert.equal(run.stderr, '');
  });

  it('a cache path that is a file, not a folder, changes nothing', () => {
    const notAFolder = join(dir, 'file');
    writeFileSync(notAFolder, 'x');
    const expected = lint('off');
    const run = lint(join(notAFolder, 'cache'));
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stdout, expected.stdout);
    assert.equal(run.stderr, '');
  });

  it('the language server and its validation worker write their caches while running, and start from them', async () => {
    const cache = join(dir, 'server');
    const uri = pathToFileURL(risky).href;
    const findings = async (waitForCaches: boolean): Promise<string[]> => {
      const client = await LspClient.start({ env: { ...process.env, SCOPE_COMPILE_CACHE_DIR: cache } });
      try {
        await client.open(uri, readFileSync(risky, 'utf8'));
        const diagnostics = await client.diagnostics(uri);
        // A small file is checked on the main thread; one over 32 KB starts a validation worker.
        const large = `${uri.replace(/\.scope\.yaml$/, '')}-large.scope.yaml`;
        await client.open(large, `${readFileSync(risky, 'utf8')}\n${'# padding line for the worker\n'.repeat(1_200)}`);
        await client.diagnostics(large, 1, 30_000);
        // Written a few seconds after start, while the server runs (not only when it exits).
        for (const deadline = Date.now() + 20_000; waitForCaches && cacheNames(cache).length < 2;) {
          assert.ok(Date.now() < deadline, `caches written: ${cacheNames(cache).join(', ')}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return diagnostics
          .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)}`)
          .sort();
      } finally {
        await client.stop();
      }
    };
    const first = await findings(true);
    assert.deepEqual(cacheNames(cache), ['server.bundle', 'worker.bundle']);
    const second = await findings(false);
    assert.ok(first.length > 10, first.join('\n'));
    assert.deepEqual(second, first);
  });

  it('the folder: SCOPE_COMPILE_CACHE_DIR, off, else the user cache folder of each platform (never a shared temporary folder)', () => {
    assert.equal(compileCacheDir({ SCOPE_COMPILE_CACHE_DIR: '/x/y' }, 'linux'), '/x/y');
    assert.equal(compileCacheDir({ SCOPE_COMPILE_CACHE_DIR: 'off' }, 'linux'), undefined);
    assert.equal(compileCacheDir({ XDG_CACHE_HOME: '/home/u/.c' }, 'linux'), join('/home/u/.c', 'scope-yaml', 'compile-cache'));
    assert.equal(
      compileCacheDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32'),
      join('C:\\Users\\u\\AppData\\Local', 'scope-yaml', 'compile-cache'),
    );
    assert.match(compileCacheDir({}, 'darwin') ?? '', /Library[\\/]Caches[\\/]scope-yaml[\\/]compile-cache$/);
    assert.doesNotMatch(compileCacheDir({}, 'linux') ?? '', /^\/tmp\b/);
  });
});
