// The language server process: connection, documents, capabilities and the handler table.
// Each handler is a guard plus one call into the pure service, wrapped in runSafe.
import {
  createConnection,
  DidChangeConfigurationNotification,
  ErrorCodes,
  FileChangeType,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import { AnalysisCache } from './analysisCache';
import { ConfigFiles, configDiagnostics, fileSystemPath, isConfigUri } from './config';
import { fromClientSettings } from './settings';
import { codeActions, fixAllCommand, fixAllEdit, fixAllKind, quickFixKind } from './service/codeActions';
import { completion } from './service/completion';
import { foldingRanges, selectionRanges } from './service/folding';
import { hover } from './service/hover';
import { definition, prepareRename, references, rename } from './service/references';
import { documentSymbols } from './service/symbols';
import { mergeSettings, type RuleSettings } from './service/settings';

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const cache = new AnalysisCache();

let supportsConfiguration = false;
let supportsDynamicConfiguration = false;
let supportsWorkspaceFolders = false;
// LSP 3.18 SnippetTextEdit: placeholders of a quick fix become tab stops (vscode-languageclient 10 sends it).
let supportsSnippetEdits = false;
// .scope-lint.yaml files; each (re)read publishes its own problems on the config file.
const configs = new ConfigFiles((config) => {
  void connection.sendDiagnostics({ uri: pathToFileURL(config.path).href, diagnostics: configDiagnostics(config) });
});
const reportedUnknownRules = new Set<string>();
const settingsByUri = new Map<string, Promise<RuleSettings>>();
const scheduled = new Set<string>();

/** Runs a handler; a bug is logged and answered with a neutral result, never a crash. */
function runSafe<T>(name: string, fallback: T, body: () => T): T {
  try {
    return body();
  } catch (error) {
    connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return fallback;
  }
}

/** Defaults < VS Code settings < .scope-lint.yaml: the file is the repository's shared truth, as in CI. */
function settingsFor(uri: string): Promise<RuleSettings> {
  let settings = settingsByUri.get(uri);
  if (!settings) {
    const fromFile = () => runSafe('config', undefined, () => configs.forDocument(uri)?.settings);
    settings = (supportsConfiguration ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'scope' }) : Promise.resolve(undefined))
      .then((raw: unknown) => mergeSettings(fromClientSettings(raw, reportUnknownRule), fromFile()))
      .catch(() => mergeSettings(fromFile()));
    settingsByUri.set(uri, settings);
  }
  return settings;
}

function reportUnknownRule(id: string): void {
  if (reportedUnknownRules.has(id)) return;
  reportedUnknownRules.add(id);
  connection.console.warn(`Setting scope.rules: unknown rule id "${id}" is ignored.`);
}

/** Validates the latest version of a document on the next turn of the event loop. */
function schedule(uri: string): void {
  if (scheduled.has(uri)) return;
  scheduled.add(uri);
  setImmediate(() => {
    scheduled.delete(uri);
    void publish(uri);
  });
}

