// security-ip-ownership-missing: IP ownership not stated.
// Nobody named as owner of the work product, or vendor/joint ownership without a licence for you.
import { canonicalEnum, ipOwners, isAbsent, isRecord, setKeyOp, shortText, valueAt } from '../model';
import { findPhrases, phrase, stemOf, wordsOf, type Phrase } from '../phrases';
import type { ScopeDocument } from '../document';
import type { Finding, FixOp, Rule } from '../types';
import { sources } from '../sources';

const ipSkeleton = [
  'owner: client',
  'transfer: on_payment',
  // `TODO`, not "": placeholders that `cost-tbd-placeholder` keeps visible until they are written.
  'background_ip: TODO   # vendor pre-existing IP and the licence granted to you',
  'open_source: TODO     # disclosure obligation',
].join('\n');

export const rule: Rule = {
  id: 'security-ip-ownership-missing',
  category: 'security',
  severity: 'warning',
  fixes: ['unsafe', 'display-only'],
  title: 'IP ownership not stated',
  explanation: `The scope does not say who owns the work product. Security threats in outsourcing include losing control of your intellectual property. Paying for software does not by itself transfer the copyright. US copyright vests in the author unless it is validly assigned, and work-made-for-hire is narrow for contractors (Bestarion, *Software outsourcing IP ownership checklist*). Separate three things:
- project IP, which should be assigned to you;
- the vendor's background IP, which should be licensed to you;
- open-source components, which should be disclosed.

Prefer ownership that transfers with each milestone payment rather than only "on completion", so that an early exit does not leave you without rights to work you have paid for (EB Pearls).

IP is read as leads write it: an owner in words is read for the party it names, and copyright "assigned" (to you, or to no one named) is yours, while "work made for hire" alone is not enough for a contractor's software; a licence written in a note of the section counts, the background IP's and open-source texts do not; IP written under \`intellectual_property\` or as one sentence (\`ip: Developer retains copyright\`) is read where it is, beside the schema's finding. A vendor- or jointly-owned product with no licence is reported on its owner value, which is what makes the licence necessary (a blank licence on its value).`,
  areas: ['security'],
  remedy:
    "Say who owns the work product and when ownership transfers (preferably with each payment), what licence you get to the vendor's pre-existing IP, and that open-source components are disclosed. If the vendor or both parties own it, the licence you receive must be stated. The quick fix inserts an `ip` section with client ownership transferring on payment.",
  sources: [sources.ipOwnership, sources.ipAssignment],
  check(doc) {
    const root = doc.value;
    // IP written under a key of the lead's own (`intellectual_property:`) is read where it is; the
    // schema reports the key.
    const key = isAbsent(valueAt(root, ['ip'])) ? (ipKeys.find((k) => !isAbsent(valueAt(root, [k]))) ?? 'ip') : 'ip';
    const ip = valueAt(root, [key]);
    if (typeof ip === 'string' && !isAbsent(ip)) return ipInWords(doc, key, ip);
    if (isAbsent(ip)) {
      return [
        {
          ruleId: 'security-ip-ownership-missing',
          path: ['ip'],
          message: 'The scope does not say who owns the work product (`ip.owner`).',
          fixes: [
            {
              title: 'Add an `ip` section (client ownership, transfer on payment)',
              ops: [setKeyOp(root, [], 'ip', ipSkeleton)],
              preferred: true,
              applicability: 'display-only',
            },
          ],
        },
      ];
    }
    if (!isRecord(ip)) return [];
    if (isAbsent(ip.owner)) {
      const ops: FixOp[] = [setKeyOp(root, [key], 'owner', 'client')];
      if (!('transfer' in ip)) ops.push({ op: 'insert', parent: [key], key: 'transfer', value: 'on_payment' });
      return [
        {
          ruleId: 'security-ip-ownership-missing',
          path: [key, 'owner'],
          message: 'The `ip` section does not say who owns the work product (`owner`).',
          fixes: [
            {
              title: ops.length > 1 ? 'Make the client the owner (transfer on payment)' : 'Make the client the owner',
              ops,
              preferred: true,
              // Who owns the work is negotiated, not corrected.
              applicability: 'unsafe',
            },
          ],
        },
      ];
    }
    // `Client` is the client; a value that names no owner (the schema's error) fails safe: until it
    // says `client`, you may not own the work, so the licence you receive must be written down. A
    // licence written under the British spelling `licence` is written down: the schema reports the
    // key, and this rule does not claim there is no licence.
    const canonical = canonicalEnum(ip.owner, ipOwners);
    let hire = false;
    if (canonical === 'client' || !isAbsent(ip.license) || !isAbsent(ip.licence)) return [];
    // A licence written in a note of the section (`notes: we get a perpetual licence`) is written; the
    // background IP's and open-source texts are about other code, so they do not count.
    if (Object.entries(ip).some(([k, v]) => !notTheLicence.has(k) && typeof v === 'string' && writesLicence(v))) return [];
    // An owner written in words is read for who it names: "Client, with a licence back to the vendor"
    // says you own it (the schema still asks for `client`); a licence written in the value is
    // written. Ownership split with the vendor ("platform stays the vendor's"), or no party named,
    // fails safe.
    if (canonical === undefined && typeof ip.owner === 'string') {
      const written = ownerInWords(ip.owner, valueAt(root, ['vendor', 'name']));
      if (written.owner === 'client' || (written.owner !== undefined && written.licence)) return [];
      if (writesHire(ip.owner)) hire = true;
    }
    const owner =
      canonical === 'vendor'
        ? 'The vendor owns'
        : canonical === 'joint'
          ? 'You and the vendor jointly own'
          : 'The scope does not say you own';
    return [
      {
        ruleId: 'security-ip-ownership-missing',
        // On the owner value: it is what makes the licence necessary, and `ip.license` does not exist
        // yet. An owner written another way ("Client (dashboards); platform stays the vendor's") is the
        // wrong value a lead reads, so it lands there too; it is placed as text inside `ip` so that the
        // value keeps its own schema finding and fix (a rule finding on the same node replaces those).
        // An owner written as the enum with the licence missing: on that value (the offending value
        // that exists, §2.0); a blank licence: its value.
        ...(canonical !== ip.owner
          ? { path: [key], at: ownerText(doc, key) }
          : blankLicence(ip) !== undefined
            ? { path: [key, blankLicence(ip) ?? 'license'] }
            : { path: [key, 'owner'] }),
        message: `${owner} the work product, with no \`license\` for your use: \`owner: ${shortText(String(ip.owner), 20)}\` needs one that states what you may do with it.`,
        ...(hire ? { facts: [hireFact] } : {}),
        fixes: [
          {
            title: 'Add a `license` to fill in',
            ops: [setKeyOp(root, [key], 'license', '""   # the rights you receive, e.g. perpetual, royalty-free, to use and modify')],
            preferred: true,
            applicability: 'display-only',
          },
          {
            title: 'Make the client the owner',
            ops: [{ op: 'replace', path: [key, 'owner'], value: 'client' }],
            applicability: 'unsafe',
          },
        ],
      },
    ];
  },
};

