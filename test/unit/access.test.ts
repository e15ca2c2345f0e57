/** Who may change who sees and edits a milestone (docs/rules.md, "Who may see and do what"). */
import { expect } from 'chai';
import { ANONYMOUS, canChangeMilestoneAccess, canEditMilestone, Role, Viewer } from '../../src/domain';

const LEAD = 1;
const PARTNER = 2;
const OTHER = 3;
const milestone = { leadAgencyId: LEAD, partnerAgencyIds: [PARTNER] };
const viewer = (role: Role | null, agencyId: number | null): Viewer => ({ userId: 1, name: 'someone', role, agencyId });

describe('domain: visibility, partners and lead agency are changed by admins and the lead agency\'s editors', () => {
  const cases: { name: string; who: Viewer; edits: boolean; changesAccess: boolean }[] = [
    { name: 'an admin', who: viewer(Role.ADMIN, null), edits: true, changesAccess: true },
    { name: 'an admin who belongs to a partner agency', who: viewer(Role.ADMIN, PARTNER), edits: true, changesAccess: true },
    { name: 'an editor of the lead agency', who: viewer(Role.EDITOR, LEAD), edits: true, changesAccess: true },
    { name: 'an editor of a partner agency', who: viewer(Role.EDITOR, PARTNER), edits: true, changesAccess: false },
    { name: 'an editor of another agency', who: viewer(Role.EDITOR, OTHER), edits: false, changesAccess: false },
    { name: 'an editor of no agency', who: viewer(Role.EDITOR, null), edits: false, changesAccess: false },
    { name: 'a viewer of the lead agency', who: viewer(Role.VIEWER, LEAD), edits: false, changesAccess: false },
    { name: 'anonymous', who: ANONYMOUS, edits: false, changesAccess: false },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.edits ? 'edits' : 'does not edit'}, ${c.changesAccess ? 'changes' : 'does not change'} visibility, partners and lead`, () => {
      expect(canEditMilestone(c.who, milestone)).to.equal(c.edits);
      expect(canChangeMilestoneAccess(c.who, milestone)).to.equal(c.changesAccess);
    });
  }
});
