// How the rules read what people really write: units inside targets, cadences in words, inflected
// opinion words, digits that are names rather than quantities, and the wording of messages.
// Each case asserts the message and range a user sees, and the text after a fix.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseConfig } from '../../server/src/config';
import { hasQuantity, readTarget } from '../../server/src/service/quantities';
import { fromClientSettings } from '../../server/src/settings';
import { afterFix, analyzeText, diagnosticsOf, factsOf, lineOf, onlyDiagnostic, severityName } from '../support/analyze';
import { fullWith } from '../support/ruleCheck';

/** [line, first character, last character, underlined text] of a diagnostic. */
function where(d: Diagnostic, text: string): [number, number, number, string] {
  const line = text.split('\n')[d.range.start.line] ?? '';
  return [d.range.start.line, d.range.start.character, d.range.end.character, line.slice(d.range.start.character, d.range.end.character)];
}

// ---- quantities ------------------------------------------------------------------------------

describe('hasQuantity: real quantities, not digits in names', () => {
  it('finds numbers with units, counts, percentages, dates and deadlines', () => {
    for (const text of [
      'cut tickets from 1,200 to under 600 per month by 2027-10-31',
      'Live by Q3 2027',
      'Done within two weeks of kickoff',
      'by 2027',
      '99.9% uptime',
      'p95 under 2.0 s',
      'Live by the end of March',
      'Under 600 tickets per month',
      'Move all 140 pages',
      'All 42 test cases in Annex B pass',
      'Completed by at least 4 of 5 test users',
      'A budget of EUR 40,000',
      'respond in 4h',
      'Launch by June 2027',
      'an SLA of 4 hours',
    ]) {
      assert.equal(hasQuantity(text), true, text);
    }
  });

  it('does not count product names, standards, versions, tiers or round-the-clock hours', () => {
    for (const text of [
      'Migrate the ledger to SAP S/4HANA',
      'An ISO 27001 certified vendor',
      '24x7 support',
      '24/7 support',
      'Upgrade to Windows 11 laptops',
      'WCAG 2.1 AA compliant pages',
      'Tier 1 support desk',
      'Phase 2 rollout',
      'GDPR Art. 28 terms',
      'Run on Python 3.12',
      'AES-256 encryption',
      'TLS 1.2+ everywhere',
      'Upgrade from Angular 15 to 17',
      'Move from PHP 7.4 to 8.3',
      'Upgrade SQL Server 2016 to 2022',
      'from version 2 to 3',
      'Windows 11 24H2 and 23H2 images',
      'Replace 4G routers with 5G',
      'Move Oracle 19C to PostgreSQL 16',
      'Java 21 GA',
      'Data migrated to MySQL 8.0 as agreed',
      'Support iOS 17 users',
      'Target ES2022 over HTTP/2',
      'Go live on S/4HANA 2023',
    ]) {
      assert.equal(hasQuantity(text), false, text);
    }
  });

  it('does not count a bare count of the scope as a target', () => {
    for (const text of ['Launch a loyalty app for our 3 store brands', 'Train 12 agents', 'Serve our 2 regions']) {
      assert.equal(hasQuantity(text), false, text);
    }
  });

  it('reads durations written as one word, and halves and quarters only when they stand alone', () => {
    for (const text of ['within the 2-hour batch window', 'a 30-day hypercare', 'a 5-business-day review', 'in H2 2027', 'by Q3']) {
      assert.equal(hasQuantity(text, { counts: 'none' }), true, text);
    }
  });

  it("counts what a test counts, not the scope's own things, when asked for tested counts", () => {
    for (const text of ['All 42 test cases pass', '0 high-risk alerts', 'all 48,000 records reconcile', '12 tickets per week']) {
      assert.equal(hasQuantity(text, { counts: 'tested' }), true, text);
    }
    for (const text of ['Stakeholders are happy with the 5 reports', 'at our 3 German sites', 'the 12 dashboards', 'the 20 pilot users']) {
      assert.equal(hasQuantity(text, { counts: 'tested' }), false, text);
      assert.equal(hasQuantity(text), true, text);
    }
    assert.equal(hasQuantity('0 defects', { counts: 'none' }), false);
  });
});

describe('readTarget', () => {
  it('reads the comparator, the number and the unit a person writes into a target', () => {
    assert.deepEqual(readTarget('< 5 min'), { comparator: '<', number: '5', unit: 'min', measured: '' });
    assert.deepEqual(readTarget('4h'), { comparator: '', number: '4', unit: 'h', measured: '' });
    assert.deepEqual(readTarget('<300ms'), { comparator: '<', number: '300', unit: 'ms', measured: '' });
    assert.deepEqual(readTarget('4 hours'), { comparator: '', number: '4', unit: 'hours', measured: '' });
    assert.deepEqual(readTarget('99.9% uptime'), { comparator: '', number: '99.9', unit: '%', measured: 'uptime' });
    assert.deepEqual(readTarget('>= 600 tickets/month'), { comparator: '>=', number: '600', unit: 'tickets/month', measured: '' });
  });

  it('refuses estimates, ranges and words', () => {
    for (const text of ['5 or so', 'fast', '40-50', 'approx 5', 'about 5 min', '1,2345 ms'])
      assert.equal(readTarget(text), undefined, text);
  });
});

