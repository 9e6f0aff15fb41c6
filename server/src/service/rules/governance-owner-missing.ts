// governance-owner-missing: No single internal owner.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'governance-owner-missing',
  category: 'governance',
  severity: 'warning',
  title: 'No single internal owner',
  explanation: `No single internal owner is named. The blog accepts that your leadership cannot supervise the project day to day, so one named person must own the relationship, the decisions and acceptance. "The most common failure mode is 'no single internal owner'" (Outsourcing Explained, *Vendor governance and KPIs*). Outsourcing transfers execution, not governance (Aventario).`,
  check() {
    return [];
  },
};
