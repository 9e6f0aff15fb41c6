// Code actions: quick fixes read from diagnostic data, "Accept this risk…", fix all; and a
// table-driven check of every fix offered on every fixture (rules/ and golden/).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import {
  acceptRiskTitle,
  codeActions,
  fixAllAction,
  fixAllKind,
  reasonPlaceholder,
  type CodeActionRequest,
} from '../../server/src/service/codeActions';
import { ScopeDocument } from '../../server/src/service/document';
import { fixAllEdits } from '../../server/src/service/fixAll';
import type { ResolvedFix } from '../../server/src/service/edits';
import { mergeSettings, type PartialSettings } from '../../server/src/service/settings';
import type { Fix } from '../../server/src/service/types';
import type { DiagnosticData } from '../../server/src/service/validate';
import { analyzeText, testToday, resolvedFixesOf } from '../support/analyze';
import { fixturesDir } from '../support/paths';
import { applyTextEdits, unchangedOutside } from '../support/textEdits';

const settings = mergeSettings({ today: testToday });
const minimal = readFileSync(join(fixturesDir, 'golden', 'minimal.scope.yaml'), 'utf8');
const lines = (...l: string[]): string => `${l.join('\n')}\n`;

function request(text: string, overrides: Partial<CodeActionRequest> = {}): CodeActionRequest & { diagnostics: readonly Diagnostic[] } {
  const { doc, diagnostics } = analyzeText(text);
  const first = diagnostics[0];
  return {
    doc,
    diagnostics,
    context: diagnostics,
    range: first?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    snippets: false,
    settings,
    ...overrides,
  };
}

/** The text edits of a workspace edit for one document (plain or snippet form). */
function editsOf(edit: WorkspaceEdit | undefined): (TextEdit | { range: Range; snippet: { value: string } })[] {
  if (!edit) return [];
  if (edit.changes) return Object.values(edit.changes).flat();
  return (edit.documentChanges ?? []).flatMap((c) => ('edits' in c ? c.edits : []));
}

function applyAction(text: string, action: CodeAction | undefined): string {
  assert.ok(action?.edit, 'the action has an edit');
  const edits = editsOf(action.edit);
  const plain = edits.filter((e): e is TextEdit => 'newText' in e);
  assert.equal(plain.length, edits.length, 'plain text edits');
  return applyTextEdits(text, plain);
}

/** What a snippet inserts when every placeholder is accepted as is, re-indented as VS Code does. */
function expandSnippet(snippet: string, indent: string): string {
  const plain = snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:((?:[^}\\]|\\.)*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([\\$}])/g, '$1');
  return plain.replace(/(\r?\n)(?=[^\r\n])/g, `$1${indent}`);
}

