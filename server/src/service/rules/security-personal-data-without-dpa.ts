// security-personal-data-without-dpa: Personal data without a processing agreement.
// Personal data with no signed data processing agreement (`security.dpa.signed != true`).
import type { ScopeDocument } from '../document';
import { europeanTie, readLocations } from '../dataLocation';
import { readEvidenceDate, readSignature } from '../evidence';
import { dateAt, daysBetween, hasPersonalData, isAbsent, isRecord, setKeyOp, shortText, valueAt } from '../model';
import { plural } from '../plural';
import type { Finding, FixOp, Path, Rule } from '../types';
import { sources } from '../sources';

const dpaSkeleton = ['signed: false', 'date: null'].join('\n');

export const rule: Rule = {
  id: 'security-personal-data-without-dpa',
  category: 'security',
  severity: 'error',
  fixes: ['unsafe', 'display-only'],
  title: 'Personal data without a processing agreement',
  explanation: `The vendor will process personal data, so a data processing agreement has to be signed before work starts, and it has to say what data it covers. Customer data is the most serious security exposure in outsourcing, and an NDA is not enough. Under GDPR Art. 28(3), processing by a processor "shall be governed by a contract" that sets out the subject matter, duration, nature and purpose of the processing, the types of data and the categories of data subjects. That contract must bind the processor to:
- act only on documented instructions;
- keep the data confidential;
- apply Art. 32 security measures;
- follow the rules on sub-processors;
- assist you with data-subject rights and breaches;
- delete or return the data at the end;
- allow audits.
US health data needs the equivalent Business Associate Agreement under HIPAA (45 CFR 164.502(e) and 164.504(e)): for a US buyer's health data it is the processing agreement, so a BAA recorded as the DPA, or under its own key (\`baa\`, \`business_associate_agreement\`), is read as the DPA. For personal data under European law (a location in the EU/EEA, the UK or Switzerland, or a budget in a European currency) a BAA is not the Art. 28(3) contract, and the rule says so. Outside Europe the same kind of contract is what other laws expect of a processor: Australia's Privacy Act 1988 (APP 8 and s. 16C), India's DPDP Act 2023 (s. 8(2), a valid contract with the data processor), Canada's PIPEDA (Principle 4.1.3, contractual protection), Brazil's LGPD (Art. 39) and Japan's APPI (Art. 25, supervision of an entrusted party).

A comment beside the DPA is read fail safe: it can only add doubt. \`dpa: true  # TBC - still with legal\` or \`signed: true  # awaiting countersignature\` counts as not signed, as the author says; a date written only in a comment (\`# signed 2027-02-03\`) is not the record of the signature, and the finding says to write it under \`date\`. A comment on a line of its own is not read.

The DPA is read as written, fail safe: \`signed\` (or a \`status\`) in words or the DPA written as a sentence counts as signed only when it says so ("Yes", "Signed 2027-02-01") and nothing says it is still to come ("To be signed before kickoff", "in negotiation", "draft", "pending"). A signed DPA dated after \`timeline.start\` is reported, a date and time by its day and a month ("March 2027") by its first day; a month that runs past the start, a signed DPA with no date, or a date that cannot be read ("TBC", "10/03/2027") is reported as a warning, since nothing then shows the DPA was signed before work starts.`,
  areas: ['security'],
  remedy:
    'Sign a data processing agreement (GDPR Art. 28; a Business Associate Agreement for US health data) before the vendor touches personal data, and list the categories of personal data. The quick fix inserts `dpa: { signed: false, date: null }` and `personal_data_categories: []`.',
  sources: [sources.gdprArt28],
  check(doc) {
    const root = doc.value;
    const security = valueAt(root, ['security']);
    if (!isRecord(security) || !hasPersonalData(root)) return [];
    // A HIPAA Business Associate Agreement under its own key (`baa`, `business_associate_agreement`)
    // is the processing agreement for US health data, read as the DPA (the schema reports the key);
    // for personal data under European law it is not an Art. 28 contract.
    const baaKey = isAbsent(security.dpa) ? Object.keys(security).find((key) => baaKeys.test(key) && !isAbsent(security[key])) : undefined;
    const dpaKey = baaKey ?? 'dpa';
    const dpa = security[dpaKey];
    if (baaKey !== undefined) {
      const tie = europeanTie(
        (Array.isArray(security.data_location) ? security.data_location : [security.data_location]).flatMap((v: unknown) =>
          typeof v === 'string' ? readLocations(v) : [],
        ),
        valueAt(root, ['budget', 'currency']),
      );
      if (tie !== undefined)
        return [
          {
            ruleId: 'security-personal-data-without-dpa',
            path: ['security', baaKey],
            at: 'key',
            message: `A HIPAA Business Associate Agreement is recorded, but ${tie}: a BAA is not the processing contract GDPR Art. 28(3) requires.`,
            facts: [
              'Sign a data processing agreement with the Art. 28(3) terms as well, and record it as `dpa: { signed: true, date: YYYY-MM-DD }`.',
            ],
          },
        ];
    }
    // Existing categories are the author's; only a missing list gets the empty placeholder.
    const categoriesOp: FixOp[] =
      'personal_data_categories' in security ? [] : [{ op: 'insert', parent: ['security'], key: 'personal_data_categories', value: '[]' }];
    if (isAbsent(dpa)) {
      const dpaOp = setKeyOp(root, ['security'], 'dpa', dpaSkeleton);
      return [
        {
          ruleId: 'security-personal-data-without-dpa',
          path: ['security', 'dpa'],
          message: 'The vendor will process personal data, but no data processing agreement (DPA) is recorded.',
          fixes: [
            {
              title: 'Add a DPA placeholder (`signed: false`)',
              ops: [dpaOp, ...categoriesOp],
              preferred: true,
              applicability: 'display-only',
            },
          ],
        },
      ];
    }
    // A DPA written as a sentence or a flag ("In negotiation with legal", "Signed 2027-02-01",
    // `true`), or with `signed` in words ("Yes", "To be signed before kickoff"), is read for what it
    // says; what does not clearly say signed is not signed (fail safe).
    // With no `signed`, a `status` says it ("status: Signed", "status: draft"); the schema reports the key.
    const signedKey = isRecord(dpa) && isAbsent(dpa.signed) && !isAbsent(dpa.status) ? 'status' : 'signed';
    const written = isRecord(dpa) ? dpa[signedKey] : dpa;
    const where: Path = isRecord(dpa) ? ['security', dpaKey, signedKey] : ['security', dpaKey];
    const unstated = isRecord(dpa) && isAbsent(written);
    const reading = unstated ? ({ signed: 'unclear' } as const) : readSignature(written);
    if (reading.signed === true) {
      // A comment on the DPA's lines that says it is not signed ("# TBC - still with legal") is the
      // author's word against the flag: fail safe, it is not signed. A comment never makes it signed.
      const doubt = commentDoubt(doc, ['security', dpaKey]);
      if (doubt !== undefined)
        return [
          {
            ruleId: 'security-personal-data-without-dpa',
            path: where,
            message: `The DPA is marked signed, but the comment on its line says "${shortText(doubt.said, 40)}": it counts as not signed, and the vendor will process personal data.`,
            facts: ['Remove the comment once both parties have signed, and record the day as `date: YYYY-MM-DD`.'],
          },
        ];
      return signedDpaFindings(doc, ['security', dpaKey], isRecord(dpa) ? undefined : reading.date);
    }
    const quoted = typeof written === 'string' ? `"${shortText(written)}"` : `\`${shortText(String(written))}\``;
    return [
      {
        ruleId: 'security-personal-data-without-dpa',
        path: where,
        message: unstated
          ? 'The vendor will process personal data, but the DPA does not say whether it is signed.'
          : written === false
            ? `The data processing agreement is not signed yet: the vendor will process personal data (\`${isRecord(dpa) ? 'signed' : 'dpa'}: false\`).`
            : reading.signed === false
              ? `The data processing agreement is not signed yet: the vendor will process personal data, and ${isRecord(dpa) ? `\`${signedKey}\`` : 'the DPA'} says ${quoted}.`
              : `The vendor will process personal data, but the DPA's ${isRecord(dpa) ? `\`${signedKey}\`` : 'entry'} says ${quoted}, which does not say it is signed: it counts as not signed.`,
        ...(reading.signed === false && reading.said !== undefined && typeof written === 'string'
          ? { facts: ['Set `signed: true` and its `date` once both parties have signed, before the vendor touches personal data.'] }
          : {}),
        ...(unstated
          ? {
              fixes: [
                {
                  title: 'Add `signed: false` to the DPA',
                  ops: [setKeyOp(root, ['security', 'dpa'], 'signed', 'false')],
                  preferred: true,
                  // It records a fact (not signed) that a person confirms.
                  applicability: 'unsafe',
                },
              ],
            }
          : {}),
      },
    ];
  },
};

