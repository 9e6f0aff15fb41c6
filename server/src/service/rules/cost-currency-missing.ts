// cost-currency-missing: Budget has no currency.
// Fires when any amount is present but `budget.currency` is absent or not an ISO 4217 code; the fix
// proposes the code an amount's symbol names (€ -> EUR), else the configured default currency.
import { arrayAt, currencyOfSymbol, formatPath, isAbsent, isMappingOrAbsent, isRecord, parseMoneyText, setKeyOp, valueAt } from '../model';
import type { Fix, Path, Rule } from '../types';
import { sources } from '../sources';

const ruleId = 'cost-currency-missing';
const isoCode = /^[A-Z]{3}$/;

export const rule: Rule = {
  id: ruleId,
  category: 'cost',
  severity: 'error',
  fixes: ['safe', 'unsafe'],
  title: 'Budget has no currency',
  explanation: `The budget has amounts but no currency. In cross-border outsourcing, "120000" in USD, CAD or AUD are very different prices, and exchange-rate movements become a hidden cost. Set a single ISO 4217 code for the whole file.`,
  areas: ['cost'],
  remedy:
    'Set one ISO 4217 currency for the whole file in `budget.currency`. The quick fix inserts the `defaultCurrency` setting, or the currency a symbol in an amount stands for (`€` gives EUR; `$` gives USD, which needs confirming).',
  sources: [sources.iso4217],
  check(doc, settings) {
    const root = doc.value;
    if (!isMappingOrAbsent(root, ['budget'])) return [];
    const amounts = amountsIn(root);
    if (amounts.length === 0) return [];
    const currency = valueAt(root, ['budget', 'currency']);
    if (typeof currency === 'string' && isoCode.test(currency)) return [];

    const facts = amounts.map(
      ({ path, value }) => `\`${formatPath(path)}\`: ${typeof value === 'string' ? `"${shown(value)}"` : String(value)}`,
    );
    const proposals = proposedCodes(amounts, currency, settings.thresholds.defaultCurrency);
    const fixes: Fix[] = proposals.map((p, index) => ({
      title: p.confirm ? `Set \`budget.currency\` to ${p.code} (confirm: ${p.confirm})` : `Set \`budget.currency\` to ${p.code}`,
      ops: [setKeyOp(root, ['budget'], 'currency', p.code)],
      ...(index === 0 ? { preferred: true } : {}),
      // Only a code the file itself names unambiguously is a fact; a default or `$` is a guess.
      // Safe only when the file itself names one currency; a guess or a choice needs a person.
      applicability: proposals.length === 1 && !p.confirm ? 'safe' : 'unsafe',
    }));
    const subject =
      amounts.length === 1 ? `\`${formatPath(amounts[0]?.path ?? [])}\` is an amount` : `the budget has ${amounts.length} amounts`;
    const message = isAbsent(currency)
      ? `\`budget.currency\` is not set, so nobody can tell the currency of the price: ${subject}.`
      : `\`budget.currency\` is ${describe(currency)}, not an ISO 4217 code such as USD, EUR or GBP.`;
    return [{ ruleId, path: ['budget', 'currency'], message, facts, fixes }];
  },
};

interface Amount {
  readonly path: Path;
  readonly value: unknown;
}

/** Every amount the catalogue names that is present, numeric or not. */
function amountsIn(root: unknown): Amount[] {
  const found: Amount[] = [];
  const add = (path: Path): void => {
    const value = valueAt(root, path);
    if (!isAbsent(value)) found.push({ path, value });
  };
  add(['budget', 'total']);
  add(['budget', 'cap']);
  arrayAt(root, ['budget', 'payments']).forEach((p, i) => {
    if (isRecord(p)) add(['budget', 'payments', i, 'amount']);
  });
  arrayAt(root, ['budget', 'rate_card']).forEach((r, i) => {
    if (isRecord(r)) add(['budget', 'rate_card', i, 'rate']);
  });
  return found;
}

interface Proposal {
  readonly code: string;
  /** Why a person must confirm the code, when it is a guess. */
  readonly confirm?: string;
}

function proposedCodes(amounts: readonly Amount[], currency: unknown, defaultCurrency: string): Proposal[] {
  const proposals: Proposal[] = [];
  const add = (proposal: Proposal): void => {
    if (!proposals.some((p) => p.code === proposal.code)) proposals.push(proposal);
  };
  // `currency: usd` or `currency: €` already says which currency; only its spelling is wrong.
  if (typeof currency === 'string') {
    const written = currency.trim();
    if (isoCode.test(written.toUpperCase())) add({ code: written.toUpperCase() });
    const symbol = currencyOfSymbol(written);
    if (symbol && written.length <= 3)
      add(symbol.guessed ? { code: symbol.code, confirm: '`$` is also CAD, AUD and others' } : { code: symbol.code });
  }
  for (const { value } of amounts) {
    if (typeof value !== 'string') continue;
    const parsed = parseMoneyText(value);
    const symbol = currencyOfSymbol(value);
    if (parsed?.currency && !parsed.currencyGuessed) add({ code: parsed.currency });
    else if (symbol) add(symbol.guessed ? { code: symbol.code, confirm: '`$` is also CAD, AUD and others' } : { code: symbol.code });
  }
  if (proposals.length === 0 && isoCode.test(defaultCurrency))
    add({ code: defaultCurrency, confirm: 'your default currency, not stated in the file' });
  return proposals;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${shown(value)}"`;
  if (isRecord(value) || Array.isArray(value)) return 'not a single code';
  return `\`${String(value)}\``;
}

/** A value as quoted in a message: a pasted paragraph is cut, not repeated. */
function shown(text: string): string {
  const clean = text.trim();
  return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean;
}
