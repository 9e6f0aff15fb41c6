// cost-vague-language on the open words leads write in deliverables, assumptions and exclusions:
// the assumptions are read too; an open list or a deferral in capitals is still one ("reports
// Etc.", "As Needed"), while names stay quiet ("Quick Start guide"); and the other spellings of
// the catalogue's terms ("as-needed", "including, but not limited to,", "adhoc", "all reasonable
// efforts", "and other related tasks", "all necessary", "industry standards", "good industry practice").
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnosticsOf, lineOf, onlyDiagnostic } from '../support/analyze';
import { fullWith } from '../support/ruleCheck';

const id = 'cost-vague-language';
const description = '    description: Interviews with 8 customers; Figma prototype of the 5 core journeys in Annex A.\n';
const assumption = '  - Our team answers vendor questions within 2 business days.\n';
const exclusionLine = '  - Changes to the SAP billing back end\n';

const inDescription = (text: string): string => fullWith([description, `    description: ${text}\n`]);
const inAssumptions = (text: string): string => fullWith([assumption, `${assumption}  - ${text}\n`]);
const inExclusions = (text: string): string => fullWith([exclusionLine, `  - ${text}\n`]);

/** [line, first character, last character, underlined text] of a diagnostic. */
function where(d: Diagnostic, text: string): [number, number, number, string] {
  const line = text.split('\n')[d.range.start.line] ?? '';
  return [d.range.start.line, d.range.start.character, d.range.end.character, line.slice(d.range.start.character, d.range.end.character)];
}

const asNeeded =
  'leaves the amount of work open: say who decides it is needed, by which criterion, and cap it (e.g. "up to 3 review rounds").';
const openList = 'leaves the list open: name every item, because whatever is not listed is out of scope.';

describe('cost-vague-language in the assumptions', () => {
  it('reports an open term in an assumption, on the term', () => {
    const text = inAssumptions('The vendor provides hypercare support as needed after go-live.');
    const d = onlyDiagnostic(id, text);
    assert.equal(d.message, `"as needed" ${asNeeded}`);
    assert.deepEqual(where(d, text), [lineOf(text, 'hypercare support'), 42, 51, 'as needed']);
  });

  it('keeps a named authority and a quantified sentence quiet there too', () => {
    for (const words of ['Audit logs are kept as required by GDPR Art. 30.', 'Fixes are deployed quickly: p95 under 2 business days.']) {
      assert.deepEqual(diagnosticsOf(id, inAssumptions(words)), [], words);
    }
  });
});

describe('cost-vague-language: capitals do not make an open list a name', () => {
  it('reports "Etc." and "As Needed" in mid-sentence', () => {
    const text = inDescription('Dashboards, alerts Etc. for the ops team.');
    const d = onlyDiagnostic(id, text);
    assert.equal(d.message, `"Etc." ${openList}`);
    assert.deepEqual(where(d, text), [lineOf(text, 'alerts Etc.'), 36, 40, 'Etc.']);
    const needed = inDescription('Data fixes with As Needed support from the vendor.');
    const n = onlyDiagnostic(id, needed);
    assert.equal(n.message, `"As Needed" ${asNeeded}`);
    assert.deepEqual(where(n, needed), [lineOf(needed, 'As Needed'), 33, 42, 'As Needed']);
  });

  it('keeps names quiet: a run of capitalised words, an adjective capitalised in mid-sentence, an acronym expansion', () => {
    for (const words of [
      'Production release and Quick Start guide for suppliers.',
      'An API over Fast Healthcare Interoperability Resources (FHIR) R4.',
      'Onboarding through the Microsoft Fast Track programme.',
      'Various Artists catalogue import.',
    ]) {
      assert.deepEqual(diagnosticsOf(id, inDescription(words)), [], words);
    }
  });
});

describe('cost-vague-language: the other spellings of the terms', () => {
  for (const [words, term, advice] of [
    ['Data fixes on an as-needed basis.', 'as-needed', asNeeded],
    [
      'Reports, including, but not limited to, the monthly KPIs.',
      'including, but not limited to',
      'makes the list open-ended: list everything that is included.',
    ],
    [
      'Reports including without limitation the monthly KPIs.',
      'including without limitation',
      'makes the list open-ended: list everything that is included.',
    ],
    [
      'The vendor uses all reasonable efforts to restore service.',
      'all reasonable efforts',
      'commits to nothing measurable: state the service level or outcome owed.',
    ],
    ['Project management and other related tasks.', 'and other related tasks', openList],
    ['Portal build with all necessary configuration.', 'all necessary', 'opens the scope to anything: list what is included.'],
    ['Adhoc reports for the finance team.', 'Adhoc', asNeeded],
    [
      'Encryption to industry standards.',
      'industry standards',
      'says nothing checkable: name the standard, version or control (e.g. "OWASP ASVS 4.0 level 2").',
    ],
    [
      'Hardening to good industry practice.',
      'good industry practice',
      'says nothing checkable: name the standard, version or control (e.g. "OWASP ASVS 4.0 level 2").',
    ],
  ] as const) {
    it(`reports "${term}"`, () => {
      const text = inDescription(words);
      const d = onlyDiagnostic(id, text);
      assert.equal(d.message, `"${term}" ${advice}`);
      const start = 17 + words.indexOf(term);
      assert.deepEqual(where(d, text), [lineOf(text, words.slice(0, 20)), start, start + term.length, term]);
    });
  }

  it('keeps catch-alls and unquantified words quiet in an exclusion', () => {
    for (const words of [
      'Adhoc reporting',
      'Any other related tasks',
      'All necessary data cleansing',
      'Industry-standard penetration testing',
    ]) {
      assert.deepEqual(diagnosticsOf(id, inExclusions(words)), [], words);
    }
  });
});