describe('expertise-measure-not-quantified: a target that carries its unit', () => {
  const base = '    target: "< 600"\n    unit: tickets/month\n';

  for (const [target, unit, newTarget, newUnit] of [
    ['"< 5 min"', 'min', '"< 5"', 'min'],
    ['4h', 'h', '4', 'h'],
    ['"<300ms"', 'ms', '"< 300"', 'ms'],
    ['"4 hours"', 'hours', '4', 'hours'],
    ['"99.9% uptime"', '% uptime', '99.9', '"% uptime"'],
  ] as const) {
    it(`accepts ${target} as measurable and offers to move "${unit}" into unit (warning)`, () => {
      const text = fullWith([base, `    target: ${target}\n`]);
      const d = onlyDiagnostic('expertise-measure-not-quantified', text);
      assert.equal(d.severity, 2);
      assert.equal(
        d.message,
        `Success measure \`SM1\` has its unit inside the target ("${JSON.parse(target.startsWith('"') ? target : `"${target}"`) as string}"): move "${unit}" into \`unit\`.`,
      );
      assert.deepEqual(where(d, text), [lineOf(text, `target: ${target}`), 12, 12 + target.length, target]);
      const fixed = afterFix(d, text, `Move "${unit}" into \`unit\``);
      // The target keeps its place; the unit goes right after it, where the format puts it.
      assert.ok(fixed.includes(`    target: ${newTarget}\n    unit: ${newUnit}\n    baseline: 1200\n`), fixed);
      assert.ok(fixed.includes(`    deliverables: [D3]\n  - id: SM2`), fixed);
      assert.deepEqual(diagnosticsOf('expertise-measure-not-quantified', fixed), []);
    });
  }

  it('drops a repeated unit, and says so when the two units disagree', () => {
    const repeated = fullWith(['    target: "< 600"\n', '    target: "< 600 tickets/month"\n']);
    const d = onlyDiagnostic('expertise-measure-not-quantified', repeated);
    assert.equal(
      d.message,
      'Success measure `SM1` repeats its unit in the target ("< 600 tickets/month"); `unit` already says "tickets/month".',
    );
    assert.ok(afterFix(d, repeated, 'Remove "tickets/month" from the target').includes('    target: "< 600"\n    unit: tickets/month\n'));

    const minutes = fullWith([base, '    target: "< 5 minutes"\n    unit: min\n']);
    assert.equal(
      onlyDiagnostic('expertise-measure-not-quantified', minutes).message,
      'Success measure `SM1` repeats its unit in the target ("< 5 minutes"); `unit` already says "min".',
    );

    const clash = fullWith([base, '    target: "< 5 min"\n    unit: tickets/month\n']);
    const c = onlyDiagnostic('expertise-measure-not-quantified', clash);
    assert.equal(c.message, 'Success measure `SM1` has two units: the target says "min" but `unit` says "tickets/month".');
    assert.equal(c.severity, 2);
  });

  it('still reports an estimate or a word as not measurable (error)', () => {
    const text = fullWith([base, '    target: "5 or so"\n']);
    const d = onlyDiagnostic('expertise-measure-not-quantified', text);
    assert.equal(d.severity, 1);
    assert.equal(
      d.message,
      'Success measure `SM1` has no measurable target: "5 or so" is neither a number nor a comparator with a number such as "< 600".',
    );
  });
});

// ---- cadences --------------------------------------------------------------------------------

