// End-to-end harness: a real VS Code workbench (code-server) driven by playwright-core
// with Debian's Chromium, fully offline. See /work/shared/e2e.md for the recipe.
//
//   import { withWorkbench } from './harness.mjs';
//   await withWorkbench({ name: 'smoke', vsix, files: { 'a.scope.yaml': text }, open: 'a.scope.yaml' },
//     async (wb) => { await wb.waitForLanguageMode('Scope YAML'); ... });
//
// Rules kept here: every wait polls against a deadline (no fixed sleeps); code-server
// runs in its own process group which is always killed (stop(), process exit, SIGINT,
// SIGTERM); on failure a screenshot, the page HTML and all code-server / extension-host
// logs are saved under test-results/e2e/<name>-failure/.

import { spawn, execFile } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS_DIR = path.resolve(process.env.SCOPE_E2E_RESULTS ?? path.join(REPO_ROOT, 'test-results', 'e2e'));
export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION ?? '4.100.3';
export const CACHE_ROOT = process.env.SCOPE_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'scope-yaml');
export const CHROMIUM = process.env.SCOPE_E2E_CHROMIUM ?? '/usr/bin/chromium';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

/** Default per-wait deadline (ms); scale with SCOPE_E2E_TIMEOUT_SCALE on slow machines. */
const SCALE = Number(process.env.SCOPE_E2E_TIMEOUT_SCALE ?? 1) || 1;
export const DEFAULT_TIMEOUT = 60_000 * SCALE;

export const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  'editor.hover.delay': 100,
  'editor.hover.sticky': true,
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'workbench.editor.enablePreview': false,
  'problems.sortOrder': 'position',
};

// ---------------------------------------------------------------------------
// small utilities

export function codeServerBin() {
  if (process.env.CODE_SERVER_BIN) return process.env.CODE_SERVER_BIN;
  return path.join(CACHE_ROOT, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', '.bin', 'code-server');
}

/** Poll `fn` until it returns a truthy value (returned) or the deadline passes (throws). */
export async function waitFor(fn, { timeout = DEFAULT_TIMEOUT, interval = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let lastErr;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      lastErr = e;
    }
    if (Date.now() > deadline) {
      const err = new Error(`Timed out after ${timeout} ms waiting for ${what}` + (lastErr ? ` (last error: ${lastErr.message})` : ''));
      if (lastErr) err.cause = lastErr;
      throw err;
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

export async function freePort() {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

function run(cmd, args, { timeout = 120_000 * SCALE, env, cwd } = {}) {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout, cwd, env: env ?? process.env, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) {
        err.message += `\n--- stdout\n${stdout}\n--- stderr\n${stderr}`;
        reject(err);
      } else resolve({ stdout, stderr });
    });
  });
}

function sanitize(name) {
  return (
    String(name)
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'run'
  );
}

// Live process groups, killed on any exit of this Node process.
const liveGroups = new Set();
/** Send `signal` to every process of group `pgid`; a group that is gone is no error. */
export function killGroup(pgid, signal = 'SIGKILL') {
  try {
    process.kill(-pgid, signal);
  } catch {
    /* already gone */
  }
}

/** Stop process group `pgid`: SIGTERM, then SIGKILL after 5 s; resolves once it is gone (or 10 s passed). */
export async function stopGroup(pgid) {
  killGroup(pgid, 'SIGTERM');
  const gone = await waitFor(() => !groupAlive(pgid), { timeout: 5000, what: 'the process group to exit' }).catch(() => false);
  if (!gone) killGroup(pgid, 'SIGKILL');
  await waitFor(() => !groupAlive(pgid), { timeout: 5000, what: 'the process group to be killed' }).catch(() => {});
}
let exitHooksInstalled = false;
function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', () => {
    for (const g of liveGroups) killGroup(g);
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      for (const g of liveGroups) killGroup(g);
      process.exit(128 + (os.constants.signals[sig] ?? 0));
    });
  }
}

/** Arguments that serve code-server on loopback, offline, with no auth, telemetry or trust prompt. */
export function codeServerServeArgs(configFile, port) {
  return [
    '--config',
    configFile,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
  ];
}

