// cost-change-control-missing: No change-control process.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'cost-change-control-missing',
  category: 'cost',
  severity: 'error',
  title: 'No change-control process',
  explanation: `There is no change-control process. The blog names last-minute changes as a main source of hidden cost, and PMI reports scope creep on 52% of projects (*Pulse of the Profession* 2018). A change-control clause defines who may raise, evaluate, price and approve a change request (USPS *Supplying Principles and Practices*), and every scope or timeline change should be agreed in writing before work begins (eSignHub).`,
  check() {
    return [];
  },
};
