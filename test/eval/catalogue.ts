// The rule ids an expectation may name, with the catalogue's default severity (rules.md §2.7),
// copied here so the evaluation never reads the spec folder at run time.
export type Level = 'error' | 'warning' | 'info';

export const catalogue: Readonly<Record<string, Level>> = {
  'security-nda-missing': 'error',
  'security-references-missing': 'warning',
  'security-data-classification-missing': 'warning',
  'security-protections-missing': 'warning',
  'security-attestation-missing': 'warning',
  'security-personal-data-without-dpa': 'error',
  'security-breach-notification-missing': 'error',
  'security-breach-notification-slow': 'warning',
  'security-subprocessors-unspecified': 'warning',
  'security-ip-ownership-missing': 'warning',
  'expertise-essential-parameter-missing': 'error',
  'expertise-objective-not-smart': 'warning',
  'expertise-acceptance-criteria-missing': 'error',
  'expertise-acceptance-criteria-subjective': 'warning',
  'expertise-measure-not-quantified': 'error',
  'expertise-measure-method-missing': 'warning',
  'expertise-deliverable-unmeasured': 'info',
  'expertise-key-personnel-missing': 'info',
  'cost-currency-missing': 'error',
  'cost-amount-not-numeric': 'error',
  'cost-contingency-missing': 'warning',
  'cost-payments-sum-mismatch': 'error',
  'cost-payment-front-loaded': 'warning',
  'cost-tm-without-cap': 'error',
  'cost-out-of-scope-empty': 'warning',
  'cost-change-control-missing': 'error',
  'cost-change-control-incomplete': 'warning',
  'cost-change-impact-missing': 'warning',
  'cost-changes-exceed-contingency': 'error',
  'cost-vague-language': 'warning',
  'cost-tbd-placeholder': 'warning',
  'schedule-end-before-start': 'error',
  'schedule-date-outside-timeline': 'error',
  'schedule-deliverable-after-milestone': 'warning',
  'schedule-acceptance-window-overrun': 'warning',
  'schedule-deliverable-unscheduled': 'warning',
  'governance-owner-missing': 'warning',
  'governance-cadence-missing': 'error',
  'governance-cadence-too-infrequent': 'warning',
  'governance-status-reports-missing': 'warning',
  'governance-escalation-missing': 'warning',
  'governance-exit-plan-missing': 'warning',
  // The change log (issue 16).
  'governance-change-approver-missing': 'warning',
  'governance-change-affects-unknown': 'warning',
  'governance-change-decision-overdue': 'warning',
  // Integrity checks (§2.1).
  'structure-duplicate-id': 'error',
  'structure-unknown-reference': 'error',
  // Candidates of §2.8 that issue 10 brings in ("infer what the document itself implies").
  'cost-payment-schedule-missing': 'warning',
  'security-data-location-missing': 'warning',
};

/** Engine codes an expectation may name where a schema or YAML problem is the right finding. */
export const engineCodes: Readonly<Record<string, Level>> = {
  'schema/required': 'error',
  'schema/enum': 'error',
  'schema/type': 'error',
  'schema/format': 'error',
  'schema/pattern': 'error',
  'schema/range': 'error',
  'schema/length': 'error',
  'schema/invalid': 'error',
  'schema/additional-property': 'warning',
  'yaml/syntax': 'error',
  'yaml/duplicate-key': 'error',
  'suppression/missing-reason': 'warning',
};

export function defaultLevel(id: string): Level | undefined {
  return catalogue[id] ?? engineCodes[id];
}
