// Hover: the risk explanation of findings under the cursor, the schema's documentation of a key,
// and the rule's explanation when hovering a rule id in a suppression comment.
import type { Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import type { ScopeDocument } from './document';
import { FindingLookup } from './findingLookup';
import { rulesById } from './rules';
import { schemaAt, schemaMarkdown } from './schemaNav';
import type { RuleSettings } from './settings';
import { diagnosticSource, docsUrl } from './validate';

const severityNames = ['', 'error', 'warning', 'info', 'hint'];

function contains(d: Diagnostic, position: Position): boolean {
  const { start, end } = d.range;
  if (position.line < start.line || position.line > end.line) return false;
  if (position.line === start.line && position.character < start.character) return false;
  if (position.line === end.line && position.character > end.character) return false;
  return true;
}

/** Markdown for one diagnostic: title, id, severity, explanation, computed facts (the finding's, found again), link. */
export function findingMarkdown(d: Diagnostic, facts: readonly string[] = []): string {
  const code = String(d.code ?? '');
  const rule = rulesById.get(code);
  const severity = severityNames[d.severity ?? 1] ?? 'error';
  const parts: string[] = [];
  parts.push(`**${rule ? rule.title : typeof d.message === 'string' ? d.message : d.message.value}** · \`${code}\` · ${severity}`);
  if (rule) parts.push(typeof d.message === 'string' ? d.message : d.message.value);
  if (facts.length) parts.push(facts.map((f) => `- ${f}`).join('\n'));
  if (rule) parts.push(rule.explanation);
  parts.push(`[Learn more about \`${code}\`](${docsUrl(code)})`);
  return parts.join('\n\n');
}

/** `settings`: those the diagnostics were made with, to find each finding's facts again. */
export function hover(doc: ScopeDocument, diagnostics: readonly Diagnostic[], position: Position, settings: RuleSettings): Hover | null {
  const sections: string[] = [];
  const lookup = new FindingLookup(doc, settings);
  for (const d of diagnostics) {
    if (d.source === diagnosticSource && contains(d, position)) sections.push(findingMarkdown(d, lookup.finding(d.code, d.data)?.facts));
  }
  const offset = doc.offsetAt(position);
  const ruleInComment = ruleIdInSuppression(doc, position);
  if (ruleInComment) {
    const rule = rulesById.get(ruleInComment);
    if (rule)
      sections.push(`**${rule.title}** · \`${rule.id}\` · ${rule.severity}\n\n${rule.explanation}\n\n[Learn more](${docsUrl(rule.id)})`);
  } else {
    const located = doc.pathAt(offset);
    if (located.onKey) {
      const node = schemaAt(located.path);
      const key = located.path[located.path.length - 1];
      if (node) sections.push(schemaMarkdown(node, typeof key === 'string' ? key : undefined));
    }
  }
  if (sections.length === 0) return null;
  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') } };
}

function ruleIdInSuppression(doc: ScopeDocument, position: Position): string | undefined {
  const line = doc.lineText(position.line);
  if (!line.includes('scope-lint-disable')) return undefined;
  const word = /[a-z0-9/-]+/g;
  for (let m = word.exec(line); m; m = word.exec(line)) {
    if (position.character >= m.index && position.character <= m.index + m[0].length && rulesById.has(m[0])) return m[0];
  }
  return undefined;
}
