// Every explanation of a rule a lead sees names the risk area it guards (or says plainly that it is
// an integrity check) and cites its named public sources by their short labels: the VS Code hover,
// the full hover of other clients, the hover on a rule id in a suppression comment,
// `scope-lint explain <id>` (the generated docs page) and SARIF help. One function builds the line
// (server/src/service/ruleBasis.ts); this test holds every built-in rule to it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver-types';
import { explainRule } from '../../server/src/cli/commands';
import { formatSarif } from '../../server/src/cli/format/sarif';
import { customRuleProblems, type CustomRule } from '../../server/src/service/customRules';
import { hover } from '../../server/src/service/hover';
import { areaTitles } from '../../server/src/service/report/score';
import { integrityWording, ruleBasis } from '../../server/src/service/ruleBasis';
import { rules } from '../../server/src/service/rules';
import { mergeSettings } from '../../server/src/service/settings';
import { sources } from '../../server/src/service/sources';
import type { Rule } from '../../server/src/service/types';
import { analyzeFile, analyzeText, testToday } from '../support/analyze';
import { fixturesDir, repoRoot } from '../support/paths';

const docsDir = join(repoRoot, 'docs', 'rules');

/** What a text about `rule` must contain: each area's title (or the integrity wording) and each source's short label. */
function missingFrom(rule: Rule, text: string): string[] {
  const lower = text.toLowerCase();
  const wanted = [
    ...(rule.areas.length === 0 ? [integrityWording] : rule.areas.map((a) => areaTitles[a])),
    ...rule.sources.map((s) => s.short),
  ];
  return wanted.filter((w) => !lower.includes(w.toLowerCase()));
}

function markdownOf(result: ReturnType<typeof hover>): string {
  return (result?.contents as MarkupContent | undefined)?.value ?? '';
}

/** The hover over the first finding of `rule` on its bad fixture. */
function findingHover(rule: Rule, messageShown: boolean): string {
  const { doc, diagnostics } = analyzeFile(join(fixturesDir, 'rules', rule.id, 'bad.scope.yaml'));
  const d: Diagnostic | undefined = diagnostics.find((x) => x.code === rule.id);
  assert.ok(d, `${rule.id}: its bad fixture has no finding of it`);
  return markdownOf(hover(doc, diagnostics, d.range.start, mergeSettings({ today: testToday }), { messageShown }));
}

interface SarifRule {
  readonly id: string;
  readonly help?: { readonly text: string; readonly markdown: string };
}

function sarifRules(): SarifRule[] {
  const log = JSON.parse(formatSarif([], { cwd: repoRoot, color: false, version: '0.0.0' })) as {
    runs: { tool: { driver: { rules: SarifRule[] } } }[];
  };
  return log.runs[0]?.tool.driver.rules ?? [];
}

