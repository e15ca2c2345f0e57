/**
 * `Milestone.viewerCanManage` against the writers: for each kind of caller (ADMIN, an EDITOR of the
 * lead agency, of a partner agency, of another agency, a VIEWER), the field is true exactly when
 * that caller's change of visibility (updateMilestone) and of partners (addPartner) succeeds over
 * the API, and false exactly when it is refused FORBIDDEN. `viewerCanEdit` is checked beside it so
 * the two stay distinct: a partner's editor may edit but not manage.
 */
import { expect } from 'chai';
import { Role } from '../../src/domain/enums';
import { startTestServer, TestServer } from '../support/test-server';

const FIELDS = 'query ($id: ID!) { milestone(id: $id) { version visibility viewerCanEdit viewerCanManage } }';

describe('Milestone.viewerCanManage equals whether the owner mutations succeed', () => {
  let server: TestServer;
  let agency: (shortName: string) => string;
  let goalId: string;
  let n = 0;

  before(async () => {
    server = await startTestServer({ today: '2026-11-28' });
    const { agencies } = await server.ok('{ agencies { id shortName } }');
    const ids = new Map<string, string>(agencies.map((a: { id: string; shortName: string }) => [a.shortName, a.id]));
    agency = (shortName) => {
      const id = ids.get(shortName);
      if (!id) throw new Error(`no agency ${shortName}`);
      return id;
    };
    const plan = (await server.ok('mutation { createPlan(input: { title: "Manage fixture plan", startDate: "2026-01-01", endDate: "2027-12-31" }) { id } }')).createPlan;
    goalId = (await server.ok('mutation ($p: ID!) { createGoal(input: { planId: $p, code: "MNG", title: "Manage goal" }) { id } }', { p: plan.id })).createGoal.id;
  });

  after(async () => {
    await server?.stop();
  });

  /** A PUBLIC milestone led by SFPD with HSI as a partner. */
  async function target(): Promise<string> {
    n += 1;
    const data = await server.ok('mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }', {
      input: {
        goalId,
        code: `M${n}`,
        title: `Managed ${n}`,
        leadAgencyId: agency('SFPD'),
        partners: [{ agencyId: agency('HSI'), role: 'SUPPORT' }],
        startDate: '2026-01-01',
        dueDate: '2027-06-30',
        visibility: 'PUBLIC',
      },
    });
    return data.createMilestone.id;
  }

  const CALLERS: { name: string; role: Role; agency?: string; canEdit: boolean; canManage: boolean }[] = [
    { name: 'an ADMIN', role: Role.ADMIN, canEdit: true, canManage: true },
    { name: 'an EDITOR of the lead agency', role: Role.EDITOR, agency: 'SFPD', canEdit: true, canManage: true },
    { name: 'an EDITOR of a partner agency', role: Role.EDITOR, agency: 'HSI', canEdit: true, canManage: false },
    { name: 'an EDITOR of another agency', role: Role.EDITOR, agency: 'APILO', canEdit: false, canManage: false },
    { name: 'a VIEWER of the lead agency', role: Role.VIEWER, agency: 'SFPD', canEdit: false, canManage: false },
  ];

  for (const caller of CALLERS) {
    it(`${caller.name}: viewerCanManage is ${caller.canManage}, and the visibility change and addPartner ${caller.canManage ? 'succeed' : 'are FORBIDDEN'}`, async () => {
      const id = await target();
      const client = server.as(await server.newToken(caller.role, caller.agency));
      const { milestone } = await client.ok(FIELDS, { id });
      expect(milestone.viewerCanEdit, 'viewerCanEdit').to.equal(caller.canEdit);
      expect(milestone.viewerCanManage, 'viewerCanManage').to.equal(caller.canManage);

      const visibility = await client.gql('mutation ($id: ID!, $v: Int) { updateMilestone(id: $id, expectedVersion: $v, input: { visibility: PARTNERS }) { visibility } }', {
        id,
        v: milestone.version,
      });
      const partner = await client.gql('mutation ($m: ID!, $a: ID!) { addPartner(milestoneId: $m, agencyId: $a, role: CONSULTED) { partners { agency { shortName } } } }', {
        m: id,
        a: agency('APILO'),
      });
      for (const [what, result] of [
        ['visibility', visibility],
        ['addPartner', partner],
      ] as const) {
        const refused = (result.errors ?? []).map((e) => e.extensions?.code);
        if (milestone.viewerCanManage) expect(refused, what).to.deep.equal([]);
        else expect(refused, what).to.deep.equal(['FORBIDDEN']);
      }
      const after = (await server.ok('query ($id: ID!) { milestone(id: $id) { visibility partners { agency { shortName } } } }', { id })).milestone;
      expect(after.visibility).to.equal(milestone.viewerCanManage ? 'PARTNERS' : 'PUBLIC');
      expect(after.partners.map((p: { agency: { shortName: string } }) => p.agency.shortName).includes('APILO')).to.equal(milestone.viewerCanManage);
    });
  }

  it('a read-only token of a lead editor cannot manage, and its change is refused', async () => {
    const id = await target();
    const client = server.as(await server.newToken(Role.EDITOR, 'SFPD', 'Read-only lead editor', true));
    const { milestone } = await client.ok(FIELDS, { id });
    expect(milestone.viewerCanManage).to.equal(false);
    const result = await client.gql('mutation ($m: ID!, $a: ID!) { addPartner(milestoneId: $m, agencyId: $a, role: CONSULTED) { id } }', { m: id, a: agency('APILO') });
    expect((result.errors ?? []).map((e) => e.extensions?.code)).to.deep.equal(['FORBIDDEN']);
  });
});
