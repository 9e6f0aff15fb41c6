// Realistic `.scope.yaml` files of a given length, the same for the same seed: the golden full
// example's fixed sections around generated deliverables, success measures, milestones, payments
// and prose, with the mistakes real scopes have (vague words, a subjective criterion, deliverables
// no measure covers, a TBD date), so both servers have findings to report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small fast PRNG (mulberry32): the same seed gives the same file on every machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface GeneratedScope {
  readonly text: string;
  readonly lines: number;
  /** The end of a deliverable title in the middle of the file: the benchmark types there. */
  readonly edit: Position;
  /** On the `acceptance_criteria` key of that deliverable. */
  readonly hover: Position;
  /** At the key column of that deliverable's `owner:` line: the key completions. */
  readonly completion: Position;
}

const nouns = [
  'billing API',
  'customer portal',
  'data warehouse',
  'identity provider',
  'reporting module',
  'search service',
  'mobile web app',
  'payment gateway',
  'audit log',
  'notification service',
  'content migration',
  'admin console',
  'integration layer',
  'test harness',
  'runbook',
];
const verbs = ['Build', 'Migrate', 'Integrate', 'Document', 'Harden', 'Replace', 'Automate', 'Extend', 'Load-test', 'Deliver'];
const qualifiers = [
  'for the EU region',
  'behind SSO',
  'with audit trail',
  'on staging',
  'in production',
  'for 3 business units',
  'with rollback',
];
const criteria = [
  (r: () => number) => `All ${10 + Math.floor(r() * 90)} test cases in Annex B pass on staging.`,
  (r: () => number) => `p95 response time below ${(0.5 + r() * 2).toFixed(1)} s at ${100 + Math.floor(r() * 900)} requests per second.`,
  () => 'Zero critical or high findings in an OWASP ZAP baseline scan.',
  (r: () => number) => `${90 + Math.floor(r() * 10)}% line coverage in the CI report on the main branch.`,
  () => '0 WCAG 2.1 AA errors reported by pa11y on the pages in Annex C.',
  (r: () => number) => `Our engineer restores the service from backup in under ${15 + Math.floor(r() * 45)} minutes (observed drill).`,
];
// What real scopes also contain: words the rules report.
const sloppyCriteria = ['The client is satisfied with the look and feel.', 'Performance is robust and user-friendly.'];
const descriptions = [
  'as described in Annex A, including data mapping and cut-over plan',
  'with monitoring, alerting and a handover session for our on-call team',
  'covering the journeys listed in Annex A; changes go through change control',
  'including documentation as appropriate and a two-day workshop',
  'against the staging API, with synthetic test data only',
];

function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)] as T;
}

