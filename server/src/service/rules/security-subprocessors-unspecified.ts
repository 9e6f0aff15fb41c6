// security-subprocessors-unspecified: Sub-processors not addressed.
// Personal data with no word on whether the vendor may use sub-processors (GDPR Art. 28(2)).
import { hasPersonalData, isAbsent, isRecord, setKeyOp, shortText, valueAt } from '../model';
import { findPhrases, phrase, wordsOf, type Phrase } from '../phrases';
import { plural } from '../plural';
import type { Path, Rule } from '../types';
import { sources } from '../sources';

// The catalogue's fix: nothing allowed until you approve, the default GDPR Art. 28(2) gives you.
const subprocessorsSkeleton = ['allowed: false', 'approval_required: true', 'list: []'].join('\n');

export const rule: Rule = {
  id: 'security-subprocessors-unspecified',
  category: 'security',
  severity: 'warning',
  fixes: ['unsafe'],
  title: 'Sub-processors not addressed',
  explanation: `The vendor will process your personal data, and the scope has to say whether it may pass that data to subcontractors and whether each one needs your approval. Under GDPR Art. 28(2), a processor "shall not engage another processor without prior specific or general written authorisation" of the controller. Under a general authorisation, the processor must tell you about changes so that you can object. Sub-outsourcing is a common blind spot in due diligence, because your data ends up with a party you never vetted. DORA Art. 30(2)(a)–(b) likewise requires subcontracting conditions and data locations. Sub-processors allowed without your approval are reported too, because the vendor could then pass your data on without your authorisation: \`approval_required: false\`, or in words ("no", "notification only"). So are sub-processors allowed or named with no word on approval, since a list of today's sub-processors does not say who approves the next one.

The answer is read as leads write it, fail safe: \`subprocessors\` as a sentence ("Only with our prior written approval", "None: all processing in-house") or as a list of names, \`allowed\` and \`approval_required\` in words, and the keys people use for it (\`sub_processors\`, \`subcontractors\`). Words that name your approval or consent, or a right to object to each change (a general authorisation under Art. 28(2)), count as approval; anything else (notice only, a text that does not say) does not.`,
  areas: ['security'],
  remedy:
    'Decide whether the vendor may pass your personal data to subcontractors, and whether each one needs your approval; list the approved ones. The quick fix inserts the strict default: not allowed, approval required, empty list.',
  sources: [sources.gdprArt28, sources.doraArt30],
  check(doc) {
    const root = doc.value;
    const security = valueAt(root, ['security']);
    if (!isRecord(security) || !hasPersonalData(root)) return [];
    // Under the format's key, or one people write for it (`sub_processors`, `subcontractors`): the
    // schema reports the key; the rule reads what it says.
    const key = subprocessorKeys.find((k) => !isAbsent(security[k])) ?? 'subprocessors';
    const subprocessors = security[key];
    const at: Path = ['security', key];
    if (isAbsent(subprocessors)) {
      return [
        {
          ruleId: 'security-subprocessors-unspecified',
          path: at,
          message: 'The scope does not say whether the vendor may pass personal data to sub-processors.',
          fixes: [
            {
              title: 'Allow no sub-processors without your approval',
              ops: [setKeyOp(root, ['security'], 'subprocessors', subprocessorsSkeleton)],
              preferred: true,
              // A proposed policy: the vendor has to agree to it.
              applicability: 'unsafe',
            },
          ],
        },
      ];
    }
    // A sentence ("Only with our prior written approval", "None: all processing in-house",
    // "Allowed; vendor notifies us of changes"): read for whether it needs your approval.
    if (typeof subprocessors === 'string') {
      const approval = approvalIn(subprocessors);
      if (approval === 'required' || (approval === undefined && saysNone(subprocessors))) return [];
      return [
        {
          ruleId: 'security-subprocessors-unspecified',
          path: at,
          message: `The scope says "${shortText(subprocessors)}" about sub-processors, but not that the vendor needs your approval for each one: your data can reach parties you never vetted.`,
          facts: [authorisation],
        },
      ];
    }
    // A list of names: the sub-processors named, and nothing on approving the next one.
    if (Array.isArray(subprocessors)) {
      const named = subprocessors.filter((s) => typeof s !== 'string' || (s.trim() !== '' && !saysNone(s)));
      if (named.length === 0) return [];
      return [
        {
          ruleId: 'security-subprocessors-unspecified',
          path: at,
          at: 'key',
          message: `No approval is agreed for new sub-processors: the scope names ${plural(named.length, 'sub-processor')}, but not whether the vendor needs your approval to add or replace one.`,
          facts: [authorisation, 'Write it as `subprocessors: { allowed: true, approval_required: true, list: [...] }`.'],
        },
      ];
    }
    if (!isRecord(subprocessors)) return [];
    const list = Array.isArray(subprocessors.list) ? subprocessors.list.filter((s) => !isAbsent(s)) : [];
    const allowed = allowedOf(subprocessors.allowed, list.length);
    if (allowed === false) return [];
    const approvalValue = subprocessors.approval_required;
    const approval: 'required' | 'not-required' | undefined =
      approvalValue === true
        ? 'required'
        : approvalValue === false
          ? 'not-required'
          : typeof approvalValue === 'string' && !isAbsent(approvalValue)
            ? approvalWritten(approvalValue)
            : isAbsent(approvalValue)
              ? undefined
              : 'not-required';
    if (approval === 'required') return [];
    if (approval === 'not-required') {
      // Allowed with no approval: the vendor may hand your data to parties you never vetted.
      const written =
        approvalValue === false ? '`approval_required: false`' : `\`approval_required\` says "${shortText(String(approvalValue))}"`;
      return [
        {
          ruleId: 'security-subprocessors-unspecified',
          path: [...at, 'approval_required'],
          message: `The vendor may add sub-processors without your approval: your data can reach parties you never vetted (${written}).`,
          facts: [authorisation],
          ...(key === 'subprocessors'
            ? {
                fixes: [
                  {
                    title: 'Require your approval for each sub-processor',
                    ops: [{ op: 'replace' as const, path: [...at, 'approval_required'], value: 'true' }],
                    preferred: true,
                    // A contract term the vendor has to agree to.
                    applicability: 'unsafe' as const,
                  },
                ],
              }
            : {}),
        },
      ];
    }
    // Nothing on approval: allowed (or sub-processors named) with no word on approving them; with
    // neither, the scope does not say whether sub-processors are allowed at all.
    if (allowed === undefined && list.length === 0) {
      return [
        {
          ruleId: 'security-subprocessors-unspecified',
          path: at,
          at: 'key',
          message: 'The scope does not say whether the vendor may pass personal data to sub-processors (`allowed`, `approval_required`).',
        },
      ];
    }
    return [
      {
        ruleId: 'security-subprocessors-unspecified',
        path: 'allowed' in subprocessors ? [...at, 'allowed'] : at,
        ...('allowed' in subprocessors ? {} : { at: 'key' as const }),
        message:
          list.length > 0
            ? `No approval is agreed for new sub-processors: the scope allows them and names ${list.length === 1 ? 'one' : list.length}, but not whether the vendor needs your approval to add or replace one (\`approval_required\`).`
            : 'No approval is agreed for sub-processors: the scope allows them, but not whether the vendor needs your approval for each one (`approval_required`).',
        facts: [authorisation],
        ...(key === 'subprocessors'
          ? {
              fixes: [
                {
                  title: 'Require your approval for each sub-processor',
                  ops: [{ op: 'insert' as const, parent: at, key: 'approval_required', value: 'true' }],
                  preferred: true,
                  // A contract term the vendor has to agree to.
                  applicability: 'unsafe' as const,
                },
              ],
            }
          : {}),
      },
    ];
  },
};