/** Top-level keys leads write IP under instead of `ip`, read in its place (the schema reports the key). */
const ipKeys = ['intellectual_property', 'ip_ownership', 'ip_rights'];
/** Fields of `ip` whose licence words are about other code than the work product. */
const notTheLicence: ReadonlySet<string> = new Set(['owner', 'background_ip', 'open_source', 'transfer', 'license', 'licence']);

/** Whether a text writes a licence for you ("licensed to us", "a perpetual licence"). */
function writesLicence(text: string): boolean {
  return text.length <= 2000 && findPhrases(text, wordsOf(text), licencePhrases).length > 0;
}

/** The licence key that is present but blank (`license: ""`, as the quick fix leaves it), if any. */
function blankLicence(ip: Readonly<Record<string, unknown>>): 'license' | 'licence' | undefined {
  if ('license' in ip && ip.license !== null && isAbsent(ip.license)) return 'license';
  if ('licence' in ip && ip.licence !== null && isAbsent(ip.licence)) return 'licence';
  return undefined;
}

/**
 * IP written as one sentence instead of a section (`ip: All deliverables become the property of the
 * Client upon payment`). The schema reports the shape; this rule reads who it names: you, or the
 * vendor with a licence written, is stated; anyone else, no one or a placeholder is reported on the text.
 */
const hireFact =
  '"Work made for hire" covers software written by a contractor only in the narrow categories of US copyright law (17 U.S.C. §101), with a signed agreement; write that the copyright is assigned to you as well.';
function writesHire(text: string): boolean {
  return text.length <= 2000 && findPhrases(text, wordsOf(text), hirePhrases).length > 0;
}

function ipInWords(doc: ScopeDocument, key: string, text: string): Finding[] {
  const written = ownerInWords(text, valueAt(doc.value, ['vendor', 'name']));
  if (written.owner === 'client' || (written.owner !== undefined && written.owner !== 'split' && written.licence)) return [];
  const said = `\`${key}\` says "${shortText(text, 40)}"`;
  const message =
    written.owner === 'vendor' || written.owner === 'joint'
      ? `${written.owner === 'vendor' ? 'The vendor owns' : 'You and the vendor jointly own'} the work product, with no licence for your use: ${said}, with no \`license\`.`
      : `The scope does not say you own the work product: ${said}, which names no \`owner\` and no \`license\`.`;
  return [
    {
      ruleId: 'security-ip-ownership-missing',
      // As the value's text in the document, so that the schema's finding on the shape (or the
      // unknown key) stays beside it: a rule finding on the same node would replace it.
      ...valueInDocument(doc, key),
      message,
      ...(writesHire(text) ? { facts: [hireFact] } : {}),
    },
  ];
}

