// Validates SARIF logs against the official SARIF 2.1.0 schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { fixturesDir } from './paths';

/**
 * The SARIF 2.1.0 schema (test/fixtures/sarif-schema-2.1.0.json, from the npm package
 * @microsoft/jest-sarif 1.0.0-beta.0, lib/schemas/sarif-2.1.0-rtm.5.json, MIT). It is declared as
 * draft-04, whose only difference that matters here is `id` for `$id`; ajv 8 reads it as draft-07.
 */
export function sarifValidator(): ReturnType<Ajv['compile']> {
  const schema = JSON.parse(readFileSync(join(fixturesDir, 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  const { $schema: _draft04, id, ...rest } = schema;
  if (typeof id !== 'string') throw new Error('the SARIF schema has no id');
  // unicodeRegExp: false because the schema's `language` pattern has a stray `]` that only the u flag rejects.
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ ...rest, $id: id });
}