describe('risk area and sources in every explanation of a rule', () => {
  it('the line names the area and the short labels, in one short line', () => {
    const tm = rules.find((r) => r.id === 'cost-tm-without-cap');
    assert.ok(tm);
    assert.equal(ruleBasis(tm), 'Risk area: hidden costs · Sources: FAR 16.601, GOV.UK Digital Outcomes');
    const dup = rules.find((r) => r.id === 'structure-duplicate-id');
    assert.ok(dup);
    assert.equal(ruleBasis(dup), 'Integrity check: other rules read these ids · Sources: ISO/IEC/IEEE 29148, PMBOK Guide §5.4.3.1');
    assert.equal(
      ruleBasis({ areas: ['security', 'cost'], sources: [sources.gdprArt28] }),
      'Risk areas: security threats, hidden costs · Source: GDPR Art. 28',
    );
    for (const rule of rules) {
      const line = ruleBasis(rule);
      assert.ok(line.length <= 180, `${rule.id}: ${line.length} characters: ${line}`);
      assert.ok(!line.includes('\n'), rule.id);
    }
  });

  it('every rule cites at least one named source, each with a short label', () => {
    for (const rule of rules) {
      assert.ok(rule.sources.length > 0, `${rule.id} cites no source`);
      for (const s of rule.sources) {
        assert.ok(s.short.trim().length > 0 && s.short.length <= 40, `${rule.id}: short label "${s.short}" of ${s.name}`);
        assert.doesNotMatch(s.short, /blog|seed/i, `${rule.id}: ${s.short}`);
        // The line separates labels with commas.
        assert.doesNotMatch(s.short, /,/, `${rule.id}: ${s.short}`);
      }
    }
  });

  it('the VS Code hover of a finding (message shown by VS Code) names them, within 3,000 characters', () => {
    for (const rule of rules) {
      const text = findingHover(rule, true);
      assert.deepEqual(missingFrom(rule, text), [], `${rule.id} VS Code hover:\n${text}`);
      assert.ok(text.length < 3000, `${rule.id}: VS Code hover of ${text.length} characters`);
      assert.ok(text.includes(`\n\n${ruleBasis(rule)}\n\n`), `${rule.id}: the line stands alone`);
    }
  });

  it('the full hover of other clients names them', () => {
    for (const rule of rules) assert.deepEqual(missingFrom(rule, findingHover(rule, false)), [], `${rule.id} full hover`);
  });

  it('the hover on a rule id in a suppression comment names them', () => {
    for (const rule of rules) {
      const line = `# scope-lint-disable-next-line ${rule.id} -- agreed with the vendor`;
      const { doc, diagnostics } = analyzeText(`${line}\nscope_version: 1\n`);
      const text = markdownOf(
        hover(doc, diagnostics, { line: 0, character: line.indexOf(rule.id) + 2 }, mergeSettings({ today: testToday }), {
          messageShown: true,
        }),
      );
      assert.ok(text.includes(`\`${rule.id}\``), `${rule.id}: no rule hover in the comment:\n${text}`);
      assert.deepEqual(missingFrom(rule, text), [], `${rule.id} suppression hover`);
    }
  });

  it('scope-lint explain <id> names them', () => {
    for (const rule of rules) {
      const result = explainRule(rule.id, docsDir);
      assert.ok('text' in result, `${rule.id}: ${'problem' in result ? result.problem : ''}`);
      assert.deepEqual(missingFrom(rule, result.text), [], `${rule.id} explain`);
      assert.ok(result.text.includes(`\n${ruleBasis(rule)}\n`), `${rule.id}: explain shows the same line as the hover`);
    }
  });

  it('SARIF help, as text and as Markdown, names them', () => {
    const descriptors = sarifRules();
    for (const rule of rules) {
      const help = descriptors.find((d) => d.id === rule.id)?.help;
      assert.ok(help, `${rule.id}: no SARIF help`);
      assert.deepEqual(missingFrom(rule, help.text), [], `${rule.id} SARIF help text`);
      assert.deepEqual(missingFrom(rule, help.markdown), [], `${rule.id} SARIF help markdown`);
    }
  });

  it("a custom rule's hover names its own area, and sources only when the policy gives them", () => {
    const withSources: CustomRule = {
      id: 'acme-basis-cited',
      severity: 'warning',
      message: 'Every deliverable names its owner.',
      area: 'expertise',
      sources: ['Acme delivery policy §3.1'],
      given: 'deliverables[].owner',
      then: { type: 'string', minLength: 1 },
    };
    const bare: CustomRule = { ...withSources, id: 'acme-basis-bare', area: undefined, sources: undefined };
    for (const rule of [withSources, bare]) assert.deepEqual(customRuleProblems(rule), []);
    const text = 'scope_version: 1\ndeliverables:\n  - id: D1\n    title: Portal\n';
    for (const [rule, expected] of [
      [withSources, 'Risk area: lack of expertise and oversight · Source: Acme delivery policy §3.1'],
      [bare, 'Area: governance'],
    ] as const) {
      const { doc, diagnostics } = analyzeText(text, { customRules: [rule] });
      const d = diagnostics.find((x) => x.code === rule.id);
      assert.ok(d, `${rule.id} did not report`);
      const shown = markdownOf(hover(doc, diagnostics, d.range.start, mergeSettings({ today: testToday }), { messageShown: true }));
      assert.ok(shown.includes(`\n\n${expected}\n\n`), `${rule.id}:\n${shown}`);
      assert.ok(!shown.includes('Source') || rule === withSources, shown);
    }
  });
});
