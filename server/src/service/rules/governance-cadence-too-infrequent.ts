// governance-cadence-too-infrequent: Check-ins too infrequent.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'governance-cadence-too-infrequent',
  category: 'governance',
  severity: 'warning',
  title: 'Check-ins too infrequent',
  explanation: `Checking in {cadence} means the vendor can be weeks off track before anyone notices. Operational check-ins in outsourcing are normally weekly or fortnightly, and monthly and quarterly forums are for performance and strategy rather than for catching slippage (Aventario; Outsourcing Explained). Agile QASPs assess delivery every sprint, typically every two weeks. If you meant every two weeks, write \`fortnightly\` or \`P2W\`, because "biweekly" can also be read as twice a week.`,
  check() {
    return [];
  },
};
