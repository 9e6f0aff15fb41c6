// security-ip-ownership-missing: IP ownership not stated.
// Nobody named as owner of the work product, or vendor/joint ownership without a licence for you.
import { canonicalEnum, ipOwners, isAbsent, isRecord, setKeyOp, shortText, valueAt } from '../model';
import { findPhrases, phrase, stemOf, wordsOf, type Phrase } from '../phrases';
import type { ScopeDocument } from '../document';
import type { FixOp, Rule } from '../types';
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

Prefer ownership that transfers with each milestone payment rather than only "on completion", so that an early exit does not leave you without rights to work you have paid for (EB Pearls).`,
  areas: ['security'],
  remedy:
    "Say who owns the work product and when ownership transfers (preferably with each payment), what licence you get to the vendor's pre-existing IP, and that open-source components are disclosed. If the vendor or both parties own it, the licence you receive must be stated. The quick fix inserts an `ip` section with client ownership transferring on payment.",
  sources: [sources.ipOwnership, sources.ipAssignment],
  check(doc) {
    const root = doc.value;
    const ip = valueAt(root, ['ip']);
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
      const ops: FixOp[] = [setKeyOp(root, ['ip'], 'owner', 'client')];
      if (!('transfer' in ip)) ops.push({ op: 'insert', parent: ['ip'], key: 'transfer', value: 'on_payment' });
      return [
        {
          ruleId: 'security-ip-ownership-missing',
          path: ['ip', 'owner'],
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
    if (canonical === 'client' || !isAbsent(ip.license) || !isAbsent(ip.licence)) return [];
    // An owner written in words is read for who it names: "Client, with a licence back to the vendor"
    // says you own it (the schema still asks for `client`); a licence written in the value is
    // written. Ownership split with the vendor ("platform stays the vendor's"), or no party named,
    // fails safe.
    if (canonical === undefined && typeof ip.owner === 'string') {
      const written = ownerInWords(ip.owner, valueAt(root, ['vendor', 'name']));
      if (written.owner === 'client' || (written.owner !== undefined && written.licence)) return [];
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
        ...(canonical === ip.owner ? { path: ['ip', 'owner'] } : { path: ['ip'], at: ownerText(doc) }),
        message: `${owner} the work product, with no \`license\` for your use: \`owner: ${shortText(String(ip.owner), 20)}\` needs one that states what you may do with it.`,
        fixes: [
          {
            title: 'Add a `license` to fill in',
            ops: [setKeyOp(root, ['ip'], 'license', '""   # the rights you receive, e.g. perpetual, royalty-free, to use and modify')],
            preferred: true,
            applicability: 'display-only',
          },
          {
            title: 'Make the client the owner',
            ops: [{ op: 'replace', path: ['ip', 'owner'], value: 'client' }],
            applicability: 'unsafe',
          },
        ],
      },
    ];
  },
};

/** The owner value as written in the source, to place a finding on it from `ip`; the `ip` key when it cannot be read. */
function ownerText(doc: ScopeDocument): { readonly text: string } | 'key' {
  const range = doc.nodeAt(['ip', 'owner'])?.range;
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
  if (first === undefined) return { owner: undefined, licence };
  const kept = findPhrases(text, words, keptPhrases).length > 0;
  if (first.party === 'client' && kept && parties.some((p) => p.party === 'vendor')) return { owner: 'split', licence };
  return { owner: first.party, licence };
}