describe('quick fixes', () => {
  const typo = lines('scope_version: 1', 'projct:   # typo', '  name: X');

  it('come from the diagnostic data, matched to this version by code and range, not message', () => {
    const r = request(typo);
    const unknown = r.diagnostics.find((d) => d.code === 'schema/additional-property');
    assert.ok(unknown, 'the schema reports the unknown key');
    // The client may echo a diagnostic without data and with other text; the current one is used.
    const echoed: Diagnostic = {
      range: unknown.range,
      code: unknown.code,
      message: 'whatever the client shows',
      severity: unknown.severity,
    };
    const actions = codeActions({ ...r, context: [echoed], range: unknown.range });
    const rename = actions.find((a) => a.title === 'Rename to `project`');
    assert.ok(rename, `offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(rename.kind, 'quickfix');
    assert.equal(rename.isPreferred, true);
    assert.deepEqual(rename.diagnostics, [unknown]);
    assert.equal(applyAction(typo, rename), lines('scope_version: 1', 'project:   # typo', '  name: X'));
  });

  it('offer one fix per allowed value for a wrong enum value, the closest one preferred', () => {
    const text = minimal.replace('  pricing_model: fixed_price\n', '  pricing_model: fixed_prise   # per the RFP\n');
    const r = request(text);
    const wrong = r.diagnostics.find((d) => d.code === 'schema/enum');
    assert.ok(wrong, r.diagnostics.map((d) => d.code).join(', '));
    const actions = codeActions({ ...r, context: [wrong], range: wrong.range }).filter((a) => a.title.startsWith('Change to'));
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred ?? false]),
      [
        ['Change to `fixed_price`', true],
        ['Change to `time_and_materials`', false],
        ['Change to `capped_time_and_materials`', false],
      ],
    );
    assert.equal(
      applyAction(text, actions[1]),
      minimal.replace('  pricing_model: fixed_price\n', '  pricing_model: time_and_materials   # per the RFP\n'),
    );
  });

  it('are not offered for a diagnostic of an older version', () => {
    const r = request(typo);
    const stale: Diagnostic = {
      range: { start: { line: 5, character: 0 }, end: { line: 5, character: 4 } },
      code: 'schema/additional-property',
      message: 'old',
    };
    assert.deepEqual(codeActions({ ...r, context: [stale] }), []);
  });

  it('use the diagnostics under the range when the client sends none', () => {
    const r = request(typo);
    const unknown = r.diagnostics.find((d) => d.code === 'schema/additional-property');
    assert.ok(unknown);
    assert.ok(codeActions({ ...r, context: [], range: unknown.range }).some((a) => a.title === 'Rename to `project`'));
  });

  it('arrive as snippet edits when the client supports them', () => {
    const text = lines('vendor:', '  name: Acme');
    const { doc, diagnostics } = analyzeText(text);
    const diagnostic = diagnostics.find((d) => d.code === 'security-references-missing');
    assert.ok(diagnostic);
    const base = { doc, diagnostics, context: [diagnostic], range: diagnostic.range, settings };
    const [snippetAction] = codeActions({ ...base, snippets: true });
    assert.deepEqual(snippetAction?.edit?.documentChanges, [
      {
        textDocument: { uri: 'file:///test.scope.yaml', version: 1 },
        edits: [
          {
            range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
            snippet: {
              kind: 'snippet',
              value:
                '  references:\n    - company: "${1}"\n      contact: "${2}"\n      contacted: ${3:null}   # date you spoke to them\n      notes: "${4}"\n',
            },
          },
        ],
      },
    ]);
    const [plainAction] = codeActions({ ...base, snippets: false });
    assert.equal(
      applyAction(text, plainAction),
      lines(
        'vendor:',
        '  name: Acme',
        '  references:',
        '    - company: ""',
        '      contact: ""',
        '      contacted: null   # date you spoke to them',
        '      notes: ""',
      ),
    );
  });

  it('respect the kinds the client asks for', () => {
    const r = request(typo);
    assert.ok(codeActions({ ...r, only: ['quickfix'] }).length > 0);
    assert.deepEqual(codeActions({ ...r, only: ['refactor'] }), []);
    assert.ok(
      codeActions({ ...r }).every((a) => a.kind === 'quickfix'),
      'fix all only when asked for',
    );
  });
});

describe('accept this risk', () => {
  // breach_notification_hours 96 > 72 h: security-breach-notification-slow, on an indented line.
  const slow = minimal.replace('  personal_data: false\n', '  personal_data: false\n  breach_notification_hours: 96   # vendor standard\n');

  function acceptAction(text: string, snippets = false): { action: CodeAction | undefined; line: number } {
    const r = request(text, { snippets });
    const finding = r.diagnostics.find((d) => d.code === 'security-breach-notification-slow');
    assert.ok(finding, 'the rule reports the slow notification');
    const actions = codeActions({ ...r, context: [finding], range: finding.range });
    return { action: actions.find((a) => a.title.startsWith(acceptRiskTitle)), line: finding.range.start.line };
  }

  it('inserts the suppression above the finding, in its indentation, with a reason to write', () => {
    const { action, line } = acceptAction(slow);
    assert.equal(action?.title, 'Accept this risk… (suppress `security-breach-notification-slow` here, with a reason)');
    assert.equal(action?.kind, 'quickfix');
    const after = applyAction(slow, action);
    const expectedLines = slow.split('\n');
    expectedLines.splice(line, 0, `  # scope-lint-disable-next-line security-breach-notification-slow -- ${reasonPlaceholder}`);
    assert.equal(after, expectedLines.join('\n'));
  });

  it('is a snippet whose tab stop is the reason', () => {
    const { action, line } = acceptAction(slow, true);
    const edits = editsOf(action?.edit);
    assert.deepEqual(edits, [
      {
        range: { start: { line, character: 0 }, end: { line, character: 0 } },
        snippet: { kind: 'snippet', value: '  # scope-lint-disable-next-line security-breach-notification-slow -- ${1:TODO: reason}\n' },
      },
    ]);
  });

  it('silences the finding once a person writes the reason, and not before', () => {
    const withTodo = applyAction(slow, acceptAction(slow).action);
    const todo = analyzeText(withTodo).diagnostics;
    assert.ok(
      todo.some((d) => d.code === 'security-breach-notification-slow'),
      'a TODO reason does not suppress',
    );
    assert.ok(
      todo.some((d) => d.code === 'suppression/missing-reason'),
      'and the suppression asks for a reason',
    );
    assert.equal(acceptAction(withTodo).action, undefined, 'not offered twice');
    const reasoned = withTodo.replace(reasonPlaceholder, 'vendor contract caps it at 96 h; legal accepted');
    const done = analyzeText(reasoned).diagnostics;
    assert.ok(
      !done.some((d) => d.code === 'security-breach-notification-slow' || String(d.code).startsWith('suppression/')),
      done.map((d) => d.code).join(', '),
    );
  });

  it('goes above the key of a multi-line text and covers the whole text', () => {
    const objective = minimal.split('\n').find((l) => l.startsWith('  objective:'));
    assert.ok(objective);
    const folded = minimal.replace(
      `${objective}\n`,
      '  objective: >-\n    Move all 140 pages to Contentful by 2027-05-14,\n    templates, redirects, etc.\n',
    );
    const r = request(folded, { snippets: false });
    const finding = r.diagnostics.find((d) => d.code === 'cost-vague-language');
    assert.ok(finding, 'etc. is flagged inside the folded text');
    const keyLine = folded.split('\n').indexOf('  objective: >-');
    assert.equal(finding.range.start.line, keyLine + 2);
    const action = codeActions({ ...r, context: [finding], range: finding.range }).find((a) => a.title.startsWith(acceptRiskTitle));
    const after = applyAction(folded, action);
    const expected = folded.split('\n');
    expected.splice(keyLine, 0, `  # scope-lint-disable-next-line cost-vague-language -- ${reasonPlaceholder}`);
    assert.equal(after, expected.join('\n'));
    const reasoned = after.replace(reasonPlaceholder, 'the template list is in Annex A');
    const done = analyzeText(reasoned).diagnostics;
    assert.ok(
      !done.some((d) => d.code === 'cost-vague-language' || String(d.code).startsWith('suppression/')),
      done.map((d) => d.code).join(', '),
    );
    assert.equal(
      (analyzeText(reasoned).doc.value as { project: { objective: string } }).project.objective,
      'Move all 140 pages to Contentful by 2027-05-14, templates, redirects, etc.',
    );
  });

  // Issue 17: in a multi-line sequence item the comment went inside the item: the plain item
  // broke the YAML, the folded and quoted ones took the comment into the criterion's text.
  const criterion = '      - Lighthouse performance score >= 90 on the 10 most-visited pages.';
  for (const [style, item] of [
    ['a plain', ['      - Lighthouse score >= 90 on the 10 most-visited pages', '        and templates, redirects, etc. are checked.']],
    [
      'a folded',
      ['      - >-', '        Lighthouse score >= 90 on the 10 most-visited pages', '        and templates, redirects, etc. are checked.'],
    ],
    [
      'a double-quoted',
      ['      - "Lighthouse score >= 90 on the 10 most-visited pages', '        and templates, redirects, etc. are checked."'],
    ],
  ] as const) {
    it(`goes above ${style} multi-line sequence item and covers the whole item`, () => {
      assert.ok(minimal.includes(criterion));
      const text = minimal.replace(criterion, item.join('\n'));
      const r = request(text, { snippets: false });
      const finding = r.diagnostics.find((d) => d.code === 'cost-vague-language');
      assert.ok(finding, 'etc. is flagged inside the criterion');
      const itemLine = text.split('\n').indexOf(item[0]);
      assert.equal(finding.range.start.line, itemLine + item.length - 1, 'on the last line of the item');
      const action = codeActions({ ...r, context: [finding], range: finding.range }).find((a) => a.title.startsWith(acceptRiskTitle));
      const after = applyAction(text, action);
      const expected = text.split('\n');
      expected.splice(itemLine, 0, `      # scope-lint-disable-next-line cost-vague-language -- ${reasonPlaceholder}`);
      assert.equal(after, expected.join('\n'));
      const criteria = (doc: ScopeDocument): unknown =>
        (doc.value as { deliverables: { acceptance_criteria: unknown }[] }).deliverables[0]?.acceptance_criteria;
      assert.deepEqual(criteria(analyzeText(after).doc), criteria(r.doc), 'the criteria read as before');
      const done = analyzeText(after.replace(reasonPlaceholder, 'the template list is in Annex A')).diagnostics;
      assert.ok(
        !done.some(
          (d) => d.code === 'cost-vague-language' || String(d.code).startsWith('suppression/') || String(d.code).startsWith('yaml/'),
        ),
        done.map((d) => d.code).join(', '),
      );
    });
  }
});

describe('fix all', () => {
  // A stand-in analysis: each missing governance key is a finding with a safe insert at one place.
  const missingKeys = (doc: ScopeDocument): { diagnostics: Diagnostic[]; fixes: Map<Diagnostic, Fix[]> } => {
    const fixes = new Map<Diagnostic, Fix[]>();
    const diagnostics = ['status_reports', 'escalation']
      .filter((key) => !doc.has(['governance', key]))
      .map((key, index) => {
        const diagnostic: Diagnostic = {
          range: doc.rangeOf(['governance']),
          code: 'test',
          message: key,
          data: { path: `governance.${key}`, index, fixes: 1, safeFix: true } satisfies DiagnosticData,
        };
        fixes.set(diagnostic, [
          { title: `Add ${key}`, ops: [{ op: 'insert', parent: ['governance'], key, value: '""' }], applicability: 'safe' },
        ]);
        return diagnostic;
      });
    return { diagnostics, fixes };
  };

  it('applies fixes that meet at one place in rounds, re-validating in between', () => {
    const text = lines('governance:', '  check_in_cadence: weekly   # agreed', '# end');
    const doc = new ScopeDocument('file:///f.scope.yaml', 1, text);
    const after = applyTextEdits(text, fixAllEdits(doc, settings, missingKeys));
    assert.equal(after, lines('governance:', '  check_in_cadence: weekly   # agreed', '  status_reports: ""', '  escalation: ""', '# end'));
    assert.deepEqual(fixAllEdits(new ScopeDocument('file:///f.scope.yaml', 2, after), settings, missingKeys), [], 'idempotent');
  });

  it('applies only safe fixes, and is offered as source.fixAll.scope, never unasked', () => {
    const text = minimal.replace('  total: 38000\n', '  total: "38,000"   # from the quote\n');
    const r = request(text.replace('scope_version: 1\n', 'scope_version: 1\nprojct_notes: x\n'));
    assert.deepEqual(codeActions({ ...r, only: ['source.fixAll'] }), [], 'the worker works fix all out, not the light bulb');
    const action = fixAllAction(r.doc.uri, fixAllEdits(r.doc, settings));
    assert.equal(action?.kind, fixAllKind);
    const after = applyAction(r.doc.text, action);
    assert.ok(after.includes('\n  total: 38000   # from the quote\n'), after);
    assert.ok(after.includes('\nprojct_notes: x\n'), 'an unsafe fix (rename) is not applied');
    assert.equal(fixAllAction(r.doc.uri, fixAllEdits(request(after).doc, settings)), undefined, 'nothing left to fix');
  });

  it('does nothing on a file with syntax errors', () => {
    assert.deepEqual(fixAllEdits(new ScopeDocument('file:///x', 1, 'a: [1,\n'), settings), []);
  });
});

// ---- every fix on every fixture -------------------------------------------------------------

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return fixtureFiles(path);
    return name.endsWith('.scope.yaml') ? [path] : [];
  });
}

