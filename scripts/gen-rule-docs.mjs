// Generates the pages that every diagnostic's `codeDescription.href` points to: docs/rules/<code>.md
// for each risk rule (from the rule's own data, its source and its bad fixture) and for each other
// code the engine emits (hand-written below), plus the index docs/rules/README.md.
//
//   node scripts/gen-rule-docs.mjs          write the pages, delete pages of codes that no longer exist
//   node scripts/gen-rule-docs.mjs --json   print { "docs/rules/<file>.md": "<text>" } and write nothing
//
// test/unit/docs.test.ts runs the --json form and compares it with the files, so the pages cannot drift.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const docsDir = 'docs/rules';
/** Fixed, so that examples which depend on "today" do not change from day to day. */
const exampleToday = '2027-01-04';

// ---- what the generator knows that the rule data does not ----------------------------------

/** Headings of the index, in catalogue order; the category is the rule id's prefix. */
const categories = [
  {
    id: 'security',
    name: 'Security threats',
    blurb: "Confidential data, customer data and intellectual property in a vendor's hands (GDPR, ISO/IEC 27036-2, DORA).",
  },
  {
    id: 'expertise',
    name: 'Lack of expertise and oversight',
    blurb:
      'A scope that spells out deliverables, measures of success and the essential parameters, so nobody has to supervise day to day (PMBOK, FAR 37.6, 18F).',
  },
  {
    id: 'cost',
    name: 'Hidden costs',
    blurb:
      'Unclear terms, missing reserves and payment schedules that hand leverage to the vendor (FAR 16.601, PMBOK, GOV.UK Digital Outcomes).',
  },
  { id: 'schedule', name: 'Timeline integrity', blurb: 'Dates that contradict each other, or leave no room to accept the work.' },
  {
    id: 'governance',
    name: 'Oversight: cadence, escalation and exit',
    blurb: 'How you stay on track once the contract is signed, and how you get out.',
  },
  { id: 'structure', name: 'Integrity checks', blurb: 'Ids that clash or point nowhere; every cross-field rule depends on them.' },
];

