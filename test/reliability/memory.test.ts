// Memory stays flat: the server's resident set size (main thread and validation worker, one
// process) is sampled over 10,000 edits and 1,000 open/close cycles and must not keep growing.
// A leak of one parsed version per edit, or of one document per cycle, costs hundreds of MB here;
// the allowance covers the garbage collector's own slack.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient } from '../support/lspClient';
import { fixturesDir } from '../support/paths';

const full = readFileSync(join(fixturesDir, 'golden', 'full.scope.yaml'), 'utf8');

/**
 * Growth allowed over the warmed-up baseline, in MB. Measured on a 2-core CI machine: the heap
 * settles within about 5,000 edits and then moves within a 30 MB band (40,000 edits sampled).
 */
const allowanceMb = 50;

/** Warmed-up baseline (the median of the first samples) and the peak of the last ones. */
function growth(samples: readonly number[]): { baseline: number; last: number } {
  const first = [...samples.slice(0, 3)].sort((a, b) => a - b);
  return { baseline: first[1] ?? 0, last: Math.max(...samples.slice(-3)) };
}

function rssMb(pid: number): number {
  const status = `/proc/${pid}/status`;
  if (existsSync(status)) {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
}

describe('memory over a long session', { skip: process.platform === 'win32' ? 'RSS sampling needs /proc or ps' : false }, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  function pid(): number {
    const id = client.child.pid;
    assert.ok(id, 'the server has a process id');
    return id;
  }

  it('is flat over 10,000 edits', async () => {
    const uri = 'file:///memory/edits.scope.yaml';
    await client.open(uri, full);
    await client.diagnostics(uri, 1, 30_000);
    const samples: number[] = [];
    // 5 chunks to warm up the JIT and grow the heap to its working size, then 10 measured.
    for (let chunk = -5; chunk < 10; chunk++) {
      let version = 0;
      for (let i = 0; i < 1000; i++) {
        // A different text every time: nothing can be served from a cache.
        version = await client.change(uri, `${full}\nx_note_${chunk}_${i}: "${'n'.repeat(i % 200)}"\n`);
        // Most edits arrive in a burst and are checked once; every 50th is checked on its own, and
        // every 50th is hovered (a main-thread parse), so each path runs hundreds of times.
        if (i % 50 === 0) await client.diagnostics(uri, version, 60_000);
        if (i % 50 === 25) await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
      }
      await client.diagnostics(uri, version, 60_000);
      // Hover and completion parse on the main thread: keep that path busy too.
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } });
      if (chunk >= 0) samples.push(rssMb(pid()));
    }
    const { baseline, last } = growth(samples);
    assert.ok(
      last - baseline < allowanceMb,
      `RSS grew from ${baseline.toFixed(0)} MB to ${last.toFixed(0)} MB: ${samples.map((s) => s.toFixed(0)).join(', ')}`,
    );
    await client.close(uri);
  });

  it('is flat over 1,000 open/close cycles', async () => {
    const samples: number[] = [];
    for (let chunk = 0; chunk < 10; chunk++) {
      for (let i = 0; i < 100; i++) {
        const uri = `file:///memory/cycle-${chunk}-${i}.scope.yaml`;
        await client.open(uri, `${full}\nx_cycle: ${chunk * 100 + i}\n`);
        // Every tenth document is checked to the end before it closes; the rest close mid-flight.
        if (i % 10 === 0) await client.diagnostics(uri, 1, 30_000);
        await client.close(uri);
      }
      // The server has processed every close once it answers a request.
      const probe = `file:///memory/probe-${chunk}.scope.yaml`;
      await client.open(probe, full);
      await client.diagnostics(probe, 1, 30_000);
      await client.close(probe);
      samples.push(rssMb(pid()));
    }
    const { baseline, last } = growth(samples);
    assert.ok(
      last - baseline < allowanceMb,
      `RSS grew from ${baseline.toFixed(0)} MB to ${last.toFixed(0)} MB: ${samples.map((s) => s.toFixed(0)).join(', ')}`,
    );
  });
});
