// Bundles each process into one file: the extension client, the language server and the CLI.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
/** `--outdir=<folder>`: write the bundles there instead of dist/ (the benchmark measures production bundles this way). */
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';

/**
 * `yaml` as ES modules (the package's `browser/` build, the same code) instead of its CommonJS
 * build (`dist/`), which Node's resolution picks: bundled as CommonJS, every call into it went
 * through a getter, and its parser and composer read `process.env.LOG_TOKENS` / `LOG_STREAM` once
 * per token (an environment lookup each time: a quarter of the parse). The ES build's warnings go
 * to console.warn; they go to process.emitWarning as in the CommonJS build, so stderr stays the same.
 * @type {import('esbuild').Plugin}
 */
const yamlAsEsm = {
  name: 'yaml-as-esm',
  setup(build) {
    const root = dirname(createRequire(import.meta.url).resolve('yaml/package.json'));
    const log = join(root, 'browser', 'dist', 'log.js');
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: join(root, 'browser', 'dist', 'index.js') }));
    build.onLoad({ filter: /[\\/]yaml[\\/]browser[\\/]dist[\\/]log\.js$/ }, (args) => {
      if (args.path !== log) return undefined;
      const source = readFileSync(log, 'utf8');
      const nodeWarn = source.replace(
        'console.warn(warning);',
        "typeof process.emitWarning === 'function' ? process.emitWarning(warning) : console.warn(warning);",
      );
      if (nodeWarn === source) throw new Error(`${log} changed: update the yaml-as-esm plugin in esbuild.mjs`);
      return { contents: nodeWarn, loader: 'js' };
    });
  },
};

/**
 * esbuild writes ASCII except inside regular expression literals (and a few comments), which keep
 * characters such as ’ or € as they are. One character above U+00FF anywhere makes V8 hold the
 * whole bundle's source as two bytes a character: megabytes more memory in the server and in each
 * worker for their lifetime. Each such character becomes its \\u escape, which means the same in a
 * string, a regular expression (with or without the u flag, surrogate pairs included), the regular
 * expression source String.raw builds here, and a comment.
 * @type {import('esbuild').Plugin}
 */
const oneByteSource = {
  name: 'one-byte-source',
  setup(build) {
    build.onEnd((result) => {
      const file = build.initialOptions.outfile;
      if (result.errors.length > 0 || !file) return;
      const text = readFileSync(file, 'utf8');
      if (!/[\u0100-\uffff]/.test(text)) return;
      writeFileSync(
        file,
        text.replace(/[\u0100-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
      );
    });
  },
};

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
  plugins: [yamlAsEsm, oneByteSource],
};

const builds = [
  {
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: `${outdir}/client.js`,
    external: ['vscode'],
    loader: { '.yaml': 'text' },
  },
  // The server, its worker threads and the CLI each start from a small file (server/src/entry/)
  // that loads the bundle beside it with V8's code cache (server/src/compileCache.ts).
  { ...common, entryPoints: ['server/src/entry/server.ts'], outfile: `${outdir}/server.js`, banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['server/src/entry/worker.ts'], outfile: `${outdir}/worker.js` },
  { ...common, entryPoints: ['server/src/entry/cli.ts'], outfile: `${outdir}/cli.js`, banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: `${outdir}/server.bundle.js` },
  // The worker threads of both (server/src/worker.ts): the engine without the protocol library or the formatters.
  { ...common, entryPoints: ['server/src/worker.ts'], outfile: `${outdir}/worker.bundle.js` },
  {
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: `${outdir}/cli.bundle.js`,
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
