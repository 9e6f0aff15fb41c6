// security-references-missing: No vetted client references.
// No client references (warning), or references listed but none recorded as contacted (info).
import { readEvidenceDate } from '../evidence';
import { dateOf, isAbsent, isHollow, isRecord, shortText, todayDate, valueAt } from '../model';
import type { Rule } from '../types';
import { sources } from '../sources';

const referenceSkeleton = ['company: ""', 'contact: ""', 'contacted: null   # date you spoke to them', 'notes: ""'].join('\n');

export const rule: Rule = {
  id: 'security-references-missing',
  category: 'security',
  severity: 'warning',
  fixes: ['display-only'],
  title: 'No vetted client references',
  explanation: `No client references are recorded. Checking a vendor's track record is a first defence against security threats: ask which other companies they have worked with, and speak with current clients. Vendors pick flattering references, so record whom you called and when, and ask open-ended questions such as "what do you wish you had known before signing?" and "what changed in cost or resourcing?" (Craigo, *Checking vendor referrals*; Third Party ThinkTank discussion). COBIT 2019 APO10 ("Managed Vendors") treats documented selection and due diligence as part of a controlled vendor lifecycle.

A reference counts as called when its \`contacted\` date is a day on or before the start of work (\`timeline.start\`, else today), the date all evidence is judged on. A call after work starts vets nobody before the vendor begins, and a value that is not a date ("TBC", "10/03/2027") records nothing: either way the finding stays, at info, and says which reference and why.`,
  areas: ['security'],
  remedy:
    'Ask the vendor for two or three clients with similar work, call them, and record each under `vendor.references` with the date you spoke (`contacted`). Ask open questions: what they wish they had known before signing, and what changed in cost or staffing. The quick fix inserts an empty reference entry to fill in.',
  sources: [sources.referenceChecks, sources.cobitApo10],
  check(doc, settings) {
    const root = doc.value;
    const vendor = valueAt(root, ['vendor']);
    if (!isAbsent(vendor) && !isRecord(vendor)) return [];
    const references = valueAt(root, ['vendor', 'references']);
    // Entries that are only blanks (`company: ""`, `contacted: null`, what the fix inserts) record no one.
    if (Array.isArray(references) && references.length > 0 && references.every(isHollow)) {
      return [
        {
          ruleId: 'security-references-missing',
          path: ['vendor', 'references'],
          at: 'key',
          message: 'No client references are recorded for the vendor: the entries under `references` are blank.',
        },
      ];
    }
    if (isAbsent(references)) {
      // `references: {}` counts as absent but cannot take a list item; the schema reports its type.
      const canAppend = references === undefined || references === null || Array.isArray(references);
      return [
        {
          ruleId: 'security-references-missing',
          path: ['vendor', 'references'],
          message: 'No client references are recorded for the vendor.',
          ...(canAppend
            ? {
                fixes: [
                  {
                    title: 'Add a client reference to call',
                    ops: [{ op: 'append', path: ['vendor', 'references'], value: referenceSkeleton }],
                    preferred: true,
                    applicability: 'display-only',
                  },
                ],
              }
            : {}),
        },
      ];
    }
    if (!Array.isArray(references)) return [];
    // As the other evidence, judged on the reference date (rules.md §2.0: `timeline.start`, else
    // today): a call is on record when `contacted` is a day on or before it. A call after work
    // starts vets nobody; a value that is no date ("TBC", "10/03/2027") records nothing
    // (cost-tbd-placeholder or the schema also speaks about the value itself). Fail safe: neither counts.
    const today = todayDate(settings.today);
    const start = dateOf(valueAt(root, ['timeline', 'start']));
    const ref = start ?? today;
    const refLabel = start ? `work starts on ${start} (\`timeline.start\`)` : `today (${today})`;
    const readings = references.map((r) => (isRecord(r) ? readEvidenceDate(r.contacted) : ('absent' as const)));
    if (readings.some((d) => typeof d === 'object' && d.first <= ref)) return [];
    // A reference written as a sentence ("Contoso (call booked for 2027-01-28)") is named by it; the schema asks for its fields.
    const written = (r: unknown): string | undefined =>
      typeof r === 'string' && r.trim() ? r : isRecord(r) && typeof r.company === 'string' && r.company.trim() ? r.company : undefined;
    const name = (r: unknown, i: number): string => {
      const text = written(r);
      return text === undefined ? `reference ${i + 1}` : `\`${shortText(text)}\``;
    };
    const facts: string[] = [];
    const uncalled = references.flatMap((r, i) => (readings[i] === 'absent' && written(r) !== undefined ? [name(r, i)] : []));
    if (uncalled.length) facts.push(`Listed but not contacted: ${uncalled.join(', ')}.`);
    references.forEach((r, i) => {
      const reading = readings[i];
      if (typeof reading === 'object')
        facts.push(
          `${name(r, i)}: \`contacted\` is ${reading.written}, after ${refLabel}: a call then vets nobody before the work begins.`,
        );
      else if (reading === 'unreadable' && isRecord(r))
        facts.push(
          `${name(r, i)}: \`contacted\` is "${shortText(String(r.contacted))}", which is not a date: write the day you spoke to them (YYYY-MM-DD).`,
        );
    });
    const count = references.length;
    const allAbsent = readings.every((d) => d === 'absent');
    return [
      {
        ruleId: 'security-references-missing',
        path: ['vendor', 'references'],
        // The finding is about the list as a whole, whose first line is just the first reference.
        at: 'key',
        severity: 'info',
        message: allAbsent
          ? `${count === 1 ? 'The vendor reference has no' : `None of the ${count} vendor references has a`} \`contacted\` date: there is no record that anyone called ${count === 1 ? 'it' : 'them'}.`
          : `${count === 1 ? 'The vendor reference has no' : `None of the ${count} vendor references has a`} \`contacted\` date before work starts: there is no record that anyone called ${count === 1 ? 'it' : 'them'} in time.`,
        ...(facts.length ? { facts } : {}),
      },
    ];
  },
};
