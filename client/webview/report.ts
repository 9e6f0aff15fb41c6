// The script of the risk report panel (bundled to dist/report.js, loaded under the panel's
// Content-Security-Policy with a nonce). It swaps in the report the extension sends as the file
// changes, keeping the scroll position, and turns a click (or Enter) on "line N" into a request to
// reveal that line in the editor. No other code runs in the panel, and it loads nothing remote.

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('report');

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const data = event.data as { type?: unknown; html?: unknown };
  if (data.type !== 'update' || typeof data.html !== 'string' || !root) return;
  // Keep the reader where they were, and the keyboard focus on the same link when it still exists.
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.key : undefined;
  const { scrollX, scrollY } = window;
  root.innerHTML = data.html;
  window.scrollTo(scrollX, scrollY);
  if (focused) root.querySelector<HTMLElement>(`[data-key="${CSS.escape(focused)}"]`)?.focus();
});

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest<HTMLElement>('a[data-line]') : null;
  if (!target) return;
  event.preventDefault();
  vscode.postMessage({ type: 'reveal', line: Number(target.dataset.line), column: Number(target.dataset.column ?? '1') });
});

vscode.postMessage({ type: 'ready' });
