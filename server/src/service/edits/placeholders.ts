// Placeholders a person has to fill in (`""`, `null`, `TODO`, `<hints>`, or the rule author's own
// `${1:...}` tab stops): found in a fix's YAML fragment, carried through the edit engine as
// private-use markers, and written out at the end as default text or snippet tab stops.
import { parseDocument, visit } from 'yaml';
import { Memo } from './memo';

const markerPattern = /\uE000(\d+)\uE001/g;

interface Placeholder {
  readonly defaultText: string;
  readonly choices?: readonly string[];
  /** Placeholders of one group share a tab stop (the same `$n` written twice). */
  readonly group: string;
}

/**
 * Placeholders travel through the edit engine as private-use markers, which YAML reads as plain
 * text in every scalar style, and become default text or snippet tab stops at the very end.
 */
export class Placeholders {
  private readonly list: Placeholder[] = [];

  /** A new placeholder; without a group it is a tab stop of its own. */
  add(placeholder: Omit<Placeholder, 'group'> & { readonly group?: string }): string {
    this.list.push({ ...placeholder, group: placeholder.group ?? `auto${this.list.length}` });
    return `\uE000${this.list.length - 1}\uE001`;
  }

  has(text: string): boolean {
    return text.includes('\uE000');
  }

  plain(text: string): string {
    return text.replace(markerPattern, (_m, id: string) => {
      const p = this.list[Number(id)];
      return p ? (p.choices?.[0] ?? p.defaultText) : '';
    });
  }

  /** Gives each group a tab-stop number in order of first appearance. */
  number(texts: readonly string[]): Map<string, number> {
    const numbers = new Map<string, number>();
    for (const text of texts) {
      for (const m of text.matchAll(markerPattern)) {
        const p = this.list[Number(m[1])];
        if (p && !numbers.has(p.group)) numbers.set(p.group, numbers.size + 1);
      }
    }
    return numbers;
  }

  snippet(text: string, numbers: Map<string, number>): string {
    let out = '';
    let last = 0;
    for (const m of text.matchAll(markerPattern)) {
      out += escapeSnippet(text.slice(last, m.index));
      last = m.index + m[0].length;
      const p = this.list[Number(m[1])];
      const n = p ? numbers.get(p.group) : undefined;
      if (!p || n === undefined) continue;
      if (p.choices && p.choices.length > 0) out += `\${${n}|${p.choices.map((c) => c.replace(/[\\$},|]/g, '\\$&')).join(',')}|}`;
      else out += p.defaultText === '' ? `\${${n}}` : `\${${n}:${escapeSnippet(p.defaultText)}}`;
    }
    return out + escapeSnippet(text.slice(last));
  }
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/**
 * `${1:default}`, `${1|a,b|}` or `${1}` in a fragment: the author placed the tab stops. (Not the
 * bare `$1` form, which a price such as `$120k` would look like.)
 */
const explicitPlaceholder = /\$\{(\d+)(?::((?:[^}\\]|\\.)*))?\}|\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/g;

/** A `<what to write>` hint inside a string scalar. */
const angleHint = /<[^<>\n]{1,40}>/g;

function unescapeSnippet(text: string): string {
  return text.replace(/\\([\\$}|,])/g, '$1');
}

/**
 * Replaces the placeholders of a YAML fragment with markers. Either the author wrote snippet
 * syntax, or the values a person must fill in are found automatically: `""`, `null`, `0`,
 * strings containing TODO (whole), and `<hints>` inside strings.
 */
export function markPlaceholders(fragment: string, placeholders: Placeholders): string {
  if (/\$\{\d+[:|}]/.test(fragment)) {
    let out = '';
    let last = 0;
    for (const m of fragment.matchAll(explicitPlaceholder)) {
      out += unescapeSnippet(fragment.slice(last, m.index));
      last = m.index + m[0].length;
      const n = m[1] ?? m[3] ?? '0';
      const choices = m[4] !== undefined ? m[4].split(/(?<!\\),/).map(unescapeSnippet) : undefined;
      out += placeholders.add({ defaultText: unescapeSnippet(m[2] ?? ''), ...(choices ? { choices } : {}), group: `tab${n}` });
    }
    return out + unescapeSnippet(fragment.slice(last));
  }
  let out = fragment;
  for (const cut of placeholderCuts.get(fragment, () => findPlaceholders(fragment))) {
    out = out.slice(0, cut.start) + placeholders.add({ defaultText: cut.defaultText }) + out.slice(cut.end);
  }
  return out;
}

interface Cut {
  readonly start: number;
  readonly end: number;
  readonly defaultText: string;
}

const placeholderCuts = new Memo<readonly Cut[]>(500);

/** Where a fragment's automatic placeholders are, last first. */
function findPlaceholders(fragment: string): Cut[] {
  const parsed = parseDocument(fragment, { keepSourceTokens: false });
  if (parsed.errors.length > 0) return [];
  const cuts: Cut[] = [];
  visit(parsed, {
    Scalar(key, node) {
      if (key === 'key' || !node.range) return;
      const [start, end] = node.range;
      const source = fragment.slice(start, end);
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      const plain = node.type === 'PLAIN' && !source.includes('\n');
      if (node.value === null && (source === 'null' || source === '~')) {
        cuts.push({ start, end, defaultText: source });
      } else if (node.value === 0 && plain && /^0(\.0+)?$/.test(source)) {
        cuts.push({ start, end, defaultText: source });
      } else if (typeof node.value === 'string' && (quoted || plain)) {
        const innerStart = quoted ? start + 1 : start;
        const innerEnd = quoted ? end - 1 : end;
        const inner = fragment.slice(innerStart, innerEnd);
        if (inner === '') cuts.push({ start: innerStart, end: innerStart, defaultText: '' });
        else if (/\bTODO\b/.test(inner)) cuts.push({ start: innerStart, end: innerEnd, defaultText: inner });
        else
          for (const m of inner.matchAll(angleHint))
            cuts.push({ start: innerStart + m.index, end: innerStart + m.index + m[0].length, defaultText: m[0] });
      }
    },
  });
  return cuts.sort((a, b) => b.start - a.start);
}