async function publish(uri: string): Promise<void> {
  const document = documents.get(uri);
  if (!document) return;
  const settings = await settingsFor(uri);
  const current = documents.get(uri);
  // A newer version arrived while settings were read: its own scheduled run will publish.
  if (!current || current.version !== document.version) return;
  const diagnostics = runSafe('validate', undefined, () =>
    cache.diagnostics(document, settings, (ruleId, error) => connection.console.error(`rule ${ruleId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)),
  );
  if (!diagnostics) return;
  void connection.sendDiagnostics({ uri, version: document.version, diagnostics: [...diagnostics] });
}

function revalidateAll(): void {
  settingsByUri.clear();
  configs.invalidate();
  reportedUnknownRules.clear();
  cache.clear();
  for (const document of documents.all()) schedule(document.uri);
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const workspace = params.capabilities.workspace;
  supportsConfiguration = !!workspace?.configuration;
  supportsDynamicConfiguration = !!workspace?.didChangeConfiguration?.dynamicRegistration;
  supportsWorkspaceFolders = !!workspace?.workspaceFolders;
  supportsSnippetEdits = !!workspace?.workspaceEdit?.snippetEditSupport;
  configs.setWorkspaceFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
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
      codeActionProvider: { codeActionKinds: [quickFixKind, fixAllKind] },
      executeCommandProvider: { commands: [fixAllCommand] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'scope-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (supportsConfiguration && supportsDynamicConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'scope' });
  }
  if (supportsWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(() => {
      void connection.workspace.getWorkspaceFolders().then((folders) => {
        configs.setWorkspaceFolders((folders ?? []).map((f) => f.uri));
        revalidateAll();
      });
    });
  }
});

connection.onDidChangeConfiguration(() => revalidateAll());

// The client watches **/.scope-lint.{yaml,yml}: a config edit re-validates every open document at once.
connection.onDidChangeWatchedFiles((params) => {
  revalidateAll();
  runSafe('config change', undefined, () => {
    for (const change of params.changes) {
      if (!isConfigUri(change.uri)) continue;
      const path = fileSystemPath(change.uri);
      if (change.type === FileChangeType.Deleted || !path) void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
      else configs.load(path);
    }
  });
});

documents.onDidOpen((e) => schedule(e.document.uri));
documents.onDidChangeContent((e) => schedule(e.document.uri));
documents.onDidClose((e) => {
  cache.forget(e.document.uri);
  settingsByUri.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onHover(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const settings = await settingsFor(document.uri);
  return runSafe('hover', null, () => hover(cache.model(document, settings), cache.diagnostics(document, settings), params.position));
});

connection.onCompletion(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const settings = await settingsFor(document.uri);
  return runSafe('completion', null, () => completion(cache.model(document, settings), params.position));
});

connection.onDocumentSymbol(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const settings = await settingsFor(document.uri);
  return runSafe('documentSymbol', null, () => documentSymbols(cache.model(document, settings)));
});

connection.onDefinition(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const settings = await settingsFor(document.uri);
  return runSafe('definition', null, () => definition(cache.model(document, settings), params.position));
});

connection.onReferences(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const settings = await settingsFor(document.uri);
  return runSafe('references', null, () => references(cache.model(document, settings), params.position, params.context.includeDeclaration));
});

connection.onPrepareRename(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const settings = await settingsFor(document.uri);
  return runSafe('prepareRename', null, () => prepareRename(cache.model(document, settings), params.position));
});

// A refused rename (invalid or duplicate id) is an error response, which VS Code shows in the rename box.
connection.onRenameRequest(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const settings = await settingsFor(document.uri);
  const result = runSafe('rename', null, () => rename(cache.model(document, settings), params.position, params.newName));
  if (result && 'error' in result) return new ResponseError(ErrorCodes.InvalidParams, result.error);
  return result?.edit ?? null;
});

connection.onFoldingRanges(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const settings = await settingsFor(document.uri);
  return runSafe('foldingRanges', null, () => foldingRanges(cache.model(document, settings)));
});

connection.onSelectionRanges(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const settings = await settingsFor(document.uri);
  return runSafe('selectionRanges', null, () => selectionRanges(cache.model(document, settings), params.positions));
});

// Fixes travel in each diagnostic's data; the handler never reads message text.
connection.onCodeAction(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const settings = await settingsFor(document.uri);
  return runSafe('codeAction', null, () =>
    codeActions({
      doc: cache.model(document, settings),
      diagnostics: cache.diagnostics(document, settings),
      context: params.context.diagnostics,
      range: params.range,
      ...(params.context.only ? { only: params.context.only } : {}),
      snippets: supportsSnippetEdits,
      settings,
    }),
  );
});

// "Scope: Fix All Auto-fixable Problems": the source.fixAll.scope edit, applied through the client.
connection.onExecuteCommand(async (params) => {
  const uri: unknown = params.arguments?.[0];
  const document = params.command === fixAllCommand && typeof uri === 'string' ? documents.get(uri) : undefined;
  if (!document) return null;
  const settings = await settingsFor(document.uri);
  const edit = runSafe('fixAll', undefined, () => fixAllEdit(cache.model(document, settings), settings));
  if (edit) await connection.workspace.applyEdit({ label: 'Fix all auto-fixable problems', edit });
  return null;
});

documents.listen(connection);
connection.listen();