/** vscode-remote URI for an absolute path on the code-server host. */
export function remoteUri(port, absPath) {
  return `vscode-remote://127.0.0.1:${port}${absPath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/** Headless Debian Chromium with a fresh profile in `profileDir`, offline-friendly (no first-run, sync or updates). */
export function launchBrowser(profileDir, viewport = { width: 1400, height: 1000 }) {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

// ---------------------------------------------------------------------------
// Workbench

export class Workbench {
  /** Use startWorkbench(). */
  constructor(opts) {
    this.opts = opts;
    this.name = sanitize(opts.name ?? 'e2e');
    this.timeout = opts.timeout ?? DEFAULT_TIMEOUT;
    this.console = []; // { type, text, time }
    this.pageErrors = [];
    this._consoleWaiters = new Set();
    this.proc = null;
    this.pgid = null;
    this.browser = null;
    this.page = null;
    this.stopped = false;
  }

  // ----- lifecycle ---------------------------------------------------------

  async _start() {
    const o = this.opts;
    const bin = codeServerBin();
    if (!fs.existsSync(bin)) {
      throw new Error(`code-server not found at ${bin}; run scripts/e2e/install.sh first`);
    }
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}; run scripts/e2e/install.sh first`);
    }
    this.tmp = await fsp.mkdtemp(path.join(os.tmpdir(), `scope-e2e-${this.name}-`));
    this.userDataDir = path.join(this.tmp, 'user-data');
    this.extensionsDir = path.join(this.tmp, 'extensions');
    this.profileDir = path.join(this.tmp, 'chromium-profile');
    this.configFile = path.join(this.tmp, 'code-server.yaml');
    this.serverLog = path.join(this.tmp, 'code-server.log');
    await fsp.mkdir(path.join(this.userDataDir, 'User'), { recursive: true });
    await fsp.mkdir(this.extensionsDir, { recursive: true });
    await fsp.writeFile(this.configFile, 'auth: none\ncert: false\n');
    await fsp.writeFile(
      path.join(this.userDataDir, 'User', 'settings.json'),
      JSON.stringify({ ...BASE_SETTINGS, ...(o.settings ?? {}) }, null, 2),
    );

    // Workspace: an explicit folder, or a fresh temp folder filled from `files`.
    if (o.folder) {
      this.folder = path.resolve(o.folder);
    } else {
      this.folder = path.join(this.tmp, 'workspace');
      await fsp.mkdir(this.folder, { recursive: true });
    }
    if (o.copy) await fsp.cp(path.resolve(o.copy), this.folder, { recursive: true });
    for (const [rel, content] of Object.entries(o.files ?? {})) {
      const dest = path.join(this.folder, rel);
      await fsp.mkdir(path.dirname(dest), { recursive: true });
      await fsp.writeFile(dest, content);
    }

    const common = ['--user-data-dir', this.userDataDir, '--extensions-dir', this.extensionsDir];
    const env = { ...process.env, ...(o.env ?? {}), CODE_SERVER_CONFIG: this.configFile };
    delete env.VSCODE_IPC_HOOK_CLI; // never talk to an outer VS Code
    for (const vsix of [].concat(o.vsix ?? [])) {
      await run(bin, ['--config', this.configFile, ...common, '--install-extension', path.resolve(vsix)], { env });
    }

    this.port = o.port ?? (await freePort());
    const args = [...codeServerServeArgs(this.configFile, this.port), ...common, ...(o.codeServerArgs ?? []), this.folder];
    installExitHooks();
    const logFd = fs.openSync(this.serverLog, 'a');
    // detached: true makes the child call setsid(2): it leads a new session and process
    // group (pgid == pid), so `kill -- -pid` stops code-server and everything it spawned
    // (extension host, language server, ...).
    this.proc = spawn(bin, args, { detached: true, stdio: ['ignore', logFd, logFd], env });
    fs.closeSync(logFd);
    this.pgid = this.proc.pid;
    liveGroups.add(this.pgid);
    this.proc.on('exit', (code, signal) => {
      this.exitInfo = { code, signal };
    });

    const base = `http://127.0.0.1:${this.port}`;
    await waitFor(
      async () => {
        if (this.exitInfo) throw new Error(`code-server exited early: ${JSON.stringify(this.exitInfo)}`);
        const res = await fetch(`${base}/healthz`);
        return res.ok;
      },
      { timeout: this.timeout, interval: 100, what: `code-server /healthz on port ${this.port}` },
    );

    this.browser = await launchBrowser(this.profileDir, o.viewport);
    this.page = this.browser.pages()[0] ?? (await this.browser.newPage());
    this.page.setDefaultTimeout(this.timeout);
    this.page.on('console', (msg) => this._onConsole(msg.type(), msg.text()));
    this.page.on('pageerror', (err) => this.pageErrors.push(String(err?.stack ?? err)));

    await this.page.goto(this.url(o), { waitUntil: 'domcontentloaded' });
    await this.page.waitForSelector('.monaco-workbench', { timeout: this.timeout });
    if (o.open) {
      await this.waitForEditor(path.basename(o.open));
    }
  }

  /** Workbench URL for the current folder, with an optional payload. */
  url({ open, payload, payloadFor } = {}) {
    const entries = [...(payload ?? []), ...(payloadFor ? payloadFor(this.port) : [])];
    if (open) entries.push(['openFile', remoteUri(this.port, this.abs(open))]);
    let u = `http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(this.folder)}`;
    if (entries.length) u += `&payload=${encodeURIComponent(JSON.stringify(entries))}`;
    return u;
  }

  abs(p) {
    return path.isAbsolute(p) ? p : path.join(this.folder, p);
  }

  _onConsole(type, text) {
    const entry = { type, text, time: Date.now() };
    this.console.push(entry);
    try {
      this.opts.onConsole?.(entry);
    } catch {
      /* a listener's bug must not break the harness */
    }
    for (const w of this._consoleWaiters) {
      if (w.re.test(text)) {
        this._consoleWaiters.delete(w);
        w.resolve(entry);
      }
    }
  }

  /** Wait for a page console message matching `re` (already seen ones count). */
  waitForConsole(re, { timeout = this.timeout } = {}) {
    const hit = this.console.find((e) => re.test(e.text));
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const w = { re, resolve };
      this._consoleWaiters.add(w);
      const t = setTimeout(() => {
        this._consoleWaiters.delete(w);
        reject(new Error(`Timed out after ${timeout} ms waiting for console message ${re}`));
      }, timeout);
      const orig = w.resolve;
      w.resolve = (e) => {
        clearTimeout(t);
        orig(e);
      };
    });
  }

  /** Stop everything. Idempotent; never throws. */
  async stop() {
    if (this.stopped) return;
    this.stopped = true;
    for (const w of this._consoleWaiters) w.resolve?.({ type: 'stopped', text: '' });
    this._consoleWaiters.clear();
    try {
      await this.browser?.close();
    } catch {
      /* ignore */
    }
    if (this.pgid) {
      await stopGroup(this.pgid);
      liveGroups.delete(this.pgid);
    }
    if (this.tmp && !process.env.SCOPE_E2E_KEEP_TMP) {
      await fsp.rm(this.tmp, { recursive: true, force: true }).catch(() => {});
    }
  }

  /** Save screenshot, page HTML, console and all server/exthost logs. Never throws. */
  async captureFailure(label = 'failure', error) {
    const dir = path.join(RESULTS_DIR, `${sanitize(label)}-failure`);
    try {
      await fsp.rm(dir, { recursive: true, force: true });
      await fsp.mkdir(dir, { recursive: true });
      if (error) await fsp.writeFile(path.join(dir, 'error.txt'), String(error?.stack ?? error));
      if (this.page && !this.page.isClosed()) {
        await this.page.screenshot({ path: path.join(dir, 'screenshot.png'), timeout: 10_000 }).catch(() => {});
        const html = await this.page.content().catch(() => '');
        await fsp.writeFile(path.join(dir, 'page.html'), html);
      }
      await fsp.writeFile(
        path.join(dir, 'console.log'),
        this.console.map((e) => `[${e.type}] ${e.text}`).join('\n') +
          (this.pageErrors.length ? `\n--- page errors\n${this.pageErrors.join('\n')}` : ''),
      );
      if (this.serverLog && fs.existsSync(this.serverLog)) {
        await fsp.copyFile(this.serverLog, path.join(dir, 'code-server.log'));
      }
      const logs = this.userDataDir && path.join(this.userDataDir, 'logs');
      if (logs && fs.existsSync(logs)) {
        await fsp.cp(logs, path.join(dir, 'logs'), { recursive: true }).catch(() => {});
      }
      process.stderr.write(`e2e: failure artifacts saved in ${dir}\n`);
    } catch (e) {
      process.stderr.write(`e2e: could not save failure artifacts: ${e}\n`);
    }
    return dir;
  }

  /** Run a named step; on error capture artifacts (named after the step) and rethrow. */
  async step(label, fn) {
    try {
      return await fn(this);
    } catch (e) {
      await this.captureFailure(`${this.name}-${label}`, e);
      throw e;
    }
  }

  /** All extension-host log text (remoteexthost.log + output channels), for assertions/debugging. */
  async extensionHostLogs() {
    const out = [];
    const walk = async (d) => {
      for (const ent of await fsp.readdir(d, { withFileTypes: true }).catch(() => [])) {
        const p = path.join(d, ent.name);
        if (ent.isDirectory()) await walk(p);
        else if (p.includes('exthost')) out.push(`=== ${p}\n${await fsp.readFile(p, 'utf8').catch(() => '')}`);
      }
    };
    await walk(path.join(this.userDataDir, 'logs'));
    return out.join('\n');
  }

  // ----- editor helpers ----------------------------------------------------

  async screenshot(name) {
    await fsp.mkdir(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${sanitize(name)}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Focus the active editor's text area (the Problems panel etc. may hold focus). */
  async focusEditor() {
    const ta = this.page
      .locator(
        '.editor-group-container.active .monaco-editor textarea.inputarea, .editor-group-container.active .monaco-editor .native-edit-context',
      )
      .first();
    await ta.waitFor({ state: 'attached' });
    // Click on the editor's own text area, not on a line (that would move the cursor
    // somewhere arbitrary), then make sure it really has focus.
    await ta.focus();
    await waitFor(() => this.page.evaluate(() => !!document.activeElement?.closest('.editor-group-container.active .monaco-editor')), {
      timeout: 5000,
      what: 'editor focus',
    });
  }

  /** Wait until the editor for `fileName` is the active tab and its text is rendered. */
  async waitForEditor(fileName, { timeout = this.timeout } = {}) {
    await waitFor(
      () =>
        this.page.evaluate((name) => {
          const tab = document.querySelector('.editor-group-container.active .tab.active');
          if (!tab) return false;
          const label = tab.getAttribute('aria-label') ?? tab.textContent ?? '';
          if (!label.includes(name)) return false;
          return !!document.querySelector('.editor-group-container.active .monaco-editor .view-lines .view-line');
        }, fileName),
      { timeout, what: `editor for ${fileName}` },
    );
  }

  /** Type into Quick Open (Ctrl+P) and accept with Enter. */
  async quickOpen(text) {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget:not([style*="display: none"]) input');
    await input.waitFor({ state: 'visible' });
    await input.fill(text);
    return input;
  }

  /**
   * Open a file (absolute, or relative to the workspace folder): activates its tab when it
   * is already open, else goes through Quick Open (retried, as Quick Open may still show
   * its previous list when Enter arrives).
   */
  async openFile(file) {
    const abs = this.abs(file);
    const base = path.basename(abs);
    const tab = this.page.locator(`.editor-group-container.active .tab[data-resource-name=${JSON.stringify(base)}]`);
    if (await tab.count()) {
      await tab.first().click();
      await this.waitForEditor(base);
      return;
    }
    let lastErr;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const input = await this.quickOpen(abs);
        // Accept only once the *focused* entry is the file and Quick Open is not busy.
        await waitFor(
          () =>
            this.page.evaluate((name) => {
              const w = document.querySelector('.quick-input-widget');
              if (!w) return false;
              const busy = w.querySelector('.quick-input-progress .progress-bit');
              if (busy && busy.offsetParent !== null && getComputedStyle(busy).display !== 'none') return false;
              const row = w.querySelector('.monaco-list-row.focused');
              return !!row && (row.getAttribute('aria-label') ?? row.textContent ?? '').includes(name);
            }, base),
          { timeout: 10_000, what: `Quick Open to focus ${base}` },
        );
        await input.press('Enter');
        await this.waitForEditor(base, { timeout: 10_000 });
        return;
      } catch (e) {
        lastErr = e;
        await this.page.keyboard.press('Escape');
      }
    }
    throw lastErr;
  }

  /** Run a command by its palette label (Quick Open with the ">" prefix). */
  async runCommand(label) {
    const input = await this.quickOpen(`>${label}`);
    await waitFor(
      () =>
        this.page.evaluate((l) => {
          const row = document.querySelector('.quick-input-widget .monaco-list-row.focused');
          return row && (row.getAttribute('aria-label') ?? row.textContent ?? '').includes(l);
        }, label),
      { timeout: this.timeout, what: `command "${label}" in the palette` },
    );
    await input.press('Enter');
  }

  /** Current language mode label in the status bar. */
  async languageMode() {
    return this.page.evaluate(() => {
      const el = document.querySelector('#status\\.editor\\.mode');
      if (!el) return null;
      return (el.getAttribute('aria-label') || el.textContent || '').trim();
    });
  }

  async waitForLanguageMode(alias, { timeout = this.timeout } = {}) {
    let last;
    await waitFor(
      async () => {
        last = await this.languageMode();
        return last === alias || (last && last.split(',')[0].trim() === alias);
      },
      { timeout, what: `language mode "${alias}"` },
    ).catch((e) => {
      e.message += ` (status bar shows: ${JSON.stringify(last)})`;
      throw e;
    });
  }

  /** Go to a line (and column) of the active editor via Quick Open ":line:col". */
  async gotoLine(line, column) {
    const input = await this.quickOpen(`:${line}${column ? `:${column}` : ''}`);
    await input.press('Enter');
    await waitFor(async () => (await this.cursor())?.line === line, { timeout: 10_000, what: `cursor on line ${line}` });
  }

  /** Cursor position from the status bar ("Ln 3, Col 7"). */
  async cursor() {
    const text = await this.page.evaluate(() => {
      const el = document.querySelector('#status\\.editor\\.selection');
      return el ? el.textContent : null;
    });
    const m = /Ln\s+(\d+),\s*Col\s+(\d+)/.exec(text ?? '');
    return m ? { line: Number(m[1]), column: Number(m[2]) } : null;
  }

  /**
   * The full text of the active editor. Lines are virtualised, so this scrolls through
   * the editor and joins lines by their line number (from the gutter).
   */
  async editorText() {
    // The key press can be lost when something else takes focus as the editor opens (the
    // walkthrough beside it, a notification): focus the editor and press again until it lands.
    let pressed = 0;
    const total = await waitFor(
      async () => {
        const line = pressed > 0 ? await this._cursorOnLastLine() : null;
        if (line) return line;
        if (pressed++ % 10 === 0) {
          await this.focusEditor();
          await this.page.keyboard.press('Control+End');
        }
        return null;
      },
      { what: 'cursor on the last line (Ctrl+End)' },
    );
    await this.page.keyboard.press('Control+Home');
    const editor = this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
    const box = await editor.boundingBox();
    const wheel = async (dy) => {
      await this.page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
      await this.page.mouse.wheel(0, dy);
      await this.nextFrames();
    };
    const rendered = () =>
      this.page.evaluate(() => {
        const ed = document.querySelector('.editor-group-container.active .monaco-editor');
        const byTop = new Map();
        for (const m of ed.querySelectorAll('.margin-view-overlays > div')) {
          const n = m.querySelector('.line-numbers');
          if (n && /^\d+$/.test(n.textContent.trim())) byTop.set(m.style.top, Number(n.textContent.trim()));
        }
        const out = [];
        for (const l of ed.querySelectorAll('.view-lines > .view-line')) {
          const num = byTop.get(l.style.top);
          if (num) out.push([num, l.textContent.replace(/\u00a0/g, ' ')]);
        }
        return out;
      });
    // Start from the top: line 1 rendered (Ctrl+Home scrolls there; wheel up if not yet).
    await waitFor(
      async () => {
        if ((await rendered()).some(([n]) => n === 1)) return true;
        await wheel(-Math.max(2000, box.height * 4));
        return false;
      },
      { what: 'the editor to scroll to line 1' },
    );
    const lines = new Map();
    const deadline = Date.now() + this.timeout;
    let stalls = 0;
    for (;;) {
      const before = lines.size;
      for (const [n, t] of await rendered()) lines.set(n, t);
      if (lines.size >= total) break;
      if (Date.now() > deadline) throw new Error(`editorText: saw ${lines.size}/${total} lines`);
      let missing = 1;
      while (lines.has(missing)) missing++;
      if (lines.size > before) {
        stalls = 0;
      } else if (++stalls >= 2) {
        // The wheel did not move the view (a hover or widget under the pointer, a slow
        // frame): go to the first line not seen yet, which the editor reveals for sure.
        await this.gotoLine(missing);
        await this.nextFrames();
        stalls = 0;
        continue;
      }
      await wheel(Math.max(100, box.height * 0.6));
      // Wheeling down past a gap (lines rendered late) never comes back: jump to it.
      const seenMin = Math.min(...(await rendered()).map(([n]) => n));
      if (seenMin > missing) {
        await this.gotoLine(missing);
        await this.nextFrames();
      }
    }
    const out = [];
    for (let i = 1; i <= total; i++) out.push(lines.get(i) ?? '');
    return out.join('\n');
  }

  /**
   * Line number if the cursor is on the last line of the document (as rendered and as
   * shown in the status bar), else null. Used after Ctrl+End to learn the line count.
   */
  async _cursorOnLastLine() {
    const line = await this.page.evaluate(() => {
      const ed = document.querySelector('.editor-group-container.active .monaco-editor');
      const cur = ed?.querySelector('.cursors-layer .cursor');
      if (!cur) return null;
      const c = cur.getBoundingClientRect();
      const mid = c.top + c.height / 2;
      let max = 0;
      let cursorLine = null;
      for (const m of ed.querySelectorAll('.margin-view-overlays > div')) {
        const t = m.querySelector('.line-numbers')?.textContent.trim();
        if (!t || !/^\d+$/.test(t)) continue;
        const n = Number(t);
        max = Math.max(max, n);
        const r = m.getBoundingClientRect();
        if (mid >= r.top && mid <= r.bottom) cursorLine = n;
      }
      return cursorLine !== null && cursorLine === max ? max : null;
    });
    if (!line) return null;
    const status = await this.cursor();
    return status?.line === line ? line : null;
  }

  /** Let the renderer paint (two animation frames). */
  async nextFrames() {
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  }

  /** Save the active editor (Ctrl+S) and wait until its tab is no longer dirty. */
  async save() {
    await this.focusEditor();
    await this.page.keyboard.press('Control+S');
    await waitFor(
      () =>
        this.page.evaluate(() => {
          const tab = document.querySelector('.editor-group-container.active .tab.active');
          return tab && !tab.classList.contains('dirty');
        }),
      { timeout: this.timeout, what: 'active tab to be saved (not dirty)' },
    );
  }

  async isDirty() {
    return this.page.evaluate(() => !!document.querySelector('.editor-group-container.active .tab.active.dirty'));
  }

  // ----- problems panel ----------------------------------------------------

  /** Open the Problems panel (Ctrl+Shift+M) unless it is already visible. */
  async openProblems() {
    const visible = await this.page
      .locator('.markers-panel')
      .isVisible()
      .catch(() => false);
    if (!visible) {
      await this.page.keyboard.press('Control+Shift+M');
      await this.page.locator('.markers-panel').waitFor({ state: 'visible' });
    }
  }

  /**
   * Rows of the Problems panel: { severity, message, code, source, line, column, file }.
   * The list is virtualised; this scrolls through it and collects every marker row.
   */
  async problems() {
    await this.openProblems();
    const list = this.page.locator('.markers-panel .monaco-list').first();
    const rows = new Map();
    let file = null;
    const deadline = Date.now() + this.timeout;
    let stable = 0;
    // Scroll the (virtualised, non-native) list back to its first row.
    await waitFor(
      async () => {
        const atTop = await this.page.evaluate(() => {
          const rows = document.querySelectorAll('.markers-panel .monaco-list-rows > .monaco-list-row');
          return rows.length === 0 || !!document.querySelector('.markers-panel .monaco-list-rows > .monaco-list-row[data-index="0"]');
        });
        if (atTop) return true;
        const box = await list.boundingBox();
        if (box) {
          await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
          await this.page.mouse.wheel(0, -Math.max(1000, box.height * 4));
          await this.nextFrames();
        }
        return false;
      },
      { timeout: this.timeout, interval: 0, what: 'the Problems list to scroll to its top' },
    );
    for (;;) {
      const seen = await this.page.evaluate(() =>
        [...document.querySelectorAll('.markers-panel .monaco-list-rows > .monaco-list-row')].map((r) => ({
          index: Number(r.getAttribute('data-index')),
          label: r.getAttribute('aria-label') ?? '',
          level: Number(r.getAttribute('aria-level') ?? 0),
          code: r.querySelector('.marker-code')?.textContent ?? null,
          source: r.querySelector('.marker-source')?.textContent ?? null,
          icon: r.querySelector('.marker-icon')?.className ?? '',
          text: r.textContent ?? '',
        })),
      );
      const before = rows.size;
      for (const r of seen) rows.set(r.index, r);
      const count = await this.page.evaluate(() => {
        const l = document.querySelector('.markers-panel .monaco-list-rows');
        return l ? l.childElementCount : 0;
      });
      if (rows.size === before) stable++;
      else stable = 0;
      // Stop when scrolling further reveals nothing new (virtualised list end).
      if (stable >= 2 || count === 0) break;
      if (Date.now() > deadline) break;
      const box = await list.boundingBox();
      if (!box) break;
      await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await this.page.mouse.wheel(0, Math.max(100, box.height * 0.8));
      await this.nextFrames();
    }
    const out = [];
    for (const r of [...rows.values()].sort((a, b) => a.index - b.index)) {
      const parsed = parseMarkerLabel(r.label);
      if (!parsed) {
        // resource (file) row
        file = /in file (.*?) of folder/.exec(r.label)?.[1] ?? (r.label.split(',')[0].trim() || file);
        continue;
      }
      const code = r.code ? r.code.trim().replace(/^\(|\)$/g, '') : parsed.code;
      out.push({
        ...parsed,
        severity: parsed.severity ?? iconSeverity(r.icon),
        code: code || null,
        source: r.source?.trim() || parsed.source || null,
        file,
      });
    }
    return out;
  }

  /** Poll problems() until `predicate(rows)` holds; returns the rows. */
  async waitForProblems(predicate, { timeout = this.timeout, what = 'problems' } = {}) {
    let last = [];
    try {
      await waitFor(
        async () => {
          last = await this.problems();
          return predicate(last);
        },
        { timeout, interval: 250, what },
      );
    } catch (e) {
      e.message += `\nProblems panel showed:\n${last.map(formatProblem).join('\n')}`;
      throw e;
    }
    return last;
  }

  // ----- hover -------------------------------------------------------------

  /**
   * Line/column (1-based) of the nth (0-based) occurrence of `word` in the whole document
   * of the active editor (not only the rendered lines).
   */
  async locate(word, nth = 0) {
    const lines = (await this.editorText()).split('\n');
    let k = 0;
    for (let i = 0; i < lines.length; i++) {
      let from = 0;
      for (;;) {
        const c = lines[i].indexOf(word, from);
        if (c < 0) break;
        if (k++ === nth) {
          let inLine = 0;
          for (let j = lines[i].indexOf(word); j >= 0 && j < c; j = lines[i].indexOf(word, j + word.length)) inLine++;
          return { line: i + 1, column: c + 1, inLine };
        }
        from = c + word.length;
      }
    }
    throw new Error(`"${word}" occurs only ${k} time(s) in the editor; wanted #${nth}`);
  }

  /** Screen box of the `inLine`-th occurrence of `word` on (rendered) editor line `line`. */
  async wordBoxOnLine(line, word, inLine = 0) {
    return this.page.evaluate(
      ({ line, word, inLine }) => {
        const needle = word.replace(/ /g, '\u00a0');
        const ed = document.querySelector('.editor-group-container.active .monaco-editor');
        if (!ed) return null;
        let top = null;
        for (const m of ed.querySelectorAll('.margin-view-overlays > div')) {
          if (m.querySelector('.line-numbers')?.textContent.trim() === String(line)) top = m.style.top;
        }
        if (top === null) return null;
        const el = [...ed.querySelectorAll('.view-lines > .view-line')].find((l) => l.style.top === top);
        if (!el) return null;
        const nodes = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let text = '';
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          nodes.push({ n, start: text.length });
          text += n.data;
        }
        let i = -1;
        for (let k = 0, from = 0; k <= inLine; k++) {
          i = text.indexOf(needle, from);
          if (i < 0) return null;
          from = i + needle.length;
        }
        // Map offsets to (text node, offset); a match may span several token spans.
        const locate = (off, end) => {
          for (let j = nodes.length - 1; j >= 0; j--) {
            const s = nodes[j].start;
            if (end ? s < off : s <= off) return [nodes[j].n, off - s];
          }
          return [nodes[0].n, 0];
        };
        const range = document.createRange();
        range.setStart(...locate(i, false));
        range.setEnd(...locate(i + needle.length, true));
        const r = range.getBoundingClientRect();
        const box = ed.querySelector('.overflow-guard')?.getBoundingClientRect();
        if (box && (r.top < box.top || r.bottom > box.bottom)) return null; // not visible
        return { x: r.left, y: r.top, width: r.width, height: r.height };
      },
      { line, word, inLine },
    );
  }

  /** Scroll the nth occurrence of `word` into view; returns its screen box and position. */
  async revealWord(word, nth = 0) {
    const pos = await this.locate(word, nth);
    let box = await this.wordBoxOnLine(pos.line, word, pos.inLine);
    if (!box) {
      await this.gotoLine(pos.line, pos.column);
      box = await waitFor(() => this.wordBoxOnLine(pos.line, word, pos.inLine), {
        timeout: 10_000,
        what: `"${word}" on line ${pos.line} to be rendered`,
      });
    }
    return { ...pos, box };
  }

  /**
   * Hover the nth (0-based, counted over the whole document) occurrence of `word` and
   * return the hover widget's text. Option `includes`: wait until the hover has that text.
   */
  async hoverWord(word, nth = 0, { timeout = this.timeout, includes } = {}) {
    const hover = this.page.locator('.monaco-hover:not(.hidden) .hover-contents');
    const { box } = await this.revealWord(word, nth);
    // Move away first so that a hover for the same word re-triggers.
    await this.page.mouse.move(1, 1);
    await waitFor(
      async () =>
        !(await hover
          .first()
          .isVisible()
          .catch(() => false)),
      {
        timeout: 5000,
        what: 'previous hover to close',
      },
    ).catch(() => {});
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    let text = '';
    await waitFor(
      async () => {
        const all = await hover.allTextContents().catch(() => []);
        text = all.join('\n').trim();
        if (!text || /^Loading\.\.\.$/.test(text)) return false;
        if (includes && !text.includes(includes)) return false;
        return true;
      },
      { timeout, what: `hover over "${word}"${includes ? ` containing "${includes}"` : ''}` },
    ).catch((e) => {
      e.message += ` (hover text: ${JSON.stringify(text)})`;
      throw e;
    });
    // Let the fade-in animation finish so screenshots show the hover crisply.
    await waitFor(
      () =>
        this.page.evaluate(() =>
          [...document.querySelectorAll('.monaco-hover:not(.hidden)')].every((h) =>
            h.getAnimations({ subtree: true }).every((a) => a.playState !== 'running'),
          ),
        ),
      { timeout: 3000, what: 'hover animation' },
    ).catch(() => {});
    return text;
  }

  // ----- quick fix ---------------------------------------------------------

  /** Put the cursor on `target`: a line number, { line, column } or { word, nth }. */
  async _placeCursor(target) {
    await this.focusEditor();
    if (typeof target === 'number') await this.gotoLine(target);
    else if (target && target.line) await this.gotoLine(target.line, target.column);
    else if (target && target.word) {
      const pos = await this.locate(target.word, target.nth ?? 0);
      await this.gotoLine(pos.line, pos.column);
    }
  }

  async _actionTitles() {
    return this.page.locator('.action-widget .monaco-list-row.action').evaluateAll((rs) => rs.map((r) => r.getAttribute('aria-label')));
  }

  /**
   * Apply a quick fix at `target` (a line number, { line, column }, or { word, nth }).
   * `title` is the exact title or a RegExp; returns the title applied. Uses the keyboard,
   * as mouse clicks on the action widget are blocked by an overlay.
   */
  async quickFix(target, title, { timeout = this.timeout } = {}) {
    await this._placeCursor(target);
    await this.page.keyboard.press('Control+.');
    const widget = this.page.locator('.action-widget');
    await widget.first().waitFor({ state: 'visible', timeout });
    const matches = (t) => (title instanceof RegExp ? title.test(t ?? '') : t === title);
    let titles = [];
    try {
      await waitFor(async () => (titles = await this._actionTitles()).some(matches), {
        timeout,
        what: `quick fix ${title}`,
      });
    } catch {
      await this.page.keyboard.press('Escape');
      throw new Error(`Quick fix ${title} not offered; offered: ${JSON.stringify(titles)}`);
    }
    const chosen = titles.find(matches);
    const sel = `.action-widget .monaco-list-row.action[aria-label=${JSON.stringify(chosen)}]`;
    for (let i = 0; i <= titles.length + 1; i++) {
      if (await this.page.locator(`${sel}.focused`).count()) break;
      await this.page.keyboard.press('ArrowDown');
      await this.nextFrames();
    }
    if (!(await this.page.locator(`${sel}.focused`).count())) {
      await this.page.keyboard.press('Escape');
      throw new Error(`Could not focus quick fix "${chosen}" with the keyboard`);
    }
    await this.page.keyboard.press('Enter');
    await widget.first().waitFor({ state: 'hidden', timeout });
    return chosen;
  }

  /**
   * Titles offered by Ctrl+. at `target`, once the list has stopped changing (code actions arrive
   * from the server after the menu opens). Closes the menu unless `keepOpen` (for a screenshot).
   */
  async quickFixTitles(target, { timeout = this.timeout, keepOpen = false } = {}) {
    await this._placeCursor(target);
    await this.page.keyboard.press('Control+.');
    await this.page.locator('.action-widget').first().waitFor({ state: 'visible', timeout });
    let last = '';
    let titles = [];
    await waitFor(
      async () => {
        titles = await this._actionTitles();
        const now = JSON.stringify(titles);
        const same = titles.length > 0 && now === last;
        last = now;
        return same;
      },
      { timeout, interval: 250, what: 'the quick fix list to settle' },
    );
    if (!keepOpen) await this.page.keyboard.press('Escape');
    return titles;
  }

  /**
   * The lines the Output panel shows (the channel picked in it, e.g. by "Scope: Show Output"), top
   * to bottom. Only rendered lines: the panel follows the end of the channel, so these are the newest.
   */
  async outputLines() {
    return this.page.evaluate(() => {
      const ed = document.querySelector('.part.panel .output-view .monaco-editor');
      if (!ed) return [];
      const byTop = [...ed.querySelectorAll('.view-lines > .view-line')].map((l) => [
        parseFloat(l.style.top),
        l.textContent.replace(/\u00a0/g, ' '),
      ]);
      return byTop.sort((a, b) => a[0] - b[0]).map(([, t]) => t);
    });
  }
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

