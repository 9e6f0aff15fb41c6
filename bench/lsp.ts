// One small LSP client for both servers: spawns a server over stdio, answers what it asks
// (workspace/configuration by section, registrations, applyEdit) and resolves waits as messages
// arrive, so a timing is the server's, not a polling interval's.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface ServerSpec {
  readonly name: string;
  readonly command: readonly string[];
  readonly languageId: string;
  /** Answers to workspace/configuration, by section; also sent in didChangeConfiguration. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Asks for its settings (workspace/configuration) as soon as they change, before any document is open. */
  readonly pullsOnChange: boolean;
}

interface Publish {
  readonly uri: string;
  readonly version?: number;
  readonly diagnostics: readonly unknown[];
  readonly at: number;
}

type Waiter = (publish: Publish) => boolean;

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ): 100 on Linux. */
const ticksPerSecond = 100;

export class BenchClient {
  readonly connection: MessageConnection;
  readonly child: ChildProcessWithoutNullStreams;
  readonly spawnedAt: number;
  initializedAt = 0;
  readonly stderr: string[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly editWaiters = new Set<(error?: Error) => void>();
  private readonly versions = new Map<string, number>();
  private configured: (() => void) | undefined;

  private constructor(readonly spec: ServerSpec) {
    this.spawnedAt = performance.now();
    const [command, ...args] = spec.command;
    this.child = spawn(command ?? process.execPath, args, { stdio: 'pipe' });
    this.child.stderr.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 200) this.stderr.push(chunk.toString());
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: Omit<Publish, 'at'>) => {
      const publish = { ...params, at: performance.now() };
      for (const waiter of [...this.waiters]) if (waiter(publish)) this.waiters.delete(waiter);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      const answer = params.items.map((item) => (item.section ? (spec.settings[item.section] ?? null) : spec.settings));
      const done = this.configured;
      this.configured = undefined;
      setImmediate(() => done?.());
      return answer;
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/applyEdit', () => {
      for (const waiter of [...this.editWaiters]) waiter();
      this.editWaiters.clear();
      return { applied: true };
    });
    this.connection.onRequest('window/showMessageRequest', () => null);
    // Fix all that has nothing to apply says so in a message instead of an edit.
    this.connection.onNotification('window/showMessage', (params: { message: string }) => {
      for (const waiter of [...this.editWaiters]) waiter(new Error(`${spec.name}: ${params.message}`));
      this.editWaiters.clear();
    });
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  /** Spawns the server and initializes it; `initializedAt - spawnedAt` is start → initialize result. */
  static async start(spec: ServerSpec, rootUri: string): Promise<BenchClient> {
    const client = new BenchClient(spec);
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true },
          applyEdit: true,
        },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
          codeAction: {
            dataSupport: true,
            resolveSupport: { properties: ['edit'] },
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
          },
        },
      },
    });
    client.initializedAt = performance.now();
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  /** Sends the settings (didChangeConfiguration) and waits until the server has pulled them (workspace/configuration), at most `timeoutMs`. */
  async configure(timeoutMs = 5_000): Promise<void> {
    if (!this.spec.pullsOnChange) {
      await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: this.spec.settings });
      return;
    }
    const pulled = new Promise<void>((resolve) => {
      this.configured = resolve;
      setTimeout(resolve, timeoutMs).unref();
    });
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: this.spec.settings });
    await pulled;
  }

  /** Resolves with the first publish for `uri` that `accept` takes, sent after this call. */
  nextDiagnostics(uri: string, accept: (p: Publish) => boolean = () => true, timeoutMs = 120_000): Promise<Publish> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`${this.spec.name}: no diagnostics for ${uri} within ${timeoutMs} ms; ${this.stderr.join('').slice(-500)}`));
      }, timeoutMs);
      const waiter: Waiter = (p) => {
        if (p.uri !== uri || !accept(p)) return false;
        clearTimeout(timer);
        resolve(p);
        return true;
      };
      this.waiters.add(waiter);
    });
  }

  /** The next workspace/applyEdit from the server. */
  nextApplyEdit(timeoutMs = 120_000): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.spec.name}: no workspace/applyEdit within ${timeoutMs} ms`)), timeoutMs);
      this.editWaiters.add((error) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(performance.now());
      });
    });
  }

  /** Opens the document; resolves with the time to its first diagnostics. */
  async open(uri: string, text: string): Promise<{ ms: number; count: number }> {
    this.versions.set(uri, 1);
    const first = this.nextDiagnostics(uri, (p) => p.version === undefined || p.version === 1);
    const sent = performance.now();
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: this.spec.languageId, version: 1, text },
    });
    const p = await first;
    return { ms: p.at - sent, count: p.diagnostics.length };
  }

  /** One incremental change (insert or delete at a position); resolves with the time to the diagnostics of that version. */
  async change(
    uri: string,
    range: { start: { line: number; character: number }; end: { line: number; character: number } },
    text: string,
  ): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const next = this.nextDiagnostics(uri, (p) => p.version === undefined || p.version === version);
    const sent = performance.now();
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return (await next).at - sent;
  }

  async timed<R>(method: string, params: unknown): Promise<{ ms: number; result: R }> {
    const sent = performance.now();
    const result = await this.connection.sendRequest<R>(method, params);
    return { ms: performance.now() - sent, result };
  }

  /** CPU seconds the server process has used so far (all its threads: utime + stime). */
  cpuSeconds(): number {
    const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), from field 3 on.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  }

  /** Peak resident set size of the server process, in MB (VmHWM). */
  peakRssMb(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return kb / 1024;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 3000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // Already gone: the kill below is enough.
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
