// Types of the generated scope schema validator (scopeSchemaValidator.js, from scripts/generate.mjs).
import type { ValidateFunction } from 'ajv';

declare const validate: ValidateFunction;
export default validate;