const SEVERITIES = { Error: 'error', Warning: 'warning', Info: 'info', Information: 'info', Hint: 'hint' };

/**
 * Parse a Problems-panel row aria-label, e.g.
 * "Warning: <message> at line 1 and character 1. generated by <source>".
 * Returns null for non-marker (file) rows.
 */
export function parseMarkerLabel(label) {
  const m =
    /^(Error|Warning|Info|Information|Hint)\s*:\s*([\s\S]*?)\s+at line (\d+) and character (\d+)\.?\s*(?:([\s\S]*?)\s*generated by\s+([\s\S]*?))?\s*$/.exec(
      label ?? '',
    );
  if (!m) return null;
  return {
    severity: SEVERITIES[m[1]] ?? m[1].toLowerCase(),
    message: m[2].trim(),
    line: Number(m[3]),
    column: Number(m[4]),
    source: m[6]?.trim() || null,
  };
}

function iconSeverity(cls) {
  if (/codicon-error/.test(cls)) return 'error';
  if (/codicon-warning/.test(cls)) return 'warning';
  if (/codicon-info/.test(cls)) return 'info';
  return null;
}

export function formatProblem(p) {
  return `  ${p.severity} ${p.code ?? '-'} line ${p.line}:${p.column} ${p.message}`;
}