/** Full-line comments and trailing comments, in order. */
function commentsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => /(^|\s)(#.*)$/.exec(l)?.[2])
    .filter((c): c is string => c !== undefined && !/^#\s*$/.test(c));
}

function isSubsequence(small: readonly string[], big: readonly string[]): boolean {
  let i = 0;
  for (const item of big) if (item === small[i]) i++;
  return i === small.length;
}

function removesLines(fix: ResolvedFix, text: string): boolean {
  const doc = new ScopeDocument('file:///x', 1, text);
  return fix.edits.some((e) => /#/.test(text.slice(doc.offsetAt(e.range.start), doc.offsetAt(e.range.end))));
}

describe('every fix offered on every fixture', () => {
  for (const file of fixtureFiles(fixturesDir)) {
    const name = relative(fixturesDir, file);
    const text = readFileSync(file, 'utf8');
    const { diagnostics } = analyzeText(text);
    const offered = diagnostics.flatMap((d) => resolvedFixesOf(d).map((fix) => ({ d, fix })));
    if (offered.length === 0) continue;
    describe(name, () => {
      for (const { d, fix } of offered) {
        const data = d.data as DiagnosticData;
        it(`${String(d.code)} ${data.path}: ${fix.title}`, () => {
          const after = applyTextEdits(text, fix.edits);
          // (a) the YAML stays valid
          assert.deepEqual(
            new ScopeDocument('file:///x', 1, after).parseErrors.map((e) => e.message),
            [],
          );
          // (b) nothing outside the edit ranges changes
          assert.ok(unchangedOutside(text, after, fix.edits));
          // (c) every comment survives, unless the fix replaces the text that held it
          if (!removesLines(fix, text)) assert.ok(isSubsequence(commentsOf(text), commentsOf(after)), 'comments kept');
          // (d) once applied, the same fix is not offered again at the same place
          const again = analyzeText(after).diagnostics.filter(
            (e) => e.code === d.code && (e.data as DiagnosticData | undefined)?.path === data.path,
          );
          const repeated = again.flatMap((e) => resolvedFixesOf(e)).filter((f) => f.title === fix.title);
          for (const r of repeated) assert.equal(applyTextEdits(after, r.edits), after, 'applying it again changes nothing');
          // The snippet form inserts the same text as the plain form.
          for (const e of fix.edits) {
            if (e.snippet === undefined) continue;
            const startLine = text.split(/\r?\n/)[e.range.start.line] ?? '';
            const indent = /^[ \t]*/.exec(startLine.slice(0, e.range.start.character))?.[0] ?? '';
            assert.equal(expandSnippet(e.snippet, indent), e.newText);
          }
        });
      }
      it('fix all leaves valid YAML and is idempotent', () => {
        const doc = new ScopeDocument(`file://${file}`, 1, text);
        const after = applyTextEdits(text, fixAllEdits(doc, settings));
        assert.deepEqual(new ScopeDocument('file:///x', 1, after).parseErrors, []);
        assert.ok(isSubsequence(commentsOf(text), commentsOf(after)) || after === text, 'comments kept');
        assert.deepEqual(fixAllEdits(new ScopeDocument(`file://${file}`, 2, after), settings), []);
      });
    });
  }
});

describe('the light bulb (issue 12)', () => {
  const risky = readFileSync(join(fixturesDir, 'golden', 'risky.scope.yaml'), 'utf8');

  /** What VS Code asks for with the cursor at the start of `line`: every diagnostic on it. */
  function bulbAt(text: string, line: number, partial: PartialSettings = {}): CodeAction[] {
    const { doc, diagnostics } = analyzeText(text, partial);
    const context = diagnostics.filter((d) => d.range.start.line <= line && d.range.end.line >= line);
    const at = context[0]?.range.start ?? { line, character: 0 };
    return codeActions({
      doc,
      diagnostics,
      context,
      range: { start: at, end: at },
      snippets: false,
      settings: mergeSettings({ today: testToday }, partial),
    });
  }

  function busiestLine(text: string): number {
    const counts = new Map<number, number>();
    for (const d of analyzeText(text).diagnostics) counts.set(d.range.start.line, (counts.get(d.range.start.line) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  }

  it('offers "Accept this risk…" once, last, after the preferred fixes and then the others, with no title twice', () => {
    const line = busiestLine(risky);
    const actions = bulbAt(risky, line);
    const titles = actions.map((a) => a.title);
    assert.equal(titles.filter((t) => t.startsWith(acceptRiskTitle)).length, 1, titles.join('\n'));
    assert.ok(titles[titles.length - 1]?.startsWith(acceptRiskTitle), titles.join('\n'));
    const firstOther = actions.findIndex((a) => !a.isPreferred);
    assert.ok(
      actions.slice(firstOther).every((a) => !a.isPreferred),
      titles.join('\n'),
    );
    assert.equal(new Set(titles).size, titles.length, titles.join('\n'));
  });

  it('accepts the risk of the finding under the cursor, not of every finding on the line', () => {
    // `total: TBD` has several risk findings on one line: one entry accepts them, not one per finding.
    const text = minimal.replace(/ {2}total: .*\n/, '  total: TBD\n');
    const { doc, diagnostics } = analyzeText(text);
    const line = text.split('\n').findIndex((l) => l.startsWith('  total: TBD'));
    const onLine = diagnostics.filter((d) => d.range.start.line === line);
    assert.ok(onLine.length >= 1, diagnostics.map((d) => `${String(d.code)} ${d.range.start.line}`).join(', '));
    const target = onLine[0];
    assert.ok(target);
    const accepts = codeActions({ doc, diagnostics, context: onLine, range: target.range, snippets: false, settings }).filter((a) =>
      a.title.startsWith(acceptRiskTitle),
    );
    assert.equal(accepts.length, 1);
  });

  it('makes two findings whose fixes are the same edit one entry that fixes both', () => {
    const text = minimal.replace(/\ntimeline:\n( {2}.*\n)+/, '\n');
    assert.notEqual(text, minimal);
    const line = busiestLine(text);
    const actions = bulbAt(text, line);
    const titles = actions.map((a) => a.title);
    assert.equal(new Set(titles).size, titles.length, titles.join('\n'));
  });
});