/** Where a top-level value is, as text in the document (its occurrence counted from the start); its key when it cannot be read. */
function valueInDocument(doc: ScopeDocument, key: string): Pick<Finding, 'path' | 'at'> {
  const range = doc.nodeAt([key])?.range;
  const rootStart = doc.nodeAt([])?.range?.[0] ?? 0;
  const text = range ? doc.text.slice(range[0], range[1]) : '';
  if (!range || text.trim() === '' || text.includes('\n')) return { path: [key], at: 'key' };
  const before = doc.text.slice(rootStart, range[0]).toLowerCase();
  const needle = text.toLowerCase();
  let occurrence = 0;
  for (let i = before.indexOf(needle); i >= 0; i = before.indexOf(needle, i + 1)) occurrence++;
  return { path: [], at: { text, occurrence } };
}

/** The owner value as written in the source, to place a finding on it from `ip`; the `ip` key when it cannot be read. */
function ownerText(doc: ScopeDocument, key: string): { readonly text: string } | 'key' {
  const range = doc.nodeAt([key, 'owner'])?.range;
  const text = range ? doc.text.slice(range[0], range[1]) : '';
  return text.trim() === '' ? 'key' : { text };
}

type Party = 'client' | 'vendor' | 'joint';
const partyPhrases: readonly Phrase<Party>[] = [
  ...phrase<Party>('~client|~customer|~buyer|~purchaser|we|us', 'client'),
  ...phrase<Party>('~vendor|~supplier|~contractor|~agency|~provider|~consultancy|~developer', 'vendor'),
  ...phrase<Party>('joint|jointly|shared|co-owned', 'joint'),
  ...phrase<Party>('co owned', 'joint'),
  ...phrase<Party>('both parties', 'joint'),
];
/** Words that keep something with a party ("the platform stays the vendor's", "the vendor retains"). */
const keptPhrases: readonly Phrase<true>[] = phrase('~stay|~remain|~retain|~keep|~own|owned|~belong|~reserve', true);
const licencePhrases: readonly Phrase<true>[] = phrase('~licence|~license|licensed|licenced', true);
/** Work made for hire: for a contractor, only the narrow categories of 17 U.S.C. §101 with a signed agreement. */
const hirePhrases: readonly Phrase<true>[] = phrase('work|works made? for hire', true);
/** The copyright assigned: in a scope, by the vendor to you. */
const assignPhrases: readonly Phrase<true>[] = ['~assign|assigned|assigns|~assignment'].flatMap((p) => phrase(p, true as const));
/** An assignment denied ("licensed, not assigned", "no assignment"). */
const deniedPhrases: readonly Phrase<true>[] = ['not|never|no|nor|without ~assign|assigned|~assignment'].flatMap((p) =>
  phrase(p, true as const),
);

/**
 * Who an owner written in words names, and whether it writes a licence. The first party named is
 * the owner; a client named first with the vendor (or its name) keeping something is split
 * ownership, unless nothing is kept ("Client, with a licence back to the vendor").
 */
function ownerInWords(text: string, vendorName: unknown): { readonly owner: Party | 'split' | undefined; readonly licence: boolean } {
  if (text.length > 2000) return { owner: undefined, licence: false };
  const words = wordsOf(text);
  const vendorWord = typeof vendorName === 'string' ? wordsOf(vendorName)[0]?.lower : undefined;
  const parties: { readonly at: number; readonly party: Party }[] = findPhrases(text, words, partyPhrases).map((m) => ({
    at: m.start,
    party: m.value,
  }));
  if (vendorWord !== undefined && vendorWord.length >= 3)
    for (const word of words) if (stemOf(word.lower) === stemOf(vendorWord)) parties.push({ at: word.start, party: 'vendor' });
  parties.sort((a, b) => a.at - b.at);
  const licence = findPhrases(text, words, licencePhrases).length > 0;
  const [first] = parties;
  // The copyright assigned (by the vendor, to you): you own it, unless the assignment is denied
  // ("licensed, not assigned") or goes to someone else. "Work made for hire" alone is not: it
  // covers a contractor's software only in narrow cases, so it fails safe (with a fact saying so).
  const assigned = findPhrases(text, words, assignPhrases);
  if (assigned.length > 0 && findPhrases(text, words, deniedPhrases).length === 0) {
    const to = assigned.map((m) => parties.find((p) => p.at > m.start)).find((p) => p !== undefined);
    if (to === undefined || to.party === 'client') return { owner: 'client', licence };
  }
  if (first === undefined) return { owner: undefined, licence };
  const kept = findPhrases(text, words, keptPhrases).length > 0;
  if (first.party === 'client' && kept && parties.some((p) => p.party === 'vendor')) return { owner: 'split', licence };
  return { owner: first.party, licence };
}
