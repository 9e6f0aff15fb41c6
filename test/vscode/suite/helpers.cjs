// Shared helpers for the extension tests (run inside VS Code's extension host).
'use strict';

const assert = require('node:assert/strict');
const { execFile } = require('node:child_process');
const path = require('node:path');
const vscode = require('vscode');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const EXTENSION_ID = 'scope-yaml.scope-yaml';
const LANGUAGE_ID = 'scope-yaml';
const GOLDEN = path.join(REPO_ROOT, 'test', 'fixtures', 'golden');
const OWN_FIXTURES = path.join(REPO_ROOT, 'test', 'e2e', 'fixtures');

/** Poll `fn` until truthy or the deadline passes. */
async function waitFor(fn, { timeout = Number(process.env.SCOPE_VSCODE_WAIT || 45000), interval = 50, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

let scratchCount = 0;
const scratchDirs = [];
// Root-level hook (mocha's tdd globals exist while suite files load): remove scratch files.
if (typeof suiteTeardown === 'function') {
  suiteTeardown(() => {
    for (const d of scratchDirs.splice(0)) require('node:fs').rmSync(d, { recursive: true, force: true });
  });
}
/**
 * Write `content` to a fresh file (unique URI; untitled documents reuse "Untitled-N" names,
 * so stale diagnostics of a closed one could be mistaken for the new one's) and open it.
 */
async function scratch(name, content) {
  const fs = require('node:fs');
  const os = require('node:os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `scope-vscode-${process.pid}-${scratchCount++}-`));
  scratchDirs.push(dir);
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return open(file);
}

/** Activate the extension (its language client has started when this resolves); returns it. */
async function activateExtension() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} not found`);
  await ext.activate();
  return ext;
}

async function open(file) {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Diagnostics of our extension for `uri`, once the server has published some. */
function ours(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'scope' || codeOf(d));
}

function codeOf(d) {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

const SEVERITY = ['error', 'warning', 'info', 'hint']; // vscode.DiagnosticSeverity order

/** What the bundled CLI (same engine) reports: [{ line, column, severity, message, code }], 1-based. */
function engineFindings(file) {
  return new Promise((resolve, reject) => {
    // process.execPath is node in code-server and Electron in desktop VS Code.
    execFile(
      process.execPath,
      [path.join(REPO_ROOT, 'dist', 'cli.js'), '--format', 'json', file],
      { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => {
        let report;
        try {
          report = JSON.parse(stdout);
        } catch {
          return reject(new Error(`scope-lint --format json gave no JSON for ${file}: ${stdout}${stderr}${err || ''}`));
        }
        resolve(
          report.flatMap((f) =>
            f.messages.map((m) => ({ line: m.line, column: m.column, severity: m.severity, message: m.message, code: m.ruleId })),
          ),
        );
      },
    );
  });
}

/** Markdown/plain text of hover results. */
function hoverText(hovers) {
  return (hovers || [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

module.exports = {
  assert,
  vscode,
  REPO_ROOT,
  EXTENSION_ID,
  LANGUAGE_ID,
  GOLDEN,
  OWN_FIXTURES,
  SEVERITY,
  waitFor,
  activateExtension,
  open,
  scratch,
  ours,
  codeOf,
  engineFindings,
  hoverText,
};
