// The registry of settings the engine reads from `.scope-lint.yaml` and VS Code: each one's title,
// description, basis and allowed values, written once. `scripts/generate.mjs` builds the
// `.scope-lint.yaml` schema (schemas/scope-lint.schema.json) and the settings in package.json from it
// and from the defaults in settings.ts; the types below make a new threshold or limit fail to
// compile until it is described here.
import type { Limits, Thresholds, VagueTerms } from './settings';

export interface SettingSpec {
  readonly title: string;
  /** Markdown, one paragraph: what the setting does and which rule reads it. */
  readonly description: string;
  /** Where the default comes from (a regulation, a practitioner convention), when it is a judgement. */
  readonly basis?: string;
  readonly type: 'integer' | 'number' | 'string' | 'string-list';
  readonly minimum?: number;
  readonly maximum?: number;
  readonly pattern?: string;
}

export interface SettingSection<T> {
  readonly title: string;
  readonly description: string;
  readonly settings: { readonly [K in keyof T]-?: SettingSpec };
}

export interface SettingSections {
  readonly thresholds: SettingSection<Thresholds>;
  readonly vagueTerms: SettingSection<VagueTerms>;
  readonly limits: SettingSection<Limits>;
}

export const settingSections: SettingSections = {
  thresholds: {
    title: 'Thresholds',
    description: 'The numbers the risk rules compare against. The defaults are conventions from practitioner sources, not law.',
    settings: {
      maxCheckInDays: {
        title: 'Longest check-in interval (days)',
        description:
          'Longest acceptable interval between operational check-ins, in days; a slower `governance.check_in_cadence` is reported by `governance-cadence-too-infrequent`.',
        basis: 'outsourcing governance guides put operational check-ins at weekly or fortnightly (Outsourcing Explained; Aventario)',
        type: 'integer',
        minimum: 1,
      },
      maxBreachNotificationHoursPersonalData: {
        title: 'Slowest breach notification with personal data (hours)',
        description:
          'Slowest acceptable `security.breach_notification_hours` when `security.personal_data` is true (`security-breach-notification-slow`).',
        basis: 'GDPR Art. 33(1) gives you, the controller, 72 h to notify the regulator; processor commitments of 24–48 h are common',
        type: 'integer',
        minimum: 1,
      },
      maxBreachNotificationHours: {
        title: 'Slowest breach notification otherwise (hours)',
        description:
          'Slowest acceptable `security.breach_notification_hours` when no personal data is in scope (`security-breach-notification-slow`).',
        basis: 'GDPR Art. 33(1): 72 h for the controller',
        type: 'integer',
        minimum: 1,
      },
      minContingencyPercent: {
        title: 'Smallest contingency (%)',
        description: 'Smallest acceptable `budget.contingency_percent` (`cost-contingency-missing`).',
        basis:
          '10–20% is a rule of thumb for IT work; the GOV.UK Digital Outcomes contingency margin goes up to 20%; smaller projects sometimes use 3–10%',
        type: 'number',
        minimum: 0,
        maximum: 100,
      },
      maxUpfrontPercent: {
        title: 'Largest upfront payment (%)',
        description: 'Largest share of the budget payable before the first deliverable is accepted (`cost-payment-front-loaded`).',
        basis: 'practitioner milestone-payment guides (deposit ≤ 30%)',
        type: 'number',
        minimum: 0,
        maximum: 100,
      },
      minFinalPaymentPercent: {
        title: 'Smallest final payment (%)',
        description: 'Smallest share of the budget held back until final acceptance (`cost-payment-front-loaded`, info sub-case).',
        basis: 'guides recommend keeping 15–20% until acceptance; 10 is the lenient floor',
        type: 'number',
        minimum: 0,
        maximum: 100,
      },
      sumTolerance: {
        title: 'Payment sum tolerance (fraction)',
        description:
          'Relative tolerance between the sum of `budget.payments` and `budget.total`, and at least 1 currency unit (`cost-payments-sum-mismatch`).',
        basis: 'rounding',
        type: 'number',
        minimum: 0,
        maximum: 1,
      },
      attestationMaxAgeMonths: {
        title: 'Oldest attestation (months)',
        description:
          "Months after a report's `period_end` during which it still counts as current evidence (`security-attestation-missing`).",
        basis: 'SOC 2 reports are conventionally relied on for 12 months after their period ends',
        type: 'integer',
        minimum: 1,
      },
      defaultReviewDays: {
        title: 'Default acceptance review window (business days)',
        description:
          'Business days the client needs to review a deliverable when `acceptance.review_days` is not set (`schedule-acceptance-window-overrun`).',
        basis: 'sample acceptance clauses use 14 business days; testing windows are often 15–30 business days',
        type: 'integer',
        minimum: 0,
      },
      defaultCurrency: {
        title: 'Default currency (ISO 4217)',
        description: 'ISO 4217 currency code that the quick fix of `cost-currency-missing` inserts.',
        basis: "none; pick your organisation's currency",
        type: 'string',
        pattern: '^[A-Z]{3}$',
      },
      smallJobMaxTotal: {
        title: 'Largest small job (total)',
        description:
          'When `project.engagement` is not set, a scope whose `budget.total` is at most this amount (in its own currency), that lasts at most `smallJobMaxWeeks` and has at most 3 deliverables (twice these limits when the vendor is one person, a sole trader) is read as a small job: written status reports, an escalation path and an exit plan without sensitive data are then noted as optional (hints) instead of reported. A scope that says `engagement: small_job` but is more than twice this size is checked in full.',
        basis:
          'proportionate oversight: the governance forums of outsourcing guides are sized to the engagement (Aventario); a few-week job for a few thousand is checked by its acceptance, not by reports',
        type: 'number',
        minimum: 0,
      },
      smallJobMaxWeeks: {
        title: 'Longest small job (weeks)',
        description:
          'When `project.engagement` is not set, the longest `timeline` (in weeks) of a scope read as a small job (see `smallJobMaxTotal`).',
        basis: 'a job of a few weeks; two reporting cycles of a monthly forum',
        type: 'integer',
        minimum: 0,
      },
      maxContingencyUsedPercent: {
        title: 'Largest share of the contingency used by changes (%)',
        description:
          'Share of the contingency reserve (`budget.contingency_percent` of `budget.total`) that the cost impacts of approved changes may use before `cost-changes-exceed-contingency` warns; above 100% it is an error.',
        basis:
          'the reserve pays for the known risks of the whole engagement (PMI PMBOK Guide, contingency reserve); once three quarters are committed to changes, little is left for the risks still ahead',
        type: 'number',
        minimum: 0,
        maximum: 100,
      },
      maxProposedChangeDays: {
        title: 'Longest wait for a change decision (days)',
        description:
          'Calendar days a `proposed` change request may wait after its `raised` date before `governance-change-decision-overdue` reports that its decision is overdue.',
        basis:
          'change requests are decided at the next change-control or steering meeting (PMBOK §4.6); with weekly or fortnightly check-ins that is within two weeks',
        type: 'integer',
        minimum: 1,
      },
    },
  },
  vagueTerms: {
    title: 'Vague terms',
    description: 'Extra terms for `cost-vague-language`, added to its built-in list.',
    settings: {
      always: {
        title: 'Vague terms always reported',
        description: 'Extra words or phrases that `cost-vague-language` always reports (added to the built-in list).',
        type: 'string-list',
      },
      unlessQuantified: {
        title: 'Vague terms reported unless quantified',
        description:
          'Extra words or phrases that `cost-vague-language` reports only in sentences without a measurable quantity (added to the built-in list).',
        type: 'string-list',
      },
      ignore: {
        title: 'Vague terms not reported',
        description:
          'Words or phrases that `cost-vague-language` does not report, built-in or extra, as written in its list (e.g. `robust` or `as required`); its docs page lists the built-in terms.',
        type: 'string-list',
      },
    },
  },
  limits: {
    title: 'Input limits',
    description: 'Guards that keep pathological files from stalling the linter.',
    settings: {
      maxFileSizeKB: {
        title: 'Largest file checked (KB)',
        description: 'Larger scope files are not checked; one diagnostic says why.',
        type: 'integer',
        minimum: 1,
      },
      maxNestingDepth: {
        title: 'Deepest nesting',
        description: 'Deeper files are not parsed: this guards the YAML parser against pathological input.',
        type: 'integer',
        minimum: 1,
      },
      maxAliases: {
        title: 'Most YAML aliases',
        description: 'Files with more aliases (`*name`) are not parsed: this guards against alias bombs.',
        type: 'integer',
        minimum: 0,
      },
    },
  },
};