/** "What to do" for each rule: the remedy in words; the quick fixes below it show the edits. */
const whatToDo = {
  'security-nda-missing':
    'Get a mutual NDA countersigned before any requirements, data samples or architecture are shared, and record it under `vendor.nda` with the signature date. The quick fix inserts an unsigned placeholder (`signed: false`, `date: null`, `mutual: true`); set `signed: true` only once it is countersigned. If the NDA is dated after `timeline.start`, either move the start or record the earlier NDA that covered the scoping work.',
  'security-references-missing':
    'Ask the vendor for two or three clients with similar work, call them, and record each under `vendor.references` with the date you spoke (`contacted`). Ask open questions: what they wish they had known before signing, and what changed in cost or staffing. The quick fix inserts an empty reference entry to fill in.',
  'security-data-classification-missing':
    'State how sensitive the data is that the vendor will touch: `public`, `internal`, `confidential` or `restricted`. The quick fix inserts `confidential`, the conservative choice; lower it only if that is true.',
  'security-protections-missing':
    'Write the security controls the vendor commits to under `security.protections`: encryption, access control, offboarding, logging. The quick fix inserts a baseline list to edit, so a sales claim becomes an obligation.',
  'security-attestation-missing':
    'Ask for an independent attestation (an ISO/IEC 27001 certificate whose scope covers the team doing your work, or a SOC 2 Type II report less than a year past its period end), or at least a completed standard questionnaire (SIG Lite, CAIQ). The quick fix inserts `certifications` and `security_questionnaire` placeholders.',
  'security-personal-data-without-dpa':
    'Sign a data processing agreement (GDPR Art. 28; a Business Associate Agreement for US health data) before the vendor touches personal data, and list the categories of personal data. The quick fix inserts `dpa: { signed: false, date: null }` and `personal_data_categories: []`.',
  'security-breach-notification-missing':
    'Agree a maximum number of hours between the vendor becoming aware of a breach and telling you, and write it in `security.breach_notification_hours`. The quick fix inserts 24 hours, a common processor commitment.',
  'security-breach-notification-slow':
    "Negotiate a shorter notification window, so you keep most of GDPR's 72 hours to assess and notify. The quick fix sets it to 24 hours. The limits are settings.",
  'security-subprocessors-unspecified':
    'Decide whether the vendor may pass your personal data to subcontractors, and whether each one needs your approval; list the approved ones. The quick fix inserts the strict default: not allowed, approval required, empty list.',
  'security-ip-ownership-missing':
    "Say who owns the work product and when ownership transfers (preferably with each payment), what licence you get to the vendor's pre-existing IP, and that open-source components are disclosed. If the vendor or both parties own it, the licence you receive must be stated. The quick fix inserts an `ip` section with client ownership transferring on payment.",
  'expertise-essential-parameter-missing':
    'Add the missing essential parameter: the objective, the deliverables, the success measures, the budget total, or the start and end of the timeline. The quick fix inserts an empty skeleton for the missing section.',
  'expertise-objective-not-smart':
    'Rewrite the objective so it names a measurable result and a date, for example "cut billing tickets from 1,200 to under 600 per month by 2027-10-31". The quick fix appends a "from … to … by …" template.',
  'expertise-acceptance-criteria-missing':
    'Write, for each deliverable, observable and testable conditions for accepting it: test cases that pass, thresholds that are met, evidence that is produced. The quick fix inserts a `TODO` criterion, which stays flagged until it is replaced.',
  'expertise-acceptance-criteria-subjective':
    'Replace opinions ("to the client\'s satisfaction", "signed off") with something observable: a number of test cases passing, a threshold, a checklist. Sign-off is how a deliverable is accepted, not the criterion for accepting it. A code action inserts a template to fill in.',
  'expertise-measure-not-quantified':
    'Give each success measure a numeric target with a comparator (for example `"< 600"` or `">= 99.9"`) and a unit. The quick fix inserts a target and unit template, or an empty `unit` when only the unit is missing.',
  'expertise-measure-method-missing':
    'Name the data source or method that measures it (a report, a monitoring tool, a test), ideally one the vendor does not control. The quick fix inserts an empty `measured_by`.',
  'expertise-deliverable-unmeasured':
    "Link the deliverable to the success measure it serves by adding its id to that measure's `deliverables`, or add a measure for it. Documentation or a handover workshop may reasonably have acceptance criteria only: then accept the finding with a suppression comment and a reason.",
  'expertise-key-personnel-missing':
    'Name the critical roles and people, with their time allocation, and require your approval before anyone is substituted. The quick fix inserts a delivery-lead entry to fill in.',
  'cost-currency-missing':
    'Set one ISO 4217 currency for the whole file in `budget.currency`. The quick fix inserts the `defaultCurrency` setting, or the currency a symbol in an amount stands for (`€` gives EUR; `$` gives USD, which needs confirming).',
  'cost-amount-not-numeric':
    'Write the amount as a bare number and the currency in `budget.currency`. The quick fix reads the text (`"$120k"` becomes `120000`) and sets the currency if it is missing.',
  'cost-contingency-missing':
    'Budget a contingency reserve, held by you and released only through change control, sized to the known risks (10–20% is common for IT work). The quick fix inserts 15%. The minimum is a setting.',
  'cost-payments-sum-mismatch':
    'Make the payment schedule add up to `budget.total` (contingency is not part of it), and give each payment exactly one of `percent` or `amount`. The quick fix rebalances the last payment to the remainder; the hover shows the computed sum.',
  'cost-payment-front-loaded':
    'Tie most payments to accepted deliverables, keep the deposit small, and hold back a meaningful final payment until final acceptance. A code action moves the excess from the up-front milestone to the last one. The limits are settings.',
  'cost-tm-without-cap':
    'For time-and-materials work, agree a ceiling price (`cap`, at least `total`) and a rate card with fixed rates. The quick fix inserts a cap equal to the total, switches to `capped_time_and_materials`, and inserts a rate-card entry to fill in.',
  'cost-out-of-scope-empty':
    'List what is explicitly excluded, especially the things a reasonable person might assume are included (mobile apps, data migration, back-end changes). The quick fix inserts a `TODO` entry.',
  'cost-change-control-missing':
    'Agree how changes are requested, priced and approved, and who may approve them, before work starts. The quick fix inserts a written-change-request process and an empty approver list.',
  'cost-change-control-incomplete':
    'Name who approves a change, and require every change request to state its cost and schedule impact before work begins. The quick fix inserts `approval_by` and/or appends " with cost and schedule impact" to the process.',
  'cost-vague-language':
    'Replace the vague term with a number, a list, or a definition: say how fast, which items, how many. For open lists ("etc.", "and so on", "and more") the quick fix removes the term so you can list every item; for other terms a code action inserts a suppression comment that needs a reason. Extra terms are a setting.',
  'cost-tbd-placeholder':
    'Settle the open item before signing. If it truly cannot be known yet, record it as an assumption with a decision date and an owner: the quick fix sets the field to `null` and appends "Decide … by … (owner: …)" to `assumptions`.',
  'schedule-end-before-start':
    'Correct whichever date is wrong; usually the two were swapped or one has the wrong year. The quick fix swaps `timeline.start` and `timeline.end`; it is not offered when they are equal.',
  'schedule-date-outside-timeline':
    "Bring every milestone and due date inside the contracted period, or extend the period on purpose (it is usually a commercial change). The quick fixes extend `timeline.end` (or move `timeline.start`) to the date, or set the date to the period's end (or start). Success measures' `by` dates are exempt: benefits are measured after delivery.",
  'schedule-deliverable-after-milestone':
    'Move the milestone to after the deliverable is due plus the acceptance review, or bring the due date forward. The quick fixes do either: "Move M to D.due + review days" or "Set D.due to M.date".',
  'schedule-acceptance-window-overrun':
    'Leave the full acceptance review inside the contract: bring the due date forward to at least the review window before `timeline.end`, or extend the timeline. The quick fixes do either (the first is not offered when it would fall before `timeline.start`). The review window is `acceptance.review_days`, else the `defaultReviewDays` setting.',
  'schedule-deliverable-unscheduled':
    'Give the deliverable a due date or list it in the milestone that accepts it. The quick fixes insert `due: null  # TODO` to fill in, or add the deliverable to an existing milestone.',
  'governance-owner-missing':
    'Name one internal person who owns the vendor relationship, the day-to-day decisions and acceptance. The quick fix inserts an empty `owner`.',
  'governance-cadence-missing':
    'Agree a regular operational check-in with the vendor, weekly or fortnightly. The quick fix inserts `check_in_cadence: weekly`.',
  'governance-cadence-too-infrequent':
    'Check in at least as often as the limit (14 days by default); keep monthly and quarterly meetings for performance and strategy. Write `fortnightly` or `P2W` rather than the ambiguous "biweekly". The quick fixes set `weekly` or `fortnightly`.',
  'governance-status-reports-missing':
    'Agree written status reports with a cadence and contents: progress against plan, risks and issues, spend against budget. The quick fix inserts a weekly report with those contents.',
  'governance-escalation-missing':
    'Define who an unresolved issue goes to next, and how fast each level must respond. The quick fix inserts two escalation levels to fill in.',
  'governance-exit-plan-missing':
    'Agree the exit at signing: termination notice, transition assistance, return of your data in a usable format, a deletion certificate and knowledge transfer. The quick fix inserts an `exit` section with those terms to adjust.',
  'structure-duplicate-id':
    'Give each deliverable, success measure and milestone its own id; references to a duplicated id are ambiguous, so the cross-field rules skip them. Every occurrence after the first is reported, at its id.',
  'structure-unknown-reference':
    'Point the reference at an id that exists, or create the missing item. The quick fixes change the reference to each known id of the right kind, or create a deliverable skeleton with the missing id.',
};