/**
 * Start a workbench. Options:
 *   name       label for temp dirs and failure artifacts
 *   vsix       path (or array) of .vsix files to install first
 *   folder     workspace folder to open (default: a fresh temp folder)
 *   copy       directory whose contents are copied into the workspace folder
 *   files      { relativePath: content } written into the workspace folder
 *   open       file (relative to the folder, or absolute) to open via the URL payload
 *   payload    extra payload entries, e.g. [['extensionDevelopmentPath', uri]]
 *   payloadFor (port) => payload entries (for URIs that need the port)
 *   settings   extra user settings
 *   env        extra environment for code-server (inherited by the extension host)
 *   onConsole  callback for each page console message ({ type, text, time })
 *   timeout    default deadline per wait (ms); viewport { width, height }
 */
export async function startWorkbench(opts = {}) {
  const wb = new Workbench(opts);
  try {
    await wb._start();
  } catch (e) {
    await wb.captureFailure(`${wb.name}-startup`, e);
    await wb.stop();
    throw e;
  }
  return wb;
}

/**
 * A workbench for a code-server that something else started and stops (`npm start`): opens
 * `url` in a fresh browser. stop() closes the browser only.
 */
export async function attachWorkbench({ name, url, folder, port, viewport, timeout }) {
  const wb = new Workbench({ name, viewport, timeout });
  wb.folder = folder;
  wb.port = port;
  wb.tmp = await fsp.mkdtemp(path.join(os.tmpdir(), `scope-e2e-${wb.name}-`));
  try {
    wb.browser = await launchBrowser(path.join(wb.tmp, 'chromium-profile'), viewport);
    wb.page = wb.browser.pages()[0] ?? (await wb.browser.newPage());
    wb.page.setDefaultTimeout(wb.timeout);
    wb.page.on('console', (msg) => wb._onConsole(msg.type(), msg.text()));
    await wb.page.goto(url, { waitUntil: 'domcontentloaded' });
    await wb.page.waitForSelector('.monaco-workbench', { timeout: wb.timeout });
  } catch (e) {
    await wb.captureFailure(`${wb.name}-startup`, e);
    await wb.stop();
    throw e;
  }
  return wb;
}

