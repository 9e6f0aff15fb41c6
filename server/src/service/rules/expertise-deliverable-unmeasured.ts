// expertise-deliverable-unmeasured: Deliverable not linked to a success measure.
import type { Rule } from '../types';

export const rule: Rule = {
  id: 'expertise-deliverable-unmeasured',
  category: 'expertise',
  severity: 'info',
  title: 'Deliverable not linked to a success measure',
  explanation: `Deliverable {id} is not linked to any success measure. Acceptance criteria show that it was built as specified; a success measure shows that it achieved what you bought it for. Linking each material deliverable to an outcome keeps the vendor focused on results rather than effort (FAR 37.602(b)(1): describe the work "in terms of the required results rather than either 'how' the work is to be accomplished or the number of hours to be provided"). This is only info, because some deliverables, such as documentation or a handover workshop, reasonably have acceptance criteria only.`,
  check() {
    return [];
  },
};