describe('governance-cadence-too-infrequent: cadences a person writes', () => {
  const id = 'governance-cadence-too-infrequent';
  const cadence = (value: string): string => fullWith(['  check_in_cadence: weekly', `  check_in_cadence: ${value}`]);

  it('reads "bi-weekly", "every two weeks", "2x per week", "daily stand-up" and "weekly (Tuesdays)" within the limit', () => {
    for (const value of [
      'bi-weekly',
      'every two weeks',
      'every 2 weeks',
      '2x per week',
      'twice a week',
      'daily stand-up',
      'weekly (Tuesdays)',
      'every other week',
      'fortnightly call on Mondays',
    ]) {
      const text = cadence(value);
      // Neither the rule nor the schema objects to the line.
      const line = lineOf(text, 'check_in_cadence:');
      assert.deepEqual(
        analyzeText(text)
          .diagnostics.filter((d) => d.range.start.line === line)
          .map((d) => d.message),
        [],
        value,
      );
    }
  });

  it('says how a written cadence was read when it is too slow, with the bi-weekly caveat', () => {
    const text = cadence('every 3 weeks');
    const d = onlyDiagnostic(id, text);
    assert.equal(d.message, 'Check-ins "every 3 weeks" are read as every 21 days; the limit is 14 days.');
    assert.deepEqual(where(d, text), [lineOf(text, 'check_in_cadence:'), 20, 33, 'every 3 weeks']);

    const biweekly = onlyDiagnostic(id, cadence('bi-weekly'), { thresholds: { maxCheckInDays: 10 } });
    assert.equal(biweekly.message, 'Check-ins "bi-weekly" are read as every 14 days; the limit is 10 days.');

    // Two cadences in one value: the slower one is the risk.
    assert.equal(
      onlyDiagnostic(id, cadence('weekly or monthly')).message,
      'Check-ins "weekly or monthly" are read as every 30 days; the limit is 14 days.',
    );
  });

  it('says it cannot read a cadence it cannot read, never "too infrequent"', () => {
    const text = cadence('per sprint');
    assert.equal(
      onlyDiagnostic(id, text).message,
      'The check-in cadence "per sprint" cannot be read as a number of days; the limit is 14 days.',
    );
  });
});

// ---- opinion words and SMART objectives --------------------------------------------------------

/** A sign-off, an approval or an agreement names how acceptance happens; on its own it is reported as the only criterion. */
const processWords = new Set(['accepted by', 'signs off', 'Approved by', 'agreed with', 'Sign-off']);

function opinionMessage(phrase: string): string {
  return processWords.has(phrase)
    ? `Acceptance of \`D1\` rests on "${phrase}" alone: the criterion names no test, document or check to pass first.`
    : `Acceptance of \`D1\` depends on opinion: "${phrase}", with no number to test against.`;
}

describe('expertise-acceptance-criteria-subjective: inflections and paraphrases of opinion', () => {
  const id = 'expertise-acceptance-criteria-subjective';
  const first = '      - Prototype covers all 5 journeys listed in Annex A.';
  const withCriterion = (criterion: string): string => fullWith([first, `      - ${criterion}`]);

  for (const [criterion, phrase] of [
    ['Sales leadership is happy with the layout', 'happy'],
    ['Client is satisfied that consent is handled properly', 'satisfied'],
    ['Dashboards are accepted by the CRO', 'accepted by'],
    ['Finance team signs off the migration', 'signs off'],
    ['Pipelines work correctly', 'correctly'],
    ['App is fully functional with no major bugs', 'fully functional'],
    ['Shop runs on the new platform with no major issues', 'runs on'],
    ['Developers are able to support the team from week one', 'able to support'],
    ['Intranet works on PHP 8.3', 'works on'],
    ['Approved by the Head of Finance', 'Approved by'],
  ] as const) {
    it(`reports "${criterion}" on the criterion, naming "${phrase}"`, () => {
      const text = withCriterion(criterion);
      const d = onlyDiagnostic(id, text);
      assert.equal(d.message, opinionMessage(phrase));
      assert.deepEqual(where(d, text), [lineOf(text, criterion), 8, 8 + criterion.length, criterion]);
    });
  }

  it('accepts a criterion with a real quantity, and is not fooled by words that only look alike', () => {
    for (const criterion of [
      'Signed off after all 42 test cases in Annex B pass',
      'No critical bugs escape to production',
      'The design offers a retry button',
      'Improvements betterment',
      'Accepted defects are listed in the release notes',
    ]) {
      assert.deepEqual(diagnosticsOf(id, withCriterion(criterion)), [], criterion);
    }
  });
});

