// The hostile-input corpus: every input, and the diagnostic it must produce. Small inputs are
// byte-exact files in corpus/ (binary ones included, see corpus/.gitattributes); inputs of many
// megabytes are generated here so the repository stays small. Every entry is run through the
// engine (corpus.test.ts), the CLI (cli.test.ts) and the language server (lsp.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Limits } from '../../server/src/service/settings';
import { fixturesDir, repoRoot } from '../support/paths';

export const corpusDir = join(repoRoot, 'test', 'reliability', 'corpus');

export interface CorpusCase {
  readonly name: string;
  /** The file's bytes, exactly as a user could save them. */
  readonly bytes: () => Uint8Array;
  /** Every diagnostic that is not a risk rule, as `<code> <line>:<column>` (1-based), in order. */
  readonly want: readonly string[];
  /** The risk findings must be those of golden/minimal.scope.yaml, at the same lines and columns. */
  readonly risksAsMinimal?: boolean;
  /** Limits other than the defaults (as a user could set them). */
  readonly limits?: Partial<Limits>;
  /** An upper bound for one check, far above the expected time: it catches quadratic blow-ups. */
  readonly budgetMs?: number;
  /** Large generated inputs are not written to disk for the CLI and not sent to the server. */
  readonly generated?: boolean;
}

export const minimalText = readFileSync(join(fixturesDir, 'golden', 'minimal.scope.yaml'), 'utf8');

const file = (name: string) => (): Uint8Array => readFileSync(join(corpusDir, `${name}.scope.yaml`));
const utf8 = (make: () => string) => (): Uint8Array => Buffer.from(make(), 'utf8');
const lines = (count: number, line: (i: number) => string): string => Array.from({ length: count }, (_, i) => line(i)).join('\n');

/** Refusals are a cheap scan; anything slower means the guard let the parser run. */
const refusalBudgetMs = 2_000;
/** A valid file of about a megabyte: linear work takes a second or two on a slow CI machine. */
const largeBudgetMs = 20_000;