const authorisation =
  'GDPR Art. 28(2): a processor engages another processor only with your prior specific or general written authorisation, and must tell you of changes so that you can object.';

/** Keys people write for `subprocessors`. */
const subprocessorKeys = ['subprocessors', 'sub_processors', 'sub-processors', 'subcontractors', 'sub_contractors', 'subcontracting'];

/** An answer that begins yes or no ("Yes - 30 days' notice", "No, notice only"), before anything it adds. */
const yesFirst = /^(?:yes|y|true|required|mandatory|always)\b/i;
const noFirst = /^(?:no|n|false|none|never|not)\b/i;

/** `approval_required` written in words: its first word when it is yes or no, else what its words say; fail safe, not required. */
function approvalWritten(text: string): 'required' | 'not-required' {
  const trimmed = text.trim();
  if (yesFirst.test(trimmed)) return 'required';
  if (noFirst.test(trimmed)) return 'not-required';
  return approvalIn(trimmed) ?? 'not-required';
}

/** Words that say sub-processors are not allowed: "none", "no", "not permitted", "in-house only". */
const nonePhrases: readonly Phrase<true>[] = [
  'none|no|not|never|nil|false|prohibited|forbidden|disallowed|excluded',
  'n a',
  'in house',
].flatMap((pattern) => phrase(pattern, true as const));
function saysNone(text: string): boolean {
  return findPhrases(text, wordsOf(text), nonePhrases).length > 0;
}

/** Words for your approval of a sub-processor, and the words before them that deny it ("no approval", "without consent"). */
const approvalPhrases: readonly Phrase<true>[] = [
  '~approval|~approve|approved|~consent|~authorisation|~authorization|~authorise|~authorize|authorised|authorized|veto',
  // A general authorisation with the right to object to each change (GDPR Art. 28(2)) keeps you in control.
  'right to ~object',
  '~objection|~objections',
  'sign off',
].flatMap((pattern) => phrase(pattern, true as const));
const denial = /\b(?:no|not|without|never|nor|needn'?t|don'?t|doesn'?t)\b[^;,.]*$/i;

/**
 * What a text says of your approval: `required` when it names it ("prior written approval", "with
 * our consent"), `not-required` when it denies it ("no approval needed", "without our consent") or
 * names only notice ("notification only"), undefined when it says nothing about either.
 */
function approvalIn(text: string): 'required' | 'not-required' | undefined {
  if (text.length > 2000) return 'not-required';
  const found = findPhrases(text, wordsOf(text), approvalPhrases)[0];
  if (found) return denial.test(text.slice(Math.max(0, found.start - 40), found.start)) ? 'not-required' : 'required';
  if (/\b(?:notif\w*|notice|inform\w*|tell|told)\b/i.test(text)) return 'not-required';
  return undefined;
}

/**
 * Whether sub-processors are allowed, fail safe: `true`, a text that does not say no ("Yes", "Yes,
 * with notice"), or sub-processors named; `false` or a text that says none; undefined when nothing says.
 */
function allowedOf(value: unknown, named: number): boolean | undefined {
  if (value === false) return false;
  if (value === true) return true;
  if (typeof value === 'string' && !isAbsent(value)) return !saysNone(value);
  if (!isAbsent(value)) return true;
  return named > 0 ? true : undefined;
}
