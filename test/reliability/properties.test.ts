// Property-based tests (fast-check) on random YAML and on random mutations of the fixtures.
// Invariants: no exception escapes (and no rule throws), every range lies inside the document on
// one line, results are deterministic, a quick fix changes nothing outside its edits, does not
// break well-formed YAML and is idempotent, and incremental edits validate like the full text.
// Runs are bounded (a fixed seed per property, a few hundred cases) so the suite stays fast; a
// failure prints the seed and the shrunk input to replay.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { stringify } from 'yaml';
import { AnalysisCache } from '../../server/src/analysisCache';
import { ScopeDocument } from '../../server/src/service/document';
import { resolveFix } from '../../server/src/service/edits';
import { rules } from '../../server/src/service/rules';
import { mergeSettings } from '../../server/src/service/settings';
import type { Fix } from '../../server/src/service/types';
import { validate } from '../../server/src/service/validate';
import { defaultCheckTimeoutMs, Validator } from '../../server/src/validationWorker';
import { testToday } from '../support/analyze';
import { fixturesDir, repoRoot } from '../support/paths';
import { applyTextEdits, unchangedOutside } from '../support/textEdits';

const settings = mergeSettings({ today: testToday });

/** Every fixture the project has: golden examples and each rule's cases. */
const seeds: readonly string[] = (() => {
  const files = readdirSync(join(fixturesDir, 'golden'))
    .filter((f) => f.endsWith('.scope.yaml'))
    .map((f) => join(fixturesDir, 'golden', f));
  for (const rule of readdirSync(join(fixturesDir, 'rules'))) {
    for (const f of readdirSync(join(fixturesDir, 'rules', rule)).filter((n) => n.endsWith('.scope.yaml')))
      files.push(join(fixturesDir, 'rules', rule, f));
  }
  return files.map((f) => readFileSync(f, 'utf8'));
})();