export const corpus: readonly CorpusCase[] = [
  // ---- bytes that are not YAML text ----
  { name: 'binary-garbage', bytes: file('binary-garbage'), want: ['input/binary 3:1'], budgetMs: refusalBudgetMs },
  { name: 'nul-byte', bytes: file('nul-byte'), want: ['input/binary 8:15'], budgetMs: refusalBudgetMs },
  { name: 'invalid-utf8', bytes: file('invalid-utf8'), want: ['input/invalid-utf8 6:13'], budgetMs: refusalBudgetMs },
  { name: 'truncated-utf8', bytes: file('truncated-utf8'), want: ['input/invalid-utf8 43:6'], budgetMs: refusalBudgetMs },
  { name: 'utf16', bytes: file('utf16'), want: ['input/invalid-utf8 1:1'], budgetMs: refusalBudgetMs },

  // ---- encodings and line endings that must read exactly like the plain file ----
  { name: 'bom', bytes: file('bom'), want: [], risksAsMinimal: true },
  { name: 'crlf', bytes: file('crlf'), want: [], risksAsMinimal: true },
  { name: 'cr', bytes: file('cr'), want: [], risksAsMinimal: true },
  { name: 'mixed-line-endings', bytes: file('mixed-line-endings'), want: [], risksAsMinimal: true },

  // ---- YAML features a scope file must not depend on ----
  { name: 'tabs', bytes: file('tabs'), want: ['yaml/syntax 8:1', 'yaml/syntax 10:3'] },
  { name: 'duplicate-keys', bytes: file('duplicate-keys'), want: ['yaml/duplicate-key 7:3'] },
  { name: 'multiple-documents', bytes: file('multiple-documents'), want: ['yaml/multiple-documents 43:1'], risksAsMinimal: true },
  // Merge keys are YAML 1.1; under 1.2 `<<` is an ordinary (unknown) key.
  {
    name: 'merge-keys',
    bytes: file('merge-keys'),
    want: ['schema/additional-property 7:1', 'schema/required 9:1', 'schema/additional-property 10:3'],
  },
  // Tags are never resolved, let alone executed.
  {
    name: 'unknown-tags',
    bytes: file('unknown-tags'),
    want: ['yaml/warning 8:9', 'schema/type 8:41', 'yaml/warning 28:10', 'yaml/warning 40:21'],
  },
  // `%YAML 1.1` does not switch to 1.1 types: dates stay text.
  { name: 'yaml-directives', bytes: file('yaml-directives'), want: ['yaml/warning 31:10'] },
  { name: 'unclosed-quote', bytes: file('unclosed-quote'), want: ['yaml/syntax 6:18'] },
  { name: 'undefined-alias', bytes: file('undefined-alias'), want: ['yaml/bad-alias 6:10'] },
  {
    name: 'self-referencing-alias',
    bytes: file('self-referencing-alias'),
    want: ['scope/missing-sections 1:1', 'schema/additional-property 4:3'],
  },

  // ---- values out of range ----
  {
    name: 'huge-numbers',
    bytes: file('huge-numbers'),
    want: ['schema/type 2:16', 'schema/enum 2:16', 'schema/type 28:10', 'schema/range 29:24', 'schema/range 31:33'],
  },
  {
    name: 'invalid-dates',
    bytes: file('invalid-dates'),
    want: ['schema/format 9:30', 'schema/format 22:10', 'schema/format 34:10', 'schema/format 38:51'],
  },
  {
    name: 'unicode',
    bytes: file('unicode'),
    want: [
      'scope/missing-sections 1:1',
      'schema/additional-property 6:3',
      'schema/additional-property 7:3',
      'schema/additional-property 10:3',
    ],
  },

  // ---- nothing there ----
  { name: 'empty', bytes: file('empty'), want: ['scope/empty 1:1'] },
  { name: 'whitespace-only', bytes: file('whitespace-only'), want: ['scope/empty 1:1'] },
  { name: 'comments-only', bytes: file('comments-only'), want: ['scope/empty 1:1'] },
  { name: 'document-markers-only', bytes: file('document-markers-only'), want: ['scope/empty 1:1'] },
  { name: 'null-root', bytes: file('null-root'), want: ['scope/empty 1:1'] },

  // ---- resource exhaustion ----
  // "Billion laughs": 9 levels of 9 aliases, few enough to parse, refused when expanded.
  { name: 'alias-bomb', bytes: file('alias-bomb'), want: ['yaml/alias-limit 1:1'], budgetMs: refusalBudgetMs },
  { name: 'too-many-aliases', bytes: file('too-many-aliases'), want: ['input/too-many-aliases 3:416'], budgetMs: refusalBudgetMs },
  { name: 'deep-compact-sequence', bytes: file('deep-compact-sequence'), want: ['input/too-deep 3:3'], budgetMs: refusalBudgetMs },
  { name: 'deep-explicit-keys', bytes: file('deep-explicit-keys'), want: ['input/too-deep 2:1'], budgetMs: refusalBudgetMs },
  { name: 'deep-flow-sequence', bytes: file('deep-flow-sequence'), want: ['input/too-deep 2:78'], budgetMs: refusalBudgetMs },
  { name: 'deep-flow-mapping', bytes: file('deep-flow-mapping'), want: ['input/too-deep 2:262'], budgetMs: refusalBudgetMs },
  { name: 'unbalanced-brackets', bytes: file('unbalanced-brackets'), want: ['input/too-deep 2:78'], budgetMs: refusalBudgetMs },
  { name: 'long-key', bytes: file('long-key'), want: ['yaml/syntax 2:1'], budgetMs: refusalBudgetMs },
  {
    name: 'ten-megabytes',
    generated: true,
    bytes: utf8(() => `${minimalText}# ${'x'.repeat(10 * 1024 * 1024)}\n`),
    want: ['input/too-large 1:1'],
    budgetMs: refusalBudgetMs,
  },
  {
    // 10,000 levels of block indentation is 50 MB of spaces: refused for its size by default...
    name: 'deep-block-nesting',
    generated: true,
    bytes: utf8(() => `scope_version: 1\n${lines(10_000, (i) => `${' '.repeat(i)}k${i}:`)}\n`),
    want: ['input/too-large 1:1'],
    budgetMs: refusalBudgetMs,
  },
  {
    // ...and for its depth when a user raises the size limit.
    name: 'deep-block-nesting-large-limit',
    generated: true,
    bytes: utf8(() => `scope_version: 1\n${lines(10_000, (i) => `${' '.repeat(i)}k${i}:`)}\n`),
    limits: { maxFileSizeKB: 100 * 1024 },
    want: ['input/too-deep 66:65'],
    budgetMs: refusalBudgetMs,
  },
  {
    // Composing every document took 9 s and 500 MB; only the first two are read.
    name: 'half-a-million-documents',
    generated: true,
    bytes: utf8(() => `${minimalText}${'---\n'.repeat(500_000)}`),
    want: ['yaml/multiple-documents 43:1'],
    risksAsMinimal: true,
    budgetMs: refusalBudgetMs,
  },
  {
    // Past 1,000 syntax errors parsing stops: one diagnostic at the first error.
    name: 'many-anchors-on-one-node',
    generated: true,
    bytes: utf8(() => `scope_version: 1\nproject: ${'&a '.repeat(20_000)}x\n`),
    want: ['input/too-many-errors 2:13'],
    budgetMs: refusalBudgetMs,
  },
  {
    // Under the cap, one error on many lines: the first 100 are shown.
    name: 'nine-hundred-line-errors',
    generated: true,
    bytes: utf8(() => lines(900, (i) => `k${i}: &a &b x`)),
    want: Array.from({ length: 100 }, (_, i) => `yaml/syntax ${i + 1}:${i < 10 ? 8 : 9}`),
    budgetMs: largeBudgetMs,
  },
  {
    // Every error the parser reports is an object it keeps: 100,000 of them cost seconds and memory.
    name: 'hundred-thousand-line-errors',
    generated: true,
    bytes: utf8(() => lines(100_000, (i) => `k${i}: &a &b x`)),
    want: ['input/too-many-errors 1:8'],
    budgetMs: largeBudgetMs,
  },
  {
    // Under every other limit: took 46 s and 2.9 GB, and three such files aborted the server.
    name: 'two-megabyte-line-of-closing-brackets',
    generated: true,
    bytes: utf8(() => ']'.repeat(2_000_000)),
    want: ['input/too-many-errors 1:1'],
    budgetMs: refusalBudgetMs,
  },
  {
    name: 'two-megabyte-flow-sequence-of-commas',
    generated: true,
    bytes: utf8(() => `[${','.repeat(2_000_000)}]`),
    want: ['input/too-many-errors 1:3'],
    budgetMs: largeBudgetMs,
  },
  {
    name: 'two-megabytes-of-anchors-on-one-node',
    generated: true,
    bytes: utf8(() => `scope_version: 1\nproject: ${'&a '.repeat(680_000)}x\n`),
    want: ['input/too-many-errors 2:13'],
    budgetMs: largeBudgetMs,
  },
  {
    // 150,000 repeated keys: one error each, reported through a spread that overflowed the stack.
    name: 'hundred-fifty-thousand-repeated-keys',
    generated: true,
    bytes: utf8(() => `scope_version: 1\n${lines(150_000, () => 'k: v')}\n`),
    want: ['input/too-many-errors 3:1'],
    budgetMs: largeBudgetMs,
  },

  // ---- large but legal: checked in bounded time; the schema caps lists and text ----
  {
    name: 'hundred-thousand-item-sequence',
    generated: true,
    bytes: utf8(() => `${minimalText}assumptions:\n${lines(100_000, (i) => `  - Assumption ${i}`)}\n`),
    want: ['schema/length 44:3'],
    risksAsMinimal: true,
    budgetMs: largeBudgetMs,
  },
  {
    name: 'hundred-thousand-item-flow-sequence',
    generated: true,
    bytes: utf8(() => `${minimalText}assumptions: [${lines(100_000, (i) => `  a${i},`)} end]\n`),
    want: ['schema/length 43:14'],
    risksAsMinimal: true,
    budgetMs: largeBudgetMs,
  },
  {
    // The parser's own duplicate-key check is quadratic: this took minutes.
    name: 'hundred-thousand-key-mapping',
    generated: true,
    bytes: utf8(() => `${minimalText}x_notes:\n${lines(100_000, (i) => `  k${i}: v`)}\n`),
    want: ['schema/additional-property 43:1'],
    risksAsMinimal: true,
    budgetMs: largeBudgetMs,
  },
  {
    name: 'hundred-thousand-character-scalars',
    generated: true,
    bytes: utf8(() =>
      minimalText
        .replace('name: Pixel & Co', `name: Pixel ${'p'.repeat(100_000)}`)
        .replace('name: Marketing site migration to headless CMS', `name: "${'Migrate, etc. '.repeat(7_200)}"`)
        .replace('  owner: Lee Wong', `  owner: '${"O''".repeat(33_000)}'\n  sponsor: |\n    ${'s'.repeat(100_000)}`),
    ),
    want: ['schema/length 4:9', 'schema/length 6:10', 'schema/length 8:5', 'schema/length 10:9'],
    budgetMs: largeBudgetMs,
  },
];

/** `<code> <line>:<column>` for a diagnostic, 1-based. */
export function describe(d: { code?: unknown; range: { start: { line: number; character: number } } }): string {
  return `${String(d.code)} ${d.range.start.line + 1}:${d.range.start.character + 1}`;
}

/** Risk rules have kebab-case ids; everything else (syntax, schema, input, ...) is `family/kind`. */
export function isRiskRule(code: unknown): boolean {
  return !String(code).includes('/');
}