/** Codes that are not risk rules: syntax, schema, input limits, suppressions and configuration. */
const otherCodes = [
  {
    group: 'YAML syntax',
    codes: [
      {
        code: 'yaml/syntax',
        severity: 'error',
        title: 'YAML syntax error',
        explanation:
          'The file is not well-formed YAML: for example inconsistent indentation, an unclosed quote or bracket, or a tab used for indentation. Only the first error on a line, and the first of a cascade of indentation errors, is shown. Until the file parses, neither the schema nor the risk rules can run, so no other findings appear.',
        whatToDo:
          'Fix the reported line. Indent with spaces, consistently. Quote a value that contains `: ` or ` #`, or that starts with a character YAML treats specially (`*`, `&`, `!`, `%`, `@`, `` ` ``).',
      },
      {
        code: 'yaml/duplicate-key',
        severity: 'error',
        title: 'Duplicate key',
        explanation:
          'The same key appears twice in one mapping. YAML tools disagree about which value wins (some take the last, some refuse the file), so two readers of the same scope could see two different contracts.',
        whatToDo: 'Merge the two entries into one, or remove the one that is out of date.',
      },
      {
        code: 'yaml/bad-alias',
        severity: 'error',
        title: 'Alias to an unknown anchor',
        explanation:
          'An alias (`*name`) refers to an anchor (`&name`) that is not defined before it, so the value it stands for is unknown.',
        whatToDo: 'Define the anchor before the alias, or write the value out in full.',
      },
      {
        code: 'yaml/warning',
        severity: 'warning',
        title: 'YAML warning',
        explanation:
          'The parser accepted the file but flagged something that may not mean what you intended, such as an unknown tag or a construct that YAML versions read differently.',
        whatToDo: 'Read the message; usually removing the tag or writing the value plainly resolves it.',
      },
      {
        code: 'yaml/multiple-documents',
        severity: 'warning',
        title: 'More than one YAML document',
        explanation:
          'The file contains several YAML documents separated by `---`. A scope is one document, so only the first is checked and everything after the separator is ignored.',
        whatToDo: 'Remove the separator and merge the content, or split it into separate `.scope.yaml` files.',
      },
      {
        code: 'yaml/alias-limit',
        severity: 'error',
        title: 'File could not be read as data',
        explanation:
          'Converting the YAML into data failed, typically because aliases expand into too many nodes (an "alias bomb"). The file is not checked, so that one file cannot stall the editor.',
        whatToDo: 'Write values out instead of reusing them through chains of aliases.',
        settings: ['limits.maxAliases'],
      },
    ],
  },
  {
    group: 'Schema',
    intro:
      "The JSON Schema `schemas/scope.schema.json` defines every field, its type and its allowed values; it also drives completion and hover on keys. When a risk rule reports the same node (or one inside it), the rule's finding, which explains the risk and offers a fix, replaces the schema's.",
    codes: [
      {
        code: 'schema/required',
        severity: 'error',
        title: 'Required field missing',
        explanation:
          "A field the format requires is missing, for example a milestone's `id` or `date`, or `project.name`. Cross-references and the risk rules depend on these fields.",
        whatToDo: 'Add the field. Completion (Ctrl+Space) inside the mapping offers the keys that belong there.',
      },
      {
        code: 'schema/additional-property',
        severity: 'warning',
        title: 'Unknown field',
        explanation:
          'The key is not part of the format, often a typo such as `acceptence`. Nothing under an unknown key is checked, so a risk you believe is covered may not be.',
        whatToDo:
          'Rename the key; when a known key is close, the quick fix renames it ("Did you mean …?"). Otherwise move the content to the right field, or into a free-text field such as `notes`.',
      },
      {
        code: 'schema/type',
        severity: 'error',
        title: 'Wrong type of value',
        explanation:
          'The value has the wrong type: a list where a mapping belongs, text where a number or `true`/`false` belongs, or a form none of the allowed alternatives accept.',
        whatToDo: "Write the value in the form the message names; hover the key to see the field's documentation and an example.",
      },
      {
        code: 'schema/enum',
        severity: 'error',
        title: 'Value not allowed',
        explanation:
          'The value is not one of the allowed values, for example `pricing_model: lump sum` where `fixed_price`, `time_and_materials` or `capped_time_and_materials` is expected. Every enum is an error, whatever the field, because a value the linter cannot read would otherwise switch its checks off. A value that differs only in case or separators (`Fixed price`, `Weekly`, `Client`, `On-Payment`) is read as the value it names, so the rules keep working, and still reported so the file says exactly what it means. Where the value names nothing, the rules assume the riskier reading until it is fixed: an unknown `data_classification` counts as `restricted` (see `security-data-classification-missing`), and an unknown `pricing_model` is read from the budget itself (a `cap` or a rate card without a payment schedule means time and materials).',
        whatToDo:
          'For a slip of case or separators, apply the one-click fix (it is safe, so "fix all" applies it too). Otherwise pick one of the values the message lists; completion offers them.',
      },
      {
        code: 'schema/format',
        severity: 'error',
        title: 'Malformed date',
        explanation:
          'Dates must be real calendar dates written `YYYY-MM-DD`. Values such as `2027-02-30`, `30/09/2027` or `Q3` cannot be compared with other dates, so the schedule rules skip them.',
        whatToDo: 'Write the date as `YYYY-MM-DD`, or `null` while it is unknown (and record the open decision as an assumption).',
      },
      {
        code: 'schema/pattern',
        severity: 'error',
        title: 'Value has the wrong form',
        explanation:
          'The text does not have the required form, for example an id (`D1`), a currency code (`EUR`), a target (`">= 99.9"`) or a cadence (`weekly`, `P2W`).',
        whatToDo: 'Follow the examples in the message.',
      },
      {
        code: 'schema/range',
        severity: 'error',
        title: 'Number out of range',
        explanation:
          'The number is outside its allowed range, for example a percentage above 100, a negative amount, or `review_days` above 365.',
        whatToDo: 'Correct the number. Percentages are written 0–100, not as 0–1 fractions.',
      },
      {
        code: 'schema/length',
        severity: 'error',
        title: 'Too long, too short, or too many items',
        explanation:
          'A text or list is outside its length limits. The limits are generous; they exist so that pasted documents and generated lists do not end up inside the scope.',
        whatToDo: 'Shorten the text or list, or move long prose to an annex and refer to it.',
      },
      {
        code: 'schema/invalid',
        severity: 'error',
        title: 'Invalid value',
        explanation: 'The value breaks another rule of the schema, for example the same deliverable listed twice in one milestone.',
        whatToDo: 'Read the message and correct the value.',
      },
    ],
  },
  {
    group: 'Document and input limits',
    codes: [
      {
        code: 'scope/empty',
        severity: 'info',
        title: 'Empty scope file',
        explanation: 'The file has no content yet, so there is nothing to check.',
        whatToDo:
          'Start with `scope_version: 1` and the `project`, `vendor`, `deliverables`, `success_measures`, `budget`, `timeline` and `governance` sections; the command "Scope: New Scope File" inserts a template.',
      },
      {
        code: 'input/too-large',
        severity: 'error',
        title: 'File too large to check',
        explanation:
          'The file is larger than the configured limit, so it is not checked at all. A scope is a few hundred lines; a file this size is almost certainly something else.',
        whatToDo: 'Move long prose to annexes, or raise the limit if the file really is a scope.',
        settings: ['limits.maxFileSizeKB'],
      },
      {
        code: 'input/too-deep',
        severity: 'error',
        title: 'Nesting too deep to check',
        explanation:
          'The file nests mappings or lists deeper than the configured limit. No scope needs this, and very deep nesting can exhaust the parser, so the file is not parsed.',
        whatToDo: 'Flatten the structure; the format never nests more than a few levels.',
        settings: ['limits.maxNestingDepth'],
      },
      {
        code: 'input/too-many-aliases',
        severity: 'error',
        title: 'Too many YAML aliases',
        explanation:
          'The file uses more aliases (`*name`) than the configured limit. Aliases can expand exponentially (an "alias bomb"), so the file is not parsed.',
        whatToDo: 'Write values out instead of aliasing them, or raise the limit.',
        settings: ['limits.maxAliases'],
      },
      {
        code: 'input/binary',
        severity: 'error',
        title: 'Binary file',
        explanation:
          'The file contains NUL bytes, which YAML text never holds, so it is binary data (an image, an archive, a file saved in another format) and is not parsed.',
        whatToDo: 'Check that the right file is named `*.scope.yaml`, or save the scope as plain UTF-8 text.',
      },
      {
        code: 'input/invalid-utf8',
        severity: 'error',
        title: 'File is not UTF-8',
        explanation:
          'The command-line linter reads scope files as UTF-8, and this file holds bytes that are not UTF-8 (for example a Latin-1 "é", or a UTF-16 file). Decoding them would silently change the text, so the file is not checked. The diagnostic points at the first byte that cannot be decoded.',
        whatToDo: 'Save the file as UTF-8 (in VS Code: "Change File Encoding" in the status bar, then "Save with Encoding").',
      },
      {
        code: 'input/timeout',
        severity: 'error',
        title: 'Check took too long',
        explanation:
          'The editor checks each file on a worker thread and stops a check that takes longer than 20 seconds, so one file can never freeze hover, completion or other files. The command-line linter does the same on its worker threads (64 files or more, or `SCOPE_LINT_WORKERS` of 1 or more; the bound is `SCOPE_CHECK_TIMEOUT_MS`), so one file cannot hold up a CI run. This file was stopped: it is very large, or it hit a slow path in a rule.',
        whatToDo: 'Split the file or move long prose out of it; if a normal-sized file gets this, report it with the file attached.',
      },
      {
        code: 'input/check-failed',
        severity: 'error',
        title: 'Check failed',
        explanation:
          'The worker thread that checks files stopped while checking this one (for example, it ran out of its memory budget), or the check failed in an unexpected way. The language server and the command-line linter keep running: a fresh worker checks the next file, and every other file still gets its own result.',
        whatToDo:
          'The message gives the reason (in the editor, the "Scope YAML" output channel has the details); report it with the file attached.',
      },
    ],
  },
  {
    group: 'Suppressions',
    intro:
      'A risk can be accepted on purpose with `# scope-lint-disable-next-line <rule-id> -- <reason>` on the line before the finding, or `# scope-lint-disable <rule-id> -- <reason>` for the whole file. The reason is required, so the file records why.',
    codes: [
      {
        code: 'suppression/missing-reason',
        severity: 'warning',
        title: 'Suppression without a reason',
        explanation:
          'The suppression comment has no reason after `--`, so it does not suppress anything: an accepted risk must say why it was accepted.',
        whatToDo: 'Add the reason: `# scope-lint-disable-next-line <rule-id> -- <why this risk is accepted>`.',
      },
      {
        code: 'suppression/unknown-rule',
        severity: 'warning',
        title: 'Suppression names an unknown rule',
        explanation: 'The suppression names no rule id, or an id that is not a risk rule (often a typo), so it suppresses nothing.',
        whatToDo: 'Use the rule id shown with the finding (hover it); the index of rule ids is in [README.md](README.md).',
      },
      {
        code: 'suppression/unused',
        severity: 'hint',
        title: 'Suppression that silences nothing',
        explanation:
          'No finding of the named rule is on the line the suppression applies to (or in the file), usually because the risk was fixed. It is shown faded.',
        whatToDo: 'Remove the comment, so that the file does not claim a risk was accepted when it no longer exists.',
      },
    ],
  },
  {
    group: 'Configuration',
    codes: [
      {
        code: 'config/invalid',
        severity: 'error',
        title: 'Invalid `.scope-lint.yaml`',
        explanation:
          "An entry in the repository's `.scope-lint.yaml` is not valid: an unknown rule id or setting, a wrong type, or YAML that does not parse. An invalid entry is ignored and the valid rest of the file still applies; a file that does not parse is ignored entirely, so the editor and CI fall back to the defaults.",
        whatToDo: 'Correct the entry the message points to; close matches are suggested ("Did you mean …?").',
      },
    ],
  },
];

