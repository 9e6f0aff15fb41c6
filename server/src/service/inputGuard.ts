// Cheap, non-recursive checks that run before the YAML parser sees the text.
// The parser can exhaust memory or the stack on pathological input (deep nesting, alias bombs),
// which no try/catch can stop, so such input is refused with one clear diagnostic instead.
import type { Limits } from './settings';

export interface InputProblem {
  readonly code: 'input/too-large' | 'input/too-deep' | 'input/too-many-aliases';
  readonly message: string;
  /** Offset the diagnostic points at. */
  readonly offset: number;
}

export function checkInputLimits(text: string, limits: Limits): InputProblem | undefined {
  const maxChars = limits.maxFileSizeKB * 1024;
  if (text.length > maxChars) {
    return {
      code: 'input/too-large',
      message: `This file is ${formatKB(text.length)}, above the ${formatKB(maxChars)} limit (setting \`scope.limits.maxFileSizeKB\`), so it is not checked.`,
      offset: 0,
    };
  }
  const depth = nestingDepth(text, limits.maxNestingDepth);
  if (depth) {
    return {
      code: 'input/too-deep',
      message: `Nesting deeper than ${limits.maxNestingDepth} levels (setting \`scope.limits.maxNestingDepth\`); a scope file never needs this, so the file is not checked.`,
      offset: depth.offset,
    };
  }
  const aliases = aliasOverflow(text, limits.maxAliases);
  if (aliases !== undefined) {
    return {
      code: 'input/too-many-aliases',
      message: `More than ${limits.maxAliases} YAML aliases (\`*name\`) (setting \`scope.limits.maxAliases\`); the file is not checked, to guard against alias bombs.`,
      offset: aliases,
    };
  }
  return undefined;
}

function formatKB(chars: number): string {
  return `${Math.round(chars / 1024).toLocaleString('en-US')} KB`;
}

/**
 * Upper bound of the nesting depth: block indentation levels plus open flow brackets plus
 * compact sequence dashes. Returns the offset where the limit is first exceeded.
 */
function nestingDepth(text: string, max: number): { offset: number } | undefined {
  const indents: number[] = [];
  let flow = 0;
  let lineStart = 0;
  let quote: '"' | "'" | undefined;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
    const indent = i - lineStart;
    const first = text[i];
    if (flow === 0 && !quote && i < lineEnd && first !== '#' && first !== '\r') {
      while (indents.length > 0 && (indents[indents.length - 1] ?? 0) > indent) indents.pop();
      if (indents.length === 0 || (indents[indents.length - 1] ?? 0) < indent) indents.push(indent);
      // "- - - x" opens one level per dash.
      let j = i;
      let dashes = 0;
      while (j + 1 < lineEnd && text[j] === '-' && (text[j + 1] === ' ' || text[j + 1] === '\t')) {
        dashes++;
        j += 2;
        while (j < lineEnd && text[j] === ' ') j++;
      }
      if (indents.length + dashes > max) return { offset: i };
    }
    for (let k = i; k < lineEnd; k++) {
      const ch = text[k];
      if (quote) {
        if (ch === quote) quote = undefined;
        continue;
      }
      if (ch === '#' && (k === lineStart || text[k - 1] === ' ' || text[k - 1] === '\t')) break;
      if ((ch === '"' || ch === "'") && flow > 0) quote = ch;
      else if (ch === '[' || ch === '{') {
        flow++;
        if (indents.length + flow > max) return { offset: k };
      } else if ((ch === ']' || ch === '}') && flow > 0) flow--;
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** Offset of the first alias over the limit, if there are too many. */
function aliasOverflow(text: string, max: number): number | undefined {
  const alias = /(^|[\s[{,:-])\*[^\s,[\]{}]+/g;
  let count = 0;
  for (let m = alias.exec(text); m; m = alias.exec(text)) {
    count++;
    if (count > max) return m.index + (m[1] ?? '').length;
  }
  return undefined;
}
