// governance-exit-plan-missing: No exit plan.
// Exit is where lock-in turns into hidden cost; with sensitive data, getting it back must be agreed too.
import { classificationOf, hasPersonalData, isAbsent, isRecord, isSensitive, sensitivityReasons, setKeyOp, valueAt } from '../model';
import type { Finding, Rule } from '../types';
import { sources } from '../sources';
import { engagementOf, inferredNote, overruledFacts, proportion } from '../engagement';

const exitSkeleton = [
  'termination_for_convenience_notice_days: 30',
  'transition_assistance_days: 30',
  'data_return:',
  '  format: TODO   # e.g. database dump and CSV',
  '  within_days: 10',
  'deletion_certificate: true',
  'knowledge_transfer: true',
].join('\n');

/** What a small job with sensitive data still owes at the end: the data back, then deleted. */
const smallJobExitSkeleton = ['data_return:', '  format: TODO   # e.g. CSV export', '  within_days: 10', 'deletion_certificate: true'].join(
  '\n',
);

// `TODO`, not "": a placeholder that `cost-tbd-placeholder` keeps visible until a format is agreed.
const dataReturnSkeleton = ['format: TODO   # e.g. database dump and CSV', 'within_days: 10'].join('\n');

export const rule: Rule = {
  id: 'governance-exit-plan-missing',
  category: 'governance',
  severity: 'warning',
  fixes: ['display-only'],
  title: 'No exit plan',
  explanation: `There is no exit plan, or no commitment to return your data. Exit is where lock-in turns into hidden cost, because an uncooperative incumbent can "hold a customer hostage" (Contracko, *Exit / transition clause*). Agree at signing on:
- the termination notice period;
- a transition-assistance period;
- data return in a usable format;
- a deletion certificate;
- knowledge transfer.

Sources: Pillsbury via JD Supra, *Managing risks in outsourcing during exit*; DORA Art. 30(3)(f), which makes exit strategies mandatory for critical functions. For personal data, GDPR Art. 28(3)(g) requires deletion or return at the controller's choice. An exit plan addresses two risk areas: security threats (your data) and hidden costs (lock-in).

A small job (\`project.engagement: small_job\`, or a scope within the \`smallJobMaxTotal\` and \`smallJobMaxWeeks\` thresholds with at most 3 deliverables, or a vendor that is one person, a sole trader, within twice those thresholds) with no sensitive data needs no exit plan: there is nothing to transition. With personal or confidential data the return of the data is still required. When only the size says so, the finding is a hint that says what was read.

Exit terms that hold you in are reported on the value. A termination-for-convenience notice longer than 90 days (180 for a managed service, whose successor needs months to take over) keeps you paying an incumbent you have decided to leave. Data returned more than 30 days after the end (\`data_return.within_days\`) leaves you without your own records while the vendor still holds them. Days written as text ("180 days", "6 months", "20 business days") are read the same way. These limits are conventions of this linter, not legal limits: DORA Art. 28(8) and Art. 30(3)(f) require exit strategies with an adequate transition period that let you leave without disruption, the EBA outsourcing guidelines (EBA/GL/2019/02, Section 15, exit strategies) ask for exit plans that can actually be carried out, and GDPR Art. 28(3)(g) requires the data back or deleted "after the end of the provision of services"; none sets a number of days. The quick fix's terms (30 days' notice, data back within 10 days) sit well inside them.`,
  areas: ['security', 'cost'],
  remedy:
    'Agree the exit at signing: termination notice, transition assistance, return of your data in a usable format, a deletion certificate and knowledge transfer. The quick fix inserts an `exit` section with those terms to adjust.',
  sources: [sources.exitClause, sources.exitRisks, sources.doraArt30, sources.gdprArt28, sources.ebaOutsourcing],
  check(doc, settings) {
    const root = doc.value;
    const exit = valueAt(root, ['exit']);
    if (isAbsent(exit)) {
      // A small job with no sensitive data leaves nothing to hand back or transition; with
      // sensitive data its return is still owed (GDPR Art. 28(3)(g)).
      const engagement = engagementOf(root, settings.thresholds);
      const how = proportion(engagement, engagement.small && !isSensitive(root));
      if (how === 'skip') return [];
      if (engagement.small && isSensitive(root)) {
        // A small job has nothing to transition; what it still owes is the data (GDPR Art. 28(3)(g)).
        return [
          {
            ruleId: 'governance-exit-plan-missing',
            path: ['exit'],
            message: `There is no exit plan (\`exit\`), and ${sensitiveData(root)} is in scope: even for a small job, agree how your data is returned or deleted at the end (\`exit.data_return\`).`,
            facts: [
              `Sensitive because ${sensitivityReasons(root).join(' and ')}.`,
              engagement.source === 'stated'
                ? 'For a small job, termination notice and transition assistance are optional.'
                : `${inferredNote(engagement, true)} Termination notice and transition assistance are optional for it.`,
            ],
            fixes: [
              {
                title: 'Add the return and deletion of your data',
                ops: [setKeyOp(root, [], 'exit', smallJobExitSkeleton)],
                preferred: true,
                applicability: 'display-only',
              },
            ],
          },
        ];
      }
      const relaxed: Partial<Finding> =
        how === 'hint'
          ? { severity: 'hint', facts: [inferredNote(engagement, true)] }
          : engagement.overruled
            ? { facts: overruledFacts(engagement) }
            : {};
      return [
        {
          ruleId: 'governance-exit-plan-missing',
          path: ['exit'],
          message:
            how === 'hint'
              ? 'There is no exit plan (`exit`); for a small job with no sensitive data this is optional.'
              : 'There is no exit plan (`exit`): no termination notice, transition assistance or data return is agreed.',
          ...relaxed,
          fixes: [
            {
              title: 'Add an `exit` plan',
              ops: [setKeyOp(root, [], 'exit', exitSkeleton)],
              preferred: true,
              applicability: 'display-only',
            },
          ],
        },
      ];
    }
    // `exit: yes` is the schema's finding, not a missing data return.
    if (!isRecord(exit)) return [];
    const dataReturn = exit.data_return;
    const findings: Finding[] = [...slowExit(exit, engagementOf(root, settings.thresholds).kind === 'managed_service')];
    // `format: ""` (what the fix inserts) promises your data back in no format anyone can hold the vendor to.
    if (isRecord(dataReturn) && Object.prototype.hasOwnProperty.call(dataReturn, 'format') && isAbsent(dataReturn.format)) {
      findings.push({
        ruleId: 'governance-exit-plan-missing',
        path: ['exit', 'data_return', 'format'],
        message: 'The exit plan does not say in what format your data comes back: `data_return.format` is empty.',
      });
    }
    if (!isSensitive(root) || !isAbsent(dataReturn)) return findings;
    const finding: Finding = {
      ruleId: 'governance-exit-plan-missing',
      path: ['exit', 'data_return'],
      message: `The exit plan does not say how your data comes back: ${sensitiveData(root)} is in scope, and \`exit.data_return\` is not set.`,
      facts: [`Sensitive because ${sensitivityReasons(root).join(' and ')}.`],
      fixes: [
        {
          title: 'Add `data_return` to the exit plan',
          ops: [setKeyOp(root, ['exit'], 'data_return', dataReturnSkeleton)],
          preferred: true,
          applicability: 'display-only',
        },
      ],
    };
    return [...findings, finding];
  },
};

