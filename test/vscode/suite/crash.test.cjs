// Crash recovery (issue 7): when the language server process dies, the client starts a new one and
// every open document gets its diagnostics back, and edits reach the new server.
// It kills the server, so index.cjs runs this file last.
'use strict';
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const {
  assert,
  vscode,
  GOLDEN,
  OWN_FIXTURES,
  activateExtension,
  scratch,
  ours,
  codeOf,
  waitFor,
  engineFindings,
} = require('./helpers.cjs');

/**
 * Pids of the language servers this extension host started. The client forks dist/server.js with
 * --node-ipc, so its parent is this process; other VS Code instances on the machine do not count.
 */
function serverPids() {
  return new Promise((resolve, reject) => {
    execFile('ps', ['-eo', 'pid=,ppid=,args='], { maxBuffer: 16 << 20 }, (err, stdout) => {
      if (err) return reject(err);
      const pids = [];
      for (const line of stdout.split('\n')) {
        const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
        if (m && Number(m[2]) === process.pid && /dist[\\/]server\.js\b/.test(m[3]) && m[3].includes('--node-ipc')) pids.push(Number(m[1]));
      }
      resolve(pids);
    });
  });
}

async function oneServer(what, except) {
  let last = [];
  try {
    return await waitFor(
      async () => {
        last = await serverPids();
        return last.length === 1 && last[0] !== except && last[0];
      },
      { what },
    );
  } catch (e) {
    e.message += ` (server processes of this extension host: ${JSON.stringify(last)})`;
    throw e;
  }
}

const key = (d) => `${d.line}:${d.column} ${d.code}`;
const keysOf = (uri) =>
  ours(uri)
    .map((d) => key({ line: d.range.start.line + 1, column: d.range.start.character + 1, code: codeOf(d) }))
    .sort()
    .join('\n');

suite('crash recovery', () => {
  suiteSetup(() => activateExtension());

  test('after the server process is killed, a new server checks every open document again and follows edits', async () => {
    const files = [path.join(GOLDEN, 'risky.scope.yaml'), path.join(OWN_FIXTURES, 'unknown-key.scope.yaml')];
    const docs = [];
    for (const file of files) docs.push(await scratch(`crash-${path.basename(file)}`, fs.readFileSync(file, 'utf8')));
    // What each document must show: the engine's findings for its text.
    const expected = new Map();
    for (const doc of docs) {
      const findings = await engineFindings(doc.fileName);
      assert.ok(findings.length > 0, `${doc.fileName} has no findings`);
      expected.set(doc.uri.toString(), findings.map(key).sort().join('\n'));
    }
    const complete = (doc) => keysOf(doc.uri) === expected.get(doc.uri.toString());
    for (const doc of docs) await waitFor(() => complete(doc), { what: `the diagnostics of ${path.basename(doc.fileName)}` });

    const killed = await oneServer('exactly one language server process');
    // Diagnostics of a dead server are cleared, then the new server publishes its own:
    // seeing them after a clear proves they are fresh, not the dead server's.
    const cleared = new Set();
    const republished = new Set();
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      for (const doc of docs) {
        const uri = doc.uri.toString();
        if (!e.uris.some((u) => u.toString() === uri)) continue;
        if (ours(doc.uri).length === 0) cleared.add(uri);
        else if (cleared.has(uri) && complete(doc)) republished.add(uri);
      }
    });
    let restarted;
    try {
      process.kill(killed, 'SIGKILL');
      restarted = await oneServer('a new language server process', killed);
      await waitFor(() => docs.every((d) => republished.has(d.uri.toString())), {
        what: `every open document to be checked again (cleared: ${[...cleared].length}, back: ${[...republished].length} of ${docs.length})`,
      });
    } finally {
      listener.dispose();
    }

    // The new server has the documents and their edits: removing the unknown key clears its finding.
    const edited = docs[1];
    const line = edited
      .getText()
      .split('\n')
      .findIndex((l) => /^\s+colour:/.test(l));
    assert.ok(line >= 0, 'unknown-key.scope.yaml lost its colour: key');
    const edit = new vscode.WorkspaceEdit();
    edit.delete(edited.uri, new vscode.Range(line, 0, line + 1, 0));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(() => !ours(edited.uri).some((d) => codeOf(d) === 'schema/additional-property'), {
      what: 'the unknown-key finding to clear after an edit sent to the new server',
    });
    // And it answers requests: the hover on a flagged value names its findings.
    const risky = docs[0];
    const at = risky.positionAt(risky.getText().indexOf('TBD') + 1);
    await waitFor(
      async () => {
        const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', risky.uri, at);
        return hovers.some((h) => h.contents.some((c) => /Learn more/.test(typeof c === 'string' ? c : c.value)));
      },
      { what: 'a hover from the new server' },
    );
    assert.deepEqual(await serverPids(), [restarted], 'one server, the restarted one');
    for (const doc of docs) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
