// The two JSON Schemas compiled with ajv, with their options in one place. Compiling the scope
// schema took about 0.4-0.9 s of every start of the server, the CLI and each validation worker, so
// `node scripts/generate.mjs` compiles both here once and writes ajv's standalone code
// (ajv/dist/standalone) to server/src/service/generated/; the bundles load only that and ajv's
// small runtime helpers, not ajv's compiler. test/unit/schemaStandalone.test.ts compiles the same
// schemas at run time with these options and checks both give the same errors on every fixture.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
// The scope schema's ajv settings, shared with the custom rules of `.scope-lint.yaml` (customRules.ts).
import scopeSchemaOptions from '../server/src/service/scopeSchemaOptions.json' with { type: 'json' };

/** The scope schema: strict, all errors, with the failing schema and data in each error (`verbose`), no $data. */
export function compileScopeSchema(schema, source = false) {
  const ajv = new Ajv({ ...scopeSchemaOptions.options, code: { source } });
  addFormats(ajv, scopeSchemaOptions.formats);
  // Editor keywords (VS Code, yaml-language-server): annotations, not validation.
  for (const keyword of scopeSchemaOptions.annotationKeywords) ajv.addKeyword({ keyword });
  return { ajv, validate: ajv.compile(schema) };
}

/** The `.scope-lint.yaml` schema. */
export function compileConfigSchema(schema, source = false) {
  const ajv = new Ajv({ allErrors: true, strict: true, $data: false, code: { source } });
  return { ajv, validate: ajv.compile(schema) };
}

/** Where in `root` the object `target` is, as a JavaScript member expression on `base`; undefined when it is not in it. */
function pathOf(root, target, base) {
  if (root === target) return base;
  if (root === null || typeof root !== 'object') return undefined;
  for (const [key, value] of Object.entries(root)) {
    const found = pathOf(value, target, `${base}[${JSON.stringify(key)}]`);
    if (found) return found;
  }
  return undefined;
}

/** How ajv writes a value into generated code (its `stringify`). */
const literal = (value) =>
  JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/**
 * Standalone code for a compiled schema. ajv copies every schema object the errors point to
 * (`parentSchema` with `verbose`) into the code as a literal; each copy is replaced by a reference
 * into the schema file itself (`schemaRequire`), which the bundle holds anyway: no second copy,
 * and the objects are the same ones a run-time compile would point to.
 */
export function standaloneModule({ ajv, validate }, schema, schemaRequire, banner) {
  let code = standaloneCode(ajv, validate);
  // ajv's value scope: the named values of the generated code, by prefix (`schema11`, ...).
  const names = [...(ajv.scope._values.schema?.values() ?? [])];
  let replaced = 0;
  for (const name of names) {
    const ref = name.value?.ref;
    const path = pathOf(schema, ref, 'root');
    const emitted = `const ${name.str} = ${literal(ref)};`;
    if (!path || !code.includes(emitted)) continue;
    code = code.replace(emitted, `const ${name.str} = ${path};`);
    replaced++;
  }
  if (/const schema\d+ = \{/.test(code)) throw new Error(`standalone code still holds a copy of a schema object (${replaced} replaced)`);
  return `${banner}\n"use strict";\nconst root = require(${JSON.stringify(schemaRequire)});\n${code.replace(/^"use strict";/, '')}\n`;
}
