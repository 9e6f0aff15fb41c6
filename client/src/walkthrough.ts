// The Getting Started walkthrough (package.json `contributes.walkthroughs`): the command that
// opens it, and the signs that complete its steps which no command gives (hovering a finding,
// picking a fix). VS Code ticks a step off when its `onContext:` key turns true.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { languageId } from '../../shared/protocol';

/** `<publisher>.<name>#<walkthrough id>`, as VS Code names a contributed walkthrough. */
export const walkthroughId = 'scope-yaml.scope-yaml#scope.gettingStarted';

/** Context keys named in the walkthrough steps' completionEvents. */
export const hoveredFindingContext = 'scope.walkthrough.hoveredFinding';
export const pickedFixContext = 'scope.walkthrough.pickedFix';

export function openWalkthrough(): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthroughId, false);
}

/** Sets each key once: a step stays done, and later hovers and fixes cost nothing. */
function once(key: string): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    void vscode.commands.executeCommand('setContext', key, true);
  };
}

/** Watches hovers and picked fixes on the way through the client, without changing them. */
export function walkthroughMiddleware(): Middleware {
  const hovered = once(hoveredFindingContext);
  const picked = once(pickedFixContext);
  return {
    provideHover: async (document, position, token, next) => {
      const hover = await next(document, position, token);
      if (
        hover &&
        document.languageId === languageId &&
        vscode.languages.getDiagnostics(document.uri).some((d) => d.range.contains(position))
      ) {
        hovered();
      }
      return hover;
    },
    // VS Code resolves a code action (asks the server for its edit) when the user picks it.
    resolveCodeAction: (item, token, next) => {
      picked();
      return next(item, token);
    },
  };
}
