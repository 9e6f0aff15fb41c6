// security-ip-ownership-missing: IP as leads write it (issue 10). A licence missing from a
// vendor-owned product lands on the owner value that makes it necessary, a blank one on its value; a licence written in a
// note counts; IP under `intellectual_property:` or written as one sentence is read for who it names,
// beside the schema's finding; an assignment makes the work yours, "work made for hire" alone does not.
// Messages, facts and ranges.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Range } from 'vscode-languageserver-types';
import { diagnosticsOf, factsOf, lineOf, onlyDiagnostic } from '../support/analyze';
import { full, fullWith } from '../support/ruleCheck';

const ruleId = 'security-ip-ownership-missing';
const ipSection = full.slice(full.indexOf('ip:\n'), full.indexOf('exit:\n'));

/** The full example with this `ip` section (or section under another key) instead of its own. */
function withIp(section: string): string {
  return fullWith([ipSection, `${section}\n\n`]);
}

/** The range of `needle` on the first line that contains it (that starts with it, for a top-level key). */
function rangeOn(text: string, needle: string): Range {
  const lines = text.split('\n');
  const line = /^\w+$/.test(needle) ? lines.findIndex((l) => l.startsWith(`${needle}:`)) : lineOf(text, needle);
  const character = (text.split('\n')[line] ?? '').indexOf(needle);
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

/** The range of the owner's value on the last `  owner: <value>` line (the ip section's, near the end). */
function ownerValue(text: string, value: string): Range {
  const offset = text.lastIndexOf(`\n  owner: ${value}`) + '\n  owner: '.length;
  const line = text.slice(0, offset).split('\n').length - 1;
  const character = offset - (text.lastIndexOf('\n', offset - 1) + 1);
  return { start: { line, character }, end: { line, character: character + value.length } };
}

describe('security-ip-ownership-missing: where a missing licence lands', () => {
  it('reports a vendor-owned product with no licence on the owner value (what makes the licence necessary)', () => {
    const text = withIp('ip:\n  owner: vendor\n  transfer: on_payment');
    const d = onlyDiagnostic(ruleId, text);
    assert.equal(
      d.message,
      'The vendor owns the work product, with no `license` for your use: `owner: vendor` needs one that states what you may do with it.',
    );
    assert.deepEqual(d.range, ownerValue(text, 'vendor'));
  });

  it('reports jointly owned work with no licence on the owner value too', () => {
    const text = withIp('ip:\n  owner: joint');
    const d = onlyDiagnostic(ruleId, text);
    assert.equal(
      d.message,
      'You and the vendor jointly own the work product, with no `license` for your use: `owner: joint` needs one that states what you may do with it.',
    );
    assert.deepEqual(d.range, ownerValue(text, 'joint'));
  });

  it('reports a blank licence (as the quick fix leaves it) on its value', () => {
    const text = withIp('ip:\n  owner: vendor\n  license: ""');
    const d = onlyDiagnostic(ruleId, text);
    assert.equal(
      d.message,
      'The vendor owns the work product, with no `license` for your use: `owner: vendor` needs one that states what you may do with it.',
    );
    assert.deepEqual(d.range, rangeOn(text, '""'));
  });

  it('counts a licence written in a note of the section, but not the background IP or open-source texts', () => {
    const noted = withIp('ip:\n  owner: vendor\n  notes: We get a perpetual, royalty-free licence to use and modify the code.');
    assert.deepEqual(diagnosticsOf(ruleId, noted), []);
    assert.equal(onlyDiagnostic('schema/additional-property', noted).range.start.line, lineOf(noted, '  notes: We get'));
    const background = withIp('ip:\n  owner: vendor\n  background_ip: Vendor licenses its UI kit to us.\n  open_source: Licences listed.');
    assert.deepEqual(onlyDiagnostic(ruleId, background).range, ownerValue(background, 'vendor'));
  });
});

describe('security-ip-ownership-missing: IP under another key or in one sentence', () => {
  it('reads `intellectual_property:` as the ip section (the schema reports the key)', () => {
    const text = withIp('intellectual_property:\n  owner: client\n  transfer: on_payment');
    assert.deepEqual(diagnosticsOf(ruleId, text), []);
    assert.equal(onlyDiagnostic('schema/additional-property', text).range.start.line, lineOf(text, 'intellectual_property:'));
    const vendor = withIp('intellectual_property:\n  owner: vendor');
    assert.deepEqual(onlyDiagnostic(ruleId, vendor).range, ownerValue(vendor, 'vendor'));
  });

  it('reports a sentence that keeps the work with the developer, on the sentence, beside the unknown key', () => {
    const text = withIp('intellectual_property: Developer retains copyright in the code and all source files');
    const d = onlyDiagnostic(ruleId, text);
    assert.equal(
      d.message,
      'The vendor owns the work product, with no licence for your use: `intellectual_property` says "Developer retains copyright in the code…", with no `license`.',
    );
    assert.deepEqual(d.range, rangeOn(text, 'Developer retains copyright in the code and all source files'));
    assert.equal(onlyDiagnostic('schema/additional-property', text).range.start.line, d.range.start.line);
  });

  it('reports `ip:` written as a sentence that names no owner, or a placeholder, beside the schema error', () => {
    const text = withIp('ip: TBD');
    const d = onlyDiagnostic(ruleId, text);
    assert.equal(d.message, 'The scope does not say you own the work product: `ip` says "TBD", which names no `owner` and no `license`.');
    const line = lineOf(text, 'ip: TBD');
    assert.deepEqual(d.range, { start: { line, character: 4 }, end: { line, character: 7 } });
    // The placeholder's own finding stays beside it (it speaks for the value, as the schema's would).
    assert.equal(onlyDiagnostic('cost-tbd-placeholder', text).range.start.line, d.range.start.line);
    const vendor = withIp('ip: Vendor retains all IP');
    assert.equal(
      onlyDiagnostic(ruleId, vendor).message,
      'The vendor owns the work product, with no licence for your use: `ip` says "Vendor retains all IP", with no `license`.',
    );
    assert.equal(onlyDiagnostic('schema/type', vendor).range.start.line, lineOf(vendor, 'ip: Vendor retains all IP'));
  });

  it('is silent (the schema reports the shape) for a sentence that makes the work yours or licenses it to you', () => {
    for (const sentence of [
      'All deliverables become the property of the Client upon payment',
      'Vendor owns the platform; licensed to us perpetually and royalty-free',
      'Copyright in all deliverables is assigned on each milestone payment',
    ]) {
      const text = withIp(`ip: ${sentence}`);
      assert.deepEqual(diagnosticsOf(ruleId, text), [], sentence);
      assert.equal(diagnosticsOf('schema/type', text).length, 1, sentence);
    }
  });
});

describe('security-ip-ownership-missing: assignment and work made for hire', () => {
  it('reads copyright assigned (to you, or to no one named) as yours', () => {
    for (const owner of [
      'Work made for hire; copyright in all code is assigned on payment of each phase',
      'Assigned to Fabrikam on final payment',
      'Vendor until final payment, then assigned to the client',
    ]) {
      const text = withIp(`ip:\n  owner: ${owner}`);
      assert.deepEqual(diagnosticsOf(ruleId, text), [], owner);
      assert.equal(diagnosticsOf('schema/enum', text).length, 1, owner);
    }
  });

  it('does not read an assignment denied, or to the vendor, as yours', () => {
    for (const owner of ['Vendor; not assigned', 'Vendor (assigned to the vendor by its staff)']) {
      const text = withIp(`ip:\n  owner: ${owner}`);
      assert.deepEqual(onlyDiagnostic(ruleId, text).range, rangeOn(text, owner), owner);
    }
  });

  it('reports "work made for hire" alone, saying why it is not enough', () => {
    const text = withIp('ip:\n  owner: Work made for hire');
    const d = onlyDiagnostic(ruleId, text);
    assert.equal(
      d.message,
      'The scope does not say you own the work product, with no `license` for your use: `owner: Work made for hire` needs one that states what you may do with it.',
    );
    assert.deepEqual(d.range, rangeOn(text, 'Work made for hire'));
    assert.deepEqual(factsOf(d), [
      '"Work made for hire" covers software written by a contractor only in the narrow categories of US copyright law (17 U.S.C. §101), with a signed agreement; write that the copyright is assigned to you as well.',
    ]);
  });
});
