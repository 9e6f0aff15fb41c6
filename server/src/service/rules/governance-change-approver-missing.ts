// governance-change-approver-missing: Approved change with no authorised approver.
// An approved change request must name who approved it, and that person must be one of the
// change-control approvers (`governance.change_control.approval_by`). A status nobody can read
// counts as approved (see changeLog.ts), so an unfamiliar label cannot switch the check off.
import { stringify } from 'yaml';
import { changeRequests, statusNote, type ChangeRequest } from '../changeLog';
import { isAbsent, setKeyOp, shortText, valueAt } from '../model';
import type { Finding, Fix, Rule } from '../types';
import { sources } from '../sources';

const ruleId = 'governance-change-approver-missing';
const approversPath = ['governance', 'change_control', 'approval_by'];
/** Fixes offered per finding: one per approver, up to this many. */
const maxApproverFixes = 10;

export const rule: Rule = {
  id: ruleId,
  category: 'governance',
  severity: 'warning',
  fixes: ['unsafe', 'display-only'],
  title: 'Approved change with no authorised approver',
  explanation: `This change request is recorded as approved, but it does not say who approved it, or the person named is not one of the change-control approvers. That is how hidden costs and lack of oversight meet: anyone on either side can agree to extra work informally, and the invoice is the first time the cost is seen. Integrated change control records every decision on a change request and who made it, and only the authority named in the plan may approve (PMI *PMBOK Guide* §4.6, Perform Integrated Change Control). In US federal contracting only a contracting officer may sign a change order (FAR 43.2), and other staff have no authority to agree changes (FAR 43.102).

A \`status\` that is none of \`proposed\`, \`approved\`, \`rejected\` or \`withdrawn\` is read as approved until it is fixed, so an unfamiliar label never hides an unapproved cost.`,
  areas: ['expertise', 'cost'],
  remedy:
    'Record who approved the change in `approved_by`, using a name listed in `governance.change_control.approval_by`, or add the person to that list if they are entitled to approve changes. The quick fixes set `approved_by` to each listed approver, or add the named person to the approvers (each for you to confirm).',
  sources: [sources.pmbokChangeControl, sources.far432, sources.uspsChangeControl],
  check(doc) {
    const root = doc.value;
    const approvers = approverNames(valueAt(root, approversPath));
    const findings: Finding[] = [];
    for (const change of changeRequests(root)) {
      if (change.status !== 'approved') continue;
      const finding = check(root, change, approvers);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

function check(root: unknown, change: ChangeRequest, approvers: readonly string[]): Finding | undefined {
  const value = change.item.approved_by;
  const note = statusNote(change);
  const listed = approvers.length > 0 ? `Change-control approvers: ${approvers.map((a) => `\`${shortText(a)}\``).join(', ')}.` : undefined;
  const facts = [...(note ? [note] : []), ...(listed ? [listed] : [])];
  const approved = change.statusSource === 'assumed' ? 'is treated as approved' : 'is approved';
  if (isAbsent(value) || typeof value !== 'string') {
    const hasKey = Object.prototype.hasOwnProperty.call(change.item, 'approved_by');
    const unreadable = !isAbsent(value);
    return {
      ruleId,
      path: hasKey ? [...change.path, 'approved_by'] : change.path,
      message: unreadable
        ? `Change ${change.label} ${approved} but its approver is not a person's name: nobody is on record as agreeing to its cost (\`approved_by\`).`
        : `Change ${change.label} ${approved} but names no approver: nobody is on record as agreeing to its cost (\`approved_by\`).`,
      ...(facts.length ? { facts } : {}),
      fixes: setApproverFixes(root, change, approvers),
    };
  }
  // Without a list of approvers there is nothing to check the name against: cost-change-control-missing
  // or cost-change-control-incomplete reports that change control names nobody.
  if (approvers.length === 0) return undefined;
  const key = nameKey(value);
  if (approvers.some((a) => nameKey(a) === key)) return undefined;
  return {
    ruleId,
    path: [...change.path, 'approved_by'],
    message: `Change ${change.label} was approved by someone who is not a change-control approver: "${shortText(value, 40)}" is not in \`governance.change_control.approval_by\`.`,
    facts,
    fixes: [
      ...setApproverFixes(root, change, approvers),
      {
        title: `Add \`${shortText(value)}\` to the change-control approvers`,
        ops: [{ op: 'append', path: approversPath, value: yamlString(value.trim()) }],
        // Who may approve changes is a decision for the people who own the contract.
        applicability: 'unsafe',
      },
    ],
  };
}

/** "Set `approved_by` to <approver>" for each listed approver; a blank to fill in when nobody is listed. */
function setApproverFixes(root: unknown, change: ChangeRequest, approvers: readonly string[]): Fix[] {
  if (approvers.length === 0) {
    return [
      {
        title: 'Add `approved_by` to fill in',
        // A blank `approved_by` is still reported here, so the placeholder cannot pass for an approval.
        ops: [setKeyOp(root, change.path, 'approved_by', '""')],
        preferred: true,
        applicability: 'display-only',
      },
    ];
  }
  return approvers.slice(0, maxApproverFixes).map((name, i) => ({
    title: `Set \`approved_by\` to \`${shortText(name)}\``,
    ops: [setKeyOp(root, change.path, 'approved_by', yamlString(name.trim()))],
    ...(i === 0 && approvers.length === 1 ? { preferred: true } : {}),
    // Only the people involved know who approved the change.
    applicability: 'unsafe' as const,
  }));
}

/** The named approvers (non-blank strings; a single string counts as one name). */
function approverNames(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const names = list.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  return [...new Set(names)];
}

/**
 * A name folded for comparison: case, spacing and a role in parentheses do not count, so
 * `sam patel` and `Sam Patel (Engineering Manager)` are the same person.
 */
function nameKey(name: string): string {
  return name
    .replace(/\([^)]*\)/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/** The text as one YAML scalar: plain when that reads back as the same text, quoted otherwise. */
function yamlString(text: string): string {
  return stringify(text, { lineWidth: 0 }).trimEnd();
}
