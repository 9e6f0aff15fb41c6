// cost-amount-not-numeric: Amount is not a number.
// An amount written as text ("$120k", "50,000", "TBD"); the fix rewrites it as a bare number when
// the text can be read without guessing, and sets `budget.currency` from its symbol when missing.
// `{ amount: 100,000 }` is one too: YAML reads 100 and a key `000`, and the document model gives the
// rules the written text, so it is reported here, in those words, on the whole amount.
import { arrayAt, formatAmount, formatPath, isRecord, parseMoneyText, setKeyOp, valueAt, type MoneyText } from '../model';
import type { Finding, Fix, FixOp, Path, Rule } from '../types';
import { sources } from '../sources';
import { splitNumberAdvice, splitNumberReading, type SplitNumber } from '../splitNumbers';

const ruleId = 'cost-amount-not-numeric';
const isoCode = /^[A-Z]{3}$/;

export const rule: Rule = {
  id: ruleId,
  category: 'cost',
  severity: 'error',
  fixes: ['safe', 'unsafe'],
  title: 'Amount is not a number',
  explanation: `An amount written as text cannot be added up or checked against the payment schedule or the cap, so any cost it hides stays hidden. Put the number in the field and the currency in \`budget.currency\`.`,
  areas: ['cost'],
  remedy:
    'Write the amount as a bare number and the currency in `budget.currency`. The quick fix reads the text (`"$120k"` becomes `120000`) and sets the currency if it is missing.',
  sources: [sources.aicSow],
  check(doc) {
    const root = doc.value;
    const currency = valueAt(root, ['budget', 'currency']);
    const validCurrency = typeof currency === 'string' && isoCode.test(currency) ? currency : undefined;
    const findings: Finding[] = [];
    for (const path of amountPaths(root)) {
      const value = valueAt(root, path);
      // Only text is this rule's business: an empty value is "missing" (other rules), and a list or
      // a boolean is a type error the schema names better.
      if (typeof value !== 'string' || value.trim() === '') continue;
      const parsed = parseMoneyText(value);
      const where = `\`${formatPath(path)}\``;
      const fix = parsed ? rewriteFix(root, path, value, parsed, validCurrency) : undefined;
      const split = doc.splitNumberAt(path);
      if (split) {
        findings.push(splitFinding(path, split, parsed, fix, validCurrency));
        continue;
      }
      findings.push({
        ruleId,
        path,
        message: parsed
          ? `${where} is text, not a number: write \`${String(parsed.value)}\` for "${shown(value)}" and keep the currency in \`budget.currency\`.`
          : `${where} is text, not a number: "${shown(value)}" cannot be added up or checked against the total.`,
        ...(parsed ? { facts: factsOf(value, parsed, validCurrency) } : {}),
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
    return findings;
  },
};

/**
 * `{ amount: 100,000 }`: YAML reads 100 and a key `000`. Said as such, on the whole written amount;
 * a payment's sum is not checked until the amount is a number (cost-payments-sum-mismatch stays quiet).
 */
function splitFinding(
  path: Path,
  split: SplitNumber,
  parsed: MoneyText | undefined,
  fix: Fix | undefined,
  currency: string | undefined,
): Finding {
  const advice = parsed
    ? `write \`${String(parsed.value)}\`, without the comma${split.parts.length > 1 ? 's' : ''}`
    : splitNumberAdvice(split);
  const payment = path[1] === 'payments';
  return {
    ruleId,
    path,
    message: `${splitNumberReading(split)}: ${advice}.${payment ? ' Until then the payments cannot be checked against `budget.total`.' : ''}`,
    facts: [
      `In \`${split.within === 'sequence' ? '[ ]' : '{ }'}\` a comma separates ${split.within === 'sequence' ? 'items' : 'entries'}, so YAML reads \`${split.read}\` here${parsed ? `, not ${formatAmount(parsed.value)}` : ''}.`,
      ...(parsed ? factsOf(split.text, parsed, currency).slice(1) : []),
    ],
    ...(fix ? { fixes: [fix] } : {}),
  };
}

/** The amounts the catalogue names: total, cap, payment amounts and rate-card rates. */
function amountPaths(root: unknown): Path[] {
  const paths: Path[] = [
    ['budget', 'total'],
    ['budget', 'cap'],
  ];
  arrayAt(root, ['budget', 'payments']).forEach((p, i) => {
    if (isRecord(p)) paths.push(['budget', 'payments', i, 'amount']);
  });
  arrayAt(root, ['budget', 'rate_card']).forEach((r, i) => {
    if (isRecord(r)) paths.push(['budget', 'rate_card', i, 'rate']);
  });
  return paths;
}

function rewriteFix(root: unknown, path: Path, text: string, parsed: MoneyText, currency: string | undefined): Fix {
  const ops: FixOp[] = [{ op: 'replace', path, value: String(parsed.value) }];
  const setsCurrency = currency === undefined && parsed.currency !== undefined;
  if (setsCurrency && parsed.currency) ops.push(setKeyOp(root, ['budget'], 'currency', parsed.currency));
  const conflicting = currency !== undefined && parsed.currency !== undefined && parsed.currency !== currency;
  return {
    title: setsCurrency
      ? `Write ${String(parsed.value)} and set \`budget.currency\` to ${parsed.currency ?? ''}`
      : `Write "${text}" as ${String(parsed.value)}`,
    ops,
    preferred: true,
    // Safe only when nothing is decided for the author: no estimate turned into a price, no
    // currency guessed or contradicted, and no second fix also writing `budget.currency`.
    // An estimate, a currency read from a symbol or one that contradicts `budget.currency` needs a person.
    // A separator read the likelier way ("12.500" as 12,500) needs a person too.
    applicability: !parsed.approximate && !parsed.separatorGuessed && !setsCurrency && !conflicting ? 'safe' : 'unsafe',
  };
}

function factsOf(text: string, parsed: MoneyText, currency: string | undefined): string[] {
  const facts = [`"${shown(text)}" reads as ${formatAmount(parsed.value)}${parsed.currency ? ` ${parsed.currency}` : ''}`];
  if (parsed.separatorGuessed) facts.push(parsed.separatorGuessed);
  if (parsed.approximate) facts.push('The text is an estimate ("approx."): confirm the contracted amount before accepting the fix.');
  if (parsed.currency && parsed.currencyGuessed) facts.push('`$` is read as USD; CAD, AUD and others also write `$`.');
  if (currency && parsed.currency && parsed.currency !== currency)
    facts.push(`The text names ${parsed.currency}, but \`budget.currency\` is ${currency}.`);
  return facts;
}

/** A value as quoted in a message: a pasted paragraph is cut, not repeated. */
function shown(text: string): string {
  const clean = text.trim();
  return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean;
}
