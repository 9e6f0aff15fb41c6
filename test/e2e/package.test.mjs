// The packaged .vsix holds exactly what the extension needs at run time: everything the
// manifest points at, and nothing else (no sources, tests, source maps or node_modules).
// Packages the repo with vsce (offline, --no-dependencies) unless SCOPE_E2E_VSIX is set.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { vsixUnderTest } from './harness.mjs';

let vsix;
let dispose = () => {};
/** @type {Map<string, Buffer | null>} path inside extension/ -> content (for small text files) */
let entries;

/** Read a zip's central directory: [{ name, method, compressedSize, offset }]. */
function zipEntries(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'not a zip file (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'bad central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const offset = buf.readUInt32LE(p + 42);
    out.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), method, compressedSize, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function zipRead(buf, e) {
  const nameLen = buf.readUInt16LE(e.offset + 26);
  const extraLen = buf.readUInt16LE(e.offset + 28);
  const data = buf.subarray(e.offset + 30 + nameLen + extraLen, e.offset + 30 + nameLen + extraLen + e.compressedSize);
  return e.method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data);
}

before(async () => {
  ({ vsix, dispose } = await vsixUnderTest('package'));
  const buf = fs.readFileSync(vsix);
  entries = new Map();
  for (const e of zipEntries(buf)) {
    if (!e.name.startsWith('extension/') || e.name.endsWith('/')) continue;
    const rel = e.name.slice('extension/'.length);
    entries.set(rel, rel === 'package.json' || /^dist\/[^/]+\.js$/.test(rel) ? zipRead(buf, e) : null);
  }
});

after(() => {
  dispose();
});

// What may ship (mirrors the allow-list in .vscodeignore; vsce renames LICENSE to LICENSE.txt).
const ALLOWED = [
  /^package\.json$/,
  /^dist\/(client|server|cli|report|worker)\.js$/,
  /^dist\/(server|cli|worker)\.bundle\.js$/,
  /^schemas\/[^/]+\.json$/,
  /^syntaxes\/[^/]+\.json$/,
  /^docs\/rules\/[^/]+\.md$/,
  /^images\/icon\.png$/,
  /^media\/walkthrough\/[^/]+\.md$/,
  /^(README|CHANGELOG)\.md$/i, // vsce stores them as readme.md / changelog.md
  /^LICENSE(\.txt)?$/i,
];

test('the .vsix holds only allow-listed run-time files', () => {
  const extra = [...entries.keys()].filter((f) => !ALLOWED.some((re) => re.test(f)));
  assert.deepEqual(extra, [], `unexpected files in the .vsix:\n${extra.join('\n')}`);
  for (const f of entries.keys()) {
    assert.doesNotMatch(f, /(^|\/)(node_modules|src|test|out)\/|\.map$|\.ts$/, f);
  }
});

test('the .vsix holds every file the manifest refers to', () => {
  const manifest = JSON.parse(entries.get('package.json').toString('utf8'));
  const refs = new Set();
  const norm = (p) => path.posix.normalize(p.replace(/^\.\//, ''));
  if (manifest.main) refs.add(norm(manifest.main.endsWith('.js') ? manifest.main : `${manifest.main}.js`));
  if (manifest.icon) refs.add(norm(manifest.icon));
  const c = manifest.contributes ?? {};
  for (const l of c.languages ?? []) if (l.configuration) refs.add(norm(l.configuration));
  for (const g of c.grammars ?? []) if (g.path) refs.add(norm(g.path));
  for (const s of c.snippets ?? []) if (s.path) refs.add(norm(s.path));
  for (const j of c.jsonValidation ?? []) if (j.url && !/^https?:/.test(j.url)) refs.add(norm(j.url));
  for (const y of c.yamlValidation ?? []) if (y.url && !/^https?:/.test(y.url)) refs.add(norm(y.url));
  for (const w of c.walkthroughs ?? [])
    for (const s of w.steps ?? [])
      for (const m of Object.values(s.media ?? {})) if (typeof m === 'string' && /\.(md|png|svg)$/.test(m)) refs.add(norm(m));
  // The language server is started from the client as dist/server.js.
  refs.add('dist/server.js');
  // The risk report panel loads its script as dist/report.js.
  refs.add('dist/report.js');
  // The server's validation workers run dist/worker.js.
  refs.add('dist/worker.js');
  // Each of those, and the CLI, loads its bundle beside it (server/src/entry/).
  for (const b of ['server', 'worker', 'cli']) refs.add(`dist/${b}.bundle.js`);
  const missing = [...refs].filter((r) => !entries.has(r));
  assert.deepEqual(missing, [], `files the manifest refers to but the .vsix lacks:\n${missing.join('\n')}`);
});

test('the shipped bundles hold no character above U+00FF, so V8 keeps their source at one byte a character', () => {
  const wide = [];
  for (const [rel, data] of entries) {
    if (!/^dist\/[^/]+\.js$/.test(rel) || !data) continue;
    const text = data.toString('utf8');
    const at = text.search(/[\u0100-\uffff]/);
    if (at >= 0) wide.push(`${rel}: ${JSON.stringify(text.slice(Math.max(0, at - 30), at + 10))}`);
  }
  assert.ok(entries.has('dist/server.bundle.js'));
  assert.deepEqual(
    wide,
    [],
    'esbuild.mjs escapes these (oneByteSource); a bundle with one holds its whole source at two bytes a character',
  );
});
