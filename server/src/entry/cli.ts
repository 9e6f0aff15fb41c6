// dist/cli.js: loads the cli bundle (dist/cli.bundle.js) with V8's code cache (see compileCache.ts).
import { join } from 'node:path';
import { requireWithCompileCache } from '../compileCache';

requireWithCompileCache(join(__dirname, 'cli.bundle.js'));
