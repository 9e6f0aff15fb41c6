// Which file worker threads load (see worker.ts).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The bundle worker threads run: dist/worker.js beside the calling bundle, else the calling bundle
 * itself (it still knows how to be a worker), so a server.js copied on its own keeps working.
 */
export function workerBundle(callerFile: string): string {
  const slim = join(dirname(callerFile), 'worker.js');
  return existsSync(slim) ? slim : callerFile;
}