/** The longest termination notice that still lets you leave a project: one quarter (a convention, see the explanation). */
export const maxNoticeDays = 90;
/** For a run service, whose successor needs months to take over: half a year. */
export const maxServiceNoticeDays = 180;
/** The longest wait for your data after the end (a convention, see the explanation). */
export const maxDataReturnDays = 30;

/** Days as written: a number, or "180 days", "6 months", "26 weeks" (read by the same units a reviewer would). */
function daysOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d{1,4})\s*(?:(calendar\s+|business\s+|working\s+)?(days?)|(weeks?)|(months?)|(years?))?\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (m[4]) return n * 7;
  if (m[5]) return n * 30;
  if (m[6]) return n * 365;
  // Business days are longer in calendar time: 5 a week.
  if (m[2] && !/calendar/i.test(m[2])) return Math.ceil((n * 7) / 5);
  return n;
}

/**
 * Exit terms that are written but hold you in: a termination notice beyond a quarter keeps you
 * paying an incumbent you have decided to leave, and data returned more than 30 days after the end
 * leaves you without your own records while the vendor still holds them.
 */
function slowExit(exit: Record<string, unknown>, service: boolean): Finding[] {
  const out: Finding[] = [];
  const notice = daysOf(exit.termination_for_convenience_notice_days);
  const limit = service ? maxServiceNoticeDays : maxNoticeDays;
  if (notice !== undefined && notice > limit)
    out.push({
      ruleId: 'governance-exit-plan-missing',
      path: ['exit', 'termination_for_convenience_notice_days'],
      message: `A termination notice of ${notice} days holds you to a vendor you want to leave: agree at most ${limit} days${service ? ' for a managed service' : ''}, or you keep paying it that long after deciding to go.`,
    });
  const dataReturn = exit.data_return;
  const within = isRecord(dataReturn) ? daysOf(dataReturn.within_days) : undefined;
  if (within !== undefined && within > maxDataReturnDays)
    out.push({
      ruleId: 'governance-exit-plan-missing',
      path: ['exit', 'data_return', 'within_days'],
      message: `Your data comes back ${within} days after the end: for that long you are without your own records and the vendor still holds them. Agree at most ${maxDataReturnDays} days.`,
    });
  return out;
}

/** "personal data", "restricted data"...: what makes the scope sensitive, as the message names it. */
function sensitiveData(root: unknown): string {
  if (hasPersonalData(root)) return 'personal data';
  const classification = classificationOf(root);
  if (!classification || classification.assumed) return 'sensitive data';
  return `${classification.level} data`;
}