const notLegalAdvice =
  'None of this is legal advice: the checks and thresholds are conventions drawn from practitioner and regulatory sources, and the right terms for your contract depend on your jurisdiction and circumstances.';

// ---- rendering -------------------------------------------------------------------------------

/** `schema/required` -> `schema-required.md`, the page `docsUrl()` links to. */
function pageName(code) {
  return `${code.replace(/\//g, '-')}.md`;
}

function settingRows(names, schema, defaults) {
  const rows = ['| Setting | Default | What it does |', '|---|---|---|'];
  for (const name of names) {
    const [section, key] = name.split('.');
    const property = schema.properties?.[section]?.properties?.[key] ?? {};
    const value = defaults[section]?.[key];
    const shown = value === undefined ? '' : `\`${JSON.stringify(value)}\``;
    const description = String(property.description ?? '').replace(/\|/g, '\\|');
    rows.push(`| \`${name}\` | ${shown} | ${description} |`);
  }
  return rows;
}

function settingsSection(names, schema, defaults) {
  if (names.length === 0) return [];
  return [
    '## Settings',
    '',
    ...settingRows(names, schema, defaults),
    '',
    "Change them in `.scope-lint.yaml` (in the scope file's folder or a folder above it, so CI reads the same values):",
    '',
    '```yaml',
    ...yamlSettingsExample(names, defaults),
    '```',
    '',
    `or in VS Code settings, as ${names.map((n) => `\`scope.${n}\``).join(', ')}.`,
    '',
  ];
}

function yamlSettingsExample(names, defaults) {
  const bySection = new Map();
  for (const name of names) {
    const [section, key] = name.split('.');
    if (!bySection.has(section)) bySection.set(section, []);
    bySection.get(section).push(`  ${key}: ${JSON.stringify(defaults[section]?.[key] ?? null)}`);
  }
  return [...bySection].flatMap(([section, lines]) => [`${section}:`, ...lines]);
}

/** Settings a rule's source reads: every threshold or vague-term list it names. */
function settingsUsedBy(source, schema) {
  const used = [];
  for (const section of ['thresholds', 'vagueTerms']) {
    for (const key of Object.keys(schema.properties?.[section]?.properties ?? {})) {
      const named = new RegExp(`\\b${key}\\b`).test(source);
      const whole = section === 'vagueTerms' && /\bvagueTerms\b/.test(source);
      if (named || whole) used.push(`${section}.${key}`);
    }
  }
  return used;
}

function placeholderNote(explanation) {
  const names = [...new Set(explanation.match(/\{[A-Za-z][\w.]{0,40}\}/g) ?? [])].map((n) => `\`${n}\``);
  if (names.length === 0) return [];
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return [
    `${list} ${names.length === 1 ? 'stands' : 'stand'} for ${names.length === 1 ? 'a value' : 'values'} from your file; the message of each finding fills ${names.length === 1 ? 'it' : 'them'} in.`,
    '',
  ];
}

