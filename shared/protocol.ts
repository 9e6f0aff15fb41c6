// Names both ends of the connection use: the VS Code extension (client/) and the language server
// (server/). Plain constants and types only, so the extension bundle pulls in nothing from the server.
// A test checks `serverVersion` against package.json.

/** The language id of `*.scope.yaml` files (package.json `contributes.languages`). */
export const languageId = 'scope-yaml';

/** The settings section the server asks for (`workspace/configuration`) and the client contributes. */
export const configurationSection = 'scope';

/** `serverInfo` in the answer to `initialize`. */
export const serverName = 'scope-language-server';
export const serverVersion = '0.1.0';

/** Client -> server notification: the user trusted the workspace, so its `.scope-lint.yaml` applies from now on. */
export const workspaceTrustedNotification = 'scope/workspaceTrusted';

/** The server's command that applies "fix all" to one document (argument: its uri), through `workspace/applyEdit`. */
export const applyAllFixesCommand = 'scope.applyAllFixes';

/** What the client sends as `initializationOptions`. */
export interface InitializationOptions {
  /** False in an untrusted workspace: the server then ignores `.scope-lint.yaml` and workspace settings. */
  readonly workspaceTrusted?: boolean;
  /**
   * True when the editor shows each diagnostic's message above the hover (VS Code): the hover then
   * adds only what the message does not say. Other clients get the message in the hover too.
   */
  readonly diagnosticsInHover?: boolean;
}

/** Client -> server request: the risk score, verdict and (when `html` is true) the report panel's body of an open document. */
export const riskReportRequest = 'scope/riskReport';

export interface RiskReportParams {
  readonly uri: string;
  /** Also render the panel's HTML body (the status bar and code lens need only the summary). */
  readonly html?: boolean;
  /**
   * "Scope: Compare with Previous Version": the previous version's text (the client reads it from
   * git; the server reads no repository) and what to call it. The result then has `comparison`,
   * and the panel's body a "Changes since ..." section.
   */
  readonly compareWith?: { readonly text: string; readonly label: string };
}

/** One finding of the comparison, on the current text (LSP positions). */
export interface ComparisonFinding {
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info' | 'hint';
  readonly message: string;
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
  /** Quick fixes, already worked out on the current text (e.g. a change request pre-filled with the measured impact). */
  readonly fixes?: readonly {
    readonly title: string;
    readonly edits: readonly {
      readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
      readonly newText: string;
    }[];
  }[];
}

export interface ComparisonResult {
  readonly label: string;
  /** The summary lines ("Price: 240,000 → 252,000 EUR, ..."), Markdown code spans included. */
  readonly changes: readonly { readonly area: string; readonly text: string }[];
  readonly findings: readonly ComparisonFinding[];
  /** Set when the comparison could not be made (the previous version is too large or could not be parsed). */
  readonly problem?: string;
}

/** What the status bar and the code lens show; the engine computes it (docs/score.md). */
export interface RiskSummary {
  /** 0 (no open risk found) to 100; absent when the file could not be checked. */
  readonly risk?: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly accepted: number;
  /** "Not ready to sign: 3 blocking risks". */
  readonly verdict: string;
  readonly level: 'blocked' | 'review' | 'ready' | 'not-checked';
}

export interface RiskReportResult {
  readonly version: number;
  readonly summary: RiskSummary;
  /** The panel's body: header, area cards, charts, findings by area, accepted risks. */
  readonly html?: string;
  /** With `compareWith`: what changed since that version. */
  readonly comparison?: ComparisonResult;
}

/** Client -> server request: the risk register of an open document, as the CLI's `--format` of the same name writes it. */
export const exportRegisterRequest = 'scope/exportRegister';

export type RegisterFormatName = 'markdown' | 'csv' | 'html';

export interface ExportRegisterParams {
  readonly uri: string;
  readonly format: RegisterFormatName;
}

export interface ExportRegisterResult {
  readonly text: string;
  /** `md`, `csv` or `html`. */
  readonly extension: string;
}