describe('expertise-objective-not-smart: digits in names are not targets', () => {
  const id = 'expertise-objective-not-smart';
  const objective = (text: string): string =>
    fullWith([
      '  objective: >-\n    Replace the legacy customer portal so customers can update billing details\n    and download invoices themselves, cutting billing-related support tickets\n    from 1,200 to under 600 per month by 2027-10-31.\n',
      `  objective: ${text}\n`,
    ]);

  for (const [text, names] of [
    ['Migrate the ledger to SAP S/4HANA.', '"SAP S/4HANA" is a name or a count'],
    ['Replace MPLS with Fortinet SD-WAN (FortiOS 7.4) at all branches.', '"FortiOS 7.4" is a name or a count'],
    ['Keep the shop online 24x7 with an ISO 27001 certified host.', '"24x7", "ISO 27001" are names or counts'],
    ['Launch a loyalty app for our 3 store brands.', '"3" is a name or a count'],
    // An upgrade path's "to" is no bound: the second number is a version like the first.
    ['Upgrade the booking site from PHP 7.4 to 8.3.', '"PHP 7.4", "8.3" are names or counts'],
    ['Move SQL Server 2016 to 2022 and Windows 10 to 11.', '"Server 2016", "2022", "Windows 10" are names or counts'],
    ['Roll out Windows 11 24H2 to every laptop.', '"Windows 11 24H2" is a name or a count'],
    ['Upgrade to PostgreSQL 16 and Java 21 GA.', '"PostgreSQL 16", "Java 21" are names or counts'],
    ['Replace the 4G routers in all 40 stores with 5G.', '"4G", "40", "5G" are names or counts'],
    ['Support iOS 17 and Android 14 in the field app.', '"iOS 17", "Android 14" are names or counts'],
    // A count after "to", "at" or "of" names where the work goes or what it covers, not a target.
    ['Deploy the portal to 3 regions.', '"3" is a name or a count'],
    ['Replace the Wi-Fi at 14 stores.', '"14" is a name or a count'],
    ['Take over monitoring of 1,800 endpoints.', '"1,800" is a name or a count'],
    ['Roll out Teams Phone to 1,200 employees in 2 waves.', '"1,200", "2" are names or counts'],
  ] as const) {
    it(`reports "${text}"`, () => {
      const doc = objective(text);
      const d = onlyDiagnostic(id, doc);
      assert.equal(d.message, `The objective has no target and no date: ${names}, not how much or by when.`);
      assert.deepEqual(where(d, doc), [lineOf(doc, '  objective:'), 13, 13 + text.length, text]);
    });
  }

  // The price is a constraint on the work, not a result: only a rate, a starting point or a change makes money a target.
  for (const text of [
    'Rebuild the shop on Shopify Plus for the agreed fixed price of EUR 180,000.',
    'Build the booking app for $40,000.',
  ]) {
    it(`reports "${text}", naming the price`, () => {
      const doc = objective(text);
      const d = onlyDiagnostic(id, doc);
      const price = text.includes('EUR') ? '"EUR 180,000"' : '"$40,000"';
      assert.equal(d.message, `The objective has no target and no date: ${price} is the price, not a result to reach or by when.`);
      assert.deepEqual(where(d, doc), [lineOf(doc, '  objective:'), 13, 13 + text.length, text]);
    });
  }

  for (const [text, names] of [['Deliver the portal for 180,000 EUR and 2 languages.', '"180,000", "2" are names or counts']] as const) {
    it(`reports "${text}"`, () => {
      const doc = objective(text);
      const d = onlyDiagnostic(id, doc);
      assert.equal(d.message, `The objective has no target and no date: ${names}, not how much or by when.`);
      assert.deepEqual(where(d, doc), [lineOf(doc, '  objective:'), 13, 13 + text.length, text]);
    });
  }

  it('accepts a target, a percentage, a deadline or a quarter', () => {
    for (const text of [
      'Move to S/4HANA by 2027-06-30.',
      'Cut month-end close from 8 to 4 working days on Business Central 2024 wave 2.',
      'Keep the shop 99.9% available.',
      'Live on Windows 11 in Q3 2027.',
      'Move from PHP 7.4 to 8.3 by 2027-09-30.',
      'Cut month-end close from 8 to 4 working days.',
      'Reduce open tickets from 1,200 to 600.',
      'Upgrade from Angular 12 to 17 with a 30-day hypercare.',
      // A change that leads to the count makes it a target; a season or part of a year makes a year a date.
      'Grow app members to 50,000 members.',
      'Reduce open defects to 20.',
      'Bring the backlog down to 200 tickets.',
      'Keep availability at 99.95.',
      'Support up to 5,000 users on the new platform.',
      'Deploy the portal to 3 regions by 2027-09-30.',
      'Deploy the portal to 3 regions per year.',
      'Go live on Business Central by summer 2027.',
      'Move the warehouse system to AWS in early 2028.',
      'Launch the new shop before Black Friday 2027.',
      'Go live in time for Christmas 2027.',
      'Save EUR 200k a year in licence fees.',
      'Cut licence costs by GBP 50,000.',
      'Cancel the Oracle licence (212,000 GBP a year).',
      'Bring monthly run cost from 61,000 EUR to 38,000 EUR.',
    ]) {
      assert.deepEqual(diagnosticsOf(id, objective(text)), [], text);
    }
  });
});

// ---- change control ----------------------------------------------------------------------------

