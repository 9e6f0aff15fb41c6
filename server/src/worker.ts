// The worker threads' bundle (dist/worker.js): the engine only, without the language server's
// protocol library or the command line's formatters, so each worker loads and warms faster and
// holds less code than when it re-ran the whole server or CLI bundle. One file serves both: the
// server's validation workers and the CLI's lint workers, told apart by their `workerData` role.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runWorker, workerRole, type WorkerInit } from './cli/pool';
import { isValidationWorker, runValidationWorker } from './validationWorker';

if (isValidationWorker()) runValidationWorker();
else if (!isMainThread && (workerData as Partial<WorkerInit> | undefined)?.role === workerRole && parentPort)
  runWorker(workerData as WorkerInit, parentPort);
