// Whole sections missing: on a new file most risk rules have nothing to read, and each would say
// so on the first line (20 findings, a 17,000-character hover). When more than a few findings are
// only about sections that are not written at all, they are reported as one finding that names
// the sections and every rule id it stands for, with one fix that adds the sections in the
// format's order, each with the keys it needs (the New Scope File template's skeleton).
import type { ScopeDocument } from './document';
import { propertiesAt } from './schemaNav';
import type { Finding, Fix, FixOp, Severity } from './types';

export const missingSectionsCode = 'scope/missing-sections';

/**
 * More findings than this about missing sections are folded into one: up to this many on the
 * first line stay as they are (a file missing only `out_of_scope` keeps its own finding and fix).
 */
export const maxUnfoldedSectionFindings = 3;

/**
 * The sections every scope needs and their skeletons: the same placeholders as the New Scope File
 * template (templates/new.scope.yaml), so whatever is left unfilled stays a visible finding.
 */
export const sectionSkeletons: Readonly<Record<string, string>> = {
  project: [
    'name: TODO project name',
    'objective: TODO one measurable sentence with a number and a date',
    'owner: TODO the one internal owner who deals with the vendor day to day',
  ].join('\n'),
  vendor: [
    'name: TODO vendor name',
    'nda: { signed: false, date: null }',
    'references:',
    '  - { company: TODO, contact: TODO, contacted: null }',
  ].join('\n'),
  security: [
    'data_classification: confidential',
    'personal_data: true # set to false only if the vendor never handles personal data',
    'protections: [TODO]',
  ].join('\n'),
  deliverables: [
    '- id: D1',
    '  title: TODO what is delivered',
    '  acceptance_criteria:',
    '    - TODO an observable, testable condition',
    '  due: null',
  ].join('\n'),
  success_measures: '- { id: SM1, metric: TODO, target: TODO, unit: TODO, measured_by: TODO, deliverables: [D1] }',
  budget: [
    'currency: USD',
    'pricing_model: fixed_price',
    'total: TODO',
    'contingency_percent: 10',
    'payments:',
    '  - { milestone: M1, percent: 100 }',
  ].join('\n'),
  timeline: ['start: null', 'end: null', 'milestones:', '  - { id: M1, name: TODO, date: null, deliverables: [D1] }'].join('\n'),
  governance: [
    'check_in_cadence: weekly',
    'change_control: { process: Written change request stating price and date impact; no work before approval, approval_by: [TODO] }',
  ].join('\n'),
  out_of_scope: '[TODO]',
};

/** The sections of `sectionSkeletons` in the format's order (the schema's order of top-level keys). */
export const neededSections: readonly string[] = propertiesAt([])
  .map(([key]) => key)
  .filter((key) => key in sectionSkeletons);

/** The needed sections this document does not have at all, in the format's order. */
export function absentSections(doc: ScopeDocument): string[] {
  return neededSections.filter((section) => !doc.has([section]));
}

/** The section a finding is only about, when that section is not written at all. */
export function absentSectionOf(doc: ScopeDocument, finding: Finding): string | undefined {
  const top = finding.path[0];
  return typeof top === 'string' && top in sectionSkeletons && !doc.has([top]) ? top : undefined;
}

/** The one fix: every absent section, in the format's order, each at its place among the others. */
export function addSectionsFix(sections: readonly string[]): Fix {
  const ops: FixOp[] = sections.map((section) => ({ op: 'insert', parent: [], key: section, value: sectionSkeletons[section] ?? 'null' }));
  return {
    title:
      sections.length === 1
        ? `Add the \`${sections[0] ?? ''}\` section to fill in`
        : `Add the ${sections.length} missing sections to fill in`,
    ops,
    preferred: true,
    // Scaffolding: every TODO and null is for a person to fill in.
    applicability: 'display-only',
  };
}

export interface Folded {
  readonly ruleId: string;
  readonly severity: Severity;
}

const severityRank: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1, hint: 0 };

/** The one finding that stands for the folded ones; its severity is the highest of theirs. */
export function missingSectionsFinding(doc: ScopeDocument, folded: readonly Folded[]): { finding: Finding; severity: Severity } {
  const sections = absentSections(doc);
  const ids = [...new Set(folded.map((f) => f.ruleId))];
  const severity = folded.reduce<Severity>((worst, f) => (severityRank[f.severity] > severityRank[worst] ? f.severity : worst), 'hint');
  const count = sections.length === 1 ? 'A needed section is missing' : `${sections.length} needed sections are missing`;
  const message = `${count}: ${sections.join(', ')}. ${ids.length === 1 ? 'It stands for the check' : `It stands for ${ids.length} checks`}: ${ids.join(', ')}.`;
  return { finding: { ruleId: missingSectionsCode, path: [], message, fixes: [addSectionsFix(sections)] }, severity };
}

/** The finding as code actions find it again (its fix depends only on the document). */
export function missingSectionsLookup(doc: ScopeDocument): Finding[] {
  const sections = absentSections(doc);
  return sections.length === 0 ? [] : [{ ruleId: missingSectionsCode, path: [], message: '', fixes: [addSectionsFix(sections)] }];
}