function date(dayOfYear: number): string {
  const d = new Date(Date.UTC(2027, 0, 1) + Math.max(0, Math.min(363, dayOfYear)) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** The golden full example cut into its top-level sections, keyed by name, in file order. */
function sections(root: string): Map<string, string> {
  const text = readFileSync(join(root, 'test', 'fixtures', 'golden', 'full.scope.yaml'), 'utf8');
  const found = new Map<string, string>();
  let name = '';
  let body: string[] = [];
  for (const line of text.split('\n')) {
    const key = /^([a-z_]+):/.exec(line);
    if (key) {
      if (name) found.set(name, body.join('\n').trimEnd());
      name = key[1] as string;
      body = [line];
    } else if (name) body.push(line);
  }
  if (name) found.set(name, body.join('\n').trimEnd());
  return found;
}

function build(root: string, seed: number, units: number, compact: boolean): GeneratedScope {
  const r = random(seed);
  const full = sections(root);
  const deliverables: string[] = [];
  const measures: string[] = [];
  const milestones: string[] = [];
  const assumptions: string[] = [];
  const milestoneCount = Math.max(2, Math.ceil(units / 3));
  for (let i = 1; i <= units; i++) {
    const noun = pick(r, nouns);
    const lines = [
      `  - id: D${i}`,
      `    title: ${pick(r, verbs)} the ${noun} ${pick(r, qualifiers)} (${i})`,
      `    description: ${noun[0]?.toUpperCase()}${noun.slice(1)} ${pick(r, descriptions)}.`,
      '    acceptance_criteria:',
    ];
    const count = 1 + Math.floor(r() * 3);
    for (let c = 0; c < count; c++) lines.push(`      - ${r() < 0.06 ? pick(r, sloppyCriteria) : pick(r, criteria)(r)}`);
    lines.push(`    due: ${r() < 0.02 ? 'TBD' : date(40 + Math.floor((i / units) * 250))}`, '    owner: vendor');
    deliverables.push(lines.join('\n'));
    // Most deliverables have a measure; about one in five has none (a finding with a fix).
    if (i === 1 || r() < 0.8) {
      const m = measures.length + 1;
      // A unit written into the target: the rules move it into `unit` (a fix that fix all applies).
      if (i === 1 || r() < 0.1)
        measures.push(
          `  - { id: SM${m}, metric: p95 response time of the ${noun} (${i}), target: "< ${1 + Math.floor(r() * 4)} s", measured_by: APM report (monthly), deliverables: [D${i}] }`,
        );
      else if (r() < 0.5)
        measures.push(
          `  - { id: SM${m}, metric: Defects found in ${noun} ${i}, target: "< ${1 + Math.floor(r() * 9)}", unit: defects/month, measured_by: Jira report (monthly), deliverables: [D${i}] }`,
        );
      else
        measures.push(
          [
            `  - id: SM${m}`,
            `    metric: Availability of the ${noun} (${i})`,
            `    target: ">= ${(99 + r()).toFixed(1)}"`,
            '    unit: "%"',
            `    by: ${date(300)}`,
            '    measured_by: Uptime report from the monitoring service, monthly',
            `    deliverables: [D${i}]`,
          ].join('\n'),
        );
    }
    if (r() < 0.25)
      assumptions.push(
        `  - The ${pick(r, nouns)} is available by ${date(30 + Math.floor(r() * 200))}; each week of delay moves D${i} by one week.`,
      );
  }
  for (let m = 1; m <= milestoneCount; m++) {
    const first = Math.floor(((m - 1) * units) / milestoneCount) + 1;
    const last = Math.floor((m * units) / milestoneCount);
    const ids = [];
    for (let i = first; i <= last; i++) ids.push(`D${i}`);
    milestones.push(
      `    - { id: M${m}, name: Deliverables ${first}-${last} accepted, date: ${date(60 + Math.floor((m / milestoneCount) * 250))}, deliverables: [${ids.join(', ')}] }`,
    );
  }
  // Payments on at most 10 milestones, in whole percent that sum to 100, the last one largest.
  const paid = Math.min(10, milestoneCount);
  const payments: string[] = [];
  let left = 100;
  for (let p = 1; p <= paid; p++) {
    const milestone = Math.round((p * milestoneCount) / paid);
    const percent = p === paid ? left : Math.floor(100 / paid);
    left -= percent;
    payments.push(`    - { milestone: M${milestone}, percent: ${percent} }`);
  }
  const budget = [
    'budget:',
    '  currency: EUR',
    '  pricing_model: fixed_price',
    `  total: ${(40 + units * 12) * 1000}`,
    '  contingency_percent: 15',
    '  payment_terms: net 30 from accepted invoice',
    '  payments:',
    ...payments,
  ].join('\n');
  const timeline = ['timeline:', `  start: ${date(40)}`, `  end: ${date(330)}`, '  milestones:', ...milestones].join('\n');
  const parts = compact
    ? [
        'scope_version: 1',
        [
          'project:',
          '  name: Customer self-service portal rebuild',
          '  objective: Cut billing-related support tickets from 1,200 to under 600 per month by 2027-10-31.',
          '  owner: Sam Patel (Engineering Manager, Billing)',
        ].join('\n'),
        ['vendor:', '  name: Northwind Software Lda', '  nda: { signed: true, date: 2027-01-12 }'].join('\n'),
        [
          'security:',
          '  data_classification: internal',
          '  personal_data: false',
          '  protections: [SSO with MFA for all vendor staff]',
        ].join('\n'),
        `deliverables:\n${deliverables.join('\n')}`,
        `success_measures:\n${measures.join('\n')}`,
        budget,
        timeline,
        ['governance:', '  check_in_cadence: weekly'].join('\n'),
      ]
    : [
        'scope_version: 1',
        full.get('project'),
        full.get('vendor'),
        full.get('security'),
        `deliverables:\n${deliverables.join('\n')}`,
        `success_measures:\n${measures.join('\n')}`,
        budget,
        timeline,
        full.get('acceptance'),
        full.get('governance'),
        full.get('out_of_scope'),
        `${full.get('assumptions')}${assumptions.length ? `\n${assumptions.join('\n')}` : ''}`,
        full.get('ip'),
        full.get('exit'),
      ];
  const text = `${parts.join('\n\n')}\n`;
  const all = text.split('\n');
  const middle = `  - id: D${Math.ceil(units / 2)}`;
  const start = all.indexOf(middle);
  const find = (prefix: string): number => {
    for (let i = start; i < all.length; i++) if (all[i]?.startsWith(prefix)) return i;
    throw new Error(`generated file: no ${prefix} after ${middle}`);
  };
  const title = find('    title:');
  return {
    text,
    lines: all.length - 1,
    edit: { line: title, character: all[title]?.length ?? 0 },
    hover: { line: find('    acceptance_criteria:'), character: 6 },
    completion: { line: find('    owner:'), character: 4 },
  };
}

/** A scope of about `targetLines` lines (the closest the generator gets), the same for the same seed. */
export function generateScope(root: string, targetLines: number, seed = 15): GeneratedScope {
  const compact = targetLines < 200;
  const one = build(root, seed, 1, compact);
  let units = 20;
  let result = build(root, seed, units, compact);
  for (let round = 0; round < 3; round++) {
    if (units < 2) break;
    const perUnit = Math.max(5, (result.lines - one.lines) / (units - 1));
    units = Math.max(1, Math.round(1 + (targetLines - one.lines) / perUnit));
    result = build(root, seed, units, compact);
  }
  const estimate = units;
  let best = one;
  for (let units = Math.max(1, estimate - 3); units <= estimate + 3; units++) {
    const result = build(root, seed, units, compact);
    if (Math.abs(result.lines - targetLines) < Math.abs(best.lines - targetLines)) best = result;
  }
  return best;
}
