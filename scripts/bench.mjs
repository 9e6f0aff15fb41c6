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
// Ours is measured as users get it: the minified bundles the .vsix and the npm package ship
// (`npm run build` makes unminified ones with source maps), unless --dist names other bundles.
const args = process.argv.slice(2);
if (!args.some((a) => a.startsWith('--dist='))) {
  execFileSync(process.execPath, ['esbuild.mjs', '--production', '--outdir=out/bench/dist-production'], { stdio: 'inherit' });
  args.push('--dist=out/bench/dist-production');
}
execFileSync(process.execPath, ['out/bench/bench.js', ...args], { stdio: 'inherit' });
