// `npm start`: the one-command demo. Builds and packages the extension, installs it into a real
// VS Code (code-server, installed and cached by scripts/e2e/install.sh), opens examples/ and
// prints the URL. Ctrl+C stops code-server and everything it started.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BASE_SETTINGS, REPO_ROOT, codeServerBin, codeServerServeArgs, freePort, packageVsix, waitFor } from '../test/e2e/harness.mjs';

const step = (text) => console.log(`\x1b[1m>\x1b[0m ${text}`);

step('Building (production bundle)');
execFileSync(process.execPath, [path.join(REPO_ROOT, 'esbuild.mjs'), '--production'], { cwd: REPO_ROOT, stdio: 'inherit' });

step('Installing code-server and Chromium dependencies if missing (cached outside the checkout)');
execFileSync('bash', [path.join(REPO_ROOT, 'scripts', 'e2e', 'install.sh')], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

const version = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version;
const vsix = path.join(REPO_ROOT, `scope-yaml-${version}.vsix`);
step(`Packaging ${path.basename(vsix)}`);
await packageVsix(REPO_ROOT, vsix);

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-yaml-demo-'));
const userData = path.join(home, 'user-data');
const extensions = path.join(home, 'extensions');
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, 'editor.hover.sticky': true }, null, 2));
fs.writeFileSync(path.join(home, 'config.yaml'), 'auth: none\ncert: false\n');
const bin = codeServerBin();

step('Installing the extension into code-server');
execFileSync(bin, ['--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix], {
  stdio: ['ignore', 'ignore', 'inherit'],
});

const port = Number(process.env.PORT) || (await freePort());
const examples = path.join(REPO_ROOT, 'examples');
step(`Starting code-server on 127.0.0.1:${port}`);
const server = spawn(
  bin,
  [...codeServerServeArgs(path.join(home, 'config.yaml'), port), '--user-data-dir', userData, '--extensions-dir', extensions, examples],
  { detached: true, stdio: 'ignore' },
);
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGKILL');
  } catch {
    // already gone
  }
};
process.on('exit', stop);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => process.exit(0));

await waitFor(
  async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
    return res?.ok;
  },
  { timeout: 60_000, what: 'code-server to answer /healthz' },
);

const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(examples)}`;
console.log(
  `\nScope YAML is running in VS Code at:\n\n  ${url}\n\nOpen crm-integration.scope.yaml for the risky example (44 findings). Press Ctrl+C to stop.`,
);
if (process.env.SCOPE_DEMO_EXIT_WHEN_READY) process.exit(0);
await new Promise(() => {});
