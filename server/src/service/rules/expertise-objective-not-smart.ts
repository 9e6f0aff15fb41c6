// expertise-objective-not-smart: Objective is not measurable.
// An objective with no digit has neither a quantity nor a date, so success cannot be judged.
import { stringify } from 'yaml';
import { formatPath, isAbsent, isRecord, shortText, stringAt, valueAt } from '../model';
import { currencyCodes, hasQuantity } from '../quantities';
import type { Path, Rule } from '../types';
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

A number that only counts or names the scope is not a target: "Migrate 3 systems", "Deploy to 3 regions", "Wi-Fi at 14 stores", "Migrate 250k records", "Phase 2", "Release 2.0", "S/4HANA 2023", "ISO 27001", "Oracle 11g", "Upgrade Jira to 9.12", "64-bit", "2nd line support", or service hours ("24x7", "8x5", "7 days a week"). Nor is the price ("for the agreed fixed price of EUR 180,000"): money is a result only as a rate, a starting point or what a change reaches ("save EUR 200k a year", "cut licence costs by GBP 50,000"). A count becomes one when a change leads to it ("grow members to 50,000", "reduce open defects to 20") or it comes with a rate, a unit or a date ("to 3 regions by 2027-09-30"). A date alone ("by summer 2027", "in Q3 2027", "before Black Friday 2027") is enough for this rule, whose condition is no quantity and no date; the success measures say what is measured. An objective written as a list of bullets or a mapping is the schema's type error, and its texts are read together here. An objective written under another key of \`project\` when \`project.objective\` is not written (\`objectives:\` as a list, \`goal:\`, \`goals:\`, \`business_aims:\`) is read there, so a vague one is reported on that key, beside the schema's unknown key, whose fix renames it to \`objective\`.`,
  areas: ['expertise'],
  remedy:
    'Rewrite the objective so it names a measurable result and a date, for example "cut billing tickets from 1,200 to under 600 per month by 2027-10-31". The quick fix appends a "from … to … by …" template.',
  sources: [sources.smartObjectives, sources.pmbokScope, sources.far37602],
  check(doc) {
    // An objective written under another key (`objectives:` as a list, `goal:`, `goals:`) is still the
    // project's objective: it is read there, so a vague one is not passed unchecked because of its key.
    const at: Path =
      valueAt(doc.value, ['project', 'objective']) === undefined
        ? (objectiveAlias(doc.value) ?? ['project', 'objective'])
        : ['project', 'objective'];
    const aliased = at[1] !== 'objective';
    const written = valueAt(doc.value, at);
    // A list of bullets or a mapping is the schema's type error, but it still says what the project
    // is for: its texts are read together, so a vague objective in the wrong shape is not a silent pass.
    const texts: readonly unknown[] | undefined = Array.isArray(written)
      ? (written as unknown[])
      : isRecord(written)
        ? Object.values(written)
        : undefined;
    const objective =
      texts !== undefined ? texts.filter((t): t is string => typeof t === 'string' && t.trim() !== '').join('\n') : stringAt(doc.value, at);
    // An empty objective is expertise-essential-parameter-missing's finding, not a second one here.
    // A count of the scope's own things ("our 3 sites", "all 140 pages") is not a result to reach.
    if (objective === undefined || isAbsent(objective) || objective === '' || hasQuantity(objective, { counts: 'none' })) return [];
    const names = namesWithDigits(objective);
    return [
      {
        ruleId: 'expertise-objective-not-smart',
        path: at,
        // Read in spite of its key: the schema's unknown key (and its rename fix) stays beside it.
        ...(aliased ? { at: 'key' as const, besideSchema: true } : {}),
        message: `${aliased ? `The objective under \`${formatPath(at)}\`` : 'The objective'} ${
          names.length === 0
            ? `has no number and no date${aliased ? ':' : ', so'} nothing in it says how much or by when.`
            : names.every(isMoney)
              ? `has no target and no date: ${names.join(', ')} ${names.length === 1 ? 'is the price' : 'are prices'}, not a result to reach or by when.`
              : `has no target and no date: ${names.join(', ')} ${names.length === 1 ? 'is a name or a count' : 'are names or counts'}, not how much or by when.`
        }`,
        // Once the placeholders are in, appending them again would only repeat them.
        fixes:
          texts !== undefined || aliased || objective.includes(targetPlaceholder.trim())
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

/** Words of a key that name the project's objective: `objectives`, `goal`, `goals`, `project_aims`, `businessObjectives`. */
const objectiveWords = new Set(['objective', 'objectives', 'goal', 'goals', 'aim', 'aims']);

/** The key under `project` that holds the objective when `project.objective` is not written. */
function objectiveAlias(root: unknown): Path | undefined {
  const project = valueAt(root, ['project']);
  if (!isRecord(project)) return undefined;
  const key = Object.keys(project).find((k) =>
    k
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .some((w) => objectiveWords.has(w)),
  );
  return key === undefined ? undefined : ['project', key];
}

/** A quoted amount of money: "EUR 180,000", "$40,000", "£12k"; not a name with three capitals ("ISO 27001", "DSS 4.0"). */
function isMoney(name: string): boolean {
  const m = /^"(?:([A-Z]{3}) |[$€£¥])\d[\d,.]*[km]?"$/.exec(name);
  return m !== null && (m[1] === undefined || currencyCodes.has(m[1]));
}

/** The words with digits that were not read as quantities ("S/4HANA", "ISO 27001", "24x7"), quoted, at most three. */
function namesWithDigits(text: string): string[] {
  // Token by token (linear on any text; a thousands comma stays inside its number, "1,800"): a token with a digit, with the capitalised word just before it ("ISO 27001", "iOS 17"),
  // and the tokens with digits that follow it as one name ("SAP S/4HANA 2023", "Windows 11 24H2", "ISO/IEC 27001:2022").
  // The first word of a sentence is capitalised as a sentence starts, not as a name: "Move 3 data centres" names "3".
  const words: string[] = [];
  let previous: { text: string; end: number; start: number; named: boolean } | undefined;
  for (const m of text.matchAll(/(?:[^\s,;:()]|(?<=\d),(?=\d{3}))+/g)) {
    const token = m[0];
    const gap = previous !== undefined && previous.end === m.index - 1 ? text.charAt(m.index - 1) : '';
    let named = false;
    if (/\d/.test(token)) {
      const sentenceStart = previous !== undefined && /^[\s"'“(•*-]*$/.test(afterLastSentenceEnd(text.slice(0, previous.start)));
      if (previous?.named && (gap === ' ' || gap === ':') && words.length > 0) {
        words[words.length - 1] = `${words[words.length - 1] ?? ''}${gap}${token}`;
      } else {
        const joined = previous !== undefined && /\s/.test(gap) && !sentenceStart && /^(?:[A-Z]|[a-z]+[A-Z])[\w/.-]*$/.test(previous.text);
        words.push(joined ? `${previous?.text ?? ''} ${token}` : token);
      }
      named = /[A-Za-z]/.test(token) || words[words.length - 1]?.includes(' ') === true;
    }
    previous = { text: token, end: m.index + token.length, start: m.index, named };
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

/**
 * The text after its last sentence end (a `.`, `!`, `?`, `:` or `;` and the space after it), or all
 * of it. A loop from the end: the regex `[\s\S]*[.!?:;]\s` backtracks quadratically on a long text
 * with no sentence end.
 */
function afterLastSentenceEnd(text: string): string {
  for (let i = text.length - 2; i >= 0; i--) {
    if ('.!?:;'.includes(text.charAt(i)) && /\s/.test(text.charAt(i + 1))) return text.slice(i + 2);
  }
  return text;
}
