// Bundles each process into one file: the extension client, the language server and the CLI.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
/** `--outdir=<folder>`: write the bundles there instead of dist/ (the benchmark measures production bundles this way). */
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const builds = [
  {
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: `${outdir}/client.js`,
    external: ['vscode'],
    loader: { '.yaml': 'text' },
  },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: `${outdir}/server.js`, banner: { js: '#!/usr/bin/env node' } },
  // The worker threads of both (server/src/worker.ts): the engine without the protocol library or the formatters.
  { ...common, entryPoints: ['server/src/worker.ts'], outfile: `${outdir}/worker.js` },
  {
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: `${outdir}/cli.js`,
    banner: { js: '#!/usr/bin/env node' },
    // `scope-lint init --scope` writes the New Scope File template.
    loader: { '.yaml': 'text' },
    // `scope-lint --version` without reading package.json at run time.
    define: { SCOPE_LINT_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  },
  // The risk report panel's script: runs in the webview (a browser), loaded by its CSP nonce.
  {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    minify: production,
    logLevel: 'warning',
    legalComments: 'none',
    entryPoints: ['client/webview/report.ts'],
    outfile: `${outdir}/report.js`,
  },
];

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
