// The language server over real stdio LSP with files that pass every input limit and still freeze
// the parser, files that are slow to check, and clients that reuse version numbers: the editor
// stays responsive, a slow file holds up no other file, and no result is served for the wrong text.
// Each test prints what it measured (seconds, RSS) as a test diagnostic.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver-types';
import { ScopeDocument } from '../../server/src/service/document';
import { mergeSettings } from '../../server/src/service/settings';
import { validate } from '../../server/src/service/validate';
import { LspClient } from '../support/lspClient';
import { fixturesDir } from '../support/paths';

const full = readFileSync(join(fixturesDir, 'golden', 'full.scope.yaml'), 'utf8');
const minimal = readFileSync(join(fixturesDir, 'golden', 'minimal.scope.yaml'), 'utf8');

function oracle(uri: string, text: string): string[] {
  const settings = mergeSettings();
  return validate(new ScopeDocument(uri, 1, text, settings.limits), settings).diagnostics.map(show);
}

function show(d: Diagnostic): string {
  return `${String(d.code)} ${d.range.start.line}:${d.range.start.character}`;
}

function rssMb(pid: number | undefined): number {
  const status = `/proc/${pid}/status`;
  if (pid && existsSync(status)) return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'))?.[1] ?? 0) / 1024;
  return pid ? Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024 : 0;
}

/** The answer and how long it took; a rejection past `deadlineMs` (a frozen server must fail the test, not hang it). */
async function timed<T>(promise: Promise<T>, deadlineMs = 10_000): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${deadlineMs} ms`)), deadlineMs);
  });
  try {
    const value = await Promise.race([promise, deadline]);
    return { value, ms: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

/** Diagnostics for `uri` published after the first `from` notifications. */
async function publishedAfter(client: LspClient, from: number, uri: string, timeoutMs = 30_000): Promise<Diagnostic[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = client.published.slice(from).find((p) => p.uri === uri);
    if (found) return found.diagnostics;
    if (Date.now() > deadline) throw new Error(`nothing published for ${uri} within ${timeoutMs} ms; stderr: ${client.stderr.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Under the 2 MB, depth, alias and NUL limits; each made the parser keep millions of errors. */
const hostile: Record<string, string> = {
  'closing-brackets': ']'.repeat(2_000_000),
  'commas-in-flow': `[${','.repeat(2_000_000)}]`,
  'repeated-anchors': `scope_version: 1\nproject: ${'&a '.repeat(680_000)}x\n`,
};

describe('language server: files under every limit that freeze the parser', () => {
  it('gives each one input/* diagnostic, stays alive, and hover on another file answers within 300 ms meanwhile', async (t) => {
    const client = await LspClient.start();
    try {
      const small = 'file:///heavy/small.scope.yaml';
      await client.open(small, full);
      await client.diagnostics(small, 1);
      const line = full.split('\n').findIndex((l) => l.startsWith('budget:'));
      const hoverSmall = () =>
        timed(client.request<Hover | null>('textDocument/hover', { textDocument: { uri: small }, position: { line, character: 2 } }));
      await hoverSmall();

      const started = performance.now();
      const uris = Object.keys(hostile).map((name) => `file:///heavy/${name}.scope.yaml`);
      // What an editor asks for as soon as a file opens: diagnostics, outline, folding.
      const features: Promise<unknown>[] = [];
      for (const [index, text] of Object.values(hostile).entries()) {
        const uri = uris[index] ?? '';
        await client.open(uri, text);
        features.push(client.request('textDocument/documentSymbol', { textDocument: { uri } }));
        features.push(client.request('textDocument/foldingRange', { textDocument: { uri } }));
        features.push(client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }));
      }
      const allPublished = () => uris.every((uri) => client.published.some((p) => p.uri === uri));
      let slowest = 0;
      const hoverMs: number[] = [];
      let hoversWhileBusy = 0;
      let peakRss = 0;
      while (!allPublished()) {
        const busy = !allPublished();
        const hover = await hoverSmall();
        assert.ok(hover.value, 'hover on the other file answers');
        if (busy) hoversWhileBusy++;
        slowest = Math.max(slowest, hover.ms);
        hoverMs.push(hover.ms);
        peakRss = Math.max(peakRss, rssMb(client.child.pid));
        assert.ok(performance.now() - started < 120_000, 'the hostile files were never checked');
      }
      const checkedMs = performance.now() - started;
      await Promise.all(features);
      for (const uri of uris) {
        const diagnostics = await client.diagnostics(uri, 1);
        assert.equal(diagnostics.length, 1, `${uri}: ${diagnostics.map(show).join(', ')}`);
        assert.match(String(diagnostics[0]?.code), /^input\//, uri);
      }
      t.diagnostic(
        `three hostile 2 MB files checked in ${(checkedMs / 1000).toFixed(1)} s, peak RSS ${peakRss.toFixed(0)} MB, ` +
          `slowest hover on another file ${slowest.toFixed(0)} ms (${hoversWhileBusy} hovers while they were checked)`,
      );
      assert.ok(hoversWhileBusy > 0, 'no hover was sent while the hostile files were being checked');
      // Thousands of hovers on a shared 2-core machine: the 99th percentile holds the 300 ms line, and
      // no single one (a GC pause, another process's burst) comes near a blocked main thread.
      const p99 = [...hoverMs].sort((a, b) => a - b)[Math.floor(hoverMs.length * 0.99)] ?? 0;
      assert.ok(p99 < 300, `99% of hovers on another file within ${p99.toFixed(0)} ms`);
      assert.ok(slowest < 1_000, `hover on another file took ${slowest.toFixed(0)} ms`);
      // Still serving.
      const after = 'file:///heavy/after.scope.yaml';
      await client.open(after, minimal);
      assert.deepEqual((await client.diagnostics(after, 1, 30_000)).map(show), oracle(after, minimal));
      assert.equal(client.child.exitCode, null);
    } finally {
      await client.stop();
    }
  });
});

