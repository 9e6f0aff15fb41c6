// expertise-objective-not-smart: Objective is not measurable.
// An objective with no digit has neither a quantity nor a date, so success cannot be judged.
import { stringify } from 'yaml';
import { isAbsent, shortText, stringAt } from '../model';
import { hasQuantity } from '../quantities';
import type { Rule } from '../types';
import { sources } from '../sources';

/** The catalogue's snippet, as plain text: angle brackets mark what the author must fill in. */
const targetPlaceholder = ' from <baseline> to <target> <unit> by <YYYY-MM-DD>';

export const rule: Rule = {
  id: 'expertise-objective-not-smart',
  category: 'expertise',
  severity: 'warning',
  fixes: ['display-only'],
  title: 'Objective is not measurable',
  explanation: `The objective cannot tell you or the vendor when the project has succeeded. Write it as a SMART objective (Specific, Measurable, Achievable, Relevant, Time-bound; Doran 1981), for example "cut billing tickets from 1,200 to under 600 per month by 2027-10-31". PMBOK puts "measurable project objectives and related success criteria" in the project charter, and a US federal statement of objectives must state its performance objectives (FAR 37.602(c)).

A number that only counts or names the scope is not a target: "Migrate 3 systems", "Deploy to 3 regions", "Wi-Fi at 14 stores", "Phase 2", "Release 2.0", "S/4HANA". Nor is the price ("for the agreed fixed price of EUR 180,000"): money is a result only as a rate, a starting point or what a change reaches ("save EUR 200k a year", "cut licence costs by GBP 50,000"). A count becomes one when a change leads to it ("grow members to 50,000", "reduce open defects to 20") or it comes with a rate, a unit or a date ("to 3 regions by 2027-09-30"). A date alone ("by summer 2027", "in Q3 2027", "before Black Friday 2027") is enough for this rule, whose condition is no quantity and no date; the success measures say what is measured.`,
  areas: ['expertise'],
  remedy:
    'Rewrite the objective so it names a measurable result and a date, for example "cut billing tickets from 1,200 to under 600 per month by 2027-10-31". The quick fix appends a "from … to … by …" template.',
  sources: [sources.smartObjectives, sources.pmbokScope, sources.far37602],
  check(doc) {
    const objective = stringAt(doc.value, ['project', 'objective']);
    // An empty objective is expertise-essential-parameter-missing's finding, not a second one here.
    // A count of the scope's own things ("our 3 sites", "all 140 pages") is not a result to reach.
    if (objective === undefined || isAbsent(objective) || hasQuantity(objective, { counts: 'none' })) return [];
    const names = namesWithDigits(objective);
    return [
      {
        ruleId: 'expertise-objective-not-smart',
        path: ['project', 'objective'],
        message:
          names.length === 0
            ? 'The objective has no number and no date, so nothing in it says how much or by when.'
            : names.every((n) => moneyName.test(n))
              ? `The objective has no target and no date: ${names.join(', ')} ${names.length === 1 ? 'is the price' : 'are prices'}, not a result to reach or by when.`
              : `The objective has no target and no date: ${names.join(', ')} ${names.length === 1 ? 'is a name or a count' : 'are names or counts'}, not how much or by when.`,
        // Once the placeholders are in, appending them again would only repeat them.
        fixes: objective.includes(targetPlaceholder.trim())
          ? []
          : [
              {
                title: 'Append a measurable target: "from <baseline> to <target> <unit> by <YYYY-MM-DD>"',
                // The placeholders have no digit, so the warning stays until real numbers replace them.
                ops: [{ op: 'replace', path: ['project', 'objective'], value: yamlScalar(withTarget(objective)) }],
                preferred: true,
                applicability: 'display-only',
              },
            ],
      },
    ];
  },
};

/** A quoted amount of money: "EUR 180,000", "$40,000", "£12k". */
const moneyName = /^"(?:[A-Z]{3} |[$€£¥])\d[\d,.]*[km]?"$/;

/** The words with digits that were not read as quantities ("S/4HANA", "ISO 27001", "24x7"), quoted, at most three. */
function namesWithDigits(text: string): string[] {
  // Token by token (linear on any text; a thousands comma stays inside its number, "1,800"): a token with a digit, with the capitalised word just before it ("ISO 27001", "iOS 17").
  const words: string[] = [];
  let previous: { text: string; end: number } | undefined;
  for (const m of text.matchAll(/(?:[^\s,;:()]|(?<=\d),(?=\d{3}))+/g)) {
    const token = m[0];
    if (/\d/.test(token)) {
      const joined =
        previous !== undefined &&
        previous.end === m.index - 1 &&
        /\s/.test(text.charAt(m.index - 1)) &&
        /^(?:[A-Z]|[a-z]+[A-Z])[\w/.-]*$/.test(previous.text);
      words.push(joined ? `${previous?.text ?? ''} ${token}` : token);
    }
    previous = { text: token, end: m.index + token.length };
  }
  return [...new Set(words.map(withoutFinalStops))].slice(0, 3).map((w) => `"${shortText(w, 30)}"`);
}

function withoutFinalStops(word: string): string {
  let end = word.length;
  while (end > 0 && '.!?'.includes(word.charAt(end - 1))) end--;
  return word.slice(0, end);
}

/** Inserts the placeholder before a final full stop, so the sentence still reads as one. */
function withTarget(objective: string): string {
  const text = objective.trim();
  const stop = text.endsWith('.') || text.endsWith('!') ? text.slice(-1) : '';
  return `${text.slice(0, text.length - stop.length)}${targetPlaceholder}${stop}`;
}

/** A YAML scalar for any text: plain when that is safe, quoted otherwise; never folded. */
function yamlScalar(text: string): string {
  return stringify(text, { lineWidth: 0 }).trimEnd();
}