/**
 * A signed DPA still protects nothing if it is signed after the vendor starts on the data, and
 * GDPR Art. 28(3) wants the types of personal data written down: both are read from the document.
 * The date is read as written (a day, a date and time, a month); with no date, or one that cannot
 * be read, nothing shows the DPA was signed before work starts, and the finding says so.
 */
function signedDpaFindings(doc: ScopeDocument, at: Path, dateInText: string | undefined): Finding[] {
  const root = doc.value;
  const findings: Finding[] = [];
  const dpa = valueAt(root, at);
  const hasDateKey = isRecord(dpa) && 'date' in dpa;
  const datePath: Path = isRecord(dpa) ? [...at, 'date'] : at;
  const reading = isRecord(dpa) ? readEvidenceDate(dpa.date) : dateInText === undefined ? 'absent' : readEvidenceDate(dateInText);
  const start = dateAt(root, ['timeline', 'start']);
  const before = `before work starts on ${start} (\`timeline.start\`)`;
  const ruleId = 'security-personal-data-without-dpa';
  if (start !== undefined && reading === 'absent') {
    findings.push({
      ruleId,
      // On the blank date, or the DPA's key; a DPA written as a sentence or a flag, on what it says.
      path: hasDateKey ? datePath : at,
      ...(hasDateKey || !isRecord(dpa) ? {} : { at: 'key' as const }),
      severity: 'warning',
      message: `The DPA is marked signed, but it has no date: nothing shows it was signed ${before}.`,
      facts: [
        ...commentDates(doc, at).map(
          (day) => `The comment on its line names ${day}, but a comment is not a record of the signature: write it as \`date: ${day}\`.`,
        ),
        'Record the day both parties signed as `date: YYYY-MM-DD`; until then, keep personal data away from the vendor.',
      ],
    });
  } else if (start !== undefined && reading === 'unreadable') {
    const written = isRecord(dpa) ? dpa.date : dateInText;
    findings.push({
      ruleId,
      path: datePath,
      severity: 'warning',
      message: `The DPA's date "${shortText(String(written))}" is not a date, so nothing shows it was signed ${before}.`,
      facts: ['Write the day both parties signed as YYYY-MM-DD.'],
    });
  } else if (start !== undefined && typeof reading === 'object' && reading.first > start) {
    const date = reading.precision === 'day' ? reading.first : reading.written;
    const days = daysBetween(start, reading.first);
    const label = isRecord(dpa) ? '`security.dpa.date`' : 'The date written in `security.dpa`,';
    findings.push({
      ruleId,
      path: datePath,
      // A date and time: the schema's finding on its form (with its fix) stays.
      ...(reading.precision === 'datetime' ? { besideSchema: true } : {}),
      message: `The DPA is dated ${date}, after work starts on ${start} (\`timeline.start\`): personal data may change hands unprotected.`,
      facts: [
        reading.precision === 'day' || reading.precision === 'datetime'
          ? `${label} ${reading.first}${isRecord(dpa) ? '' : ','} is ${plural(days, 'day')} after \`timeline.start\` ${start}.`
          : `${label} ${reading.written} begins ${plural(days, 'day')} after \`timeline.start\` ${start}.`,
        'Move `timeline.start` to the signature date, or keep personal data away from the vendor until the DPA is signed.',
      ],
    });
  } else if (start !== undefined && typeof reading === 'object' && reading.last > start) {
    findings.push({
      ruleId,
      path: datePath,
      severity: 'warning',
      message: `The DPA is dated ${reading.written}, which does not show it was signed ${before}.`,
      facts: [`${reading.written} runs from ${reading.first} to ${reading.last}. Write the day both parties signed as YYYY-MM-DD.`],
    });
  }
  if (isAbsent(valueAt(root, ['security', 'personal_data_categories']))) {
    findings.push({
      ruleId,
      path: ['security', 'personal_data_categories'],
      severity: 'warning',
      message: 'The DPA is signed, but the scope does not list the types of personal data it covers (`personal_data_categories`).',
      facts: ['GDPR Art. 28(3): the processor contract sets out "the type of personal data and categories of data subjects".'],
    });
  }
  return findings;
}

