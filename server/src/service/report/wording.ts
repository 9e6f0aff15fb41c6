// The register's words for each finding, drawn from the rule registry: the risk (the rule's title),
// why it matters (the opening of its explanation, with the named public sources it rests on) and
// the mitigation in plain words (its remedy without the editor's quick-fix instructions).
import { engineCodesById } from '../codes';
import { customRuleInfo } from '../customRules';
import { rulesById } from '../rules';

export function titleOf(code: string): string {
  return rulesById.get(code)?.title ?? engineCodesById.get(code)?.title ?? customRuleInfo(code)?.title ?? code;
}

/** Sentences, split after `.`, `!` or `?` followed by a space and a capital, a digit or a quote. */
function sentences(text: string): string[] {
  return text
    .split(/(?<!\b(?:Art|No|Sec|ch|ed|pp?|vs|cf|e\.g|i\.e|approx|Inc|Ltd|Co)\.)(?<=[.!?])\s+(?=[A-Z0-9"“(*`])/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The first two sentences of the explanation, and the sources it cites. Markdown. */
export function whyItMatters(code: string): string {
  const rule = rulesById.get(code);
  const explanation = rule?.explanation ?? engineCodesById.get(code)?.explanation ?? customRuleInfo(code)?.explanation ?? '';
  const opening = sentences(explanation).slice(0, 2).join(' ');
  const cited = (rule?.sources ?? []).map((s) => s.short);
  return cited.length > 0 ? `${opening} Sources: ${cited.join('; ')}.` : opening;
}

const editorWords = /quick fix|quick-fix|code action|\bhover\b|fix all|tab stop|\bsettings?\b|built-in/i;

/** What to do, in plain words: the remedy without the sentences (or clauses) about editor fixes. Markdown. */
export function mitigationOf(code: string): string {
  const remedy = rulesById.get(code)?.remedy ?? engineCodesById.get(code)?.remedy ?? customRuleInfo(code)?.remedy ?? '';
  const kept = sentences(remedy).flatMap((s) => {
    if (!editorWords.test(s)) return [s];
    // "Settle it before signing; the quick fix sets ..." keeps the clause before the editor's part.
    const clause = /^(.*?)[:;]\s+[^:;]*(?:quick fix|quick-fix|code action)/i.exec(s);
    return clause?.[1] && !editorWords.test(clause[1]) ? [`${clause[1].trim()}.`] : [];
  });
  // The opening says what to do; the rest is detail for the docs page.
  return kept.slice(0, 2).join(' ');
}

/** Markdown emphasis, code and links as plain text (CSV, titles). */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[^\w*])\*([^*\n]+)\*(?=[^\w*]|$)/g, '$1$2')
    .replace(/(^|[^\w_])_([^_\n]+)_(?=[^\w_]|$)/g, '$1$2');
}