function exampleSection(example) {
  if (!example) return [];
  const lines = [
    '## Example',
    '',
    `In [\`${example.file}\`](../../${example.file}), line ${example.line}:`,
    '',
    '```yaml',
    example.text,
    '```',
    '',
    `> **${example.severity}**: ${example.message}`,
    '',
  ];
  if (example.facts.length) lines.push(...example.facts.map((f) => `- ${f}`), '');
  if (example.fixes.length) {
    lines.push('Quick fixes offered here:', '');
    for (const fix of example.fixes) {
      const marks = [fix.preferred ? 'preferred' : '', fixSafety[fix.applicability] ?? ''].filter(Boolean);
      lines.push(`- ${fix.title}${marks.length ? ` (${marks.join(', ')})` : ''}`);
    }
    lines.push('');
  } else {
    lines.push("No quick fix is offered here: the change needs a person's judgement.", '');
  }
  return lines;
}

function footer() {
  return ['---', '', notLegalAdvice, '', '[All rules and codes](README.md)', ''];
}

const generatedBanner =
  '<!-- Generated by scripts/gen-rule-docs.mjs; do not edit. Run `node scripts/gen-rule-docs.mjs` after changing a rule. -->';

/** What each fix applicability level means for the user (server/src/service/types.ts `Applicability`). */
const fixSafety = {
  safe: 'applied by "Fix all"',
  unsafe: 'a proposal: applied only when you pick it',
  'display-only': 'placeholders to fill in: never applied by "Fix all"',
};

