// The risk overview in the editor: a status-bar item for the active scope file, a code lens at
// the top of the file ("Risk 72/100 · 3 errors · 5 warnings · Open report"), the "Scope: Show Risk
// Report" panel beside the editor, live as the file changes, and "Scope: Export Risk Register".
// The language server computes the score, the report and the register (scope/riskReport,
// scope/exportRegister): the client only shows them, so every view agrees with the CLI.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  exportRegisterRequest,
  languageId,
  riskReportRequest,
  type ExportRegisterParams,
  type ExportRegisterResult,
  type RegisterFormatName,
  type RiskReportParams,
  type RiskReportResult,
  type RiskSummary,
  type ComparisonFinding,
} from '../../../shared/protocol';
import { panelCss, reportCss } from '../../../shared/reportStyles';

export const showRiskReportCommand = 'scope.showRiskReport';
export const exportRiskRegisterCommand = 'scope.exportRiskRegister';
export const compareWithPreviousCommand = 'scope.compareWithPrevious';
export const clearComparisonCommand = 'scope.clearComparison';

/** The comparison's findings are a diagnostic collection of their own, shown until dismissed. */
const comparisonSource = 'Scope YAML (changes since the last commit)';

/** Changes come in bursts while typing: ask the server once they settle. */
const refreshDelayMs = 150;

/** "Risk 72/100 · 3 errors · 5 warnings": the status bar's and the code lens's words. */
export function summaryText(summary: RiskSummary): string {
  const parts = [summary.risk === undefined ? 'Risk not scored' : `Risk ${summary.risk}/100`];
  parts.push(`${summary.errors} error${summary.errors === 1 ? '' : 's'}`);
  parts.push(`${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}`);
  if (summary.accepted > 0) parts.push(`${summary.accepted} accepted`);
  return parts.join(' · ');
}

function isScopeDocument(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document !== undefined && document.languageId === languageId;
}