describe('cost-change-control-incomplete: cost and schedule in the words people use', () => {
  const id = 'cost-change-control-incomplete';
  const process = (text: string): string =>
    fullWith([
      '    process: Written change request with cost, schedule and risk impact; no work starts before written approval.',
      `    process: ${text}`,
    ]);

  it('reads quotes, rates, estimates and the contract value as cost, and dates, sprints and plans as schedule', () => {
    for (const text of [
      'Extra pages are quoted at 280 GBP per page with a new report date, agreed in writing first.',
      'Changes are billed at 95 USD per hour and scheduled into the next sprint.',
      'A change request states the extra days, its impact on the contract value and on the milestone dates.',
      'Change requests carry a fixed quote and revised milestone dates; nothing starts until approved in writing.',
      'Additional test scope is estimated in hours and added to the next release plan.',
      'Every change states its time and cost impact.',
    ]) {
      assert.deepEqual(diagnosticsOf(id, process(text)), [], text);
    }
  });

  it('does not take "at any time" for a schedule impact', () => {
    const text = process('Either party may raise a change request at any time; each carries a written quote.');
    const d = onlyDiagnostic(id, text);
    assert.equal(d.message, 'The change process does not ask for a schedule impact: it names no schedule, date, milestone or plan.');
    assert.deepEqual(where(d, text).slice(0, 2), [lineOf(text, 'at any time'), 13]);
  });

  it('names what is missing when only the cost is left out', () => {
    const d = onlyDiagnostic(id, process('Changes are scheduled into the next sprint once agreed.'));
    assert.equal(d.message, 'The change process does not ask for a cost impact: it names no cost, price, quote, rate or estimate.');
  });
});

// ---- vague terms -------------------------------------------------------------------------------

describe('cost-vague-language on careful writing', () => {
  const id = 'cost-vague-language';
  const title = (text: string): string => fullWith(['    title: Beta portal on staging', `    title: ${text}`]);
  const exclusion = (text: string): string => fullWith(['  - Changes to the SAP billing back end', `  - ${text}`]);

  it('does not read names, named authorities, exclusions or digits in names as quantities', () => {
    for (const text of [
      title('Production release and Quick Start guide for suppliers'),
      title('Fast Healthcare Interoperability Resources API over the Epic data'),
      title('Integration design (as required by our GDPR Art. 30 record of processing)'),
      title('Audit log entries as required by HIPAA'),
      title('Portal layouts; tablet-optimised layouts are not part of this work'),
      exclusion('Tablet-optimised layouts'),
      exclusion('Any other work not listed in this scope'),
    ]) {
      assert.deepEqual(
        diagnosticsOf(id, text).map((d) => d.message),
        [],
        text.split('\n').find((l) => l.includes('title: Beta') || l.includes('  - T') || l.includes('  - A') || l.includes('title: ')) ??
          '',
      );
    }
  });

  it('still reports an open catch-all in what is included, and a comparative beside a version number', () => {
    const text = title('Beta portal with any other reports the client asks for');
    const d = onlyDiagnostic(id, text);
    assert.equal(d.message, '"any other" opens the scope to anything: list what is included.');
    assert.deepEqual(where(d, text), [lineOf(text, 'any other reports'), 28, 37, 'any other']);

    const quicker = fullWith([
      '    description: Billing-detail update and invoice download working against the staging billing API.',
      '    description: Move to Business Central 2024 wave 2 so that month-end close is quicker.',
    ]);
    const q = onlyDiagnostic(id, quicker);
    assert.equal(q.message, '"quicker" needs a number: give a time and a percentile (e.g. "p95 under 500 ms").');
    assert.deepEqual(where(q, quicker).slice(0, 1), [lineOf(quicker, 'is quicker')]);
  });

  it('drops a built-in term listed in vagueTerms.ignore', () => {
    const text = title('Robust alerts as needed');
    assert.deepEqual(
      diagnosticsOf(id, text).map((d) => String(d.message).split(' ')[0]),
      ['"Robust"', '"as'],
    );
    assert.deepEqual(
      diagnosticsOf(id, text, { vagueTerms: { ignore: ['robust', 'As  Needed'] } }).map((d) => d.message),
      [],
    );
    // The same list from .scope-lint.yaml and from VS Code settings.
    const config = parseConfig('vagueTerms:\n  ignore: [robust]\n', '/repo/.scope-lint.yaml');
    assert.deepEqual([config.problems, config.settings.vagueTerms], [[], { ignore: ['robust'] }]);
    assert.deepEqual(fromClientSettings({ vagueTerms: { ignore: ['robust', 3] } }).vagueTerms, { ignore: ['robust'] });
  });
});

describe('cost-tbd-placeholder: "todo" as a name', () => {
  it('does not take a todo list app or TODO markers for an open item, but still reports a TODO', () => {
    const text = fullWith(
      ['    title: Beta portal on staging', '    title: Todo list app; the TODO markers in the old code go'],
      ['  total: 240000', '  total: TODO'],
    );
    const found = diagnosticsOf('cost-tbd-placeholder', text);
    assert.deepEqual(
      found.map((d) => [d.range.start.line, d.message]),
      [
        [
          lineOf(text, '  total: TODO'),
          '`budget.total` is still "TODO": settle it before signing, or record it as an assumption with a decision date and an owner.',
        ],
      ],
    );
  });
});

