// Speed checks in unit tests are ratios against a baseline measured in the same run, never
// absolute milliseconds: the machine is shared and its speed changes from one run to the next.
// The baseline is parsing the same hostile text, a linear pass over the same input; a rule that
// goes quadratic on it takes thousands of times longer, a linear one a small multiple.
import assert from 'node:assert/strict';
import { ScopeDocument } from '../../server/src/service/document';

/**
 * How many times longer than parsing the same text a rule may take: room for the real per-character
 * work of a linear rule (word matching, stemming), far below what a quadratic pass on 100,000
 * characters costs (thousands of times the parse).
 */
export const linearFactor = 50;

/** The fastest of `runs` timings of `fn` in milliseconds: the run least disturbed by GC and other load. */
export function fastestMs(fn: () => void, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** Parsing `text` into the document model: the yardstick for anything that reads the same text. */
export function parseMs(text: string): number {
  return fastestMs(() => new ScopeDocument('file:///baseline.scope.yaml', 1, text));
}

/**
 * Fails when `fn` takes more than `factor` times as long as parsing `text` (both measured here).
 * `factor` leaves room for the real work a linear rule does per character; a superlinear one on
 * 100,000 characters exceeds it by orders of magnitude.
 */
export function assertLinearLike(label: string, text: string, fn: () => void, factor: number): void {
  const baseline = parseMs(text);
  const ms = fastestMs(fn);
  assert.ok(
    ms <= factor * baseline,
    `${label} took ${ms.toFixed(1)} ms, ${(ms / baseline).toFixed(1)}× parsing the same text (${baseline.toFixed(1)} ms); allowed ${factor}×`,
  );
  if (process.env.SCOPE_TIMING) process.stderr.write(`${label}: ${(ms / baseline).toFixed(2)}×\n`);
}
