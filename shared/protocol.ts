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