function rulePage(rule, { source, example, schema, defaults }) {
  const category = categories.find((c) => c.id === rule.category);
  const settings = settingsUsedBy(source, schema);
  return [
    generatedBanner,
    '',
    `# ${rule.title}`,
    '',
    '| | |',
    '|---|---|',
    `| Rule id | \`${rule.id}\` |`,
    `| Risk | ${category ? category.name : rule.category} (\`${rule.category}\`) |`,
    `| Default severity | ${rule.severity} |`,
    `| Settings | ${settings.length ? settings.map((s) => `\`${s}\``).join(', ') : 'none'} |`,
    `| Fix safety | ${rule.fixes?.length ? rule.fixes.map((level) => `${level} (${fixSafety[level]})`).join('; ') : 'no quick fix'} |`,
    '',
    '## Why this is a risk',
    '',
    rule.explanation,
    '',
    ...placeholderNote(rule.explanation),
    '## What to do',
    '',
    whatToDo[rule.id] ?? '',
    '',
    ...exampleSection(example),
    ...settingsSection(settings, schema, defaults),
    '## Severity and accepted risks',
    '',
    'Change the severity, or turn the rule off, in `.scope-lint.yaml`:',
    '',
    '```yaml',
    'rules:',
    `  ${rule.id}: ${rule.severity === 'error' ? 'warning' : 'error'}   # or off, hint, info`,
    '```',
    '',
    `or in VS Code settings under \`scope.rules\`. To accept one finding on purpose, put \`# scope-lint-disable-next-line ${rule.id} -- <reason>\` on the line before it; the reason is required.`,
    '',
    ...footer(),
  ].join('\n');
}

