// Hover: what a finding under the cursor means, the schema's documentation of a key, what an id
// refers to, and the rule's explanation when hovering a rule id in a suppression comment.
// Where the editor already shows the diagnostic's message above the hover (VS Code), the hover adds
// only what the message does not say: why it matters, the computed facts, the fix and one link.
import type { Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import { engineCodesById } from './codes';
import type { ScopeDocument } from './document';
import { FindingLookup } from './findingLookup';
import { idIndex, idKindName, kindMatches as kindMatchesExpected, occurrenceAt, scalarText, type IdOccurrence } from './references';
import { customRuleInfo } from './customRules';
import { customRuleBasis, ruleBasis } from './ruleBasis';
import { rulesById } from './rules';
import { schemaAt, schemaMarkdown } from './schemaNav';
import type { RuleSettings } from './settings';
import { diagnosticSource, docsUrl } from './validate';

const severityNames = ['', 'error', 'warning', 'info', 'hint'];

/** The "why" of a hover stays a short paragraph; the docs page has the rest. */
const whyLength = 320;

export interface HoverOptions {
  /**
   * True when the client shows each diagnostic's message above the hover (VS Code does), so the
   * hover does not repeat it. Other clients get the message, title and severity too.
   */
  readonly messageShown?: boolean;
}

function contains(d: Diagnostic, position: Position): boolean {
  const { start, end } = d.range;
  if (position.line < start.line || position.line > end.line) return false;
  if (position.line === start.line && position.character < start.character) return false;
  if (position.line === end.line && position.character > end.character) return false;
  return true;
}

/** The first sentences of `text`, up to about `whyLength` characters (at least one sentence). */
export function shortParagraph(text: string, limit = whyLength): string {
  const paragraph = text.split(/\n\s*\n/)[0] ?? text;
  const sentences = paragraph.split(/(?<=[.!?]["”)]?)\s+(?=[A-Z"“(])/);
  let out = '';
  for (const sentence of sentences) {
    if (out !== '' && out.length + 1 + sentence.length > limit) break;
    out = out === '' ? sentence : `${out} ${sentence}`;
  }
  return out;
}

function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/**
 * Markdown for one diagnostic: why it matters, computed facts (the finding's, found again), the
 * fix and the docs link; with `messageShown` false also the title, code, severity and message.
 */
export function findingMarkdown(d: Diagnostic, facts: readonly string[] = [], options: HoverOptions = {}): string {
  const code = String(d.code ?? '');
  const custom = customRuleInfo(code);
  const rule = rulesById.get(code);
  const info = rule ?? engineCodesById.get(code) ?? custom;
  const parts: string[] = [];
  if (!options.messageShown) {
    const severity = severityNames[d.severity ?? 1] ?? 'error';
    parts.push(`**${info ? info.title : messageText(d)}** · \`${code}\` · ${severity}`);
    if (info) parts.push(messageText(d));
  }
  if (info) parts.push(options.messageShown ? shortParagraph(info.explanation) : info.explanation);
  // The risk area and sources of a built-in or custom rule; an engine code has none.
  if (rule) parts.push(ruleBasis(rule));
  else if (custom) parts.push(customRuleBasis(custom));
  if (facts.length) parts.push(facts.map((f) => `- ${f}`).join('\n'));
  if (info) parts.push(`**Fix:** ${info.remedy}`);
  if (!custom) parts.push(`[Learn more about \`${code}\`](${docsUrl(code)})`);
  return parts.join('\n\n');
}

/** `settings`: those the diagnostics were made with, to find each finding's facts again. */
export function hover(
  doc: ScopeDocument,
  diagnostics: readonly Diagnostic[],
  position: Position,
  settings: RuleSettings,
  options: HoverOptions = {},
): Hover | null {
  const sections: string[] = [];
  const lookup = new FindingLookup(doc, settings);
  for (const d of diagnostics) {
    if (d.source === diagnosticSource && contains(d, position))
      sections.push(findingMarkdown(d, lookup.finding(d.code, d.data)?.facts, options));
  }
  const offset = doc.offsetAt(position);
  const ruleInComment = ruleIdInSuppression(doc, position);
  if (ruleInComment) {
    const rule = rulesById.get(ruleInComment);
    if (rule)
      sections.push(
        `**${rule.title}** · \`${rule.id}\` · ${rule.severity}\n\n${shortParagraph(rule.explanation)}\n\n${ruleBasis(rule)}\n\n[Learn more](${docsUrl(rule.id)})`,
      );
  } else {
    const id = doc.inputProblem ? undefined : occurrenceAt(doc, position);
    const located = doc.pathAt(offset);
    if (id) {
      const text = idMarkdown(doc, id);
      if (text) sections.push(text);
    } else if (located.onKey) {
      const node = schemaAt(located.path);
      const key = located.path[located.path.length - 1];
      if (node) sections.push(schemaMarkdown(node, typeof key === 'string' ? key : undefined));
    }
  }
  if (sections.length === 0) return null;
  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') } };
}

/** What an id refers to (for a reference) or where it is used (for a definition), with line numbers. */
function idMarkdown(doc: ScopeDocument, at: IdOccurrence): string | undefined {
  const index = idIndex(doc);
  const line = (o: IdOccurrence) => doc.positionAt(o.start).line + 1;
  if (at.role === 'reference') {
    const targets = index.definitions.filter((d) => d.id === at.id);
    // No definition: structure-unknown-reference says so on this very spot.
    if (targets.length === 0) return undefined;
    return targets
      .map((d) => {
        const item = d.path.slice(0, -1);
        const due = d.kind === 'deliverable' ? scalarText(doc.nodeAt([...item, 'due'])) : undefined;
        const when = d.date ?? due;
        const label = d.label ? `: ${d.label}` : '';
        const kindMatches = kindMatchesExpected(d.kind, at.kind)
          ? ''
          : ` (a ${idKindName(d.kind)}, where a ${idKindName(at.kind)} is expected)`;
        return `**${d.id}** is the ${idKindName(d.kind)}${label}${when ? ` · ${d.kind === 'milestone' ? 'date' : 'due'} ${when}` : ''} (line ${line(d)})${kindMatches}`;
      })
      .join('\n\n');
  }
  const uses = index.references.filter((r) => r.id === at.id);
  const kind = idKindName(at.kind);
  // Nothing refers to a success measure by id: saying so on every one would be noise.
  if (uses.length === 0)
    return at.kind === 'success_measure' ? undefined : `**${at.id}**: this ${kind} is not referred to anywhere in the file.`;
  const where = uses.map((r) => `${formatUse(doc, r)} (line ${line(r)})`);
  return `**${at.id}**: this ${kind} is referred to by ${where.join(', ')}.`;
}

/** Where a reference sits, for a person: "milestone M2", "payment 1". */
function formatUse(doc: ScopeDocument, r: IdOccurrence): string {
  const [list, second, third] = r.path;
  const named = (kind: string, item: readonly (string | number)[], n: number): string => {
    const id = scalarText(doc.nodeAt([...item, 'id']));
    return id ? `${kind} ${id}` : `${kind} ${n + 1}`;
  };
  if (list === 'timeline' && second === 'milestones' && typeof third === 'number') return named('milestone', r.path.slice(0, 3), third);
  if (list === 'budget' && second === 'payments' && typeof third === 'number') return `payment ${third + 1}`;
  if (list === 'success_measures' && typeof second === 'number') return named('success measure', r.path.slice(0, 2), second);
  if (list === 'deliverables' && typeof second === 'number') return named('deliverable', r.path.slice(0, 2), second);
  if (list === 'changes' && typeof second === 'number') return named('change request', r.path.slice(0, 2), second);
  return String(list);
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
