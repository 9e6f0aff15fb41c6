// The language server process: connection, documents, capabilities and the handler table.
// Each handler is a guard plus one call into the pure service, wrapped in runSafe. The same bundle,
// started as a worker thread, is the validation worker (validationWorker.ts).
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  type DiagnosticServerCancellationData,
  type DocumentDiagnosticReport,
  ErrorCodes,
  LSPErrorCodes,
  FileChangeType,
  ProposedFeatures,
  ResponseError,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { basename, dirname, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AnalysisCache, type Snapshot } from './analysisCache';
import type { ScopeDocument } from './service/document';
import { ConfigFiles, configDiagnosticsByFile, fileSystemPath, isConfigUri } from './config';
import { checkWithFeedback, ConfigLog, startupMessage } from './feedback';
import { fromClientSettings } from './settings';
import {
  codeActions,
  fixAllAction,
  fixAllCommand,
  fixAllKind,
  isFixActionData,
  quickFixKind,
  resolveFixAction,
  wantsFixAll,
} from './service/codeActions';
import { completion } from './service/completion';
import { foldingRanges, selectionRanges } from './service/folding';
import { hover } from './service/hover';
import { definition, prepareRename, references, rename } from './service/references';
import { exportRegister, riskReport } from './service/report';
import { documentSymbols } from './service/symbols';
import { mergeSettings, type RuleSettings } from './service/settings';
import { fixAllReport } from './service/fixAll';
import { validate } from './service/validate';
import {
  defaultCheckTimeoutMs,
  isValidationWorker,
  parseTimeoutProblem,
  ruleErrorLine,
  runValidationWorker,
  Validator,
} from './validationWorker';
import { runWithinTime } from './watchdog';
import { workerBundle } from './workerBundle';
import type { Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import {
  configurationSection,
  exportRegisterRequest,
  riskReportRequest,
  type ExportRegisterParams,
  type ExportRegisterResult,
  type RiskReportParams,
  type RiskReportResult,
  serverName,
  serverVersion,
  workspaceTrustedNotification,
  type InitializationOptions,
} from '../../shared/protocol';

/**
 * Up to this size a document is parsed and checked on the main thread (a scope file is a few KB;
 * checking 32 KB takes some 15 ms): no second parse on a worker, no copy between threads, and no
 * worker at all (its engine costs memory) until a larger file or a slow one needs it. The same
 * size is where the worker starts checking a document incrementally (validationWorker.ts).
 * `SCOPE_MAIN_THREAD_KB` overrides it; 0 sends every check to a worker.
 */
const mainThreadChars = sizeFromEnvironment(process.env.SCOPE_MAIN_THREAD_KB, 32 * 1024);

/**
 * At most this long a parse, check or fix all runs on the main thread (V8's watchdog stops it, see
 * runWithinTime); a document that needs longer goes to a worker from then on (see slowHere).
 */
const mainThreadWorkMs = 500;

function sizeFromEnvironment(kb: string | undefined, fallback: number): number {
  const value = kb === undefined || kb.trim() === '' ? NaN : Number(kb);
  return Number.isFinite(value) && value >= 0 ? Math.round(value * 1024) : fallback;
}

/** At most this long a check on the main thread waits for the changes already on their way (see settled). */
const settleMs = 50;

/** How long hover waits for a validation in progress before answering without its findings. */
const hoverWaitMs = 300;

/**
 * A larger document is parsed on the main thread only after a validation worker parsed it, with
 * no input problem, within this time: a text that freezes the parser freezes a worker (which has a
 * time bound and a heap limit), never hover, outline or completion of every other file.
 */
const mainThreadParseBudgetMs = 5_000;

/** A client that does not answer `workspace/configuration` within this time gets the defaults. */
const configurationTimeoutMs = 3_000;

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** At most this many positions in one selectionRange request (100,000 took 24 s on the main thread). */
const maxSelectionPositions = 1_000;
/** Policy files watched at most (a config reads at most 32; this is many configs' worth). */
const maxWatchedPolicies = 256;

/** Set by `shutdown`: afterwards only `exit` is accepted and nothing is published. */
let shutdownReceived = false;

/**
 * The stdio transport, with its reader's errors handled: after a framing error (a wrong
 * Content-Length, a missing header) the reader would wait forever for a message that never
 * starts, a server alive but deaf. It exits instead, so the client restarts it.
 */
function stdioTransport(): [StreamMessageReader, StreamMessageWriter] | undefined {
  if (!process.argv.includes('--stdio')) return undefined;
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError((error) => {
    process.stderr.write(
      `Scope language server: unreadable message from the client (${error.message}); exiting so that it restarts the server.\n`,
    );
    process.exit(1);
  });
  // What vscode-languageserver does for a stdio stream it owns: the client went away.
  const exit = () => process.exit(shutdownReceived ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  return [reader, writer];
}

function startLanguageServer(): void {
  const stdio = stdioTransport();
  const connection: Connection = stdio ? createConnection(ProposedFeatures.all, ...stdio) : createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const cache = new AnalysisCache();
  const timeoutFromEnvironment = Number(process.env.SCOPE_CHECK_TIMEOUT_MS);
  const checkTimeoutMs = timeoutFromEnvironment > 0 ? timeoutFromEnvironment : defaultCheckTimeoutMs;
  const validator = new Validator({
    workerFile: workerBundle(__filename),
    timeoutMs: checkTimeoutMs,
    log: (message) => connection.console.error(message),
  });
  // Until the client says otherwise (older clients, other editors), the workspace is trusted.
  let workspaceTrusted = true;
  // VS Code shows the diagnostic's message above the hover: the hover then leaves it out.
  let diagnosticsInHover = false;

  let supportsConfiguration = false;
  let supportsDynamicConfiguration = false;
  let supportsWorkspaceFolders = false;
  // Watching .scope-lint.yaml ourselves lets every client (not only VS Code) pick up config edits.
  let supportsDynamicFileWatching = false;
  // LSP 3.18 SnippetTextEdit: placeholders of a quick fix become tab stops (vscode-languageclient 10 sends it).
  let supportsSnippetEdits = false;
  // codeAction/resolve with `edit`: a quick fix's edit is sent only for the fix the user picks.
  let supportsResolveEdits = false;
  // Versioned workspace edits: a fix all the client applies after the document moved on is refused, not misplaced.
  let supportsDocumentChanges = false;
  // window/workDoneProgress: a slow check shows "Checking <file>" in the client.
  let supportsProgress = false;
  let startup = '';
  // LSP 3.17 pull diagnostics: the client asks for the documents it shows, so nobody's hidden files are checked.
  let pullDiagnostics = false;
  let supportsDiagnosticRefresh = false;
  /** The result id of each diagnostics array handed out (the cache keeps one array per text and settings). */
  const resultIds = new WeakMap<readonly Diagnostic[], string>();
  let nextResultId = 1;
  // .scope-lint.yaml files; each (re)read publishes its own problems on the config file.
  const configs = new ConfigFiles((config) => {
    for (const [path, diagnostics] of configDiagnosticsByFile(config)) sendDiagnostics({ uri: pathToFileURL(path).href, diagnostics });
    watchPolicies(config.extended ?? []);
  });
  // The policy files configs extend (a shared file, a package in node_modules) can be anywhere: each
  // one read is watched by its own path, so editing it re-checks like editing the config.
  const watchedPolicies = new Set<string>();
  let initializedReceived = false;
  let supportsRelativePatterns = false;
  function watchPolicies(paths: readonly string[]): void {
    if (!initializedReceived || !supportsDynamicFileWatching) return;
    const fresh = paths.filter((p) => !watchedPolicies.has(p)).slice(0, Math.max(0, maxWatchedPolicies - watchedPolicies.size));
    if (fresh.length === 0) return;
    for (const path of fresh) watchedPolicies.add(path);
    const watchers = fresh.map((path) => ({
      globPattern: supportsRelativePatterns
        ? { baseUri: pathToFileURL(dirname(path)).href, pattern: basename(path) }
        : path.split(sep).join('/'),
    }));
    connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers })
      .catch(logFailure('client/registerCapability (workspace/didChangeWatchedFiles, policy files)'));
  }
  const reportedSettings = new Set<string>();
  const configLog = new ConfigLog((message) => connection.console.info(message));
  const settingsByUri = new Map<string, Promise<RuleSettings>>();
  /** The last settings each document was checked with, by content (see unchangedSettings). */
  const lastSettings = new Map<string, { readonly key: string; readonly settings: RuleSettings }>();
  const scheduled = new Set<string>();

  // A promise nobody caught (a client that rejects a request, a stray reply to one of ours) is a
  // bug to log, never a reason to exit: Node's default makes it fatal.
  process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${describeError(reason)}`));

  /** Every request the server sends can fail (the client answers with an error): log it and go on. */
  function logFailure(what: string): (error: unknown) => void {
    return (error) => connection.console.error(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  }

  /** The client's `scope` settings, or undefined when it answers with an error or not within the time bound. */
  function clientSettings(uri: string): Promise<unknown> {
    if (!supportsConfiguration) return Promise.resolve(undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => {
        connection.console.warn(
          `workspace/configuration: no answer from the client within ${configurationTimeoutMs / 1000} s for ${uri}; using the default settings.`,
        );
        resolve(undefined);
      }, configurationTimeoutMs);
    });
    const answer = connection.workspace.getConfiguration({ scopeUri: uri, section: configurationSection }).then(
      (raw: unknown) => raw,
      (error: unknown) => {
        logFailure('workspace/configuration')(error);
        return undefined;
      },
    );
    return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
  }

  let initializeReceived = false;

  /** The LSP lifecycle: no request before `initialize`, none after `shutdown`; the error to answer with, if so. */
  function notServing<D = void>(data?: D): ResponseError<D> | undefined {
    if (!initializeReceived)
      return new ResponseError(ErrorCodes.ServerNotInitialized, 'The server is not initialized: send initialize first.', data);
    if (shutdownReceived) return new ResponseError(ErrorCodes.InvalidRequest, 'The server is shutting down: only exit is accepted.', data);
    return undefined;
  }

  /** Every request handler runs inside the lifecycle. */
  function lifecycle<P, R>(handler: (params: P) => R): (params: P) => R | ResponseError {
    return (params) => notServing() ?? handler(params);
  }

  /** Diagnostics go out only until `shutdown`. */
  function sendDiagnostics(params: PublishDiagnosticsParams): void {
    if (shutdownReceived) return;
    connection.sendDiagnostics(params).catch(logFailure('publishDiagnostics'));
  }

  /** Runs a handler; a bug is logged and answered with a neutral result, never a crash. */
  function runSafe<T>(name: string, fallback: T, body: () => T): T {
    try {
      return body();
    } catch (error) {
      connection.console.error(`${name} failed: ${describeError(error)}`);
      return fallback;
    }
  }

  /** Defaults < VS Code settings < .scope-lint.yaml: the file is the repository's shared truth, as in CI. */
  function settingsFor(uri: string): Promise<RuleSettings> {
    let settings = settingsByUri.get(uri);
    if (!settings) {
      // In an untrusted workspace the repository's config is not read: it could silence every risk.
      const fromFile = () =>
        workspaceTrusted
          ? runSafe('config', undefined, () => {
              const config = configs.forDocument(uri);
              configLog.used(uri, config?.path);
              return config?.settings;
            })
          : undefined;
      // ... nor do the file's own suppression comments hide anything (restrictedMode).
      const restricted = (merged: RuleSettings): RuleSettings => (workspaceTrusted ? merged : { ...merged, restrictedMode: true });
      settings = clientSettings(uri)
        .then((raw: unknown) => restricted(mergeSettings(fromClientSettings(raw, reportUnknownRule, reportBadSetting), fromFile())))
        .catch(() => restricted(mergeSettings(fromFile())))
        .then((read) => unchangedSettings(uri, read));
      settingsByUri.set(uri, settings);
    }
    return settings;
  }

  /**
   * The settings a document had before, when these read again have the same content: the checks
   * already made (cached, or running on a worker) stay valid, and a configuration change that
   * changes nothing (vscode-languageclient sends one right after start) starts no second check.
   */
  function unchangedSettings(uri: string, read: RuleSettings): RuleSettings {
    const key = JSON.stringify(read);
    const before = lastSettings.get(uri);
    if (before?.key === key) return before.settings;
    lastSettings.set(uri, { key, settings: read });
    return read;
  }

  function reportUnknownRule(id: string): void {
    reportBadSetting(`Setting scope.rules: unknown rule id "${id}" is ignored.`);
  }

  /** Each ignored setting is reported once (until the settings change), not once per document. */
  function reportBadSetting(message: string): void {
    if (reportedSettings.has(message)) return;
    reportedSettings.add(message);
    connection.console.warn(message);
  }

  /** Validates the latest version of a document on the next turn of the event loop (push mode: pull clients ask). */
  function schedule(uri: string): void {
    if (pullDiagnostics || scheduled.has(uri)) return;
    scheduled.add(uri);
    setImmediate(() => {
      scheduled.delete(uri);
      publish(uri).catch(logFailure(`checking ${uri}`));
    });
  }

  /**
   * The document as it is now. TextDocuments updates its document objects in place, and a client
   * may reuse a version number with new text: keep the version and the text, not the object.
   */
  function snapshotOf(uri: string): Snapshot | undefined {
    const document = documents.get(uri);
    return document ? { uri, version: document.version, text: document.getText() } : undefined;
  }

  function isCurrent(snapshot: Snapshot): boolean {
    const document = documents.get(snapshot.uri);
    return document !== undefined && document.version === snapshot.version && document.getText() === snapshot.text;
  }

  async function publish(uri: string): Promise<void> {
    const snapshot = snapshotOf(uri);
    if (!snapshot) return;
    const pendingSettings = settingsFor(uri);
    const settings = await pendingSettings;
    // A check here holds the thread: first let the changes already sent come in (a paste, a burst).
    if (workHere(snapshot)) await settled(uri);
    // A newer version arrived while settings were read: its own scheduled run will publish.
    if (!isCurrent(snapshot)) return;
    const diagnostics = await validated(snapshot, settings);
    // Never a stale result: the document may have changed, closed or got new settings while the worker ran.
    if (!diagnostics || !isCurrent(snapshot) || settingsByUri.get(uri) !== pendingSettings) return;
    sendDiagnostics({ uri, version: snapshot.version, diagnostics: [...diagnostics] });
  }

  /**
   * The check under way for each document: every request that needs this text's diagnostics while
   * it runs (the pull, the code actions, hover) waits for the same check, with one progress
   * indicator and one slow-check line.
   */
  const checking = new Map<
    string,
    { readonly snapshot: Snapshot; readonly settings: RuleSettings; readonly result: Promise<readonly Diagnostic[] | undefined> }
  >();

  /** This text's diagnostics, from the cache or a validation worker; undefined once superseded. */
  function validated(snapshot: Snapshot, settings: RuleSettings): Promise<readonly Diagnostic[] | undefined> {
    const cached = cache.cached(snapshot, settings);
    if (cached) return Promise.resolve(cached);
    const running = checking.get(snapshot.uri);
    if (
      running &&
      running.snapshot.version === snapshot.version &&
      running.snapshot.text === snapshot.text &&
      running.settings === settings
    )
      return running.result;
    const result = checkWithFeedback(
      connection,
      supportsProgress,
      snapshot.uri,
      () => checkedHere(snapshot, settings) ?? validator.validate(snapshot, settings),
      (m) => connection.console.info(m),
    ).then((diagnostics) => {
      if (diagnostics) cache.store(snapshot, settings, diagnostics);
      return diagnostics;
    });
    checking.set(snapshot.uri, { snapshot, settings, result });
    const done = (): void => {
      if (checking.get(snapshot.uri)?.result === result) checking.delete(snapshot.uri);
    };
    result.then(done, done);
    return result;
  }

  /**
   * Resolves once a turn of the event loop brought no new version of this document (at most
   * `settleMs`): vscode-jsonrpc hands over one message per turn, so a check on this thread between
   * two queued changes would be thrown away at once, and a burst would cost a check per change.
   */
  async function settled(uri: string): Promise<void> {
    const deadline = Date.now() + settleMs;
    let version = documents.get(uri)?.version;
    while (Date.now() < deadline) {
      // Two setImmediate hops, not setTimeout (at least 1 ms): a message read meanwhile is handed
      // over by vscode-jsonrpc's own setImmediate, which runs between the two.
      await new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));
      const now = documents.get(uri)?.version;
      if (now === version) return;
      version = now;
    }
  }

  /**
   * Documents whose parse, check or fix all overran `mainThreadWorkMs` here: the worker (with its
   * time bound and heap limit) takes them from then on, until they are closed.
   */
  const slowHere = new Set<string>();

  /** Whether this text is small enough, and its document quick enough so far, to work on here. */
  function workHere(snapshot: Snapshot): boolean {
    return snapshot.text.length <= mainThreadChars && !slowHere.has(snapshot.uri);
  }

  /**
   * Work on this thread under V8's watchdog (`mainThreadWorkMs`, or the check's own bound if
   * shorter); undefined when it overran (the document then goes to the worker) or failed.
   */
  function boundedHere<T>(snapshot: Snapshot, what: string, work: () => T): T | undefined {
    const run = runWithinTime(work, Math.min(mainThreadWorkMs, checkTimeoutMs));
    if ('value' in run) return run.value;
    if ('timedOut' in run) {
      slowHere.add(snapshot.uri);
      connection.console.info(
        `${what} ${snapshot.uri} (version ${snapshot.version}) took over ${Math.min(mainThreadWorkMs, checkTimeoutMs)} ms on the main thread: a validation worker takes this file from now on.`,
      );
    } else
      connection.console.error(
        `${what} ${snapshot.uri} on the main thread failed: ${describeError(run.error)}; a validation worker takes it.`,
      );
    return undefined;
  }

  /**
   * A small text is checked on this thread: the same engine and settings as a worker's, so the
   * same diagnostics, with no thread hop and one parse shared with hover and outline. A text that
   * overruns the bound, or a check that fails here, goes to a worker.
   */
  function checkedHere(snapshot: Snapshot, settings: RuleSettings): Promise<readonly Diagnostic[]> | undefined {
    if (!workHere(snapshot)) return undefined;
    const diagnostics = boundedHere(
      snapshot,
      'Checking',
      () =>
        validate(cache.model(snapshot, settings), settings, {
          onRuleError: (ruleId, error) => connection.console.error(ruleErrorLine(ruleId, error)),
        }).diagnostics,
    );
    return diagnostics ? Promise.resolve(diagnostics) : undefined;
  }

  /**
   * The model of this text for hover, outline and the other features. A small text is parsed here
   * (bounded, see boundedHere); a larger one only once a worker has parsed it quickly and cleanly
   * (see mainThreadParseBudgetMs).
   */
  async function modelFor(snapshot: Snapshot, settings: RuleSettings): Promise<ScopeDocument> {
    const cached = cache.cachedModel(snapshot, settings);
    if (cached) return cached;
    if (workHere(snapshot)) {
      const model = boundedHere(snapshot, 'Parsing', () => cache.model(snapshot, settings));
      if (model) return model;
    }
    const report = await validator.parsed(snapshot, settings);
    if (report && !report.problem && report.ms <= mainThreadParseBudgetMs && !slowHere.has(snapshot.uri))
      return cache.model(snapshot, settings);
    // The worker refused the text: the same problem, without parsing it again.
    if (report?.problem) return cache.unparsed(snapshot, settings, report.problem);
    const problem = parseTimeoutProblem(report);
    if (isCurrent(snapshot)) connection.console.warn(`${snapshot.uri} (version ${snapshot.version}): ${problem.message}`);
    return cache.unparsed(snapshot, settings, problem);
  }

  /** Hover must not wait for a slow check: the findings if they come within `ms`, else none. */
  function validatedWithin(document: Snapshot, settings: RuleSettings, ms: number): Promise<readonly Diagnostic[]> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
    return Promise.race([validated(document, settings), timeout]).then((diagnostics) => {
      clearTimeout(timer);
      return diagnostics ?? [];
    });
  }

  function revalidateAll(): void {
    settingsByUri.clear();
    configs.invalidate();
    reportedSettings.clear();
    configLog.clear();
    cache.clear();
    if (pullDiagnostics) {
      if (supportsDiagnosticRefresh) connection.languages.diagnostics.refresh().catch(logFailure('workspace/diagnostic/refresh'));
      return;
    }
    for (const document of documents.all()) schedule(document.uri);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    initializeReceived = true;
    const workspace = params.capabilities.workspace;
    supportsConfiguration = !!workspace?.configuration;
    supportsDynamicConfiguration = !!workspace?.didChangeConfiguration?.dynamicRegistration;
    supportsWorkspaceFolders = !!workspace?.workspaceFolders;
    supportsDynamicFileWatching = !!workspace?.didChangeWatchedFiles?.dynamicRegistration;
    supportsRelativePatterns = !!workspace?.didChangeWatchedFiles?.relativePatternSupport;
    supportsSnippetEdits = !!workspace?.workspaceEdit?.snippetEditSupport;
    supportsResolveEdits = !!params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
    supportsDocumentChanges = !!workspace?.workspaceEdit?.documentChanges;
    pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
    supportsDiagnosticRefresh = !!workspace?.diagnostics?.refreshSupport;
    configs.setWorkspaceFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    const options = params.initializationOptions as InitializationOptions | null | undefined;
    workspaceTrusted = options?.workspaceTrusted !== false;
    diagnosticsInHover = options?.diagnosticsInHover === true;
    supportsProgress = !!params.capabilities.window?.workDoneProgress;
    startup = startupMessage(params, workspaceTrusted);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '-', '['] },
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        codeActionProvider: { codeActionKinds: [quickFixKind, fixAllKind], resolveProvider: true },
        executeCommandProvider: { commands: [fixAllCommand] },
        ...(pullDiagnostics
          ? { diagnosticProvider: { identifier: serverName, interFileDependencies: false, workspaceDiagnostics: false } }
          : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: serverName, version: serverVersion },
    };
  });

  connection.onInitialized(() => {
    initializedReceived = true;
    connection.console.info(startup);
    if (supportsConfiguration && supportsDynamicConfiguration) {
      connection.client
        .register(DidChangeConfigurationNotification.type, { section: configurationSection })
        .catch(logFailure('client/registerCapability (workspace/didChangeConfiguration)'));
    }
    if (supportsDynamicFileWatching) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.scope-lint.{yaml,yml}' }] })
        .catch(logFailure('client/registerCapability (workspace/didChangeWatchedFiles)'));
    }
    if (supportsWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(() => {
        connection.workspace
          .getWorkspaceFolders()
          .then((folders) => {
            configs.setWorkspaceFolders((folders ?? []).map((f) => f.uri));
            revalidateAll();
          })
          .catch(logFailure('workspace/workspaceFolders'));
      });
    }
  });

  connection.onShutdown(() => {
    shutdownReceived = true;
    validator.dispose();
  });

  connection.onDidChangeConfiguration(() => revalidateAll());

  connection.onNotification(workspaceTrustedNotification, () => {
    workspaceTrusted = true;
    revalidateAll();
  });

  // The client watches **/.scope-lint.{yaml,yml} and the policy files they extend: a config or
  // policy edit re-validates every open document at once.
  connection.onDidChangeWatchedFiles((params) => {
    revalidateAll();
    if (!workspaceTrusted) return;
    runSafe('config change', undefined, () => {
      for (const change of params.changes) {
        if (!isConfigUri(change.uri)) continue;
        const path = fileSystemPath(change.uri);
        if (change.type === FileChangeType.Deleted || !path) sendDiagnostics({ uri: change.uri, diagnostics: [] });
        else configs.load(path);
      }
    });
  });

  documents.onDidOpen((e) => {
    // A file the main thread will not check: the worker loads while its settings are read.
    if (e.document.getText().length > mainThreadChars) validator.warmUp();
    schedule(e.document.uri);
  });
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    cache.forget(e.document.uri);
    validator.forget(e.document.uri);
    slowHere.delete(e.document.uri);
    settingsByUri.delete(e.document.uri);
    lastSettings.delete(e.document.uri);
    configLog.forget(e.document.uri);
    sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  /** An open document's current text and its settings: the guard of every handler (undefined once it is closed). */
  async function openDocument(uri: string): Promise<{ snapshot: Snapshot; settings: RuleSettings } | undefined> {
    const settings = await settingsFor(uri);
    const snapshot = snapshotOf(uri);
    return snapshot ? { snapshot, settings } : undefined;
  }

  /** The parsed model of an open document under its settings: the guard of every handler that only reads the model. */
  async function modelOf(uri: string): Promise<ScopeDocument | undefined> {
    const open = await openDocument(uri);
    return open ? modelFor(open.snapshot, open.settings) : undefined;
  }

  connection.onHover(
    lifecycle(async (params) => {
      const open = await openDocument(params.textDocument.uri);
      if (!open) return null;
      const { snapshot, settings } = open;
      const [diagnostics, model] = await Promise.all([validatedWithin(snapshot, settings, hoverWaitMs), modelFor(snapshot, settings)]);
      return runSafe('hover', null, () => hover(model, diagnostics, params.position, settings, { messageShown: diagnosticsInHover }));
    }),
  );

  connection.onCompletion(
    lifecycle(async (params) => {
      const model = await modelOf(params.textDocument.uri);
      if (!model) return null;
      return runSafe('completion', null, () => completion(model, params.position));
    }),
  );

  connection.onDocumentSymbol(
    lifecycle(async (params) => {
      const model = await modelOf(params.textDocument.uri);
      if (!model) return null;
      return runSafe('documentSymbol', null, () => documentSymbols(model));
    }),
  );

  connection.onDefinition(
    lifecycle(async (params) => {
      const model = await modelOf(params.textDocument.uri);
      if (!model) return null;
      return runSafe('definition', null, () => definition(model, params.position));
    }),
  );

  connection.onReferences(
    lifecycle(async (params) => {
      const model = await modelOf(params.textDocument.uri);
      if (!model) return null;
      return runSafe('references', null, () => references(model, params.position, params.context.includeDeclaration));
    }),
  );

  connection.onPrepareRename(
    lifecycle(async (params) => {
      const model = await modelOf(params.textDocument.uri);
      if (!model) return null;
      return runSafe('prepareRename', null, () => prepareRename(model, params.position));
    }),
  );

  // A refused rename (invalid or duplicate id) is an error response, which VS Code shows in the rename box.
  connection.onRenameRequest(
    lifecycle(async (params) => {
      const model = await modelOf(params.textDocument.uri);
      if (!model) return null;
      const result = runSafe('rename', null, () => rename(model, params.position, params.newName));
      if (result && 'error' in result) return new ResponseError(ErrorCodes.InvalidParams, result.error);
      return result?.edit ?? null;
    }),
  );

  connection.onFoldingRanges(
    lifecycle(async (params) => {
      const model = await modelOf(params.textDocument.uri);
      if (!model) return null;
      return runSafe('foldingRanges', null, () => foldingRanges(model));
    }),
  );

  connection.onSelectionRanges(
    lifecycle(async (params) => {
      if (params.positions.length > maxSelectionPositions)
        return new ResponseError(
          ErrorCodes.InvalidParams,
          `At most ${maxSelectionPositions.toLocaleString('en-US')} positions per selectionRange request; this one has ${params.positions.length.toLocaleString('en-US')}.`,
        );
      const model = await modelOf(params.textDocument.uri);
      if (!model) return null;
      return runSafe('selectionRanges', null, () => selectionRanges(model, params.positions));
    }),
  );

  // Each diagnostic's data names its finding; the handler never reads message text.
  connection.onCodeAction(
    lifecycle(async (params) => {
      const open = await openDocument(params.textDocument.uri);
      if (!open) return null;
      const { snapshot, settings } = open;
      const diagnostics = (await validated(snapshot, settings)) ?? [];
      const model = await modelFor(snapshot, settings);
      const actions = runSafe('codeAction', [], () =>
        codeActions({
          doc: model,
          diagnostics,
          context: params.context.diagnostics,
          range: params.range,
          ...(params.context.only ? { only: params.context.only } : {}),
          snippets: supportsSnippetEdits,
          resolveEdits: supportsResolveEdits,
          settings,
        }),
      );
      // source.fixAll.scope (editor.codeActionsOnSave): worked out on a validation worker.
      if (wantsFixAll(params.context.only)) {
        const action = fixAllAction(snapshot.uri, await fixAll(snapshot, settings, diagnostics, 'on save'));
        if (action) actions.push(action);
      }
      return actions;
    }),
  );

  // textDocument/diagnostic: this version's findings, or "unchanged" when the client has them already.
  connection.languages.diagnostics.on(
    async (params): Promise<DocumentDiagnosticReport | ResponseError<DiagnosticServerCancellationData>> => {
      const refused = notServing<DiagnosticServerCancellationData>({ retriggerRequest: false });
      if (refused) return refused;
      const open = await openDocument(params.textDocument.uri);
      if (!open) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const diagnostics = await validated(open.snapshot, open.settings);
      // Superseded by a newer version (or settings): the client asks again for that one.
      if (!diagnostics || !isCurrent(open.snapshot))
        return new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed while it was checked.', { retriggerRequest: true });
      let resultId = resultIds.get(diagnostics);
      if (!resultId) {
        resultId = String(nextResultId++);
        resultIds.set(diagnostics, resultId);
      }
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: [...diagnostics] };
    },
  );

  connection.onCodeActionResolve(
    lifecycle(async (action) => {
      const data: unknown = action.data;
      if (action.edit || !isFixActionData(data)) return action;
      const open = await openDocument(data.uri);
      if (!open) return action;
      const { snapshot, settings } = open;
      const model = await modelFor(snapshot, settings);
      const edit = runSafe('codeAction/resolve', undefined, () => resolveFixAction(model, settings, data, supportsSnippetEdits));
      return edit ? { ...action, edit } : action;
    }),
  );

  // "Scope: Fix All Auto-fixable Problems": the source.fixAll.scope edit, applied through the client.
  connection.onExecuteCommand(
    lifecycle(async (params) => {
      const uri: unknown = params.arguments?.[0];
      if (params.command !== fixAllCommand || typeof uri !== 'string' || !documents.get(uri)) return null;
      const open = await openDocument(uri);
      if (!open) return null;
      const { snapshot, settings } = open;
      const edits = await fixAll(snapshot, settings, (await validated(snapshot, settings)) ?? [], 'command');
      if (edits.length === 0) return null;
      const edit: WorkspaceEdit = supportsDocumentChanges
        ? { documentChanges: [{ textDocument: { uri, version: snapshot.version }, edits: [...edits] }] }
        : { changes: { [uri]: [...edits] } };
      const result = await connection.workspace
        .applyEdit({ label: 'Fix all auto-fixable problems', edit })
        .catch(logFailure('workspace/applyEdit'));
      if (result && !result.applied)
        connection.console.warn(`Fix all on ${uri}: the client did not apply the edit (${result.failureReason ?? 'no reason given'}).`);
      return null;
    }),
  );

  /** Messages of fix all already shown, by document version: a second ask of the same version does not repeat them. */
  const fixAllTold = new Set<string>();

  /**
   * Fix all on a worker, under the check's time bound. What it did goes to the log; what the user
   * must know (stopped, a fix that would break the YAML, no fixed point, and for the command also
   * "nothing to fix") goes to a window message.
   */
  async function fixAll(
    snapshot: Snapshot,
    settings: RuleSettings,
    seed: readonly Diagnostic[],
    trigger: 'command' | 'on save',
  ): Promise<readonly TextEdit[]> {
    const { uri, version } = snapshot;
    const tell = (type: MessageType, message: string) => {
      const key = `${uri}@${version}:${trigger}:${message}`;
      if (fixAllTold.has(key)) return;
      if (fixAllTold.size > 200) fixAllTold.clear();
      fixAllTold.add(key);
      void connection.sendNotification(ShowMessageNotification.type, { type, message }).catch(logFailure('window/showMessage'));
    };
    const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    // Diagnostics that say the file was not checked (stopped, refused) seed nothing: the worker works it out.
    const checked = !seed.some((d) => typeof d.code === 'string' && d.code.startsWith('input/'));
    // A small file is fixed here, as it is checked here; one that overruns the bound goes to a worker.
    const here = workHere(snapshot)
      ? boundedHere(snapshot, 'Fixing', () => fixAllReport(cache.model(snapshot, settings), settings, checked ? seed : undefined))
      : undefined;
    const result = here ?? (await validator.fixAll(snapshot, settings, checked ? seed : undefined));
    if (!result) {
      connection.console.log(`Fix all on ${uri} (version ${version}) ${trigger}: not finished, the document changed or closed first.`);
      return [];
    }
    if ('stopped' in result) {
      connection.console.warn(`Fix all on ${uri} (version ${version}) ${trigger}: ${result.reason}`);
      tell(MessageType.Warning, `Scope: ${name}: ${result.reason}`);
      return [];
    }
    connection.console.log(
      `Fix all on ${uri} (version ${version}) ${trigger}: ${result.applied} fix(es) in ${result.rounds} round(s), ${result.edits.length} edit(s), ${result.ms} ms` +
        (result.refused ? `; not run: ${result.refused}` : '') +
        (result.broke.length > 0 ? `; left out (would break the YAML): ${result.broke.join('; ')}` : '') +
        (result.converged ? '' : '; did not reach a fixed point'),
    );
    if (result.refused === 'syntax-errors') {
      if (trigger === 'command')
        tell(
          MessageType.Warning,
          `Scope: fix all changed nothing in ${name}: it has YAML syntax errors. Fix those first (see the Problems panel).`,
        );
      return [];
    }
    if (result.refused === 'input-problem') {
      if (trigger === 'command')
        tell(MessageType.Warning, `Scope: fix all changed nothing in ${name}: the file could not be checked (see the Problems panel).`);
      return [];
    }
    if (result.broke.length > 0)
      tell(
        MessageType.Warning,
        `Scope: fix all left out ${result.broke.length} fix(es) in ${name} that would have broken the YAML (${result.broke.join('; ')}). This is a bug in Scope YAML; the output channel has the details.`,
      );
    if (!result.converged)
      tell(
        MessageType.Warning,
        `Scope: fix all applied ${result.applied} fix(es) in ${name} but fixable problems remain after ${result.rounds} rounds. Run it again; if this repeats, it is a bug in Scope YAML.`,
      );
    if (result.edits.length === 0 && trigger === 'command')
      tell(MessageType.Info, `Scope: nothing to fix in ${name}: no problem there has a safe automatic fix.`);
    return result.edits;
  }

  // The risk report (status bar, code lens, panel) and the exported register: the engine computes
  // the score, so every view shows the same numbers as `scope-lint --format markdown`.
  connection.onRequest(
    riskReportRequest,
    lifecycle(async (params: RiskReportParams): Promise<RiskReportResult | null> => {
      const open = await openDocument(params.uri);
      if (!open) return null;
      const model = await modelFor(open.snapshot, open.settings);
      // A malformed `compareWith` (not two strings) is ignored: the report is still answered.
      const base = params.compareWith;
      const compareWith = base && typeof base.text === 'string' && typeof base.label === 'string' ? base : undefined;
      return runSafe('riskReport', null, () => riskReport(model, open.settings, params.html === true, compareWith));
    }),
  );

  connection.onRequest(
    exportRegisterRequest,
    lifecycle(async (params: ExportRegisterParams): Promise<ExportRegisterResult | null> => {
      const open = await openDocument(params.uri);
      if (!open) return null;
      const model = await modelFor(open.snapshot, open.settings);
      return runSafe('exportRegister', null, () => exportRegister(model, open.settings, params.format));
    }),
  );

  documents.listen(connection);
  connection.listen();
}

if (isValidationWorker()) runValidationWorker();
else startLanguageServer();
