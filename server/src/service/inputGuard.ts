// Cheap, non-recursive checks that run before the YAML parser sees the text.
// The parser can exhaust memory or the stack on pathological input (deep nesting, alias bombs),
// which no try/catch can stop, so such input is refused with one clear diagnostic instead.
import type { EngineCode } from './codes';
import type { Limits } from './settings';

export interface InputProblem {
  /** One of the `input/*` codes of the registry (`input/timeout` and `input/check-failed` are set by the server). */
  readonly code: Extract<EngineCode, `input/${string}`>;
  readonly message: string;
  /** Offset the diagnostic points at. */
  readonly offset: number;
}

export function checkInputLimits(text: string, limits: Limits): InputProblem | undefined {
  if (text.length > limits.maxFileSizeKB * 1024) return tooLarge(text.length, limits);
  // YAML text never holds a raw NUL (YAML 1.2 §5.1); a file with one is binary, and the parser
  // would read it as one long plain scalar and report nonsense.
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    return {
      code: 'input/binary',
      message: 'This file contains NUL bytes, so it is binary data, not YAML text; it is not checked.',
      offset: nul,
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

/** `size` in characters, or in bytes when the file was refused before it was read (the CLI). */
export function tooLarge(size: number, limits: Limits): InputProblem {
  return {
    code: 'input/too-large',
    message: `This file is not checked: it is ${formatKB(size)}, above the ${formatKB(limits.maxFileSizeKB * 1024)} limit (setting \`scope.limits.maxFileSizeKB\`).`,
    offset: 0,
  };
}

function formatKB(chars: number): string {
  return `${Math.round(chars / 1024).toLocaleString('en-US')} KB`;
}

/**
 * Upper bound of the nesting depth: block indentation levels plus open flow brackets plus
 * compact indicators (`- - x`, `? ? x`, `: - x`). Returns the offset where the limit is first exceeded.
 */
function nestingDepth(text: string, max: number, end?: { open: boolean }): { offset: number } | undefined {
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
      // "- - - x" opens one level per dash; explicit keys "? ? x" recurse in the parser the same way.
      let j = i;
      let dashes = 0;
      while (j + 1 < lineEnd && (text[j] === '-' || text[j] === '?' || text[j] === ':') && (text[j + 1] === ' ' || text[j + 1] === '\t')) {
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
  if (end) end.open = flow > 0 || quote !== undefined;
  return undefined;
}

/**
 * Whether a text still passes `checkInputLimits` when it differs from one that passed them only in
 * `region`: whole lines, one item of a block sequence whose dash is at `column` (document.ts
 * reparses such an edit alone). Reads the region, not the whole text; `false` means "check the whole
 * text", not that it fails. Sound because the rest of the text is unchanged:
 * - nesting: above the item, at most `column` indentation levels are open (one per column), no flow
 *   bracket and no quote; the region must close all it opens, so the lines after it read as before;
 * - aliases: a region without an alias pattern cannot raise the count the old text passed with;
 * - NUL bytes: the old text had none.
 */
export function regionWithinLimits(text: string, region: string, column: number, limits: Limits): boolean {
  if (text.length > limits.maxFileSizeKB * 1024 || region.includes('\0')) return false;
  const end = { open: false };
  if (nestingDepth(region, limits.maxNestingDepth - column, end) || end.open) return false;
  return aliasOverflow(region, 0) === undefined || aliasOverflow(text, limits.maxAliases) === undefined;
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

/**
 * Decodes a file's bytes the way VS Code does for UTF-8 files: a leading byte order mark is
 * dropped (so columns match the editor). Bytes that are not UTF-8 are an input problem that names
 * the first bad byte; the returned text then holds U+FFFD in their place.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string; problem?: InputProblem } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(bom);
  const bad = firstInvalidUtf8(body);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
  if (bad < 0) return { text };
  const offset = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body.subarray(0, bad)).length;
  const byte = (body[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16)
    return {
      text,
      problem: {
        code: 'input/invalid-utf8',
        message: 'This file is encoded as UTF-16, so it is not checked. Save it as UTF-8.',
        offset: 0,
      },
    };
  const looksBinary = body.subarray(0, 8192).includes(0);
  return {
    text,
    problem: looksBinary
      ? {
          code: 'input/binary',
          message: 'This file contains NUL bytes, so it is binary data, not YAML text; it is not checked.',
          offset: Math.max(0, text.indexOf('\0')),
        }
      : {
          code: 'input/invalid-utf8',
          message: `This file is not valid UTF-8 (byte 0x${byte} here cannot be decoded), so it is not checked. Save it as UTF-8.`,
          offset,
        },
  };
}

/** Index of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Well-formed sequences per Unicode Table 3-7: no overlongs, no surrogates, nothing above U+10FFFF.
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}
