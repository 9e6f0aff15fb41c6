// Entry point of `npm run eval` (bundled by scripts/eval.mjs); the scoring lives in eval.ts.
import { main } from './eval';

process.exitCode = main(process.argv.slice(2));
