// The registry of diagnostic codes that are not risk rules: YAML syntax, schema, input limits,
// suppressions and configuration. Each entry is the single source of its title, severity,
// explanation and remedy: the docs pages (docs/rules/<code>.md) are generated from it by
// `scripts/generate.mjs`, and `EngineCode` types the code wherever the engine or the server emits one.
import type { Severity } from './types';

/** A setting that changes a code's behaviour, as `<section>.<key>` in `.scope-lint.yaml`. */
export type SettingName = `${'thresholds' | 'limits' | 'vagueTerms'}.${string}`;

export interface CodeInfo {
  readonly code: string;
  readonly severity: Severity;
  readonly title: string;
  /** Markdown: what the code means for the file and why it matters. */
  readonly explanation: string;
  /** Markdown: what to do about it. */
  readonly remedy: string;
  readonly settings?: readonly SettingName[];
}

export interface CodeGroup {
  readonly name: string;
  /** Markdown shown above the explanation of every code in the group. */
  readonly intro?: string;
  readonly codes: readonly CodeInfo[];
}

export const codeGroups = [
  {
    name: 'YAML syntax',
    codes: [
      {
        code: 'yaml/syntax',
        severity: 'error',
        title: 'YAML syntax error',
        explanation:
          'The file is not well-formed YAML: for example inconsistent indentation, an unclosed quote or bracket, or a tab used for indentation. Only the first error on a line, and the first of a cascade of indentation errors, is shown. Until the file parses, neither the schema nor the risk rules can run, so no other findings appear.',
        remedy:
          'Fix the reported line. Indent with spaces, consistently. Quote a value that contains `: ` or ` #`, or that starts with a character YAML treats specially (`*`, `&`, `!`, `%`, `@`, `` ` ``).',
      },
      {
        code: 'yaml/duplicate-key',
        severity: 'error',
        title: 'Duplicate key',
        explanation:
          'The same key appears twice in one mapping. YAML tools disagree about which value wins (some take the last, some refuse the file), so two readers of the same scope could see two different contracts.',
        remedy: 'Merge the two entries into one, or remove the one that is out of date.',
      },
      {
        code: 'yaml/bad-alias',
        severity: 'error',
        title: 'Alias to an unknown anchor',
        explanation:
          'An alias (`*name`) refers to an anchor (`&name`) that is not defined before it, so the value it stands for is unknown.',
        remedy: 'Define the anchor before the alias, or write the value out in full.',
      },
      {
        code: 'yaml/warning',
        severity: 'warning',
        title: 'YAML warning',
        explanation:
          "The parser accepted the file but flagged something that may not mean what you intended, such as an unknown tag or a construct that YAML versions read differently. A number or text with a comma inside `{ }` is one: in a flow mapping the comma separates entries, so `{ name: Release 1,2 }` is read by YAML tools as `Release 1` and a key `2`. The checks read the text as written and say so; where a number is expected (`{ amount: 100,000 }`, read as 100) the finding is the field's own (`cost-amount-not-numeric`, `schema/type`), and nothing is added up from it.",
        remedy:
          'Read the message; usually removing the tag or writing the value plainly resolves it. Write numbers without thousands separators (`100000`), and quote text that has a comma inside `{ }` (the quick fix does either).',
      },
      {
        code: 'yaml/multiple-documents',
        severity: 'warning',
        title: 'More than one YAML document',
        explanation:
          'The file contains several YAML documents separated by `---`. A scope is one document, so only the first is checked and everything after the separator is ignored.',
        remedy: 'Remove the separator and merge the content, or split it into separate `.scope.yaml` files.',
      },
      {
        code: 'yaml/alias-limit',
        severity: 'error',
        title: 'File could not be read as data',
        explanation:
          'Converting the YAML into data failed, typically because aliases expand into too many nodes (an "alias bomb"). The file is not checked, so that one file cannot stall the editor.',
        remedy: 'Write values out instead of reusing them through chains of aliases.',
        settings: ['limits.maxAliases'],
      },
    ],
  },
  {
    name: 'Schema',
    intro:
      "The JSON Schema `schemas/scope.schema.json` defines every field, its type and its allowed values; it also drives completion and hover on keys. When a risk rule reports the same node (or one inside it), the rule's finding, which explains the risk and offers a fix, replaces the schema's.",
    codes: [
      {
        code: 'schema/required',
        severity: 'error',
        title: 'Required field missing',
        explanation:
          "A field the format requires is missing, for example a milestone's `id` or `date`, or `project.name`. Cross-references and the risk rules depend on these fields.",
        remedy: 'Add the field. Completion (Ctrl+Space) inside the mapping offers the keys that belong there.',
      },
      {
        code: 'schema/additional-property',
        severity: 'warning',
        title: 'Unknown field',
        explanation:
          'The key is not part of the format, often a typo such as `acceptence`. Nothing under an unknown key is checked, so a risk you believe is covered may not be.',
        remedy:
          'Rename the key; when a known key is close, the quick fix renames it ("Did you mean …?"). Otherwise move the content to the right field, or into a free-text field such as `notes`.',
      },
      {
        code: 'schema/type',
        severity: 'error',
        title: 'Wrong type of value',
        explanation:
          'The value has the wrong type: a list where a mapping belongs, text where a number or `true`/`false` belongs, or a form none of the allowed alternatives accept.',
        remedy: "Write the value in the form the message names; hover the key to see the field's documentation and an example.",
      },
      {
        code: 'schema/enum',
        severity: 'error',
        title: 'Value not allowed',
        explanation:
          'The value is not one of the allowed values, for example `pricing_model: lump sum` where `fixed_price`, `time_and_materials` or `capped_time_and_materials` is expected. Every enum is an error, whatever the field, because a value the linter cannot read would otherwise switch its checks off. A value that differs only in case or separators (`Fixed price`, `Weekly`, `Client`, `On-Payment`) is read as the value it names, so the rules keep working, and still reported so the file says exactly what it means. Where the value names nothing, the rules assume the riskier reading until it is fixed: an unknown `data_classification` counts as `restricted` (see `security-data-classification-missing`), and an unknown `pricing_model` is read from the budget itself (a `cap` or a rate card without a payment schedule means time and materials).',
        remedy:
          'For a slip of case or separators, apply the one-click fix (it is safe, so "fix all" applies it too). Otherwise pick one of the values the message lists; completion offers them.',
      },
      {
        code: 'schema/format',
        severity: 'error',
        title: 'Malformed date',
        explanation:
          'Dates must be real calendar dates written `YYYY-MM-DD`. Values such as `2027-02-30`, `30/09/2027` or `Q3` cannot be compared with other dates, so the schedule rules skip them.',
        remedy: 'Write the date as `YYYY-MM-DD`, or `null` while it is unknown (and record the open decision as an assumption).',
      },
      {
        code: 'schema/pattern',
        severity: 'error',
        title: 'Value has the wrong form',
        explanation:
          'The text does not have the required form, for example an id (`D1`), a currency code (`EUR`), a target (`">= 99.9"`) or a cadence (`weekly`, `P2W`).',
        remedy: 'Follow the examples in the message.',
      },
      {
        code: 'schema/range',
        severity: 'error',
        title: 'Number out of range',
        explanation:
          'The number is outside its allowed range, for example a percentage above 100, a negative amount, or `review_days` above 365.',
        remedy: 'Correct the number. Percentages are written 0–100, not as 0–1 fractions.',
      },
      {
        code: 'schema/length',
        severity: 'error',
        title: 'Too long, too short, or too many items',
        explanation:
          'A text or list is outside its length limits. The limits are generous; they exist so that pasted documents and generated lists do not end up inside the scope.',
        remedy: 'Shorten the text or list, or move long prose to an annex and refer to it.',
      },
      {
        code: 'schema/invalid',
        severity: 'error',
        title: 'Invalid value',
        explanation: 'The value breaks another rule of the schema, for example the same deliverable listed twice in one milestone.',
        remedy: 'Read the message and correct the value.',
      },
    ],
  },
  {
    name: 'Document and input limits',
    codes: [
      {
        code: 'scope/empty',
        severity: 'info',
        title: 'Empty scope file',
        explanation: 'The file has no content yet, so there is nothing to check.',
        remedy:
          'Start with `scope_version: 1` and the `project`, `vendor`, `deliverables`, `success_measures`, `budget`, `timeline` and `governance` sections; the command "Scope: New Scope File" inserts a template.',
      },
      {
        code: 'scope/missing-sections',
        severity: 'error',
        title: 'Sections missing',
        explanation:
          'Whole sections a scope needs are not written yet, so the risk rules that read them have nothing to check. Their findings are reported as this one, which names each rule id and is as severe as the worst of them, so CI still fails.\n\nWhen more than three findings are only about missing sections (a new file, an early draft), they fold into this one instead of piling up on the first line; three or fewer are shown on their own.',
        remedy:
          'Apply the quick fix: it adds the missing sections in the format\'s order, each with the keys it needs and `TODO` or `null` placeholders to fill in (the skeleton of "Scope: New Scope File").',
      },
      {
        code: 'input/too-large',
        severity: 'error',
        title: 'File too large to check',
        explanation:
          'The file is larger than the configured limit, so it is not checked at all. A scope is a few hundred lines; a file this size is almost certainly something else.',
        remedy: 'Move long prose to annexes, or raise the limit if the file really is a scope.',
        settings: ['limits.maxFileSizeKB'],
      },
      {
        code: 'input/too-deep',
        severity: 'error',
        title: 'Nesting too deep to check',
        explanation:
          'The file nests mappings or lists deeper than the configured limit. No scope needs this, and very deep nesting can exhaust the parser, so the file is not parsed.',
        remedy: 'Flatten the structure; the format never nests more than a few levels.',
        settings: ['limits.maxNestingDepth'],
      },
      {
        code: 'input/too-many-aliases',
        severity: 'error',
        title: 'Too many YAML aliases',
        explanation:
          'The file uses more aliases (`*name`) than the configured limit. Aliases can expand exponentially (an "alias bomb"), so the file is not parsed.',
        remedy: 'Write values out instead of aliasing them, or raise the limit.',
        settings: ['limits.maxAliases'],
      },
      {
        code: 'input/binary',
        severity: 'error',
        title: 'Binary file',
        explanation:
          'The file contains NUL bytes, which YAML text never holds, so it is binary data (an image, an archive, a file saved in another format) and is not parsed.',
        remedy: 'Check that the right file is named `*.scope.yaml`, or save the scope as plain UTF-8 text.',
      },
      {
        code: 'input/invalid-utf8',
        severity: 'error',
        title: 'File is not UTF-8',
        explanation:
          'The command-line linter reads scope files as UTF-8, and this file holds bytes that are not UTF-8 (for example a Latin-1 "é", or a UTF-16 file). Decoding them would silently change the text, so the file is not checked. The diagnostic points at the first byte that cannot be decoded.',
        remedy: 'Save the file as UTF-8 (in VS Code: "Change File Encoding" in the status bar, then "Save with Encoding").',
      },
      {
        code: 'input/too-many-errors',
        severity: 'error',
        title: 'Too many syntax errors to check',
        explanation:
          'The file has more than 1,000 YAML syntax errors (for example a long run of `]` or `,`), so it is not a scope anyone can read. Keeping every error would cost the editor gigabytes of memory and minutes of work, so parsing stops at the limit and the file is not checked. The diagnostic points at the first error.',
        remedy: 'Check that the right file is named `*.scope.yaml`; fix the first errors and the rest usually go with them.',
      },
      {
        code: 'input/timeout',
        severity: 'error',
        title: 'Check took too long',
        explanation:
          'The editor checks each file on a worker thread and stops a check that takes longer than 20 seconds, so one file can never freeze hover, completion or other files. The command-line linter does the same for every file (the bound is `SCOPE_CHECK_TIMEOUT_MS`), so one file cannot hold up a CI run. This file was stopped: it is very large, or it hit a slow path in a rule.',
        remedy: 'Split the file or move long prose out of it; if a normal-sized file gets this, report it with the file attached.',
      },
      {
        code: 'input/unreadable',
        severity: 'error',
        title: 'Path could not be read',
        explanation:
          'The command-line linter could not read this file or folder (permission denied, a FIFO or device instead of a regular file, a broken link). Whatever it holds is not checked, so the run fails with exit code 2 instead of reporting "no problems" for what it could read. Every format says so: an error on the path in stylish, json, github and markdown, a tool execution notification in SARIF.',
        remedy:
          'Give the CI user read access to the file or folder, replace the special file with a regular one, or leave the path out of the files you name.',
      },
      {
        code: 'input/check-failed',
        severity: 'error',
        title: 'Check failed',
        explanation:
          'The worker thread that checks files stopped while checking this one (for example, it ran out of its memory budget), or the check failed in an unexpected way. The language server and the command-line linter keep running: a fresh worker checks the next file, and every other file still gets its own result.',
        remedy:
          'The message gives the reason (in the editor, the "Scope YAML" output channel has the details); report it with the file attached.',
      },
    ],
  },
  {
    name: 'Suppressions',
    intro:
      'A risk can be accepted on purpose with `# scope-lint-disable-next-line <rule-id> -- <reason>` on the line before the finding, or `# scope-lint-disable <rule-id> -- <reason>` for the whole file. The reason is required, so the file records why. A reason can end in a waiver part, `(approved-by: <name>, until: YYYY-MM-DD)`, that records who accepted the risk and until when; the risk register lists both, and after that day the suppression hides nothing.',
    codes: [
      {
        code: 'suppression/missing-reason',
        severity: 'warning',
        title: 'Suppression without a reason',
        explanation:
          'The suppression comment has no reason after `--`, so it does not suppress anything: an accepted risk must say why it was accepted.',
        remedy: 'Add the reason: `# scope-lint-disable-next-line <rule-id> -- <why this risk is accepted>`.',
      },
      {
        code: 'suppression/invalid-waiver',
        severity: 'warning',
        title: 'Waiver approval or expiry cannot be read',
        explanation:
          'The reason ends in a waiver part (the parenthesis with `approved-by:` or `until:`) that is not of the form `(approved-by: <name>, until: YYYY-MM-DD)`: a misspelt key (`approved_by`, `approver`), a placeholder instead of a name (`TODO`, `<name>`), a date that is not a calendar day written YYYY-MM-DD (`2027-02-30`, `31/12/2027`, `Q3`), or the part written somewhere other than at the end. Lack of oversight: an expiry nobody can read would make the waiver last for ever, so the suppression hides nothing until the part is corrected.',
        remedy:
          'End the reason with `(approved-by: <name>, until: YYYY-MM-DD)`; either entry can be left out, but what is written must be in this form.',
      },
      {
        code: 'suppression/expired',
        severity: 'warning',
        title: 'Waiver expired',
        explanation:
          "The waiver's `until:` date has passed (it holds through that day), so the suppression no longer hides its findings: they are reported again, and this comment says who approved the waiver and when it expired. Lack of oversight: a risk accepted for a while must be decided again when the time is up, as ISO 31000 (6.6, monitoring and review) and the PMI *PMBOK Guide* (risk monitoring) ask of every accepted risk; a waiver that silently stays makes a temporary exception permanent.",
        remedy:
          'Fix the risk and remove the comment, or get the approver (or someone with the authority) to accept it again and write the new `until:` date.',
      },
      {
        code: 'suppression/unknown-rule',
        severity: 'warning',
        title: 'Suppression names an unknown rule',
        explanation: 'The suppression names no rule id, or an id that is not a risk rule (often a typo), so it suppresses nothing.',
        remedy: 'Use the rule id shown with the finding (hover it); the index of rule ids is in [README.md](README.md).',
      },
      {
        code: 'suppression/untrusted',
        severity: 'info',
        title: 'Suppression not applied in Restricted Mode',
        explanation:
          "The workspace is not trusted (VS Code's Restricted Mode), so the file's own suppression comments hide nothing: a repository you have not reviewed could otherwise accept its risks for you. The findings this comment would suppress are shown as hints that name the comment and its reason.",
        remedy:
          'Read the findings and the reason. If you trust the repository, trust the workspace ("Manage Workspace Trust"): the suppressions then apply, as in CI.',
      },
      {
        code: 'suppression/unused',
        severity: 'hint',
        title: 'Suppression that silences nothing',
        explanation:
          'No finding of the named rule is on the line the suppression applies to (or in the file), usually because the risk was fixed. It is shown faded.',
        remedy: 'Remove the comment, so that the file does not claim a risk was accepted when it no longer exists.',
      },
    ],
  },
  {
    name: 'Comparing two versions',
    intro:
      'Reported by `scope-lint compare <old> <new>` and `scope-lint compare --base <git-ref> <files>` on the new version of a scope, on the lines that changed. Hidden costs come in through changes: each higher price, later end or new deliverable should be accounted for by an approved change request in `changes:` (PMI *PMBOK Guide* §4.6 Perform Integrated Change Control; FAR 43.2 change orders). See [docs/changes.md](../changes.md).',
    codes: [
      {
        code: 'compare/scope-creep',
        severity: 'error',
        title: 'Change not accounted for by an approved change request',
        explanation:
          'Hidden costs: the price rose, the end date moved later or a deliverable was added, and no change request approved in this version accounts for it (its `cost_impact`, its `schedule_impact_days`, or a deliverable it names in `affects`). Scope that grows without a decision is how an outsourced project overruns: the vendor bills it later, or the schedule slips with nobody having agreed to it.',
        remedy:
          'Record the change in `changes:` with its cost and schedule impact, get it approved by someone listed in `governance.change_control.approval_by`, and set `status: approved`. The quick fix adds a proposed entry pre-filled with the measured impact for you to complete.',
      },
      {
        code: 'compare/target-loosened',
        severity: 'warning',
        title: 'Success measure loosened or removed',
        explanation:
          'Lack of expertise and oversight: a success measure now asks less of the vendor (a lower availability, a longer response time), was removed, or changed in a way whose direction cannot be read. Acceptance and payment hang on these targets, so loosening one quietly lowers what you are buying.',
        remedy:
          'Make sure the looser target was agreed and recorded as a change request; write targets with a comparator and a unit (`">= 99.9"`, `"< 4 h"`) so a change can be judged.',
      },
      {
        code: 'compare/protection-weakened',
        severity: 'error',
        title: 'Security protection weakened',
        explanation:
          'Security threats: this version removes or weakens a protection the previous one had: a signed NDA or data processing agreement (GDPR Art. 28), the breach-notification deadline (GDPR Art. 33), a vendor certification (ISO/IEC 27036), your approval of sub-processors, your audit rights, or the data classification that decides which protections the rules ask for.',
        remedy: 'Restore the protection, or record why it is no longer needed and who accepted the risk in the change log.',
      },
    ],
  },
  {
    name: 'Configuration',
    codes: [
      {
        code: 'config/invalid',
        severity: 'error',
        title: 'Invalid `.scope-lint.yaml`',
        explanation:
          "An entry in the repository's `.scope-lint.yaml` is not valid: an unknown rule id or setting, a wrong type, or YAML that does not parse. An invalid entry is ignored and the valid rest of the file still applies; a file that does not parse is ignored entirely, so the editor and CI fall back to the defaults.",
        remedy: 'Correct the entry the message points to; close matches are suggested ("Did you mean …?").',
      },
    ],
  },
] as const satisfies readonly CodeGroup[];

/** Every code the engine and the server emit besides rule ids. */
export type EngineCode = (typeof codeGroups)[number]['codes'][number]['code'];

export const engineCodes: readonly CodeInfo[] = codeGroups.flatMap((group): readonly CodeInfo[] => group.codes);

export const engineCodesById: ReadonlyMap<string, CodeInfo> = new Map(engineCodes.map((c) => [c.code, c]));

/** The group a code belongs to, for its docs page. */
export function groupOf(code: string): CodeGroup | undefined {
  return codeGroups.find((group) => group.codes.some((c) => c.code === code));
}
