// A real LSP client for protocol tests: spawns `node dist/server.js --stdio` and speaks JSON-RPC
// over its stdio. Waits poll for notifications with a deadline; never a fixed sleep.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { Diagnostic, WorkspaceEdit } from 'vscode-languageserver-types';
import { repoRoot } from './paths';

export interface LspClientOptions {
  /** Answers to workspace/configuration requests (the `scope` section); undefined = client does not support it. */
  readonly configuration?: unknown;
  readonly rootUri?: string;
  readonly capabilities?: Record<string, unknown>;
  /** Sent as `initializationOptions` (the VS Code client sends `{ workspaceTrusted }`). */
  readonly initializationOptions?: unknown;
  /** Environment of the server process (default: this process's). */
  readonly env?: NodeJS.ProcessEnv;
  /** Runs the server under another program, e.g. `['unshare', '-n']`; then `node` and its arguments. */
  readonly wrapper?: readonly string[];
  /** Extra `node` options, e.g. `['--require', preload]`. */
  readonly nodeOptions?: readonly string[];
}

export class LspClient {
  readonly connection: MessageConnection;
  readonly child: ChildProcessWithoutNullStreams;
  /** Every publishDiagnostics notification, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** Every capability the server registered dynamically. */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly stderr: string[] = [];
  /** How many times the server asked the client to pull diagnostics again (workspace/diagnostic/refresh). */
  diagnosticRefreshes = 0;
  /** Every window/showMessage notification, in arrival order. */
  readonly messages: { type: number; message: string }[] = [];
  /** Every workspace/applyEdit the server asked for (each is answered as applied). */
  readonly appliedEdits: { label?: string; edit: WorkspaceEdit }[] = [];
  /** Every window/logMessage text, in arrival order. */
  readonly logs: string[] = [];
  /** Every $/progress notification (work done progress), in arrival order. */
  readonly progress: { token: unknown; value: { kind: string; title?: string; message?: string } }[] = [];
  /** What the server answered to `initialize`: its capabilities and serverInfo. */
  initializeResult: { capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } } | undefined;
  private versions = new Map<string, number>();
  private texts = new Map<string, string>();

  private constructor(readonly options: LspClientOptions) {
    const command = [
      ...(options.wrapper ?? []),
      process.execPath,
      ...(options.nodeOptions ?? []),
      join(repoRoot, 'dist', 'server.js'),
      '--stdio',
    ];
    this.child = spawn(command[0] ?? process.execPath, command.slice(1), { stdio: 'pipe', env: options.env ?? process.env });
    this.child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
      params.items.map(() => options.configuration ?? null),
    );
    this.connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.onRequest('workspace/applyEdit', (params: { label?: string; edit: WorkspaceEdit }) => {
      this.appliedEdits.push(params);
      return { applied: true };
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    this.connection.onNotification('$/progress', (params: LspClient['progress'][number]) => {
      this.progress.push(params);
    });
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.diagnosticRefreshes++;
      return null;
    });
    this.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.messages.push(params);
    });
    this.connection.listen();
  }

  static async start(options: LspClientOptions = {}): Promise<LspClient> {
    const client = new LspClient(options);
    const capabilities = options.capabilities ?? {
      workspace: {
        configuration: options.configuration !== undefined,
        didChangeConfiguration: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true },
      },
      textDocument: {
        publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: {
          dataSupport: true,
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
        },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
      },
    };
    client.initializeResult = await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      capabilities,
      workspaceFolders: null,
      ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  async open(uri: string, text: string, languageId = 'scope-yaml'): Promise<void> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text (a full-document change); returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  /** Waits until diagnostics for `uri` at `version` (default: the latest sent) have been published. */
  async diagnostics(uri: string, version = this.version(uri), timeoutMs = 10_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = [...this.published].reverse().find((p) => p.uri === uri && p.version === version);
      if (found) return found.diagnostics;
      if (Date.now() > deadline)
        throw new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms; stderr: ${this.stderr.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; killing it below is enough.
    }
    this.connection.dispose();
    this.child.kill();
  }
}