// ---- natural phrasing, second pass: what leads write beyond the catalogue's words -------------

describe('expertise-acceptance-criteria-subjective: feelings, agreement and unmeasured qualities', () => {
  const id = 'expertise-acceptance-criteria-subjective';
  const withCriterion = (criterion: string): string =>
    fullWith(['      - Prototype covers all 5 journeys listed in Annex A.', `      - ${criterion}`]);

  for (const [criterion, phrase] of [
    ['Sales managers are comfortable using the dashboards', 'comfortable'],
    ['Ops team is confident running the integration alone', 'confident'],
    ['Mapping workbook agreed with the finance controller', 'agreed with'],
    ['Orders and returns behave as agreed with the ops team', 'as agreed'],
    ['Finance users confirm the opening balances are right', 'are right'],
    ['Reports are clear, actionable and delivered on time', 'are clear'],
    ['Reports delivered in a timely manner', 'in a timely manner'],
    ['Data migrated accurately and completely', 'accurately'],
    ['Integration meets the business requirements', 'meets the business requirements'],
    ["Developers perform to the engineering manager's expectations", 'expectations'],
    ['Code passes our review standards and looks clean', 'looks clean'],
    ['Platform is production-ready', 'production-ready'],
    ['API is well documented', 'well documented'],
    // How well, with nothing to measure it by; a name with digits or a count of the scope is no number.
    ['The integration works well', 'works well'],
    ['The site works well on PHP 8.3 and Laravel 11', 'works well'],
    ['Everything works as it should after the upgrade', 'as it should'],
    ['The new checkout feels fast', 'feels fast'],
    ['The client is happy with the booking flow on Windows 11 24H2 laptops', 'happy'],
    ['Stakeholders are happy with the 5 reports', 'happy'],
    ['Sign-off by the product owner on Windows 11 24H2', 'Sign-off'],
    ['The help desk is able to support users after go-live', 'able to support'],
  ] as const) {
    it(`reports "${criterion}", naming "${phrase}"`, () => {
      const text = withCriterion(criterion);
      const d = onlyDiagnostic(id, text);
      assert.equal(d.message, opinionMessage(phrase));
      assert.deepEqual(where(d, text), [lineOf(text, criterion), 8, 8 + criterion.length, criterion]);
    });
  }

  it('accepts agreement or requirements that point at a named document, and careful criteria', () => {
    for (const criterion of [
      'Orders and returns behave as agreed in Annex B',
      'Meets the functional requirements listed in the test plan',
      'No open Severity 1 or Severity 2 defects at go-live, as defined in Annex A',
      'The DPO confirms in writing that the Art. 30 record entry is complete.',
      'Signed off by the product owner once all 30 checks in the UAT script pass',
      'Logged with the correct category in ServiceNow',
      'Search returns the expected policy in the top results for the queries in Annex C',
      // Demonstrations: the client's people do the work alone, which anyone can watch.
      'The in-house team can support the system without vendor help',
      'Operations staff can restore a backup unaided following the runbook',
      'The in-house platform team is able to support the system without vendor help during the shadowing sprint',
      'Our web team is able to support the site with no agency involvement',
      'Operations staff are able to handle a failover on their own, following runbook RB-09',
      // Real quantities, also written as one word, and counts of what a test counts.
      'The nightly batch runs well within the 2-hour window',
      'Zero high-risk alerts, approved by the security lead after all 1,240 regression tests pass',
    ]) {
      assert.deepEqual(
        diagnosticsOf(id, withCriterion(criterion)).map((d) => d.message),
        [],
        criterion,
      );
    }
  });
});

