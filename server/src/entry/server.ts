// dist/server.js: loads the server bundle (dist/server.bundle.js) with V8's code cache (see compileCache.ts).
import { join } from 'node:path';
import { requireWithCompileCache } from '../compileCache';

requireWithCompileCache(join(__dirname, 'server.bundle.js'));
