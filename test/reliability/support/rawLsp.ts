// A raw JSON-RPC peer for the language server: spawns `node dist/server.js --stdio`, writes framed
// (or deliberately malformed) messages and parses what comes back. For what a well-behaved client
// library would never send: error answers to the server's own requests, stray replies, broken
// framing, requests outside the LSP lifecycle. Waits poll with a deadline; never a fixed sleep.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../support/paths';

export interface RawMessage {
  readonly jsonrpc?: string;
  readonly id?: number | string | null;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { code: number; message: string; data?: unknown };
}

export class RawLsp {
  readonly child: ChildProcessWithoutNullStreams;
  /** Every message the server sent, in arrival order. */
  readonly received: RawMessage[] = [];
  readonly stderr: string[] = [];
  exitCode: number | null | undefined;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  /** Answers to the server's requests by method; unlisted requests get a `null` result. */
  readonly answers = new Map<string, (message: RawMessage) => RawMessage | undefined>();
  /** Requests of these methods are never answered (a client that hangs). */
  readonly unanswered = new Set<string>();

  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.child = spawn(process.execPath, [join(repoRoot, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe', env });
    this.child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.on('exit', (code) => (this.exitCode = code));
    // A server that exits mid-write must not fail the test process with EPIPE.
    this.child.stdin.on('error', () => undefined);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: *(\d+)/i.exec(header)?.[1]);
      if (!Number.isFinite(length) || this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      const message = JSON.parse(body) as RawMessage;
      this.received.push(message);
      if (message.method !== undefined && message.id !== undefined && !this.unanswered.has(message.method)) {
        const answer = this.answers.get(message.method)?.(message) ?? { jsonrpc: '2.0', id: message.id, result: null };
        this.send(answer);
      }
    }
  }

  /** Writes raw bytes: for framing errors. */
  write(bytes: string | Buffer): void {
    if (!this.child.stdin.destroyed) this.child.stdin.write(bytes);
  }

  send(message: RawMessage | Record<string, unknown>): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Sends a request and returns its id; `response(id)` waits for the answer. */
  request(method: string, params: unknown): number {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return id;
  }

  async response(id: number, timeoutMs = 10_000): Promise<RawMessage> {
    return this.waitFor((m) => m.id === id && m.method === undefined, `the response to request ${id}`, timeoutMs);
  }

  async call(method: string, params: unknown, timeoutMs = 10_000): Promise<RawMessage> {
    return this.response(this.request(method, params), timeoutMs);
  }

  /** Waits until the server has sent a message matching `predicate`. */
  async waitFor(predicate: (m: RawMessage) => boolean, what: string, timeoutMs = 10_000): Promise<RawMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(predicate);
      if (found) return found;
      if (this.exitCode !== undefined)
        throw new Error(`the server exited (code ${this.exitCode}) before ${what}; stderr: ${this.stderr.join('')}`);
      if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms; stderr: ${this.stderr.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Waits for the diagnostics of `uri` at `version`. */
  async diagnostics(uri: string, version: number, timeoutMs = 10_000): Promise<{ code?: unknown; message: string }[]> {
    const found = await this.waitFor(
      (m) =>
        m.method === 'textDocument/publishDiagnostics' &&
        (m.params as { uri: string; version?: number }).uri === uri &&
        (m.params as { version?: number }).version === version,
      `diagnostics for ${uri} v${version}`,
      timeoutMs,
    );
    return (found.params as { diagnostics: { code?: unknown; message: string }[] }).diagnostics;
  }

  /** Waits for the process to exit; its exit code, or undefined if it still runs at the deadline. */
  async exited(timeoutMs: number): Promise<number | null | undefined> {
    const deadline = Date.now() + timeoutMs;
    while (this.exitCode === undefined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    return this.exitCode;
  }

  /** `initialize` with the given client capabilities, then `initialized`. */
  async initialize(capabilities: Record<string, unknown> = {}, initializationOptions?: unknown): Promise<RawMessage> {
    const answer = await this.call('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
      workspaceFolders: null,
      ...(initializationOptions !== undefined ? { initializationOptions } : {}),
    });
    this.notify('initialized', {});
    return answer;
  }

  open(uri: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'scope-yaml', version, text } });
  }

  kill(): void {
    if (this.exitCode === undefined) this.child.kill();
  }
}