/** A valid file of about 1.9 MB that takes far longer than a few seconds to parse and check. */
const slowText = `[${'1,'.repeat(950_000)}1]\n`;

describe('language server: one slow file holds up no other file', () => {
  // The time bound is relative to this machine as loaded now: eight times what it takes, measured in
  // this run, to start a server and get the minimal file's findings (a process and a worker that
  // load the bundles, and one check), and at least 4 s. The normal file's check below needs about
  // that (it starts the second worker, once the slow check is half a second old), not the slow
  // check's bound; the slow file takes some twenty times that to check, so it still runs into it.
  let timeoutMs = 4_000;
  let firstMs = 0;
  let env: NodeJS.ProcessEnv = process.env;

  before(async () => {
    const started = performance.now();
    const client = await LspClient.start();
    try {
      const uri = 'file:///fair/baseline.scope.yaml';
      await client.open(uri, minimal);
      await client.diagnostics(uri, 1, 60_000);
      firstMs = performance.now() - started;
    } finally {
      await client.stop();
    }
    timeoutMs = Math.max(4_000, Math.round(8 * firstMs));
    env = { ...process.env, SCOPE_CHECK_TIMEOUT_MS: String(timeoutMs) };
  });

  it('checks other files while a slow file runs into the time bound', async (t) => {
    const client = await LspClient.start({ env });
    try {
      // A session that has been running: the workers have loaded.
      const first = 'file:///fair/first.scope.yaml';
      await client.open(first, minimal);
      await client.diagnostics(first, 1, 60_000);
      const slow = 'file:///fair/slow.scope.yaml';
      const slowStarted = performance.now();
      await client.open(slow, slowText);
      const slowDone = client.diagnostics(slow, 1, 60_000 + timeoutMs).then((d) => ({ d, at: performance.now() }));
      const normal = 'file:///fair/normal.scope.yaml';
      const normalStarted = performance.now();
      await client.open(normal, minimal);
      const normalDiagnostics = await client.diagnostics(normal, 1, 60_000 + timeoutMs);
      const normalAt = performance.now();
      const normalMs = normalAt - normalStarted;
      assert.deepEqual(normalDiagnostics.map(show), oracle(normal, minimal));
      const { d: slowDiagnostics, at } = await slowDone;
      assert.deepEqual(slowDiagnostics.map(show), ['input/timeout 0:0']);
      t.diagnostic(
        `normal file checked in ${normalMs.toFixed(0)} ms (${(normalMs / firstMs).toFixed(2)}x a server start to first findings, ${firstMs.toFixed(0)} ms) ` +
          `while the slow one ran ${((at - slowStarted) / 1000).toFixed(1)} s into its ${(timeoutMs / 1000).toFixed(1)} s bound`,
      );
      assert.ok(normalAt < at, 'the normal file got its findings only after the slow file was stopped');
      assert.ok(normalMs < timeoutMs / 2, `the normal file waited ${normalMs.toFixed(0)} ms behind the slow one (bound ${timeoutMs} ms)`);
    } finally {
      await client.stop();
    }
  });

  it('a newer version of the slow file stops the check of the older one', async (t) => {
    const client = await LspClient.start({ env });
    try {
      const slow = 'file:///fair/versions.scope.yaml';
      await client.open(slow, slowText);
      // Each new version arrives once the previous one has been checking for a sixth of the bound
      // (slow by then, so a newer version stops it). Had the older checks run on, the newest would
      // start when the first one reached the bound and end a bound later: half a bound after the
      // last edit plus a bound. Stopped, it ends a bound after the last edit.
      let version = 1;
      const gapMs = timeoutMs / 6;
      for (let i = 0; i < 3; i++) {
        await new Promise<void>((resolve) => {
          const deadline = Date.now() + gapMs;
          const poll = () => (Date.now() >= deadline ? resolve() : setTimeout(poll, 20));
          poll();
        });
        version = await client.change(slow, `${slowText}# edit ${i}\n`);
      }
      const lastChange = performance.now();
      const diagnostics = await client.diagnostics(slow, version, 60_000 + timeoutMs);
      const ms = performance.now() - lastChange;
      assert.deepEqual(diagnostics.map(show), ['input/timeout 0:0']);
      const versions = client.published.filter((p) => p.uri === slow).map((p) => p.version);
      assert.deepEqual(versions, [version], 'only the newest version is published');
      t.diagnostic(
        `newest of 4 versions answered ${(ms / timeoutMs).toFixed(2)} bounds after the last edit ` +
          `(${(ms / 1000).toFixed(1)} s, bound ${(timeoutMs / 1000).toFixed(1)} s; 1.5 bounds if older checks ran on)`,
      );
      assert.ok(ms < timeoutMs * 1.25, `the newest version waited ${ms.toFixed(0)} ms: older versions were not stopped`);
    } finally {
      await client.stop();
    }
  });
});

describe('language server: a reused version number with new text', () => {
  it('a second didOpen and a didChange with the same version get the new text results, not the old ones', async () => {
    const client = await LspClient.start();
    try {
      const uri = 'file:///reuse/doc.scope.yaml';
      const sparse = ['scope_version: 1', 'project:', '  name: Reused', ''].join('\n');
      await client.open(uri, minimal);
      assert.deepEqual((await client.diagnostics(uri, 1)).map(show), oracle(uri, minimal));
      const outline = async () =>
        ((await client.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } })) ?? []).map(
          (s) => s.name,
        );

      let from = client.published.length;
      await client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'scope-yaml', version: 1, text: sparse },
      });
      assert.deepEqual((await publishedAfter(client, from, uri)).map(show), oracle(uri, sparse));
      assert.deepEqual(await outline(), ['scope_version', 'project']);

      from = client.published.length;
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 1 },
        contentChanges: [{ text: full }],
      });
      assert.deepEqual((await publishedAfter(client, from, uri)).map(show), oracle(uri, full));
      assert.ok((await outline()).includes('budget'), 'the outline is the new text');
    } finally {
      await client.stop();
    }
  });
});
