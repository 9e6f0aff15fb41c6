// Every rule, in catalogue order. The file name of each rule is its id.
import type { Rule } from '../types';
import { rule as securityNdaMissing } from './security-nda-missing';
import { rule as securityReferencesMissing } from './security-references-missing';
import { rule as securityDataClassificationMissing } from './security-data-classification-missing';
import { rule as securityProtectionsMissing } from './security-protections-missing';
import { rule as securityAttestationMissing } from './security-attestation-missing';
import { rule as securityPersonalDataWithoutDpa } from './security-personal-data-without-dpa';
import { rule as securityBreachNotificationMissing } from './security-breach-notification-missing';
import { rule as securityBreachNotificationSlow } from './security-breach-notification-slow';
import { rule as securitySubprocessorsUnspecified } from './security-subprocessors-unspecified';
import { rule as securityDataLocationMissing } from './security-data-location-missing';
import { rule as securityIpOwnershipMissing } from './security-ip-ownership-missing';
import { rule as expertiseEssentialParameterMissing } from './expertise-essential-parameter-missing';
import { rule as expertiseObjectiveNotSmart } from './expertise-objective-not-smart';
import { rule as expertiseAcceptanceCriteriaMissing } from './expertise-acceptance-criteria-missing';
import { rule as expertiseAcceptanceCriteriaSubjective } from './expertise-acceptance-criteria-subjective';
import { rule as expertiseMeasureNotQuantified } from './expertise-measure-not-quantified';
import { rule as expertiseMeasureMethodMissing } from './expertise-measure-method-missing';
import { rule as expertiseDeliverableUnmeasured } from './expertise-deliverable-unmeasured';
import { rule as expertiseKeyPersonnelMissing } from './expertise-key-personnel-missing';
import { rule as costCurrencyMissing } from './cost-currency-missing';
import { rule as costAmountNotNumeric } from './cost-amount-not-numeric';
import { rule as costContingencyMissing } from './cost-contingency-missing';
import { rule as costPaymentsSumMismatch } from './cost-payments-sum-mismatch';
import { rule as costPaymentFrontLoaded } from './cost-payment-front-loaded';
import { rule as costPaymentScheduleMissing } from './cost-payment-schedule-missing';
import { rule as costTmWithoutCap } from './cost-tm-without-cap';
import { rule as costOutOfScopeEmpty } from './cost-out-of-scope-empty';
import { rule as costChangeControlMissing } from './cost-change-control-missing';
import { rule as costChangeControlIncomplete } from './cost-change-control-incomplete';
import { rule as costChangeImpactMissing } from './cost-change-impact-missing';
import { rule as costChangesExceedContingency } from './cost-changes-exceed-contingency';
import { rule as costVagueLanguage } from './cost-vague-language';
import { rule as costTbdPlaceholder } from './cost-tbd-placeholder';
import { rule as scheduleEndBeforeStart } from './schedule-end-before-start';
import { rule as scheduleDateOutsideTimeline } from './schedule-date-outside-timeline';
import { rule as scheduleDeliverableAfterMilestone } from './schedule-deliverable-after-milestone';
import { rule as scheduleAcceptanceWindowOverrun } from './schedule-acceptance-window-overrun';
import { rule as scheduleDeliverableUnscheduled } from './schedule-deliverable-unscheduled';
import { rule as governanceOwnerMissing } from './governance-owner-missing';
import { rule as governanceCadenceMissing } from './governance-cadence-missing';
import { rule as governanceCadenceTooInfrequent } from './governance-cadence-too-infrequent';
import { rule as governanceStatusReportsMissing } from './governance-status-reports-missing';
import { rule as governanceEscalationMissing } from './governance-escalation-missing';
import { rule as governanceExitPlanMissing } from './governance-exit-plan-missing';
import { rule as governanceChangeApproverMissing } from './governance-change-approver-missing';
import { rule as governanceChangeAffectsUnknown } from './governance-change-affects-unknown';
import { rule as governanceChangeDecisionOverdue } from './governance-change-decision-overdue';
import { rule as structureDuplicateId } from './structure-duplicate-id';
import { rule as structureUnknownReference } from './structure-unknown-reference';

export const rules: readonly Rule[] = [
  securityNdaMissing,
  securityReferencesMissing,
  securityDataClassificationMissing,
  securityProtectionsMissing,
  securityAttestationMissing,
  securityPersonalDataWithoutDpa,
  securityBreachNotificationMissing,
  securityBreachNotificationSlow,
  securitySubprocessorsUnspecified,
  securityDataLocationMissing,
  securityIpOwnershipMissing,
  expertiseEssentialParameterMissing,
  expertiseObjectiveNotSmart,
  expertiseAcceptanceCriteriaMissing,
  expertiseAcceptanceCriteriaSubjective,
  expertiseMeasureNotQuantified,
  expertiseMeasureMethodMissing,
  expertiseDeliverableUnmeasured,
  expertiseKeyPersonnelMissing,
  costCurrencyMissing,
  costAmountNotNumeric,
  costContingencyMissing,
  costPaymentsSumMismatch,
  costPaymentFrontLoaded,
  costPaymentScheduleMissing,
  costTmWithoutCap,
  costOutOfScopeEmpty,
  costChangeControlMissing,
  costChangeControlIncomplete,
  costChangeImpactMissing,
  costChangesExceedContingency,
  costVagueLanguage,
  costTbdPlaceholder,
  scheduleEndBeforeStart,
  scheduleDateOutsideTimeline,
  scheduleDeliverableAfterMilestone,
  scheduleAcceptanceWindowOverrun,
  scheduleDeliverableUnscheduled,
  governanceOwnerMissing,
  governanceCadenceMissing,
  governanceCadenceTooInfrequent,
  governanceStatusReportsMissing,
  governanceEscalationMissing,
  governanceExitPlanMissing,
  governanceChangeApproverMissing,
  governanceChangeAffectsUnknown,
  governanceChangeDecisionOverdue,
  structureDuplicateId,
  structureUnknownReference,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.id, r]));
