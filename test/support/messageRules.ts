// What the Problems panel asks of a message (shown as raw text on one line, cut at the panel's edge,
// backticks shown as they are): a first clause a lead can read on its own within 90 characters, and
// code formatting only on keys, ids and short literal values. Used by every test that collects the
// messages a user meets (test/unit/messages*.test.ts).

/** The longest first clause the Problems panel shows uncut at a usual width. */
const maxFirstClause = 90;
/** Code spans a first clause may carry before it reads as code rather than words. */
const maxSpansInFirstClause = 2;
/** The longest code span: an id or a short value, never a sentence. */
const maxSpan = 30;
/**
 * A key path (`governance.change_control.approval_by[0]`, `thresholds.minContingencyPercent`,
 * `deliverables[].acceptance_criteria`) names one key however deep it is, and a rule id
 * (`expertise-acceptance-criteria-subjective`) names one rule: a little more room.
 */
const maxKeyPathSpan = 40;
const keyPath = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d*\])+$/;
const ruleId = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/;

/**
 * The first clause of a message: the text up to the first `.`, `;` or `:` that is followed by a
 * space or ends the text, or up to a spaced dash (` — `, ` – `, ` - `), whichever comes first.
 * Characters inside a `code span` or a "quoted phrase" never end a clause (`budget.total`, "etc."),
 * nor does the dot of "e.g." or "i.e." or a dot between digits (2.5).
 */
export function firstClause(message: string): string {
  let inCode = false;
  let inQuote = false;
  for (let i = 0; i < message.length; i++) {
    const c = message[i] ?? '';
    const next = message[i + 1];
    if (c === '`') inCode = !inCode;
    else if (inCode) continue;
    else if (c === '"') inQuote = !inQuote;
    else if (inQuote) continue;
    else if ((c === '.' || c === ';' || c === ':') && (next === undefined || next === ' ' || next === '\n')) {
      if (c === '.' && /\b(?:e\.g|i\.e)$/i.test(message.slice(0, i))) continue;
      return message.slice(0, i);
    } else if (c === ' ' && /^ [—–-] /.test(message.slice(i, i + 3))) return message.slice(0, i);
  }
  return message;
}

/** The contents of the code spans in a text. */
function codeSpans(text: string): string[] {
  return [...text.matchAll(/`([^`]*)`/g)].map((m) => m[1] ?? '');
}

/** Words that cannot end a clause that stands on its own ("... of the", "... and"). */
const danglingEnd = /\b(?:a|an|the|of|to|and|or|but|is|are|with|for|in|on|by|from|than|that|which|as)$/i;

/** What is wrong with a message for the Problems panel (empty when nothing). */
export function messageProblems(message: string): string[] {
  const problems: string[] = [];
  const clause = firstClause(message).trim();
  if (clause.length > maxFirstClause) problems.push(`first clause is ${clause.length} characters (at most ${maxFirstClause})`);
  if (clause.split(/\s+/).length < 3) problems.push(`first clause "${clause}" is under three words`);
  if (danglingEnd.test(clause)) problems.push(`first clause ends on "${danglingEnd.exec(clause)?.[0] ?? ''}"`);
  const opens = (clause.match(/\(/g) ?? []).length;
  const closes = (clause.match(/\)/g) ?? []).length;
  if (opens !== closes) problems.push('first clause cuts a parenthesis in two');
  if ((message.match(/`/g) ?? []).length % 2 !== 0) problems.push('a backtick is not closed');
  const spans = codeSpans(clause);
  if (spans.length > maxSpansInFirstClause)
    problems.push(`${spans.length} code spans in the first clause (at most ${maxSpansInFirstClause})`);
  for (const span of codeSpans(message)) {
    const limit = keyPath.test(span) || ruleId.test(span) ? maxKeyPathSpan : maxSpan;
    if (span.length > limit) problems.push(`code span \`${span.slice(0, 40)}...\` is ${span.length} characters (at most ${limit})`);
    // Prose in backticks: three or more words of letters.
    else if (/^\s*[A-Za-z]+(?:\s+[A-Za-z,]+){2,}\s*$/.test(span)) problems.push(`code span around prose: \`${span}\``);
  }
  return problems;
}
