// Bundles the TypeScript test files (unit and protocol) into out/test so node:test can run them.
// Type checking is `npm run typecheck`; this only transpiles, so one broken file does not block the rest.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const dirs = process.argv.slice(2).length ? process.argv.slice(2) : ['test/unit', 'test/lsp'];
// Stale bundles of deleted or renamed tests would still run: start from an empty output folder.
for (const dir of dirs) rmSync(join('out', dir), { recursive: true, force: true });
const entryPoints = dirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(dir, f)),
);
await esbuild.build({
  entryPoints,
  outdir: 'out',
  outbase: '.',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
  external: ['fast-check'],
  // The CLI imports the New Scope File template as text (as esbuild.mjs bundles it).
  loader: { '.yaml': 'text' },
});