describe('cost-vague-language: open lists, deferrals and unnamed standards people write', () => {
  const id = 'cost-vague-language';
  const description = (text: string): string =>
    fullWith([
      '    description: Billing-detail update and invoice download working against the staging billing API.',
      `    description: ${text}`,
    ]);

  for (const [text, term, advice] of [
    [
      'Field mapping for GL, AP and AR, with cleansing rules where needed.',
      'where needed',
      'leaves the amount of work open: say who decides it is needed, by which criterion, and cap it (e.g. "up to 3 review rounds")',
    ],
    [
      'Orders, returns and so forth are passed to the WMS.',
      'and so forth',
      'leaves the list open: name every item, because whatever is not listed is out of scope',
    ],
    [
      'Vendor uses best endeavours to restore the service.',
      'best endeavours',
      'commits to nothing measurable: state the service level or outcome owed',
    ],
    [
      'Findings are retested in a timely manner.',
      'in a timely manner',
      'does not say by when: give a time limit (e.g. "within 2 business days")',
    ],
    [
      'Hardening follows industry best practice.',
      'industry best practice',
      'says nothing checkable: name the standard, version or control (e.g. "OWASP ASVS 4.0 level 2")',
    ],
    [
      'Exports to Excel, CSV etc for the finance team.',
      'etc',
      'leaves the list open: name every item, because whatever is not listed is out of scope',
    ],
    [
      'Ad-hoc advice for the platform team.',
      'Ad-hoc',
      'leaves the amount of work open: say who decides it is needed, by which criterion, and cap it (e.g. "up to 3 review rounds")',
    ],
    ['The checkout is optimising for conversion.', 'optimising', 'has no end point: give the target value that counts as done'],
  ] as const) {
    it(`reports "${term}" on the term`, () => {
      const doc = description(text);
      const d = onlyDiagnostic(id, doc);
      assert.equal(d.message, `"${term}" ${advice}.`);
      const line = lineOf(doc, text);
      const start = (doc.split('\n')[line] ?? '').indexOf(term);
      assert.deepEqual(where(d, doc), [line, start, start + term.length, term]);
    });
  }

  it('leaves an unnamed standard in an acceptance criterion to the subjective rule, and does not read etcd as etc', () => {
    const text = fullWith([
      '      - Prototype covers all 5 journeys listed in Annex A.',
      '      - Scripts follow industry standard practice',
    ]);
    assert.deepEqual(diagnosticsOf(id, text), []);
    assert.equal(diagnosticsOf('expertise-acceptance-criteria-subjective', text).length, 1);
    assert.deepEqual(diagnosticsOf(id, description('Cluster state kept in etcd, backed up every 6 hours.')), []);
    assert.deepEqual(diagnosticsOf(id, description('Retests within 2 business days, in a timely manner.')), []);
  });

  it('is not quantified by versions or by a count of the scope, only by a real quantity or a count a test makes', () => {
    for (const [text, term] of [
      ['Upgrade from PHP 7.4 to 8.3 for all 3 regions, making checkout faster.', 'faster'],
      ['Go live with TalentLoop 4.2 at our 3 German sites, making hiring more efficient.', 'efficient'],
      ['A robust import on Windows 11 24H2 for the 12 dashboards.', 'robust'],
    ] as const) {
      const doc = description(text);
      const d = onlyDiagnostic(id, doc);
      const line = lineOf(doc, text);
      const start = (doc.split('\n')[line] ?? '').indexOf(term);
      assert.deepEqual(where(d, doc), [line, start, start + term.length, term], text);
    }
    for (const text of [
      'Upgrade from PHP 7.4 to 8.3, making checkout faster: p95 under 1.5 s.',
      'A robust import: 0 errors in all 48,000 records.',
      'Faster month-end close within the 2-hour batch window.',
    ]) {
      assert.deepEqual(diagnosticsOf(id, description(text)), [], text);
    }
  });
});

describe('governance-cadence-too-infrequent: weekdays, sprints, number words and other forums', () => {
  const id = 'governance-cadence-too-infrequent';
  const cadence = (value: string): string => fullWith(['  check_in_cadence: weekly', `  check_in_cadence: ${value}`]);

  it('reads weekdays, ordinals, number words and a cadence beside a steering forum within the limit, with no schema error', () => {
    for (const value of [
      'every Tuesday (operational call)',
      'Mondays and Thursdays (30-minute call)',
      'every second Wednesday',
      'three times a week during build, weekly in hypercare',
      'Weekly call, plus a monthly steering review',
      'daily stand-up with the squad; fortnightly retro with the vendor',
      'sprint review every 2-week sprint',
    ]) {
      const text = cadence(value);
      const line = lineOf(text, 'check_in_cadence:');
      assert.deepEqual(
        analyzeText(text)
          .diagnostics.filter((d) => d.range.start.line === line)
          .map((d) => d.message),
        [],
        value,
      );
    }
  });

  it('reads the length of a sprint, and keeps a lone forum cadence as the check-in', () => {
    const text = cadence('sprint review at the end of each 3-week sprint');
    const d = onlyDiagnostic(id, text);
    assert.equal(d.message, 'Check-ins "sprint review at the end of each 3-week…" are read as every 21 days; the limit is 14 days.');
    assert.deepEqual(where(d, text).slice(0, 2), [lineOf(text, 'check_in_cadence:'), 20]);
    assert.equal(
      onlyDiagnostic(id, cadence('monthly service review')).message,
      'Check-ins "monthly service review" are read as every 30 days; the limit is 14 days.',
    );
    // A slower operational cadence beside a forum is still the one read.
    assert.equal(
      onlyDiagnostic(id, cadence('every 3 weeks, plus a quarterly steering board')).message,
      'Check-ins "every 3 weeks, plus a quarterly steerin…" are read as every 21 days; the limit is 14 days.',
    );
  });
});

