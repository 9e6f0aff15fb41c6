// What the server tells the user about itself, in the client's log (VS Code: the "Scope YAML"
// output channel) and as progress: how it started (versions, where settings come from), which
// .scope-lint.yaml applies to a file, slow checks, and a progress indicator while a check is slow.
import type { Connection, InitializeParams } from 'vscode-languageserver/node';
import { serverName, serverVersion } from '../../shared/protocol';

/**
 * A check that takes longer than this shows progress in the client, and is logged with its time
 * (SCOPE_SLOW_CHECK_MS overrides it, for tests).
 */
const fromEnvironment = Number(process.env.SCOPE_SLOW_CHECK_MS);
export const slowCheckMs =
  Number.isFinite(fromEnvironment) && fromEnvironment >= 0 && process.env.SCOPE_SLOW_CHECK_MS !== '' ? fromEnvironment : 1_000;

/** The start-up line: server and Node versions, the client, and where settings come from. */
export function startupMessage(params: InitializeParams, trusted: boolean): string {
  const client = params.clientInfo
    ? `${params.clientInfo.name}${params.clientInfo.version ? ` ${params.clientInfo.version}` : ''}`
    : 'an unnamed client';
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const fromClient = !!params.capabilities.workspace?.configuration;
  const settings = [
    'built-in defaults',
    fromClient ? "the client's `scope` settings" : undefined,
    trusted ? "a .scope-lint.yaml in the file's folder or above (it wins)" : undefined,
  ].filter((s): s is string => s !== undefined);
  return [
    `${serverName} ${serverVersion} started (Node ${process.version}) for ${client}.`,
    `Workspace: ${folders.length > 0 ? folders.join(', ') : 'no folder'}.`,
    `Settings: ${settings.join(', then ')}.${trusted ? '' : ' The workspace is not trusted, so its .scope-lint.yaml is ignored.'}`,
  ].join('\n');
}

/**
 * Logs, once per document and file, which .scope-lint.yaml applies (or that none does), so a
 * finding that differs from CI can be traced to its settings.
 */
export class ConfigLog {
  private readonly told = new Map<string, string>();

  constructor(private readonly log: (message: string) => void) {}

  used(uri: string, configPath: string | undefined): void {
    const what = configPath ?? '';
    if (this.told.get(uri) === what) return;
    this.told.set(uri, what);
    this.log(
      configPath ? `${uri}: settings from ${configPath}` : `${uri}: no .scope-lint.yaml applies; built-in defaults and client settings`,
    );
  }

  forget(uri: string): void {
    this.told.delete(uri);
  }

  clear(): void {
    this.told.clear();
  }
}

/**
 * Runs `check`; when it is still running after `slowCheckMs`, shows "Checking <file>" progress in
 * the client (window/workDoneProgress, where supported) until it ends, and logs its duration.
 */
export async function checkWithFeedback<T>(
  connection: Connection,
  supportsProgress: boolean,
  uri: string,
  check: () => Promise<T>,
  log: (message: string) => void,
): Promise<T> {
  const started = Date.now();
  let progress: { done(): void } | undefined;
  let ended = false;
  const timer = setTimeout(() => {
    if (!supportsProgress) return;
    connection.window
      .createWorkDoneProgress()
      .then((reporter) => {
        if (ended) {
          reporter.done();
          return;
        }
        reporter.begin('Scope YAML', undefined, `Checking ${uri.slice(uri.lastIndexOf('/') + 1)}`);
        progress = reporter;
      })
      .catch(() => undefined);
  }, slowCheckMs);
  try {
    return await check();
  } finally {
    ended = true;
    clearTimeout(timer);
    progress?.done();
    const ms = Date.now() - started;
    if (ms >= slowCheckMs) log(`Checking ${uri} took ${(ms / 1000).toFixed(1)} s.`);
  }
}
