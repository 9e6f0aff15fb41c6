// cost-out-of-scope-empty: Nothing is explicitly out of scope.
// Fires when `out_of_scope` is absent, or lists only blank items; the fix inserts a TODO item.
import { isAbsent, setKeyOp, valueAt } from '../model';
import type { Rule } from '../types';
import { sources } from '../sources';

const ruleId = 'cost-out-of-scope-empty';
/** An item that excludes nothing: "None", "n/a", "Nothing", "-", "Not applicable", "Nothing excluded". */
const noneWords = /^\s*(?:none|n\/?a|nil|nothing(?:\s+(?:excluded|out\s+of\s+scope))?|not\s+applicable|no\s+exclusions?|-+|—|–)\s*\.?\s*$/i;

export const rule: Rule = {
  id: ruleId,
  category: 'cost',
  severity: 'warning',
  fixes: ['display-only'],
  title: 'Nothing is explicitly out of scope',
  explanation: `Nothing is explicitly excluded, so whatever a reasonable reader might assume is included becomes a dispute or a paid change: a hidden cost. PMBOK's scope statement includes project exclusions because "explicitly stating what is out of scope for the project helps to manage stakeholders' expectations", and the scope baseline is what change requests are judged against. PMI's 2018 *Pulse of the Profession* found that 52% of projects experienced scope creep or uncontrolled changes.

A list of blank items, or one that says only "None", "n/a", "Nothing excluded" or "-", excludes nothing either and is reported the same way.`,
  areas: ['cost'],
  remedy:
    'List what is explicitly excluded, especially the things a reasonable person might assume are included (mobile apps, data migration, back-end changes). The quick fix inserts a `TODO` entry.',
  sources: [sources.pmbokScope, sources.pmiPulse2018],
  check(doc) {
    const root = doc.value;
    const value = valueAt(root, ['out_of_scope']);
    // `out_of_scope: [""]` excludes nothing either, nor does `[None]` or `[n/a]`; a string or a
    // mapping is the schema's to report.
    const empty = isAbsent(value) || (Array.isArray(value) && value.every(isAbsent));
    const saysNone = !empty && Array.isArray(value) && value.length > 0 && value.every((v) => isAbsent(v) || noneWords.test(String(v)));
    if (saysNone && Array.isArray(value)) {
      const written = value.filter((v) => !isAbsent(v)).map((v) => `"${String(v).trim()}"`);
      return [
        {
          ruleId,
          path: ['out_of_scope'],
          message: `\`out_of_scope\` says only ${written.join(', ')}, so nothing is explicitly excluded: every adjacent request can be argued into the price.`,
          fixes: [
            {
              title: 'Replace with an exclusion to fill in',
              ops: [{ op: 'replace', path: ['out_of_scope'], value: '- TODO' }],
              preferred: true,
              applicability: 'display-only',
            },
          ],
        },
      ];
    }
    if (!empty) return [];
    return [
      {
        ruleId,
        path: ['out_of_scope'],
        message:
          Array.isArray(value) && value.length > 0
            ? '`out_of_scope` lists only blank items, so nothing is explicitly excluded.'
            : 'Nothing is listed under `out_of_scope`: every adjacent request can be argued into the price.',
        // TODO, not an invented exclusion: cost-tbd-placeholder keeps it visible until someone writes one.
        fixes: [
          {
            title: 'Add an `out_of_scope` list to fill in',
            ops: [setKeyOp(root, [], 'out_of_scope', '- TODO')],
            preferred: true,
            applicability: 'display-only',
          },
        ],
      },
    ];
  },
};
