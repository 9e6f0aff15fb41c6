// dist/worker.js: loads the worker bundle (dist/worker.bundle.js) with V8's code cache (see compileCache.ts).
import { join } from 'node:path';
import { requireWithCompileCache } from '../compileCache';

requireWithCompileCache(join(__dirname, 'worker.bundle.js'));
