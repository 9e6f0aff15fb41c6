// `npm start`: the one-command demo. Builds and packages the extension, installs it into a real
// VS Code (code-server, installed and cached by scripts/e2e/install.sh), and prints the URL of a
// workbench with the risky example open in the editor. Everything lives in one temporary folder
// (a copy of examples/, so the demo never edits the checkout, and outside any Git repository, so
// no Git prompt greets you); Ctrl+C (or SIGTERM) stops code-server and everything it started and
// removes that folder.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BASE_SETTINGS,
  REPO_ROOT,
  codeServerBin,
  codeServerServeArgs,
  freePort,
  killGroup,
  packageVsix,
  remoteUri,
  stopGroup,
  waitFor,
} from '../test/e2e/harness.mjs';

/** The example the README names: the risky scope, opened in the editor. */
const EXAMPLE = 'crm-integration.scope.yaml';

const step = (text) => console.log(`\x1b[1m>\x1b[0m ${text}`);

// SCOPE_DEMO_VSIX=<path>: run that package instead of building and packaging the checkout (the e2e test of this script).
const prebuilt = process.env.SCOPE_DEMO_VSIX ? path.resolve(process.env.SCOPE_DEMO_VSIX) : undefined;
if (!prebuilt) {
  step('Building (production bundle)');
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'esbuild.mjs'), '--production'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

step('Installing code-server and Chromium dependencies if missing (cached outside the checkout)');
execFileSync('bash', [path.join(REPO_ROOT, 'scripts', 'e2e', 'install.sh')], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'scope-yaml-demo-'));
let server;
let stopping = false;

/** Stops code-server's process group (SIGTERM, then SIGKILL) and removes the temporary folder. */
async function stop() {
  if (stopping) return;
  stopping = true;
  if (server?.pid) await stopGroup(server.pid);
  fs.rmSync(home, { recursive: true, force: true, maxRetries: 5 });
}
// Any other way out (an error, process.exit): the same, synchronously.
process.on('exit', () => {
  if (server?.pid) killGroup(server.pid, 'SIGKILL');
  fs.rmSync(home, { recursive: true, force: true, maxRetries: 5 });
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    console.log(`\nStopping code-server and removing ${home}`);
    void stop().finally(() => process.exit(0));
  });
}

let vsix = prebuilt;
if (!vsix) {
  const version = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version;
  vsix = path.join(home, `scope-yaml-${version}.vsix`);
  step(`Packaging ${path.basename(vsix)}`);
  await packageVsix(REPO_ROOT, vsix);
}

const userData = path.join(home, 'user-data');
const extensions = path.join(home, 'extensions');
const examples = path.join(home, 'examples');
fs.cpSync(path.join(REPO_ROOT, 'examples'), examples, { recursive: true });
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, 'editor.hover.sticky': true }, null, 2));
fs.writeFileSync(path.join(home, 'config.yaml'), 'auth: none\ncert: false\n');
const bin = codeServerBin();

step('Installing the extension into code-server');
execFileSync(bin, ['--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix], {
  stdio: ['ignore', 'ignore', 'inherit'],
});

const port = Number(process.env.PORT) || (await freePort());
step(`Starting code-server on 127.0.0.1:${port}`);
server = spawn(
  bin,
  [...codeServerServeArgs(path.join(home, 'config.yaml'), port), '--user-data-dir', userData, '--extensions-dir', extensions, examples],
  // detached: code-server leads its own process group, which stop() ends as a whole.
  { detached: true, stdio: 'ignore' },
);

await waitFor(
  async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
    return res?.ok;
  },
  { timeout: 60_000, what: 'code-server to answer /healthz' },
);

const payload = [['openFile', remoteUri(port, path.join(examples, EXAMPLE))]];
const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(examples)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
console.log(
  [
    '',
    'Scope YAML is running in VS Code at:',
    '',
    `  ${url}`,
    '',
    `It opens ${EXAMPLE}, a risky scope: hover a wavy underline for why it is a risk, press Ctrl+. for its fixes.`,
    '"Scope: Get Started" (Command Palette, Ctrl+Shift+P) walks you through the rest.',
    `Working folder (removed when this stops): ${home}`,
    'Press Ctrl+C to stop.',
  ].join('\n'),
);
if (process.env.SCOPE_DEMO_EXIT_WHEN_READY) {
  await stop();
  process.exit(0);
}
await new Promise(() => {});
