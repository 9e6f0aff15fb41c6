#!/usr/bin/env node
// Validate the golden example scopes against schemas/scope.schema.json with ajv 8 in strict mode.
// Usage: node scripts/check-schema.mjs [file.scope.yaml ...]
// Without arguments it checks test/fixtures/golden/{minimal,full,risky}.scope.yaml and exits 1 unless
// minimal and full have zero errors and risky has errors only at the paths the risk rules also cover.
import { readFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parseDocument } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'scope.schema.json'), 'utf8'));

const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
addFormats(ajv, ['date']);
// Editor-only annotations understood by yaml-language-server / vscode-json-languageservice.
ajv.addKeyword({ keyword: 'markdownDescription', schemaType: 'string' });
ajv.addKeyword({ keyword: 'markdownEnumDescriptions', schemaType: 'array' });
ajv.addKeyword({ keyword: 'defaultSnippets', schemaType: 'array' });
const validate = ajv.compile(schema);

/** Lint the schema itself: annotations on every property and item, bounds on every value. */
function audit(node, path, problems, annotated) {
  if (!node || typeof node !== 'object') return;
  if (annotated) {
    for (const k of ['title', 'description', 'markdownDescription']) {
      if (typeof node[k] !== 'string' || !node[k]) problems.push(`${path}: missing ${k}`);
    }
    if (!Array.isArray(node.examples) || !node.examples.length) problems.push(`${path}: missing examples`);
  }
  const types = [].concat(node.type ?? []);
  if (node.enum && node.markdownEnumDescriptions?.length !== node.enum.length) {
    problems.push(`${path}: markdownEnumDescriptions does not match enum`);
  }
  if (types.includes('object') && node.additionalProperties !== false) problems.push(`${path}: additionalProperties`);
  if (types.includes('string') && !node.enum && node.maxLength === undefined) problems.push(`${path}: no maxLength`);
  if (types.includes('array') && node.maxItems === undefined) problems.push(`${path}: no maxItems`);
  if ((types.includes('number') || types.includes('integer')) && !node.enum) {
    if (node.minimum === undefined || node.maximum === undefined) problems.push(`${path}: no minimum/maximum`);
  }
  for (const [k, v] of Object.entries(node.properties ?? {})) audit(v, `${path}.${k}`, problems, true);
  if (node.items) audit(node.items, `${path}[]`, problems, true);
  for (const [i, v] of (node.anyOf ?? []).entries()) audit(v, `${path}|${i}`, problems, true);
  for (const [k, v] of Object.entries(node.definitions ?? {})) audit(v, `#/definitions/${k}`, problems, true);
}
const problems = [];
audit(schema, '#', problems, false);
console.log(`== schema audit: ${problems.length} problem(s)`);
for (const p of problems) console.log(`  ${p}`);

/** Returns ajv errors for one file (YAML 1.2 core schema: dates stay strings). */
function check(file) {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  if (doc.errors.length) throw new Error(`${file}: YAML parse error: ${doc.errors[0].message}`);
  return validate(doc.toJS()) ? [] : validate.errors;
}

const golden = join(root, 'test', 'fixtures', 'golden');
const expected = {
  'minimal.scope.yaml': [],
  'full.scope.yaml': [],
  'risky.scope.yaml': ['/budget/total', '/success_measures/0/target', '/timeline/milestones/1/date'],
};
const args = process.argv.slice(2);
const files = args.length ? args : Object.keys(expected).map((f) => join(golden, f));

let ok = problems.length === 0;
for (const file of files) {
  const errors = check(file);
  const paths = [...new Set(errors.map((e) => e.instancePath))].sort();
  console.log(`== ${basename(file)}: ${errors.length} error(s)${paths.length ? ` at ${paths.join(', ')}` : ''}`);
  for (const e of errors) {
    console.log(`  ${e.instancePath || '/'}  ${e.keyword}  ${e.message}  (${e.schemaPath})`);
  }
  const want = expected[basename(file)];
  if (!args.length && want && JSON.stringify(paths) !== JSON.stringify(want)) {
    ok = false;
    console.log(`  UNEXPECTED: wanted error paths [${want.join(', ')}]`);
  }
}
if (!ok) process.exit(1);
