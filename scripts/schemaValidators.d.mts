// Types of scripts/schemaValidators.mjs, for the unit test that compares it with the generated code.
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';

export interface Compiled {
  readonly ajv: Ajv;
  readonly validate: ValidateFunction;
}
export function compileScopeSchema(schema: object, source?: boolean): Compiled;
export function compileConfigSchema(schema: object, source?: boolean): Compiled;
export function standaloneModule(compiled: Compiled, schema: object, schemaRequire: string, banner: string): string;
