// End-to-end: the packaged extension (.vsix) in a real VS Code workbench (code-server),
// driven through the UI with Chromium. Run: node --test test/e2e/
// Needs: scripts/e2e/install.sh once, and a build (npm run build) before.
// Env: SCOPE_E2E_VSIX=<path> tests that .vsix instead of packaging the repo.
//
// One workbench serves the whole file (starting one takes ~7 s); tests run in order and
// each one is wrapped in wb.step(), which saves a screenshot, the page HTML and the
// code-server / extension-host logs under test-results/e2e/ when it fails.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { REPO_ROOT, formatProblem, startWorkbench, waitFor, vsixUnderTest } from './harness.mjs';

const GOLDEN = path.join(REPO_ROOT, 'test', 'fixtures', 'golden');
const OWN_FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures');
const EXTENSION_ID = 'scope-yaml.scope-yaml';
const LANGUAGE_ALIAS = 'Scope YAML';

const RISKY = 'risky.scope.yaml';
const SYNTAX_ERROR = 'syntax-error.scope.yaml';
const UNKNOWN_KEY = 'unknown-key.scope.yaml';
const FIX_ALL = 'fix-all.scope.yaml'; // full.scope.yaml with two findings that have safe fixes
const NEW_FILE = 'new-empty.scope.yaml'; // what a new user types first
const LARGE = 'large.scope.yaml'; // full.scope.yaml with its deliverables repeated: seconds to check
const LARGE_KB = 500;

// Fix all auto-fixable problems on an explicit save (Ctrl+S), as users enable it.
const SETTINGS = { 'editor.codeActionsOnSave': { 'source.fixAll.scope': 'explicit' } };

/** @type {import('./harness.mjs').Workbench} */
let wb;
let vsix;
let dispose = () => {};

// ---------------------------------------------------------------------------
// oracles

/** `severity id` pairs of a golden `*.expected.txt` (ids and severities from the spec). */
function goldenFindings(name) {
  const text = fs.readFileSync(path.join(GOLDEN, name.replace(/\.scope\.yaml$/, '.expected.txt')), 'utf8');
  return text
    .split('\n')
    .map((l) => /^\s+(error|warning|info|hint)\s+(\S+)\s/.exec(l))
    .filter(Boolean)
    .map(([, severity, code]) => ({ severity, code }));
}

/**
 * The CLI bundled with the code under test: the installed .vsix's dist/cli.js (so a
 * rebuild of the working tree during the run cannot make the oracle disagree), else the
 * repo's dist/cli.js.
 */
function cliPath() {
  const installed = wb?.extensionsDir
    ? fs.readdirSync(wb.extensionsDir).find((d) => d.toLowerCase().startsWith(`${EXTENSION_ID}-`))
    : undefined;
  const fromVsix = installed && path.join(wb.extensionsDir, installed, 'dist', 'cli.js');
  return fromVsix && fs.existsSync(fromVsix) ? fromVsix : path.join(REPO_ROOT, 'dist', 'cli.js');
}

/**
 * What the engine reports for a file, via the bundled CLI (same engine, rules and
 * .scope-lint.yaml lookup as the language server), run on the workspace copy the editor
 * shows: { line, column, severity, message, code } with 1-based positions.
 */
async function engineFindings(file) {
  const cli = cliPath();
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, '--format', 'json', file], {
    maxBuffer: 16 << 20,
  }).catch((e) => e);
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    assert.fail(`scope-lint --format json gave no JSON for ${file}:\n${stdout}\n${stderr}`);
  }
  return report.flatMap((f) =>
    f.messages.map((m) => ({ line: m.line, column: m.column, severity: m.severity, message: m.message, code: m.ruleId })),
  );
}

const key = (p) => `${String(p.line).padStart(4)}:${String(p.column).padStart(3)} ${p.severity} ${p.code}`;
const multiset = (rows, f) => rows.map(f).sort();

/** Problems-panel rows of one file (the panel lists every open file). */
async function problemsOf(file, predicate = (rows) => rows.length > 0, what) {
  const rows = await wb.waitForProblems((all) => predicate(all.filter((p) => p.file === file)), {
    what: what ?? `problems of ${file}`,
  });
  return rows.filter((p) => p.file === file);
}

