// scope-lint: the command-line linter. Same engine, rules and settings as the editor.
import { readFileSync } from 'node:fs';
import { ScopeDocument } from './service/document';
import { mergeSettings } from './service/settings';
import { validate } from './service/validate';

const severityNames = ['', 'error', 'warning', 'info', 'hint'];
const settings = mergeSettings();
let failed = false;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const doc = new ScopeDocument(file, 0, text, settings.limits);
  const { diagnostics } = validate(doc, settings);
  process.stdout.write(`${file}\n`);
  for (const d of diagnostics) {
    const severity = severityNames[d.severity ?? 1] ?? 'error';
    if (severity === 'error') failed = true;
    process.stdout.write(`  ${d.range.start.line + 1}:${d.range.start.character + 1}  ${severity.padEnd(7)}  ${d.message}  ${String(d.code)}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
