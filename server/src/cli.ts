// scope-lint: the command-line linter. Same engine, rules, .scope-lint.yaml and suppressions as
// the editor, so CI reports exactly what the editor shows. This file only wires `runCli` to the
// process; large batches are checked on worker threads (dist/worker.js, see worker.ts).
import { join } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runWorker, workerRole, type WorkerInit } from './cli/pool';
import { runCli } from './cli/run';
import { workerBundle } from './workerBundle';

if (!isMainThread && (workerData as Partial<WorkerInit> | undefined)?.role === workerRole && parentPort) {
  runWorker(workerData as WorkerInit, parentPort);
} else {
  // Write errors are handled where the report is written (runCli); the events must not be fatal.
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
  void runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    workerFile: workerBundle(__filename),
    stdin: process.stdin,
    // dist/cli.js -> docs/rules/, as in the package and the .vsix.
    docsDir: join(__dirname, '..', 'docs', 'rules'),
  }).then((code) => {
    process.exitCode = code;
  });
}