/** A realistic scope of about `kb` kilobytes: full.scope.yaml with its deliverables repeated under new ids. */
function largeScope(kb) {
  const full = fs.readFileSync(path.join(GOLDEN, 'full.scope.yaml'), 'utf8');
  const [section, block] = /^deliverables:\n((?: {2}.*\n|\n)*)/m.exec(full);
  const items = [];
  for (let i = 0, size = 0; size < kb * 1024; i++) {
    const item = block.replace(/\bid: (\w+)/g, (_, id) => `id: ${id}x${i}`);
    items.push(item);
    size += item.length;
  }
  return full.replace(section, `deliverables:\n${items.join('')}`);
}

/** The lines with more than `max` rows, as "line: count". */
function crowdedLines(rows, max) {
  const perLine = new Map();
  for (const p of rows) perLine.set(p.line, (perLine.get(p.line) ?? 0) + 1);
  return [...perLine].filter(([, n]) => n > max).map(([line, n]) => `${line}: ${n}`);
}

/** Titles offered more than once. */
const repeated = (titles) => titles.filter((t, i) => titles.indexOf(t) !== i);

/** The status bar's text (items joined by " | "). */
const statusBarText = () =>
  wb.page.evaluate(() =>
    [...document.querySelectorAll('.part.statusbar .statusbar-item')]
      .map((i) => i.textContent?.trim())
      .filter(Boolean)
      .join(' | '),
  );