function check(text: string, uri = 'file:///p.scope.yaml'): { doc: ScopeDocument; diagnostics: readonly Diagnostic[] } {
  const doc = new ScopeDocument(uri, 1, text, settings.limits);
  const { diagnostics } = validate(doc, settings, {
    onRuleError: (id, error) => {
      throw new Error(`rule ${id} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    },
  });
  return { doc, diagnostics };
}

function assertRangesInside(text: string, diagnostics: readonly Diagnostic[]): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const d of diagnostics) {
    const { start, end } = d.range;
    const where = `${String(d.code)} ${start.line}:${start.character}-${end.line}:${end.character}`;
    assert.equal(start.line, end.line, `${where} spans lines`);
    assert.ok(start.line >= 0 && start.line < lines.length, `${where}: no such line`);
    assert.ok(start.character >= 0 && start.character <= end.character, `${where}: backwards`);
    assert.ok(end.character <= (lines[end.line] ?? '').length, `${where}: past the end of its line`);
  }
}

// ---- generators ------------------------------------------------------------------------------

const schemaWords = [
  'scope_version',
  'project',
  'name',
  'objective',
  'owner',
  'vendor',
  'nda',
  'signed',
  'date',
  'references',
  'security',
  'data_classification',
  'personal_data',
  'protections',
  'deliverables',
  'id',
  'title',
  'acceptance_criteria',
  'due',
  'success_measures',
  'metric',
  'target',
  'unit',
  'measured_by',
  'budget',
  'currency',
  'pricing_model',
  'total',
  'contingency_percent',
  'payments',
  'milestone',
  'percent',
  'amount',
  'timeline',
  'start',
  'end',
  'milestones',
  'governance',
  'check_in_cadence',
  'change_control',
  'out_of_scope',
  'D1',
  'M1',
  'SM1',
  'TBD',
  'etc.',
  '2027-02-30',
  'USD',
  'weekly',
  'true',
  'null',
  '1e400',
  '-1',
  '0x1F',
  '.inf',
  '~',
];

/** Text made of YAML's structural characters and the format's own words: syntax errors and near misses. */
const yamlishText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...schemaWords) },
      {
        weight: 5,
        arbitrary: fc.constantFrom(
          ':',
          ': ',
          '- ',
          ' ',
          '  ',
          '\n',
          '\n  ',
          '\n    ',
          '[',
          ']',
          '{',
          '}',
          ', ',
          '#',
          '&a ',
          '*a',
          '!!str ',
          '!x ',
          '"',
          "'",
          '|\n',
          '>-\n',
          '? ',
          '---\n',
          '%YAML 1.2\n',
          '\t',
          '\r\n',
          '\r',
          '<<: ',
        ),
      },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

/** Well-formed YAML of random data shaped like a scope (the format's keys, any values), in block or flow style. */
const scopeLikeValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(...schemaWords)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...schemaWords), tie('value'), { maxKeys: 5 }),
  ),
})).value;
const scopeLikeYaml = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...schemaWords), scopeLikeValue, { maxKeys: 8 }),
    fc.constantFrom('block' as const, 'flow' as const),
    fc.boolean(),
  )
  .map(([value, collectionStyle, crlf]) => {
    const text = stringify({ scope_version: 1, ...value }, { collectionStyle, lineWidth: 0 });
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

type Mutation = (text: string) => string;

/** A small edit a person (or a bad merge) could make: the file around it stays realistic. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(
    ([at, n]): Mutation =>
      (t) =>
        t.slice(0, at % (t.length + 1)) + t.slice((at % (t.length + 1)) + n),
  ),
  fc.tuple(fc.nat(), yamlishText).map(
    ([at, s]): Mutation =>
      (t) =>
        t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1)),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (t) => {
    const lines = t.split('\n');
    const i = a % lines.length;
    const j = b % lines.length;
    [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
    return lines.join('\n');
  }),
  fc.nat().map((a): Mutation => (t) => {
    const lines = t.split('\n');
    const i = a % lines.length;
    lines.splice(i, 0, lines[i] ?? '');
    return lines.join('\n');
  }),
  fc.tuple(fc.nat(), fc.constantFrom(' ', '  ', '\t', '- ')).map(([a, pad]): Mutation => (t) => {
    const lines = t.split('\n');
    const i = a % lines.length;
    lines[i] = pad + (lines[i] ?? '');
    return lines.join('\n');
  }),
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom('', ' ', '"', "'", ':', '#', '[', '{', '\u0085', '\u2028', '\uFEFF', '\uD800', '😀', 'TBD', '2027-02-30'),
    )
    .map(([at, s]): Mutation => (t) => {
      const i = at % Math.max(1, t.length);
      return t.slice(0, i) + s + t.slice(i + 1);
    }),
);

const mutatedFixture = fc
  .tuple(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }))
  .map(([seed, mutations]) => mutations.reduce((text, m) => m(text), seeds[seed] ?? ''));

/** Zero to two mutations: most results still parse, so their quick fixes can be tried. */
const lightlyMutatedFixture = fc
  .tuple(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { maxLength: 2 }))
  .map(([seed, mutations]) => mutations.reduce((text, m) => m(text), seeds[seed] ?? ''));

const anyInput = fc.oneof(yamlishText, scopeLikeYaml, mutatedFixture);

// ---- properties ------------------------------------------------------------------------------

describe('property: any input', () => {
  it('never throws, and every range lies inside the document on one line', () => {
    fc.assert(
      fc.property(anyInput, (text) => {
        const { diagnostics } = check(text);
        assertRangesInside(text, diagnostics);
      }),
      { numRuns: 600, seed: 20270104 },
    );
  });

  it('gives the same diagnostics every time', () => {
    fc.assert(
      fc.property(anyInput, (text) => {
        const first = check(text, 'file:///a.scope.yaml').diagnostics;
        const second = check(text, 'file:///a.scope.yaml').diagnostics;
        assert.deepEqual(second, first);
      }),
      { numRuns: 150, seed: 20270105 },
    );
  });

  it('never throws on any string of code units (lone surrogates, C0/C1 controls)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        assertRangesInside(text, check(text).diagnostics);
      }),
      { numRuns: 300, seed: 20270106 },
    );
  });
});

/** Fixes whose ops name a position, not a thing: a second run acts on the next one by design. */
function positional(fix: Fix): boolean {
  return fix.ops.some((op) => op.op === 'removeText' || (op.op === 'delete' && typeof op.path[op.path.length - 1] === 'number'));
}

describe('property: quick fixes on mutated fixtures', () => {
  it('change nothing outside their edits, keep well-formed YAML well-formed, and are idempotent', () => {
    let applied = 0;
    let repeated = 0;
    fc.assert(
      fc.property(lightlyMutatedFixture, fc.nat(), (text, pick) => {
        const doc = new ScopeDocument('file:///f.scope.yaml', 1, text, settings.limits);
        if (doc.inputProblem || doc.parseErrors.length > 0) return;
        const fixes = rules.flatMap((rule) => rule.check(doc, settings).flatMap((f) => [...(f.fixes ?? [])]));
        // A few per case: every rule's fixes get exercised over the run.
        for (let k = 0; k < Math.min(4, fixes.length); k++) {
          const fix = fixes[(pick + k * 7919) % fixes.length];
          if (!fix) continue;
          const resolved = resolveFix(doc, fix);
          if (!resolved) continue;
          const after = applyTextEdits(text, resolved.edits);
          applied++;
          assert.ok(unchangedOutside(text, after, resolved.edits), `"${fix.title}" changed text outside its edits`);
          const fixed = new ScopeDocument('file:///f.scope.yaml', 2, after, settings.limits);
          assert.deepEqual(
            fixed.parseErrors.map((e) => e.message),
            [],
            `"${fix.title}" broke the YAML:\n--- before\n${text}\n--- after\n${after}`,
          );
          if (positional(fix)) continue;
          const again = resolveFix(fixed, fix);
          const twice = again ? applyTextEdits(after, again.edits) : after;
          assert.equal(twice, after, `"${fix.title}" is not idempotent`);
          repeated++;
        }
      }),
      { numRuns: 400, seed: 20270107 },
    );
    // Not vacuous: most mutated fixtures still parse and offer fixes.
    assert.ok(applied >= 200 && repeated >= 150, `only ${applied} fixes applied, ${repeated} applied twice`);
  });
});

describe('property: incremental edits', () => {
  // The path the server takes: TextDocuments applies each incremental change with
  // TextDocument.update, hover and code actions read `cache.model` between changes, and the
  // diagnostics of the last version come from the validation worker (dist/server.js in its worker
  // role) into `cache.store`, and are read back through `cache.cached`.
  const validator = new Validator({
    workerFile: join(repoRoot, 'dist', 'server.js'),
    timeoutMs: defaultCheckTimeoutMs,
    log: (message) => {
      throw new Error(`validation worker: ${message}`);
    },
  });
  after(() => validator.dispose());

  it('validate exactly like the full text (the server cache follows every version)', async () => {
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 20 }), yamlishText);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: seeds.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), async (seed, edits) => {
        const cache = new AnalysisCache();
        let full = seeds[seed] ?? '';
        let document = TextDocument.create('file:///i.scope.yaml', 'scope-yaml', 1, full);
        const snapshot = (d: TextDocument) => ({ uri: d.uri, version: d.version, text: d.getText() });
        cache.model(snapshot(document), settings);
        for (const [at, length, insert] of edits) {
          const start = at % (full.length + 1);
          const end = Math.min(full.length, start + length);
          const range = { start: document.positionAt(start), end: document.positionAt(end) };
          document = TextDocument.update(document, [{ range, text: insert }], document.version + 1);
          full = full.slice(0, start) + insert + full.slice(end);
          // Hover and code actions read the model between changes: it must be of this version's text.
          const model = cache.model(snapshot(document), settings);
          assert.equal(model.version, document.version);
          assert.equal(model.text, full);
        }
        assert.equal(document.getText(), full);
        const last = snapshot(document);
        const published = await validator.validate(last, settings);
        assert.ok(published, 'the worker dropped the only queued version');
        cache.store(last, settings, published);
        const incremental = cache.cached(last, settings);
        const fresh = validate(new ScopeDocument(document.uri, document.version, full, settings.limits), settings).diagnostics;
        assert.deepEqual(incremental, fresh);
      }),
      { numRuns: 120, seed: 20270108 },
    );
  });
});
