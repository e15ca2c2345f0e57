/** How an agency is involved in a milestone, by the role asked for (domain/involvement.ts). */
import { expect } from 'chai';
import { AgencyRole, includesLead, PartnerRole, partnerRolesOf } from '../../src/domain';

describe('domain: an agency\'s involvement by role', () => {
  const table: [AgencyRole, boolean, PartnerRole[]][] = [
    [AgencyRole.LEAD, true, []],
    [AgencyRole.SUPPORT, false, [PartnerRole.SUPPORT]],
    [AgencyRole.CONSULTED, false, [PartnerRole.CONSULTED]],
    [AgencyRole.PARTNER, false, [PartnerRole.SUPPORT, PartnerRole.CONSULTED]],
    [AgencyRole.ANY, true, [PartnerRole.SUPPORT, PartnerRole.CONSULTED]],
  ];
  for (const [role, leads, partnerRoles] of table) {
    it(`${role}: ${leads ? 'led milestones' : 'not led ones'}${partnerRoles.length ? `, partners as ${partnerRoles.join(' or ')}` : ''}`, () => {
      expect(includesLead(role)).to.equal(leads);
      expect(partnerRolesOf(role)).to.deep.equal(partnerRoles);
    });
  }

  it('every role counts something', () => {
    for (const role of Object.values(AgencyRole)) expect(includesLead(role) || partnerRolesOf(role).length > 0).to.equal(true);
  });
});
