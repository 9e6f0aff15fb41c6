// Types of the generated `.scope-lint.yaml` schema validator (configSchemaValidator.js, from scripts/generate.mjs).
import type { ValidateFunction } from 'ajv';
import type { PartialSettings } from '../settings';

declare const validate: ValidateFunction<PartialSettings>;
export default validate;