function codePage(entry, group, { schema, defaults }) {
  const settings = entry.settings ?? [];
  return [
    generatedBanner,
    '',
    `# ${entry.title}`,
    '',
    '| | |',
    '|---|---|',
    `| Code | \`${entry.code}\` |`,
    `| Kind | ${group.group} |`,
    `| Severity | ${entry.severity} |`,
    `| Settings | ${settings.length ? settings.map((s) => `\`${s}\``).join(', ') : 'none'} |`,
    '',
    '## What it means',
    '',
    ...(group.intro ? [group.intro, ''] : []),
    entry.explanation,
    '',
    '## What to do',
    '',
    entry.whatToDo,
    '',
    ...settingsSection(settings, schema, defaults),
    ...footer(),
  ].join('\n');
}

function indexPage(rules) {
  const lines = [
    generatedBanner,
    '',
    '# Rules and diagnostic codes',
    '',
    'Every finding in a `.scope.yaml` file carries one of these codes; its "Learn more" link leads to the page below. Risk rules can be set to another severity or turned off (`rules:` in `.scope-lint.yaml`, or `scope.rules` in VS Code), and single findings can be accepted with `# scope-lint-disable-next-line <rule-id> -- <reason>`.',
    '',
    `There are ${rules.length} risk rules and ${otherCodes.reduce((n, g) => n + g.codes.length, 0)} other codes.`,
    '',
    '## Risk rules',
    '',
  ];
  for (const category of categories) {
    const inCategory = rules.filter((r) => r.category === category.id);
    if (inCategory.length === 0) continue;
    lines.push(`### ${category.name}`, '', category.blurb, '', '| Rule | Severity | Title |', '|---|---|---|');
    for (const rule of inCategory) lines.push(`| [\`${rule.id}\`](${pageName(rule.id)}) | ${rule.severity} | ${rule.title} |`);
    lines.push('');
  }
  const unknown = rules.filter((r) => !categories.some((c) => c.id === r.category));
  if (unknown.length) {
    lines.push('### Other rules', '', '| Rule | Severity | Title |', '|---|---|---|');
    for (const rule of unknown) lines.push(`| [\`${rule.id}\`](${pageName(rule.id)}) | ${rule.severity} | ${rule.title} |`);
    lines.push('');
  }
  lines.push('## Other diagnostic codes', '');
  for (const group of otherCodes) {
    lines.push(`### ${group.group}`, '', '| Code | Severity | Title |', '|---|---|---|');
    for (const entry of group.codes) lines.push(`| [\`${entry.code}\`](${pageName(entry.code)}) | ${entry.severity} | ${entry.title} |`);
    lines.push('');
  }
  lines.push('---', '', notLegalAdvice, '');
  return lines.join('\n');
}

