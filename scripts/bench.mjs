// Bundles bench/bench.ts (no type check needed to measure) and runs it.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';

await esbuild.build({
  entryPoints: ['bench/bench.ts'],
  outfile: 'out/bench/bench.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
});
execFileSync(process.execPath, ['out/bench/bench.js', ...process.argv.slice(2)], { stdio: 'inherit' });
