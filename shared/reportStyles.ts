// The risk report's style sheet, shared by the editor's panel (client) and the standalone HTML
// export (server). `reportCss` speaks only in --r-* variables; the editor's panel maps
// them to the VS Code theme's variables (light, dark and high contrast follow the theme), the
// standalone export to its own light and dark palettes. Classes only: the panel's Content-Security-
// Policy allows no inline style attributes.

export const panelCss = `
:root {
  --r-fg: var(--vscode-foreground);
  --r-bg: var(--vscode-editor-background);
  --r-muted: var(--vscode-descriptionForeground);
  --r-border: var(--vscode-contrastBorder, var(--vscode-panel-border, rgba(128,128,128,.35)));
  --r-card: var(--vscode-editorWidget-background, var(--vscode-editor-background));
  --r-link: var(--vscode-textLink-foreground);
  --r-focus: var(--vscode-focusBorder);
  --r-error: var(--vscode-editorError-foreground, var(--vscode-errorForeground));
  --r-warning: var(--vscode-editorWarning-foreground);
  --r-info: var(--vscode-editorInfo-foreground);
  --r-ok: var(--vscode-testing-iconPassed, var(--vscode-charts-green));
  --r-accent: var(--vscode-charts-blue);
  --r-accent2: var(--vscode-charts-purple);
  --r-font: var(--vscode-font-family);
  --r-mono: var(--vscode-editor-font-family);
}
body { font-size: var(--vscode-font-size); }
`;

export const standaloneCss = `
:root {
  color-scheme: light dark;
  --r-fg: #1f2328; --r-bg: #ffffff; --r-muted: #59636e; --r-border: #d1d9e0; --r-card: #f6f8fa;
  --r-link: #0969da; --r-focus: #0969da; --r-error: #cf222e; --r-warning: #9a6700; --r-info: #0969da;
  --r-ok: #1a7f37; --r-accent: #0969da; --r-accent2: #8250df;
  --r-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; --r-mono: ui-monospace, "SFMono-Regular", Menlo, monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --r-fg: #e6edf3; --r-bg: #0d1117; --r-muted: #9198a1; --r-border: #3d444d; --r-card: #151b23;
    --r-link: #4493f8; --r-focus: #4493f8; --r-error: #f85149; --r-warning: #d29922; --r-info: #4493f8;
    --r-ok: #3fb950; --r-accent: #4493f8; --r-accent2: #ab7df8;
  }
}
main { max-width: 1000px; margin: 0 auto; padding: 16px; }
@media print { .cards a { break-inside: avoid; } section { break-inside: avoid-page; } }
`;

export const reportCss = `
body { color: var(--r-fg); background: var(--r-bg); font-family: var(--r-font); line-height: 1.45; margin: 0; }
main { padding: 12px 20px 32px; }
h1 { font-size: 1.6em; margin: 0.2em 0; }
h2 { font-size: 1.2em; margin: 1.4em 0 0.5em; padding-bottom: 4px; border-bottom: 1px solid var(--r-border); }
code { font-family: var(--r-mono); font-size: 0.92em; }
a { color: var(--r-link); }
a:focus-visible, .card:focus-visible { outline: 2px solid var(--r-focus); outline-offset: 2px; }
.verdict { font-size: 1.15em; font-weight: 600; margin: 0.3em 0 0.6em; padding: 6px 10px; border-left: 4px solid var(--r-border); border-radius: 3px; background: var(--r-card); }
.verdict-blocked, .verdict-not-checked { border-left-color: var(--r-error); }
.verdict-review { border-left-color: var(--r-warning); }
.verdict-ready { border-left-color: var(--r-ok); }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 4px 16px; margin: 0; }
.facts div { min-width: 0; }
.facts dt { color: var(--r-muted); font-size: 0.85em; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.score { font-weight: 700; font-size: 1.1em; }
.note, .empty, .area-name, .card-counts { color: var(--r-muted); }
.note { font-size: 0.85em; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px; margin: 16px 0; }
.card { display: flex; flex-direction: column; gap: 2px; padding: 10px 12px; border: 1px solid var(--r-border); border-top: 4px solid var(--r-border); border-radius: 4px; background: var(--r-card); color: var(--r-fg); text-decoration: none; }
.card-blocked { border-top-color: var(--r-error); }
.card-review { border-top-color: var(--r-warning); }
.card-ready { border-top-color: var(--r-ok); }
.card-title { font-weight: 600; }
.card-risk { font-size: 1.6em; font-weight: 700; }
.card-risk small { font-size: 0.55em; color: var(--r-muted); font-weight: 400; }
.card meter { width: 100%; }
.card-counts { font-size: 0.85em; }
.charts figure { margin: 12px 0 20px; }
.charts figcaption { font-weight: 600; margin-bottom: 4px; }
.chart { display: block; max-width: 100%; height: auto; font-family: var(--r-font); font-size: 11px; }
.chart text { fill: var(--r-fg); }
.chart .tick, .chart .marker-label { fill: var(--r-muted); }
.chart .grid { stroke: var(--r-border); stroke-width: 1; stroke-dasharray: 2 3; }
.chart .axis { stroke: var(--r-muted); stroke-width: 1; }
.chart .start-line { stroke: var(--r-muted); stroke-width: 1.5; }
.chart .end-line { stroke: var(--r-error); stroke-width: 1.5; stroke-dasharray: 5 3; }
.chart .milestone { fill: var(--r-accent2); stroke: var(--r-bg); stroke-width: 1; }
.chart .due { fill: var(--r-accent); stroke: var(--r-bg); stroke-width: 1; }
.chart .window { fill: var(--r-accent); fill-opacity: 0.3; stroke: var(--r-accent); stroke-width: 1; }
.chart .overrun { fill: var(--r-error); stroke: var(--r-error); }
.chart text.overrun { fill: var(--r-error); stroke: none; font-weight: 600; }
.chart .window.overrun { fill-opacity: 0.3; }
.chart .cumulative { fill: none; stroke: var(--r-accent); stroke-width: 2.5; }
.chart .payment { fill: var(--r-accent); stroke: var(--r-bg); stroke-width: 1; }
.chart .total-line { stroke: var(--r-fg); stroke-width: 1.5; }
.chart .contingency-line { stroke: var(--r-warning); stroke-width: 1.5; stroke-dasharray: 6 4; }
.badge { display: inline-block; min-width: 4.5em; text-align: center; font-size: 0.78em; font-weight: 600; text-transform: uppercase; padding: 1px 6px; border-radius: 3px; border: 1px solid currentColor; }
.sev-error { color: var(--r-error); }
.sev-warning { color: var(--r-warning); }
.sev-info, .sev-hint { color: var(--r-info); }
.findings { list-style: none; padding: 0; margin: 0; }
.finding { padding: 8px 0; border-bottom: 1px solid var(--r-border); }
.finding p { margin: 2px 0; }
.finding-head strong { margin: 0 4px; }
.where { margin-left: 6px; font-size: 0.9em; }
.label { font-weight: 600; }
.why, .mitigation, .reason { font-size: 0.95em; }
.rule { font-size: 0.85em; }
.top ol { padding-left: 1.6em; }
.top li { margin: 4px 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--r-border); vertical-align: top; }
td.passed { color: var(--r-ok); }
td.failed { color: var(--r-error); }
hr { border: 0; border-top: 2px solid var(--r-border); margin: 32px 0; }
`;
