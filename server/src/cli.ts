// scope-lint: the command-line linter. Same engine, rules, .scope-lint.yaml and suppressions as
// the editor, so CI reports exactly what the editor shows. This file only wires `runCli` to the
// process; large batches are checked on worker threads (dist/worker.js, see worker.ts).
//
// The engine is loaded only when needed (`require`: esbuild evaluates a required module on first
// use), so `scope-lint --help` and `--version` answer without loading rules, schemas or parser.
import { join } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { usage, version } from './cli/usage';

type Pool = typeof import('./cli/pool');
type Run = typeof import('./cli/run');
type WorkerData = import('./cli/pool').WorkerInit;

const workerRole: Pool['workerRole'] = 'scope-lint-worker';
const argv = process.argv.slice(2);
/** `--help` or `--version` alone: exactly what runCli prints for them. */
const quickAnswers = new Map([
  ['--help', usage],
  ['-h', usage],
  ['--version', version],
  ['-v', version],
]);
const quick = argv.length === 1 ? quickAnswers.get(argv[0] as string) : undefined;

if (!isMainThread && (workerData as Partial<WorkerData> | undefined)?.role === workerRole && parentPort) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above)
  (require('./cli/pool') as Pool).runWorker(workerData as WorkerData, parentPort);
} else if (quick !== undefined) {
  process.stdout.on('error', () => {});
  process.stdout.write(`${quick}\n`);
} else {
  // Write errors are handled where the report is written (runCli); the events must not be fatal.
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above)
  const { workerBundle } = require('./workerBundle') as typeof import('./workerBundle');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above)
  void (require('./cli/run') as Run)
    .runCli(argv, {
      stdout: process.stdout,
      stderr: process.stderr,
      cwd: process.cwd(),
      env: process.env,
      workerFile: workerBundle(__filename),
      stdin: process.stdin,
      // dist/cli.js -> docs/rules/, as in the package and the .vsix.
      docsDir: join(__dirname, '..', 'docs', 'rules'),
    })
    .then((code) => {
      process.exitCode = code;
    });
}
