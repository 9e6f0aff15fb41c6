// cost-out-of-scope-empty: Nothing is explicitly out of scope.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'cost-out-of-scope-empty',
  category: 'cost',
  severity: 'warning',
  title: 'Nothing is explicitly out of scope',
  explanation: `Nothing is explicitly excluded. The blog advises focusing on a specific project with a very defined scope. PMBOK's scope statement includes project exclusions because "explicitly stating what is out of scope for the project helps to manage stakeholders' expectations", and the scope baseline is what change requests are judged against. PMI's 2018 *Pulse of the Profession* found that 52% of projects experienced scope creep or uncontrolled changes.`,
  check() {
    return [];
  },
};