describe('cost-tm-without-cap: pricing models and ceilings written in words', () => {
  const id = 'cost-tm-without-cap';
  const schedule =
    '  payments:\n    - { milestone: M0, percent: 20 }\n    - { milestone: M1, percent: 20 }\n    - { milestone: M2, percent: 30 }\n    - { milestone: M3, percent: 20 }\n    - { milestone: M4, percent: 10 }\n';
  const rates = '  rate_card:\n    - { role: Tech lead, rate: 900, unit: day }\n';
  const budget = (model: string, terms = 'net 30 from accepted invoice'): string =>
    fullWith(
      ['  pricing_model: fixed_price\n', model ? `  pricing_model: ${model}\n` : ''],
      ['net 30 from accepted invoice', terms],
      [schedule, rates],
    );

  it('reads "T&M" and "Time & Materials" as time and materials, reported on the rate card', () => {
    for (const model of ['T&M', 'Time & Materials', 'hourly rates']) {
      const text = budget(model);
      const d = onlyDiagnostic(id, text);
      assert.equal(d.message, 'Time-and-materials pricing has no `cap`: nothing limits how many hours the vendor can bill.', model);
      assert.deepEqual(where(d, text), [lineOf(text, '  rate_card:'), 2, 11, 'rate_card'], model);
    }
    const capped = budget('capped T&M');
    assert.equal(
      onlyDiagnostic(id, capped).message,
      'Capped time-and-materials pricing has no `cap`: nothing limits how many hours the vendor can bill.',
    );
  });

  it('reads payment terms that bill for time worked as time and materials when no model is stated', () => {
    const text = fullWith(
      ['  pricing_model: fixed_price\n', ''],
      ['net 30 from accepted invoice', 'monthly in arrears against approved timesheets'],
      [schedule, ''],
    );
    const d = onlyDiagnostic(id, text);
    assert.equal(
      d.message,
      'Hourly or daily billing has no `cap` and no `rate_card`: nothing limits what the vendor can bill, or at what rates.',
    );
    assert.deepEqual(factsOf(d), [
      'Read as time and materials because `payment_terms` bill for time worked, and `budget.pricing_model` does not name a model.',
    ]);
  });

  it('takes a ceiling written in payment_terms as the cap, as a hint with a fix that sets it', () => {
    const text = budget('time_and_materials', 'Billed monthly; the total is not to exceed EUR 240,000 without a signed variation.');
    const d = onlyDiagnostic(id, text);
    assert.equal(severityName(d), 'hint');
    assert.equal(
      d.message,
      'The ceiling (240,000 EUR) is written only in `payment_terms`: "not to exceed EUR 240,000". Set `cap` so it is checked against the total.',
    );
    assert.deepEqual(where(d, text).slice(0, 1), [lineOf(text, 'not to exceed')]);
    assert.match(afterFix(d, text, 'Set `cap` to 240,000'), /\n {2}cap: 240000\n/);
  });

  it('does not take a monthly ceiling or one below the total for the cap', () => {
    for (const terms of ['Capped at 20,000 EUR per month.', 'Not to exceed EUR 200,000.']) {
      const d = onlyDiagnostic(id, budget('time_and_materials', terms));
      assert.equal(severityName(d), 'error', terms);
      assert.equal(d.message, 'Time-and-materials pricing has no `cap`: nothing limits how many hours the vendor can bill.', terms);
    }
  });
});

describe('engagement: people directed by the client are staff augmentation', () => {
  it("relaxes written status reports to a hint for developers who join the client's team", () => {
    const text = fullWith(
      ['  status_reports: { cadence: weekly, contents: [progress vs plan, risks and issues, spend vs budget] }\n', ''],
      [
        '  objective: >-\n    Replace the legacy customer portal so customers can update billing details\n    and download invoices themselves, cutting billing-related support tickets\n    from 1,200 to under 600 per month by 2027-10-31.\n',
        '  objective: Two senior React developers join our checkout squad and work under the direction of our engineering manager until 2027-10-29.\n',
      ],
    );
    const d = onlyDiagnostic('governance-status-reports-missing', text);
    assert.equal(severityName(d), 'hint');
    assert.equal(
      d.message,
      'Check-ins are not backed by written status reports (`governance.status_reports`); for staff augmentation they are optional.',
    );
    assert.deepEqual(factsOf(d), [
      'Read as staff augmentation because the project name or objective describes people added to your team; set `project.engagement` to confirm or correct this.',
    ]);
  });
});
