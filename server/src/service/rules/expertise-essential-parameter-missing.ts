// expertise-essential-parameter-missing: Essential parameter missing.
// One finding per absent essential element (objective, deliverables, success measures, total,
// start, end), each with a fix that inserts the skeleton of what is missing.
import { isAbsent, isMappingOrAbsent, nextFreeId, setKeyOp, valueAt } from '../model';
import type { Finding, Fix, Path, Rule } from '../types';
import { sources } from '../sources';

interface Parameter {
  readonly path: Path;
  readonly message: string;
}

const parameters: readonly Parameter[] = [
  { path: ['project', 'objective'], message: 'The project has no objective (`project.objective`).' },
  { path: ['deliverables'], message: 'The scope lists no deliverables (`deliverables`).' },
  { path: ['success_measures'], message: 'The scope has no success measures (`success_measures`).' },
  { path: ['budget', 'total'], message: 'The budget has no total price (`budget.total`).' },
  { path: ['timeline', 'start'], message: 'The timeline has no start date (`timeline.start`).' },
  { path: ['timeline', 'end'], message: 'The timeline has no end date (`timeline.end`).' },
];

export const rule: Rule = {
  id: 'expertise-essential-parameter-missing',
  category: 'expertise',
  severity: 'error',
  fixes: ['display-only'],
  title: 'Essential parameter missing',
  explanation: `The scope is missing one of its essential parameters. Your leadership will not have time to supervise an outsourced project day to day, so without a complete written scope there is no oversight: it has to carry the deliverables, measures of success and essential parameters (budget, timeline, objectives). These are the minimum elements of a PMBOK project scope statement and charter, of a US federal statement of objectives (FAR 37.602(c): purpose, scope, period of performance, performance objectives) and of a GOV.UK Digital Outcomes statement of work (the work, how long it takes, the people, the payment approach, the cost).`,
  areas: ['expertise'],
  remedy:
    'Add the missing essential parameter: the objective, the deliverables, the success measures, the budget total, or the start and end of the timeline. The quick fix inserts an empty skeleton for the missing section.',
  sources: [sources.pmbokScope, sources.far37602, sources.govukDos],
  check(doc) {
    const root = doc.value;
    const findings: Finding[] = [];
    for (const parameter of parameters) {
      const parent = parameter.path.slice(0, -1);
      // Under a section of the wrong type (`timeline: soon`) the schema names the real problem.
      if (!isMappingOrAbsent(root, parent)) continue;
      const value = valueAt(root, parameter.path);
      if (!isAbsent(value)) continue;
      const fix = skeleton(root, parameter.path, value);
      findings.push({
        ruleId: 'expertise-essential-parameter-missing',
        path: parameter.path,
        message: parameter.message,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
    return findings;
  },
};

/** The fix for one missing parameter; undefined when the key is there and only its value is empty. */
function skeleton(root: unknown, path: Path, value: unknown): Fix | undefined {
  const [section, key] = path;
  if (section === 'deliverables') {
    const id = nextFreeId(root, 'D');
    const item = [
      `id: ${id}`,
      'title: ""',
      'acceptance_criteria:',
      '  - "TODO: observable, testable condition, e.g. all N test cases in Annex B pass"',
      'due: null',
    ];
    return fix(`Add deliverable \`${id}\``, setKeyOp(root, [], 'deliverables', sequenceOf(item)));
  }
  if (section === 'success_measures') {
    const id = nextFreeId(root, 'SM');
    const item = [`id: ${id}`, 'metric: ""', 'target: null', 'unit: ""', 'measured_by: ""', 'deliverables: []'];
    return fix(`Add success measure \`${id}\``, setKeyOp(root, [], 'success_measures', sequenceOf(item)));
  }
  // With the whole timeline missing, one skeleton answers both the start and the end finding.
  if (section === 'timeline' && isAbsent(valueAt(root, ['timeline']))) {
    return fix('Add `timeline` with start, end and milestones', setKeyOp(root, [], 'timeline', 'start: null\nend: null\nmilestones: []'));
  }
  // A key that is there but empty (`total:`) shows the user where to type; nothing to insert.
  if (section === undefined || typeof key !== 'string' || value !== undefined) return undefined;
  return fix(`Add \`${path.join('.')}\``, setKeyOp(root, [section], key, 'null'));
}

/** A one-item block sequence from the item's lines. */
function sequenceOf(lines: readonly string[]): string {
  return lines.map((line, i) => (i === 0 ? `- ${line}` : `  ${line}`)).join('\n');
}

function fix(title: string, op: Fix['ops'][number]): Fix {
  // Placeholders, not facts: the finding stays until a person fills them in.
  return { title, ops: [op], preferred: true, applicability: 'display-only' };
}
