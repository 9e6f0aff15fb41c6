// Shared by the real-editor tests: the documented snippets, the engine's own findings as the oracle,
// a throwaway home with `scope-language-server` on PATH, and running an editor with a deadline.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const editorsDir = join(repoRoot, 'test', 'editors');
export const riskyFile = join(repoRoot, 'test', 'fixtures', 'golden', 'risky.scope.yaml');
const serverJs = join(repoRoot, 'dist', 'server.js');
const cliJs = join(repoRoot, 'dist', 'cli.js');

/** How long an editor may wait for diagnostics; the process itself is killed 30 s later. */
export const deadlineMs = 30_000;

/** The code block after `<!-- tested-snippet: NAME -->` in docs/editors.md: what the tests run is what users copy. */
export function snippet(name) {
  const markdown = readFileSync(join(repoRoot, 'docs', 'editors.md'), 'utf8');
  const match = new RegExp(`<!-- tested-snippet: ${name} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\\n\`\`\`\\n`).exec(markdown);
  if (!match?.[1]) throw new Error(`docs/editors.md has no code block marked <!-- tested-snippet: ${name} -->`);
  return `${match[1]}\n`;
}

/** Fails with the fix when the build is missing. */
export function requireBuild() {
  for (const file of [serverJs, cliJs]) if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build`);
}

/** Fails with the fix when the editor is missing: a skipped editor test would hide a broken set-up. */
export function requireEditor(program) {
  requireBuild();
  const found = spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' });
  if (found.status !== 0) throw new Error(`${program} is not installed: run scripts/editors/install.sh`);
}

/**
 * The engine's findings for a file, from the CLI (same engine, same real "today" as the server):
 * `<line> <severity> <rule id>` rows, sorted. `rules` maps rule ids to severities, as `--rule` does.
 */
export function engineRows(file, rules = {}) {
  const args = [cliJs, '--format', 'json', ...Object.entries(rules).flatMap(([id, severity]) => ['--rule', `${id}:${severity}`]), file];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: repoRoot });
  if (run.status !== 0 && run.status !== 1) throw new Error(`scope-lint failed (${String(run.status)}): ${run.stderr}`);
  const [report] = JSON.parse(run.stdout);
  return report.messages.map((m) => `${m.line} ${m.severity} ${m.ruleId}`).sort();
}

/** `<severity> <rule id>` rows of a golden example's .expected.txt (the spec), sorted. */
export function specRows(name) {
  return readFileSync(join(repoRoot, 'test', 'fixtures', 'golden', `${name}.expected.txt`), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => line.trim().split(/\s+/).slice(0, 2).join(' '))
    .sort();
}

/**
 * A throwaway home for one editor: its own HOME and XDG folders (no user config, no state left behind)
 * and `scope-language-server` on PATH, as `npm install --global` would put it there.
 */
export function createWorkspace(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `scope-${prefix}-`));
  const bin = join(dir, 'bin');
  const home = join(dir, 'home');
  mkdirSync(bin);
  mkdirSync(home);
  const launcher = join(bin, 'scope-language-server');
  writeFileSync(launcher, `#!/bin/sh\nexec '${process.execPath}' '${serverJs}' "$@"\n`);
  chmodSync(launcher, 0o755);
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    XDG_CACHE_HOME: join(home, '.cache'),
    PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
  };
  return {
    dir,
    env,
    write: (name, text) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

let runs = 0;

/**
 * Runs an editor headless with a driver that writes JSON lines to SCOPE_OUT, and returns what it wrote,
 * split by kind. The editor gets `deadlineMs` to see diagnostics; its process group is killed 30 s after that.
 */
export function runEditor(workspace, command, args, env) {
  const out = join(workspace.dir, `out-${++runs}.jsonl`);
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: { ...workspace.env, ...env, SCOPE_FILE: riskyFile, SCOPE_OUT: out, SCOPE_DEADLINE_MS: String(deadlineMs) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, deadlineMs + 30_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const records = existsSync(out)
        ? readFileSync(out, 'utf8')
            .split('\n')
            .filter((line) => line.trim())
            .map((line) => JSON.parse(line))
        : [];
      const of = (kind) => records.filter((r) => r.kind === kind);
      const errors = of('error').map((r) => r.message);
      if (code !== 0 || errors.length > 0) {
        reject(new Error(`${command} exited with ${String(code ?? signal)}: ${errors.join('; ') || '(no driver output)'}\n${output}`));
        return;
      }
      // Errors and warnings only: the server now logs its start-up and which config applies (information).
      resolvePromise({
        buffer: of('buffer')[0],
        diagnostics: of('diagnostic'),
        logs: of('log').filter((l) => l.type === undefined || l.type <= 2),
        output,
      });
    });
  });
}