/** Start, run `fn(wb)`, capture artifacts on failure, always stop. */
export async function withWorkbench(opts, fn) {
  const wb = await startWorkbench(opts);
  try {
    return await fn(wb);
  } catch (e) {
    await wb.captureFailure(wb.name, e);
    throw e;
  } finally {
    await wb.stop();
  }
}

/**
 * The .vsix an e2e file tests: $SCOPE_E2E_VSIX when set, else the repo (built before) packaged now
 * into a temporary file named after `label`. dispose() removes a package made here, never the one
 * the environment names.
 */
export async function vsixUnderTest(label) {
  const given = process.env.SCOPE_E2E_VSIX;
  if (given) return { vsix: given, dispose() {} };
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'client.js'))) throw new Error('dist/client.js missing: npm run build first');
  const vsix = await packageVsix(REPO_ROOT, path.join(os.tmpdir(), `scope-yaml-e2e-${label}-${process.pid}.vsix`));
  return { vsix, dispose: () => fs.rmSync(vsix, { force: true }) };
}

/**
 * Package the extension in `dir` into `out` with vsce (offline, --no-dependencies).
 * Uses the repo's .vscodeignore, or scripts/e2e/vscodeignore.fallback when there is none.
 */
export async function packageVsix(dir = REPO_ROOT, out = path.join(os.tmpdir(), `scope-yaml-e2e-${process.pid}.vsix`)) {
  const vsce = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  await fsp.rm(out, { force: true });
  const ignore = fs.existsSync(path.join(dir, '.vscodeignore'))
    ? []
    : ['--ignoreFile', path.join(REPO_ROOT, 'scripts', 'e2e', 'vscodeignore.fallback')];
  await run(process.execPath, [vsce, 'package', '--no-dependencies', ...ignore, '-o', out], {
    cwd: dir,
    env: { ...process.env, npm_config_yes: 'true' },
  });
  return out;
}