export class RiskReport implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly summaries = new Map<string, RiskSummary>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly statusBar: vscode.StatusBarItem;
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;
  private readonly disposables: vscode.Disposable[] = [];
  private panel: vscode.WebviewPanel | undefined;
  /** The document the panel shows. */
  private panelUri: vscode.Uri | undefined;
  private panelReady = false;
  private pendingHtml: string | undefined;
  /** "Compare with Previous Version": the previous text of each compared file, until dismissed. */
  private readonly bases = new Map<string, { readonly text: string; readonly label: string }>();
  private readonly comparisons = vscode.languages.createDiagnosticCollection('scope-compare');
  /** Each comparison finding's quick fixes, worked out by the server on the document version it compared. */
  private readonly comparisonFixes = new WeakMap<
    vscode.Diagnostic,
    { readonly version: number; readonly fixes: NonNullable<ComparisonFinding['fixes']> }
  >();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {
    this.statusBar = vscode.window.createStatusBarItem('scope.risk', vscode.StatusBarAlignment.Left, 50);
    this.statusBar.name = 'Scope YAML risk';
    this.statusBar.command = showRiskReportCommand;
    this.disposables.push(
      this.statusBar,
      this.lensesChanged,
      vscode.languages.registerCodeLensProvider({ language: languageId }, this),
      vscode.commands.registerCommand(showRiskReportCommand, (uri?: unknown) => this.show(uri)),
      vscode.commands.registerCommand(exportRiskRegisterCommand, (uri?: unknown, format?: unknown) => this.export(uri, format)),
      vscode.commands.registerCommand(compareWithPreviousCommand, (uri?: unknown) => this.compareWithPrevious(uri)),
      vscode.commands.registerCommand(clearComparisonCommand, (uri?: unknown) => this.clearComparison(uri)),
      this.comparisons,
      vscode.languages.registerCodeActionsProvider(
        { language: languageId },
        { provideCodeActions: (document, _range, context) => this.comparisonActions(document, context) },
        { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
      ),
      // The server publishes diagnostics after every check: the moment the score can change.
      vscode.languages.onDidChangeDiagnostics((event) => {
        for (const uri of event.uris) if (this.isOpenScope(uri)) this.schedule(uri);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.activeChanged(editor)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
    );
    this.activeChanged(vscode.window.activeTextEditor);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private isOpenScope(uri: vscode.Uri): boolean {
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && isScopeDocument(d));
  }

  private activeChanged(editor: vscode.TextEditor | undefined): void {
    const document = editor?.document;
    if (!isScopeDocument(document)) {
      // Another kind of editor (or the panel itself) is active: keep the panel's file in the bar.
      if (!this.panel || !this.panelUri) this.statusBar.hide();
      return;
    }
    // The panel follows the scope file being edited.
    if (this.panel && this.panelUri?.toString() !== document.uri.toString()) {
      this.panelUri = document.uri;
      this.panel.title = this.panelTitle(document.uri);
    }
    this.updateStatusBar(document.uri);
    this.schedule(document.uri, 0);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.bases.delete(key);
    this.comparisons.delete(uri);
    this.summaries.delete(key);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  private schedule(uri: vscode.Uri, delay = refreshDelayMs): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.refresh(uri);
      }, delay),
    );
  }

  private async refresh(uri: vscode.Uri): Promise<void> {
    if (!this.client.isRunning()) return;
    const key = uri.toString();
    const withHtml = this.panel !== undefined && this.panelUri?.toString() === key;
    const base = this.bases.get(key);
    let result: RiskReportResult | null;
    try {
      const params: RiskReportParams = {
        uri: this.client.code2ProtocolConverter.asUri(uri),
        html: withHtml,
        ...(base ? { compareWith: base } : {}),
      };
      result = await this.client.sendRequest<RiskReportResult | null>(riskReportRequest, params);
    } catch (error) {
      this.client.outputChannel.appendLine(
        `Risk report for ${uri.toString(true)} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    if (!result) return;
    // The server's version of the text it compared is the editor's (the client sends its versions).
    if (this.bases.get(key) === base) this.showComparison(uri, result.comparison, result.version);
    const previous = this.summaries.get(key);
    this.summaries.set(key, result.summary);
    if (JSON.stringify(previous) !== JSON.stringify(result.summary)) this.lensesChanged.fire();
    this.updateStatusBar(uri);
    if (withHtml && result.html !== undefined && this.panelUri?.toString() === key) this.sendHtml(result.html);
  }

  private statusBarUri(): vscode.Uri | undefined {
    const active = vscode.window.activeTextEditor?.document;
    return isScopeDocument(active) ? active.uri : this.panel ? this.panelUri : undefined;
  }

  private updateStatusBar(uri: vscode.Uri): void {
    if (this.statusBarUri()?.toString() !== uri.toString()) return;
    const summary = this.summaries.get(uri.toString());
    if (!summary) {
      this.statusBar.text = '$(shield) Risk …';
      this.statusBar.tooltip = 'Scope YAML: checking the file';
      this.statusBar.backgroundColor = undefined;
      this.statusBar.show();
      return;
    }
    this.statusBar.text = `$(shield) ${summary.risk === undefined ? 'Risk not scored' : `Risk ${summary.risk}/100`}`;
    const tooltip = new vscode.MarkdownString(`**${summary.verdict}**\n\n${summaryText(summary)}\n\nClick to open the risk report.`);
    this.statusBar.tooltip = tooltip;
    this.statusBar.accessibilityInformation = { label: `Scope risk: ${summaryText(summary)}. ${summary.verdict}`, role: 'button' };
    this.statusBar.backgroundColor =
      summary.level === 'blocked' || summary.level === 'not-checked'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : summary.level === 'review'
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    this.statusBar.show();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const summary = this.summaries.get(document.uri.toString());
    if (!summary) {
      this.schedule(document.uri, 0);
      return [];
    }
    return [
      new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
        title: `${summaryText(summary)} · Open report`,
        tooltip: summary.verdict,
        command: showRiskReportCommand,
        arguments: [document.uri],
      }),
    ];
  }

  // ---- the panel ---------------------------------------------------------------------------

  private panelTitle(uri: vscode.Uri): string {
    return `Risk: ${uri.path.split('/').pop() ?? 'scope'}`;
  }

  private targetUri(arg: unknown): vscode.Uri | undefined {
    if (arg instanceof vscode.Uri) return arg;
    if (typeof arg === 'string') return vscode.Uri.parse(arg);
    const active = vscode.window.activeTextEditor?.document;
    if (isScopeDocument(active)) return active.uri;
    return this.panelUri;
  }

  /** "Scope: Show Risk Report": the panel beside the editor, for `uri` or the active scope file. */
  async show(arg?: unknown): Promise<void> {
    const uri = this.targetUri(arg);
    if (!uri) {
      void vscode.window.showInformationMessage('Open a .scope.yaml file to see its risk report.');
      return;
    }
    this.panelUri = uri;
    if (this.panel) {
      this.panel.title = this.panelTitle(uri);
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      const dist = vscode.Uri.joinPath(this.context.extensionUri, 'dist');
      const panel = vscode.window.createWebviewPanel(
        'scope.riskReport',
        this.panelTitle(uri),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [dist], enableFindWidget: true },
      );
      this.panel = panel;
      this.panelReady = false;
      panel.webview.html = this.skeleton(panel.webview, dist);
      panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message), undefined, this.disposables);
      panel.onDidDispose(
        () => {
          if (this.panel === panel) {
            this.panel = undefined;
            this.panelUri = undefined;
            this.pendingHtml = undefined;
            if (!isScopeDocument(vscode.window.activeTextEditor?.document)) this.statusBar.hide();
          }
        },
        undefined,
        this.disposables,
      );
    }
    await this.refresh(uri);
  }

  private sendHtml(html: string): void {
    if (!this.panel) return;
    if (!this.panelReady) {
      this.pendingHtml = html;
      return;
    }
    void this.panel.webview.postMessage({ type: 'update', html });
  }

  private onMessage(message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    const m = message as { type?: unknown; line?: unknown; column?: unknown };
    if (m.type === 'ready') {
      this.panelReady = true;
      if (this.pendingHtml !== undefined) {
        const html = this.pendingHtml;
        this.pendingHtml = undefined;
        this.sendHtml(html);
      } else if (this.panelUri) void this.refresh(this.panelUri);
      return;
    }
    if (m.type === 'reveal' && typeof m.line === 'number' && this.panelUri)
      void this.reveal(this.panelUri, m.line, typeof m.column === 'number' ? m.column : 1);
  }

  /** Back from the report to the line: in the editor column that shows the file, else the first. */
  private async reveal(uri: vscode.Uri, line: number, column: number): Promise<void> {
    const position = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const editor = await vscode.window.showTextDocument(uri, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      selection: new vscode.Range(position, position),
      preserveFocus: false,
    });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private skeleton(webview: vscode.Webview, dist: vscode.Uri): string {
    const nonce = nonceOf();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'report.js'));
    const csp = ["default-src 'none'", `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, "img-src 'none'"].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Risk report</title>
<style nonce="${nonce}">${panelCss}${reportCss}</style>
</head>
<body>
<main id="report" aria-live="polite" aria-busy="false"><p class="empty">Checking the file…</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  // ---- compare with the previous version ---------------------------------------------------

  /**
   * "Scope: Compare with Previous Version": the file against its last committed version, read
   * through VS Code's built-in Git extension (the language server reads no repository and runs no
   * process). The summary goes to the top of the risk report panel, the findings into the editor,
   * both kept up to date while you edit, until "Scope: Clear Comparison" or the file is closed.
   * Returns true, or the problem it showed.
   */
  async compareWithPrevious(arg?: unknown): Promise<true | string> {
    const uri = this.targetUri(arg);
    if (!uri || uri.scheme !== 'file') {
      const problem = 'Open a saved .scope.yaml file in a Git repository to compare it with its last commit.';
      void vscode.window.showInformationMessage(problem);
      return problem;
    }
    const text = await previousVersion(uri);
    if ('problem' in text) {
      this.client.outputChannel.appendLine(`Compare with Previous Version: ${text.problem}`);
      void vscode.window.showWarningMessage(text.problem);
      return text.problem;
    }
    this.bases.set(uri.toString(), { text: text.text, label: 'the last commit (HEAD)' });
    await this.show(uri);
    return true;
  }

  clearComparison(arg?: unknown): void {
    const uri = this.targetUri(arg);
    if (!uri) return;
    this.bases.delete(uri.toString());
    this.comparisons.delete(uri);
    void this.refresh(uri);
  }

  private comparisonActions(document: vscode.TextDocument, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const entry = diagnostic.source === comparisonSource ? this.comparisonFixes.get(diagnostic) : undefined;
      // Worked out on another version of the text: the next comparison (after the edit settles) brings fresh ones.
      if (!entry || entry.version !== document.version) continue;
      for (const fix of entry.fixes) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits)
          action.edit.replace(
            document.uri,
            new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character),
            e.newText,
          );
        actions.push(action);
      }
    }
    return actions;
  }

  private showComparison(uri: vscode.Uri, comparison: RiskReportResult['comparison'], version: number | undefined): void {
    if (!comparison) {
      this.comparisons.delete(uri);
      return;
    }
    const severities = {
      error: vscode.DiagnosticSeverity.Error,
      warning: vscode.DiagnosticSeverity.Warning,
      info: vscode.DiagnosticSeverity.Information,
      hint: vscode.DiagnosticSeverity.Hint,
    } as const;
    this.comparisons.set(
      uri,
      comparison.findings.map((f) => {
        const range = new vscode.Range(f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character);
        const diagnostic = new vscode.Diagnostic(
          range,
          f.message.replace(/`([^`]*)`/g, '$1'),
          severities[f.severity] ?? severities.warning,
        );
        diagnostic.source = comparisonSource;
        diagnostic.code = f.code;
        if (f.fixes && version !== undefined) this.comparisonFixes.set(diagnostic, { version, fixes: f.fixes });
        return diagnostic;
      }),
    );
  }

  // ---- export ------------------------------------------------------------------------------

  /** "Scope: Export Risk Register": Markdown, CSV or standalone HTML next to the scope file. Returns the file written. */
  async export(arg?: unknown, formatArg?: unknown): Promise<vscode.Uri | undefined> {
    const uri = this.targetUri(arg);
    const document = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : undefined;
    if (!uri || !isScopeDocument(document)) {
      void vscode.window.showInformationMessage('Open a .scope.yaml file to export its risk register.');
      return undefined;
    }
    const format = isFormat(formatArg) ? formatArg : await pickFormat();
    if (!format) return undefined;
    const params: ExportRegisterParams = { uri: this.client.code2ProtocolConverter.asUri(uri), format };
    const result = await this.client.sendRequest<ExportRegisterResult | null>(exportRegisterRequest, params);
    if (!result) return undefined;
    const base = (uri.path.split('/').pop() ?? 'scope').replace(/\.scope\.ya?ml$/i, '').replace(/\.ya?ml$/i, '');
    const name = `${base}.risk-register.${result.extension}`;
    let target: vscode.Uri | undefined = uri.scheme === 'untitled' ? undefined : vscode.Uri.joinPath(uri, '..', name);
    if (!target) {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      target = await vscode.window.showSaveDialog({
        ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
        title: 'Export Risk Register',
      });
      if (!target) return undefined;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
    if (isFormat(formatArg)) return target;
    void vscode.window
      .showInformationMessage(`Risk register written to ${vscode.workspace.asRelativePath(target)}.`, 'Open')
      .then((choice) => {
        if (choice === 'Open') void vscode.commands.executeCommand('vscode.open', target);
      });
    return target;
  }
}

function isFormat(value: unknown): value is RegisterFormatName {
  return value === 'markdown' || value === 'csv' || value === 'html';
}

async function pickFormat(): Promise<RegisterFormatName | undefined> {
  const items: (vscode.QuickPickItem & { format: RegisterFormatName })[] = [
    {
      label: 'Markdown',
      description: '.md',
      detail: 'For a review or a pull request; GitHub draws the timeline (Mermaid).',
      format: 'markdown',
    },
    { label: 'HTML', description: '.html', detail: 'A standalone page with the charts, to send or print. No script.', format: 'html' },
    { label: 'CSV', description: '.csv', detail: 'One row per risk, for a spreadsheet.', format: 'csv' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Export Risk Register', placeHolder: 'Format of the risk register' });
  return picked?.format;
}

function nonceOf(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The minimum of the built-in Git extension's API (extensions/git/src/api/git.d.ts) used here. */
interface GitApi {
  readonly state?: 'uninitialized' | 'initialized';
  readonly onDidChangeState?: vscode.Event<'uninitialized' | 'initialized'>;
  getRepository(uri: vscode.Uri): { show(ref: string, path: string): Promise<string> } | null;
  openRepository?(root: vscode.Uri): Promise<{ show(ref: string, path: string): Promise<string> } | null>;
}

/** The Git extension finds the open repositories after it starts: wait for it (at most 15 s). */
async function initialized(api: GitApi): Promise<void> {
  if (api.state !== 'uninitialized' || !api.onDidChangeState) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, 15_000);
    const listener = api.onDidChangeState?.((state) => {
      if (state === 'initialized') done();
    });
    function done(): void {
      clearTimeout(timer);
      listener?.dispose();
      resolve();
    }
  });
}

/** The file's text at HEAD, through the Git extension; a problem in plain words otherwise. */
async function previousVersion(uri: vscode.Uri): Promise<{ text: string } | { problem: string }> {
  const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
  if (!extension) return { problem: "VS Code's Git extension is not available, so the previous version cannot be read." };
  let api: GitApi;
  try {
    api = (extension.isActive ? extension.exports : await extension.activate()).getAPI(1);
  } catch {
    return { problem: "VS Code's Git extension is disabled, so the previous version cannot be read." };
  }
  await initialized(api);
  let repository = api.getRepository(uri);
  // A repository outside the workspace folders is not open until asked for.
  if (!repository && api.openRepository) {
    await api.openRepository(vscode.Uri.joinPath(uri, '..')).catch(() => null);
    repository = api.getRepository(uri);
  }
  if (!repository) return { problem: `${vscode.workspace.asRelativePath(uri)} is not in a Git repository VS Code has open.` };
  try {
    return { text: await repository.show('HEAD', uri.fsPath) };
  } catch {
    return { problem: `${vscode.workspace.asRelativePath(uri)} has no committed version to compare with.` };
  }
}