/** Keys people write a HIPAA Business Associate Agreement under. */
const baaKeys = /^(?:baa|hipaa_baa|business_associate_agreement|business_associate)$/i;

/** The comments on the lines of a node, `#` removed. */
function commentsOn(doc: ScopeDocument, path: Path): string[] {
  const range = doc.nodeAt(path)?.range;
  if (!range) return [];
  // From the value's first line (`dpa: true  # TBC`) to its last, as a comment after a value is about it.
  const first = doc.positionAt(range[0]).line;
  const last = Math.min(doc.positionAt(range[1]).line, first + 10);
  const comments: string[] = [];
  for (let line = first; line <= last; line++) {
    const comment = doc.commentOnLine(line);
    if (comment && comment.text.length <= 500 && !/^#\s*scope-lint/i.test(comment.text)) comments.push(comment.text.replace(/^#\s*/, ''));
  }
  return comments;
}

/**
 * A comment on the DPA's lines that says it is not signed yet ("TBC", "draft", "still with legal",
 * "awaiting countersignature"). A bare negation beside a word for signed ("signed; no changes
 * since") is about something else: a comment is prose, longer than a value.
 */
function commentDoubt(doc: ScopeDocument, path: Path): { readonly said: string } | undefined {
  for (const comment of commentsOn(doc, path)) {
    const reading = readSignature(comment);
    if (reading.signed !== false) continue;
    const said = reading.said ?? comment;
    if (/^(?:no|not|never|none|n)$/i.test(said) && readSignature(comment.replace(/\b(?:no|not|never|none|n)\b/gi, '')).signed === true)
      continue;
    return { said };
  }
  return undefined;
}

/** The days named in comments on the DPA's lines ("# signed 2027-02-03"). */
function commentDates(doc: ScopeDocument, path: Path): string[] {
  return commentsOn(doc, path).flatMap((comment) => {
    const day = /\d{4}-\d{2}-\d{2}/.exec(comment)?.[0];
    return day !== undefined && typeof readEvidenceDate(day) === 'object' ? [day] : [];
  });
}
