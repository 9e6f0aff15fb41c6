// `npm run eval [-- --json] [-- --split]`: bundles test/eval/run.ts like the tests and runs it on the
// evaluation corpus (test/corpus). Exits 1 when the main corpus is below the targets (the held-out
// parts of --split never fail the run), 2 on a usage error.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';

const outfile = 'out/eval/eval.js';
await esbuild.build({
  entryPoints: ['test/eval/run.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = run.status ?? 1;