// ---- the engine, bundled from source -------------------------------------------------------

/** Bundles the rules and the document model from TypeScript into a temporary CommonJS file and loads it. */
async function loadEngine() {
  // Imported here, so the rendering above stays free of build tooling.
  const esbuild = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'scope-rule-docs-'));
  try {
    const outfile = join(dir, 'engine.cjs');
    await esbuild.build({
      stdin: {
        contents: [
          "export { rules } from './server/src/service/rules/index.ts';",
          "export { defaultThresholds, defaultLimits, mergeSettings } from './server/src/service/settings.ts';",
          "export { ScopeDocument } from './server/src/service/document.ts';",
          "export { findingRange } from './server/src/service/validate.ts';",
        ].join('\n'),
        resolveDir: repoRoot,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile,
      logLevel: 'error',
    });
    return createRequire(import.meta.url)(outfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The first finding of a rule on its bad fixture, as the example on the rule's page. */
function exampleOf(rule, engine) {
  const file = `test/fixtures/rules/${rule.id}/bad.scope.yaml`;
  const path = join(repoRoot, file);
  if (!existsSync(path)) return undefined;
  const settings = engine.mergeSettings({ today: exampleToday });
  const doc = new engine.ScopeDocument(`file:///${file}`, 1, readFileSync(path, 'utf8'), settings.limits);
  let findings;
  try {
    findings = rule.check(doc, settings);
  } catch {
    // A rule that throws here is a bug the unit tests report; the page then simply has no example.
    return undefined;
  }
  const finding = findings[0];
  if (!finding) return undefined;
  const range = engine.findingRange(doc, finding);
  return {
    file,
    line: range.start.line + 1,
    text: doc.lineText(range.start.line),
    severity: finding.severity ?? rule.severity,
    message: finding.message,
    facts: finding.facts ?? [],
    fixes: finding.fixes ?? [],
  };
}

/** Every page, keyed by its path from the repository root. */
async function generate() {
  const engine = await loadEngine();
  const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'scope-lint.schema.json'), 'utf8'));
  const defaults = { thresholds: engine.defaultThresholds, limits: engine.defaultLimits, vagueTerms: { always: [], unlessQuantified: [] } };
  const pages = {};
  for (const rule of engine.rules) {
    const sourceFile = join(repoRoot, 'server', 'src', 'service', 'rules', `${rule.id}.ts`);
    const source = existsSync(sourceFile) ? readFileSync(sourceFile, 'utf8') : '';
    pages[`${docsDir}/${pageName(rule.id)}`] = rulePage(rule, { source, example: exampleOf(rule, engine), schema, defaults });
  }
  for (const group of otherCodes) {
    for (const entry of group.codes) pages[`${docsDir}/${pageName(entry.code)}`] = codePage(entry, group, { schema, defaults });
  }
  pages[`${docsDir}/README.md`] = indexPage(engine.rules);
  return pages;
}

async function main() {
  const pages = await generate();
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify(pages));
    return;
  }
  const dir = join(repoRoot, docsDir);
  mkdirSync(dir, { recursive: true });
  const wanted = new Set(Object.keys(pages).map((p) => p.slice(docsDir.length + 1)));
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.md') && !wanted.has(file)) unlinkSync(join(dir, file));
  }
  let written = 0;
  for (const [path, text] of Object.entries(pages)) {
    const target = join(repoRoot, path);
    if (existsSync(target) && readFileSync(target, 'utf8') === text) continue;
    writeFileSync(target, text);
    written++;
  }
  process.stdout.write(`${Object.keys(pages).length} pages in ${docsDir}/, ${written} updated.\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