/** Strip markdown rendering differences (backticks are rendered as code, not shown). */
const plain = (s) => s.replace(/[`*]/g, '').replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------------------

before(async () => {
  ({ vsix, dispose } = await vsixUnderTest('workbench'));
  const files = {};
  for (const f of [RISKY]) files[f] = fs.readFileSync(path.join(GOLDEN, f), 'utf8');
  for (const f of [SYNTAX_ERROR, UNKNOWN_KEY, FIX_ALL]) files[f] = fs.readFileSync(path.join(OWN_FIXTURES, f), 'utf8');
  files[NEW_FILE] = 'scope_version: 1\n';
  files[LARGE] = largeScope(LARGE_KB);
  // A check counts as slow (progress, a log line) from 300 ms here rather than 1 s, so the large
  // file's progress shows on a fast idle machine too; the mechanism is the same.
  wb = await startWorkbench({ name: 'workbench', vsix, files, open: RISKY, settings: SETTINGS, env: { SCOPE_SLOW_CHECK_MS: '300' } });
});

after(async () => {
  await wb?.stop();
  dispose();
});

test('the extension activates on a .scope.yaml file and sets the language mode', () =>
  wb.step('activation', async () => {
    await wb.waitForLanguageMode(LANGUAGE_ALIAS);
    // VS Code's own extension-host log records each activation (and its failure).
    const logs = await waitFor(
      async () => {
        const l = await wb.extensionHostLogs();
        return l.includes(`_doActivateExtension ${EXTENSION_ID}`) && l;
      },
      { what: `activation of ${EXTENSION_ID} in the extension-host log` },
    );
    assert.doesNotMatch(logs, new RegExp(`Activating extension '?${EXTENSION_ID}'? failed`, 'i'));
    await wb.screenshot('01-activated');
  }));

test('the Problems panel shows what the engine reports, with codes, severities and positions', () =>
  wb.step('problems-engine', async () => {
    const expected = await engineFindings(wb.abs(RISKY));
    assert.ok(expected.length > 0, 'the engine reports nothing for risky.scope.yaml');
    const want = multiset(expected, key);
    let rows;
    try {
      rows = await problemsOf(RISKY, (r) => r.length === expected.length, `${expected.length} problems of ${RISKY}`);
    } catch (e) {
      e.message += `\nEngine reports:\n${expected.map(formatProblem).join('\n')}`;
      throw e;
    }
    assert.deepEqual(multiset(rows, key), want);
    // Messages too (the panel shows them verbatim).
    assert.deepEqual(
      multiset(rows, (p) => `${key(p)} ${p.message}`),
      multiset(expected, (p) => `${key(p)} ${p.message}`),
    );
    await wb.screenshot('02-problems-risky');
  }));

test('the Problems panel lists the golden rule findings of risky.scope.yaml', async () => {
  const golden = goldenFindings(RISKY);
  const engine = await engineFindings(wb.abs(RISKY));
  const sevCode = (p) => `${p.severity} ${p.code}`;
  // The shipped engine must reproduce the golden file: a difference is a regression (or a golden
  // file left stale by a rule change), never a reason to skip.
  assert.deepEqual(
    multiset(engine, sevCode),
    multiset(golden, sevCode),
    `the bundled CLI disagrees with the golden findings of ${RISKY}; update the .expected.txt only if the change is intended`,
  );
  await wb.step('problems-golden', async () => {
    const rows = await problemsOf(RISKY, (r) => r.length === golden.length);
    assert.deepEqual(multiset(rows, sevCode), multiset(golden, sevCode));
    // Every row sits on the line the engine computes for it.
    assert.deepEqual(multiset(rows, key), multiset(engine, key));
  });
});

test('a YAML syntax error is reported at its line', () =>
  wb.step('syntax-error', async () => {
    await wb.openFile(SYNTAX_ERROR);
    await wb.waitForLanguageMode(LANGUAGE_ALIAS);
    const rows = await problemsOf(SYNTAX_ERROR, (r) => r.some((p) => p.code === 'yaml/syntax'));
    const syntax = rows.filter((p) => p.code === 'yaml/syntax');
    assert.equal(syntax.length, 1, rows.map(formatProblem).join('\n'));
    assert.equal(syntax[0].severity, 'error');
    assert.equal(syntax[0].line, 7); // " bad: indentation"
    await wb.screenshot('04-syntax-error');
  }));

test('an unknown key is reported by the schema check at the key', () =>
  wb.step('unknown-key', async () => {
    await wb.openFile(UNKNOWN_KEY);
    await wb.waitForLanguageMode(LANGUAGE_ALIAS);
    const rows = await problemsOf(UNKNOWN_KEY, (r) => r.some((p) => p.code === 'schema/additional-property'));
    const unknown = rows.filter((p) => p.code === 'schema/additional-property');
    assert.equal(unknown.length, 1, rows.map(formatProblem).join('\n'));
    assert.equal(unknown[0].line, 4);
    assert.equal(unknown[0].column, 3);
    assert.match(unknown[0].message, /colour/);
    await wb.screenshot('05-unknown-key');
  }));

test('a new file with only scope_version: few findings, at most 3 on a line, a hover under 3,000 characters, a light bulb under 12', () =>
  wb.step('new-file', async () => {
    const expected = await engineFindings(wb.abs(NEW_FILE));
    assert.ok(expected.length > 0, 'a scope with no sections has findings');
    await wb.openFile(NEW_FILE);
    await wb.waitForLanguageMode(LANGUAGE_ALIAS);
    const rows = await problemsOf(NEW_FILE, (r) => r.length === expected.length, `${expected.length} problems of ${NEW_FILE}`);
    assert.deepEqual(multiset(rows, key), multiset(expected, key));
    assert.deepEqual(crowdedLines(rows, 3), [], `more than 3 findings on a line:\n${rows.map(formatProblem).join('\n')}`);
    await wb.screenshot('12-new-file-findings');
    // The findings sit on `scope_version`: one hover shows them all, briefly.
    const onKey = rows.filter((p) => p.line === 1);
    assert.ok(onKey.length > 0, `no finding on line 1:\n${rows.map(formatProblem).join('\n')}`);
    const hover = await wb.hoverWord('scope_version', 0, { includes: 'Learn more' });
    assert.ok(hover.length < 3000, `the hover has ${hover.length} characters:\n${hover}`);
    for (const p of onKey) assert.ok(hover.includes(`Learn more about ${p.code}`), `the hover lacks ${p.code}: ${hover}`);
    await wb.screenshot('13-new-file-hover');
    await wb.page.mouse.move(1, 1);
    const titles = await wb.quickFixTitles({ line: 1, column: 1 }, { keepOpen: true });
    try {
      assert.ok(titles.length > 0 && titles.length < 12, `${titles.length} entries in the light bulb: ${JSON.stringify(titles)}`);
      assert.deepEqual(repeated(titles), [], `entries offered twice: ${JSON.stringify(titles)}`);
      await wb.screenshot('14-new-file-light-bulb');
    } finally {
      await wb.page.keyboard.press('Escape');
    }
  }));

test('hovering a flagged value explains the finding', () =>
  wb.step('hover-finding', async () => {
    await wb.openFile(RISKY);
    const { line, column } = await wb.locate('TBD');
    const rows = await problemsOf(RISKY);
    const flagged = rows.filter((p) => p.line === line && p.column <= column);
    assert.ok(flagged.length > 0, `no problem on line ${line}:\n${rows.map(formatProblem).join('\n')}`);
    const shown = await wb.hoverWord('TBD', 0, { includes: 'Learn more' });
    assert.ok(shown.length < 3000, `the hover has ${shown.length} characters:\n${shown}`);
    const text = plain(shown);
    for (const p of flagged) {
      assert.ok(text.includes(`Learn more about ${p.code}`), `hover lacks the link for ${p.code}: ${text}`);
      // VS Code shows the message above the extension's hover; the extension does not repeat it.
      const times = text.split(plain(p.message)).length - 1;
      assert.equal(times, 1, `the message "${p.message}" shows ${times} times: ${text}`);
    }
    assert.equal(text.split('Fix:').length - 1, flagged.length, `one fix per finding: ${text}`);
    await wb.screenshot('06-hover-finding');
  }));

test('hovering a key shows its documentation from the schema', () =>
  wb.step('hover-key', async () => {
    const text = plain(await wb.hoverWord('pricing_model'));
    assert.match(text, /pricing_model/);
    assert.ok(text.length > 'pricing_model'.length + 20, `hover too short: ${text}`);
    await wb.screenshot('07-hover-key');
  }));

test('the light bulb on a section with many findings: under 12 entries, none twice, one "Accept this risk"', () =>
  wb.step('light-bulb-section', async () => {
    await wb.openFile(RISKY);
    const { line } = await wb.locate('security:');
    const rows = (await problemsOf(RISKY)).filter((p) => p.line === line);
    assert.ok(rows.length > 1, `fewer than 2 findings on security: (line ${line})`);
    const titles = await wb.quickFixTitles({ line, column: 1 }, { keepOpen: true });
    try {
      assert.ok(titles.length > 0 && titles.length < 12, `${titles.length} entries in the light bulb: ${JSON.stringify(titles)}`);
      assert.deepEqual(repeated(titles), [], `entries offered twice: ${JSON.stringify(titles)}`);
      // For the finding under the cursor only, and after the fixes.
      const accept = titles.filter((t) => /^Accept this risk/.test(t));
      assert.equal(accept.length, 1, JSON.stringify(titles));
      assert.equal(titles.at(-1), accept[0], `"Accept this risk" is not last: ${JSON.stringify(titles)}`);
      await wb.screenshot('15-light-bulb-section');
    } finally {
      await wb.page.keyboard.press('Escape');
    }
  }));

test('a quick fix edits the document and its finding goes away', () =>
  wb.step('quick-fix', async () => {
    await wb.openFile(RISKY);
    const vague = (rows) => rows.filter((p) => p.code === 'cost-vague-language');
    const before = vague(await problemsOf(RISKY, (r) => vague(r).length > 0));
    const { line } = await wb.locate('etc.');
    assert.ok(
      before.some((p) => p.line === line),
      `no cost-vague-language finding on line ${line}`,
    );
    const applied = await wb.quickFix({ word: 'etc.' }, /^Remove "etc\."/);
    const text = await waitFor(
      async () => {
        const t = await wb.editorText();
        return !t.includes('etc.') && t;
      },
      { what: `the quick fix "${applied}" to edit the document` },
    );
    assert.ok(await wb.isDirty(), 'the quick fix leaves the document unsaved');
    assert.match(text.split('\n')[line - 1], /title: CRM sync service, reports/);
    await problemsOf(RISKY, (r) => vague(r).length === before.length - 1 && !vague(r).some((p) => p.line === line));
    await wb.screenshot('08-quick-fix');
  }));

test('saving with fix-all-on-save applies the safe fixes and the problems follow', () =>
  wb.step('fix-all-on-save', async () => {
    const file = wb.abs(FIX_ALL);
    const original = fs.readFileSync(file, 'utf8');
    const before = await engineFindings(file);
    const fixable = ['cost-amount-not-numeric', 'expertise-measure-not-quantified'];
    assert.deepEqual([...new Set(before.map((p) => p.code))].sort(), fixable, 'fixture drifted');
    await wb.openFile(FIX_ALL);
    await problemsOf(FIX_ALL, (r) => r.length === before.length);
    await wb.save();
    const saved = await waitFor(
      () => {
        const t = fs.readFileSync(file, 'utf8');
        return t !== original && t;
      },
      { what: `${FIX_ALL} to be rewritten by fix-all on save` },
    );
    // The tab's dirty mark follows the save asynchronously: poll, do not sample once.
    await waitFor(async () => !(await wb.isDirty()), { what: `${FIX_ALL} to show as saved` });
    assert.match(saved, /^ {2}total: 240000$/m);
    assert.match(saved, /^ {4}unit: "%"$/m);
    const after = await engineFindings(file);
    assert.deepEqual(after, [], `left after fix all:\n${after.map(formatProblem).join('\n')}`);
    // The editor shows the saved text, and the panel what the engine says about it.
    assert.equal(await wb.editorText(), saved);
    await problemsOf(FIX_ALL, (r) => r.length === 0, `the problems of ${FIX_ALL} to clear`);
    await wb.screenshot('09-fix-all-on-save');
  }));

/**
 * The rendered token (innermost span) under each of `words` on the editor line that holds `anchor`:
 * { text, color } with the span's whole text and its computed colour, keyed by word. `words` are
 * taken in order along the line, each after the previous one.
 */
async function tokensOnLine(anchor, words) {
  const { line } = await wb.revealWord(anchor);
  const tokens = await wb.page.evaluate(
    ({ line, words }) => {
      const ed = document.querySelector('.editor-group-container.active .monaco-editor');
      let top = null;
      for (const m of ed?.querySelectorAll('.margin-view-overlays > div') ?? []) {
        if (m.querySelector('.line-numbers')?.textContent.trim() === String(line)) top = m.style.top;
      }
      const el = [...(ed?.querySelectorAll('.view-lines > .view-line') ?? [])].find((l) => l.style.top === top);
      if (!el) return null;
      const spans = [...el.querySelectorAll('span')].filter((s) => !s.querySelector('span'));
      const starts = [];
      let text = '';
      for (const s of spans) {
        starts.push(text.length);
        text += s.textContent;
      }
      text = text.replace(/\u00a0/g, ' ');
      const out = {};
      let from = 0;
      for (const word of words) {
        const at = text.indexOf(word, from);
        if (at < 0) return null;
        from = at + word.length;
        let i = spans.length - 1;
        while (starts[i] > at) i--;
        out[word] = { text: spans[i].textContent.replace(/\u00a0/g, ' '), color: getComputedStyle(spans[i]).color };
      }
      return out;
    },
    { line, words },
  );
  assert.ok(tokens, `line ${line} ("${anchor}") is not rendered with ${words.join(', ')}`);
  return tokens;
}

/** Scopes and foreground shown by "Developer: Inspect Editor Tokens and Scopes" for the nth `word`. */
async function inspectToken(word, nth = 0) {
  const { line, column } = await wb.revealWord(word, nth);
  await wb.focusEditor();
  await wb.gotoLine(line, column);
  await wb.runCommand('Developer: Inspect Editor Tokens and Scopes');
  const widget = wb.page.locator('.token-inspect-widget');
  return waitFor(
    async () => {
      const text = (await widget.textContent().catch(() => '')) ?? '';
      // The widget first renders without the TextMate part; wait for the scopes.
      return text.includes('textmate scopes') && text.includes(word) && text;
    },
    { what: `the token inspector on "${word}"` },
  );
}

/** `rgb(197, 134, 192)` -> `#c586c0`. */
const hex = (rgb) =>
  '#' +
  (/\d+,\s*\d+,\s*\d+/.exec(rgb)?.[0] ?? '')
    .split(/,\s*/)
    .map((n) => Number(n).toString(16).padStart(2, '0'))
    .join('');

test('the grammar colours ids and placeholders apart from keys and plain values', () =>
  wb.step('grammar', async () => {
    await wb.openFile(RISKY);
    await wb.waitForLanguageMode(LANGUAGE_ALIAS);
    // `  - id: D1`: the id is a token of its own, coloured unlike its key.
    const block = await tokensOnLine('id: D1', ['id', 'D1']);
    assert.equal(block.D1.text, 'D1');
    assert.notEqual(block.D1.color, block.id.color, 'D1 is coloured like the key id');
    // `- { id: M2, name: Done, date: TBD, deliverables: [D1, D3] }`
    const flow = await tokensOnLine('date: TBD', ['id', 'M2', 'name', 'Done', 'TBD', 'deliverables', 'D1']);
    const show = JSON.stringify(flow);
    assert.equal(flow.D1.text, 'D1', show);
    assert.equal(flow.M2.text, 'M2', show);
    assert.equal(flow.TBD.text, 'TBD', show);
    assert.equal(flow.Done.text, 'Done', show);
    assert.equal(flow.D1.color, block.D1.color, `an id is coloured alike everywhere: ${show}`);
    assert.equal(flow.M2.color, flow.D1.color, `milestone and deliverable ids alike: ${show}`);
    assert.notEqual(flow.D1.color, flow.Done.color, `D1 coloured like the plain value Done: ${show}`);
    assert.notEqual(flow.D1.color, flow.deliverables.color, `D1 coloured like its key: ${show}`);
    assert.notEqual(flow.TBD.color, flow.Done.color, `TBD coloured like the plain value Done: ${show}`);
    assert.notEqual(flow.TBD.color, flow.D1.color, `TBD coloured like an id: ${show}`);
    assert.notEqual(flow.TBD.color, flow.name.color, `TBD coloured like a key: ${show}`);
    // The colours come from the grammar's scopes, as the theme maps them.
    const id = await inspectToken('D1', 1);
    assert.match(id, /variable\.other\.constant\.id\.scope-yaml/);
    assert.ok(id.toLowerCase().includes(hex(flow.D1.color)), `the inspector's foreground for D1 is not ${hex(flow.D1.color)}: ${id}`);
    await wb.page.keyboard.press('Escape');
    const placeholder = await inspectToken('TBD');
    assert.match(placeholder, /keyword\.control\.placeholder\.scope-yaml/);
    assert.ok(
      placeholder.toLowerCase().includes(hex(flow.TBD.color)),
      `the inspector's foreground for TBD is not ${hex(flow.TBD.color)}: ${placeholder}`,
    );
    await wb.screenshot('10-grammar');
    await wb.page.keyboard.press('Escape');
  }));

/** Pids of the language servers of this workbench (code-server's process group; the client forks them with --node-ipc). */
async function serverPids() {
  const { stdout } = await promisify(execFile)('ps', ['-eo', 'pid=,pgid=,args='], { maxBuffer: 16 << 20 });
  return stdout
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter((m) => m && Number(m[2]) === wb.pgid && /dist[\\/]server\.js\b/.test(m[3]) && m[3].includes('--node-ipc'))
    .map((m) => Number(m[1]));
}

test('"Restart Language Server" says in the status bar and the output that it worked; the new server logs its start', () =>
  wb.step('restart-output', async () => {
    await wb.openFile(RISKY);
    await problemsOf(RISKY);
    const [before] = await waitFor(async () => {
      const pids = await serverPids();
      return pids.length === 1 && pids;
    });
    await wb.runCommand('Scope: Restart Language Server');
    await waitFor(async () => (await statusBarText()).includes('Scope YAML language server restarted'), {
      what: 'the status bar to say the server restarted',
    });
    const [after] = await waitFor(async () => {
      const pids = await serverPids();
      return pids.length === 1 && pids;
    });
    assert.notEqual(after, before, 'the same server process runs after the restart');
    await wb.runCommand('Scope: Show Output');
    await wb.runCommand('View: Toggle Maximized Panel');
    try {
      const riskyUri = pathToFileURL(wb.abs(RISKY)).href;
      const version = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version;
      // After the request: the client's confirmation, the new server's start-up (versions, where
      // settings come from) and the settings of the file it checks again. The two ends of the
      // connection log independently, so their lines may interleave.
      const request = 'Restarting the language server ("Scope: Restart Language Server").';
      const expected = [
        `Restarted: scope-language-server ${version} is running`,
        `scope-language-server ${version} started (Node v`,
        'Settings: built-in defaults, then the client',
        `${riskyUri}: no .scope-lint.yaml applies`,
      ];
      let shown = '';
      const afterRequest = () => {
        const from = shown.lastIndexOf(request);
        return from >= 0 && expected.every((part) => shown.indexOf(part, from) > from);
      };
      await waitFor(
        async () => {
          // Wrapped lines are pieces of one line: join them without a separator.
          shown = (await wb.outputLines()).join('');
          return afterRequest();
        },
        { what: 'the restart in the Scope YAML output' },
      ).catch((e) => {
        e.message += `\nThe output shows:\n${shown}`;
        throw e;
      });
      await wb.screenshot('16-output-after-restart');
    } finally {
      await wb.runCommand('View: Toggle Maximized Panel');
    }
  }));

test('checking a large file shows "Checking <file>" progress until it is done, and the output logs its time', () =>
  wb.step('progress-large-file', async () => {
    const progress = `Checking ${LARGE}`;
    let seen = false;
    // The check starts as the file opens: watch the status bar from then on.
    const watching = (async () => {
      const deadline = Date.now() + wb.timeout;
      while (!seen && Date.now() < deadline) {
        seen = (await statusBarText().catch(() => '')).includes(progress);
        if (seen) await wb.screenshot('17-progress-large-file');
        else await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await wb.openFile(LARGE);
    await watching;
    assert.ok(seen, `the status bar never showed "${progress}"`);
    await waitFor(async () => !(await statusBarText()).includes(progress), { what: `"${progress}" to leave the status bar` });
    // The server's log line, in the output channel's log file.
    const logged = `Checking ${pathToFileURL(wb.abs(LARGE)).href} took `;
    await waitFor(
      async () => {
        const logs = await wb.extensionHostLogs();
        const at = logs.indexOf(logged);
        return at >= 0 && /^\d+\.\d s\./.test(logs.slice(at + logged.length));
      },
      { what: `"${logged}N s." in the output` },
    );
    // Its hundred-odd findings would only slow down reading the Problems panel from here on.
    await wb.page.locator(`.tab[data-resource-name="${LARGE}"] .tab-actions .action-label`).first().click();
    await waitFor(async () => (await wb.page.locator(`.tab[data-resource-name="${LARGE}"]`).count()) === 0, { what: `${LARGE} to close` });
  }));

// Last, as it kills the language server again and again.
test('a server that keeps crashing is given up with one error message, whose action opens the log; Restart brings it back', () =>
  wb.step('crash-storm', async () => {
    await wb.openFile(RISKY);
    // The status bar's problem counts: cleared when a server dies, back once a server has checked the file.
    const counts = () => wb.page.evaluate(() => document.querySelector('#status\\.problems')?.textContent?.trim() ?? '');
    await problemsOf(RISKY);
    const checked = await waitFor(counts, { what: 'the problem counts in the status bar' });
    const killed = [];
    // The client restarts a dead server 4 times within 3 minutes; the 5th crash is one too many.
    // The first server has been running all along; its successors die while starting, the case
    // where the library adds a notification of its own for every failed start.
    for (let crash = 1; crash <= 5; crash++) {
      const [pid] = await waitFor(
        async () => {
          const pids = (await serverPids()).filter((p) => !killed.includes(p));
          return pids.length === 1 && pids;
        },
        { what: `language server #${crash} to start` },
      );
      process.kill(pid, 'SIGKILL');
      killed.push(pid);
    }
    const toast = wb.page.locator('.notification-toast', { hasText: 'crashed 5 times' });
    await toast.first().waitFor({ state: 'visible' });
    assert.deepEqual(await serverPids(), [], 'a server was started after the message');
    await waitFor(() => toast.first().evaluate((t) => t.getAnimations({ subtree: true }).every((a) => a.playState !== 'running')), {
      timeout: 5000,
      what: 'the notification to finish sliding in',
    }).catch(() => {});
    await wb.screenshot('11-crash-message');
    // One message, not one per crash or failed start: count them in the notification center.
    await wb.runCommand('Notifications: Show Notifications');
    const center = wb.page.locator('.notifications-center .notification-list-item');
    await center.first().waitFor({ state: 'visible' });
    const messages = await center.locator('.notification-list-item-message').allTextContents();
    assert.deepEqual(messages, [
      'The Scope YAML language server crashed 5 times in 3 minutes and was not restarted. Its log is in the output; "Scope: Restart Language Server" starts it again.',
    ]);
    // Its action opens the log, which tells the same story.
    await center.first().locator('.monaco-button', { hasText: 'Show Output' }).click();
    await waitFor(
      async () => {
        const panel =
          (await wb.page
            .locator('.part.panel')
            .textContent()
            .catch(() => '')) ?? '';
        return panel.replace(/\u00a0/g, ' ').includes('crashed 5 times');
      },
      { what: 'the Scope YAML output with the crash message' },
    );
    // As the message says, the restart command starts a server again, which checks the open file.
    await wb.runCommand('Scope: Restart Language Server');
    await waitFor(async () => (await serverPids()).length === 1, { what: 'a language server after "Restart Language Server"' });
    await waitFor(async () => (await counts()) === checked, { what: `the problem counts to return to "${checked}"` });
  }));
