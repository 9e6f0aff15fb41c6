// cost-vague-language, issue 10 ("findings a lead can trust"): the payment terms are read; "typical"
// and the adverbs "adequately", "reasonably", "sufficiently" are terms; and careful wording stays
// quiet: a sentence whose terms a named law defines ("Reasonable adjustments ... as required under
// the Equality Act 2010"), "as required by our training policy", a quoted title, and a title whose
// own description bounds the term. "as required by the Client" names who decides, not a rule.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { builtInTermLabels } from '../../server/src/service/rules/cost-vague-language';
import { diagnosticsOf, lineOf, onlyDiagnostic } from '../support/analyze';
import { fullWith } from '../support/ruleCheck';

const id = 'cost-vague-language';
const descriptionLine = '    description: Interviews with 8 customers; Figma prototype of the 5 core journeys in Annex A.\n';
const titleLine = '    title: Discovery report and clickable prototype\n';
const assumption = '  - The staging billing API is available by 2027-03-01; each week of delay moves M2 by one week.\n';

const inDescription = (text: string): string => fullWith([descriptionLine, `    description: ${text}\n`]);
const inAssumptions = (text: string): string => fullWith([assumption, `${assumption}  - ${text}\n`]);
const inPaymentTerms = (text: string): string =>
  fullWith(['  payment_terms: net 30 from accepted invoice\n', `  payment_terms: ${text}\n`]);

/** [line, first character, last character, underlined text] of a diagnostic. */
function where(d: Diagnostic, text: string): [number, number, number, string] {
  const line = text.split('\n')[d.range.start.line] ?? '';
  return [d.range.start.line, d.range.start.character, d.range.end.character, line.slice(d.range.start.character, d.range.end.character)];
}

const enough = 'does not say how much is enough: give the number.';
const asNeeded =
  'leaves the amount of work open: say who decides it is needed, by which criterion, and cap it (e.g. "up to 3 review rounds").';

describe('cost-vague-language in the payment terms', () => {
  it('reports each open term in budget.payment_terms, on the term', () => {
    const text = inPaymentTerms('Invoices paid within a reasonable time after each milestone, with adjustments as appropriate.');
    const found = diagnosticsOf(id, text);
    assert.deepEqual(
      found.map((d) => d.message),
      [`"reasonable" ${enough}`, `"as appropriate" ${asNeeded}`],
    );
    const line = lineOf(text, 'payment_terms: Invoices');
    assert.deepEqual(
      found.map((d) => where(d, text)),
      [
        [line, 40, 50, 'reasonable'],
        [line, 95, 109, 'as appropriate'],
      ],
    );
  });

  it('keeps plain payment terms quiet', () => {
    assert.deepEqual(diagnosticsOf(id, inPaymentTerms('Net 30 from an accepted invoice, as set out in Schedule 2.')), []);
  });
});

describe('cost-vague-language on "typical" and the adverbs of "adequate"', () => {
  it('reports "Typical" at the start of an assumption with no number', () => {
    const text = inAssumptions('Typical ticket volumes apply.');
    const d = onlyDiagnostic(id, text);
    assert.equal(d.message, '"Typical" does not say how much: give the value assumed (e.g. "up to 3,500 tickets a month").');
    assert.deepEqual(where(d, text), [lineOf(text, 'Typical ticket'), 4, 11, 'Typical']);
  });

  it('reports "adequately" in a description, and is quiet beside a number', () => {
    const text = inDescription('Load tests show the portal performs adequately under normal load.');
    const d = onlyDiagnostic(id, text);
    assert.equal(d.message, `"adequately" ${enough}`);
    assert.deepEqual(where(d, text), [lineOf(text, 'performs adequately'), 53, 63, 'adequately']);
    assert.deepEqual(diagnosticsOf(id, inDescription('The portal performs adequately: p95 under 800 ms at 200 users.')), []);
    assert.deepEqual(diagnosticsOf(id, inAssumptions('A typical month has up to 3,500 tickets.')), []);
  });

  it('lists the new terms in the docs, and a team can remove them', () => {
    for (const term of ['typical', 'adequate(ly)', 'reasonable', 'sufficient(ly)'])
      assert.ok(builtInTermLabels.unlessQuantified.includes(term), term);
    // A label's word without its optional endings removes them all: "adequate" removes "adequately".
    assert.deepEqual(
      diagnosticsOf(id, inDescription('Load tests show the portal performs adequately.'), { vagueTerms: { ignore: ['adequate'] } }),
      [],
    );
    assert.deepEqual(diagnosticsOf(id, inAssumptions('Typical ticket volumes apply.'), { vagueTerms: { ignore: ['Typical'] } }), []);
    // The words as written, with any spacing, remove a term too.
    assert.deepEqual(diagnosticsOf(id, inAssumptions('Training is given as  needed.'), { vagueTerms: { ignore: ['as needed'] } }), []);
  });
});

describe('cost-vague-language keeps careful wording quiet', () => {
  it('is quiet on a term the cited law defines', () => {
    assert.deepEqual(
      diagnosticsOf(id, inAssumptions('Reasonable adjustments for disabled tenants are made as required under the Equality Act 2010.')),
      [],
    );
    assert.deepEqual(diagnosticsOf(id, inAssumptions('Response times are reasonable as defined in Annex C.')), []);
  });

  it('is quiet after "as required by" a policy or document with modifiers, not after a party', () => {
    assert.deepEqual(diagnosticsOf(id, inAssumptions('Staff are trained as required by our training policy.')), []);
    assert.deepEqual(diagnosticsOf(id, inAssumptions("Logs are kept as required by the Client's security policy.")), []);
    const text = inAssumptions('Reports are produced as required by the Client.');
    const d = onlyDiagnostic(id, text);
    assert.equal(d.message, `"as required" ${asNeeded}`);
    assert.deepEqual(where(d, text), [lineOf(text, 'Reports are produced'), 25, 36, 'as required']);
  });

  it('is quiet inside a quoted title, and reports the same words outside quotes', () => {
    assert.deepEqual(diagnosticsOf(id, inDescription('Production release and the "Update your details easily" help page.')), []);
    const text = inDescription('Tenants update their details easily.');
    const d = onlyDiagnostic(id, text);
    assert.deepEqual(where(d, text), [lineOf(text, 'Tenants update'), 46, 52, 'easily']);
  });

  it('leaves a title term to its own description, which bounds it', () => {
    const bounded = fullWith(
      [titleLine, '    title: Fast checkout\n'],
      [descriptionLine, '    description: A fast checkout: p95 under 2 s from basket to receipt.\n'],
    );
    assert.deepEqual(diagnosticsOf(id, bounded), []);
    const unbounded = fullWith([titleLine, '    title: Fast checkout\n']);
    const d = onlyDiagnostic(id, unbounded);
    assert.deepEqual(where(d, unbounded), [lineOf(unbounded, 'title: Fast checkout'), 11, 15, 'Fast']);
  });
});
