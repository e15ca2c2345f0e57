import { expect } from 'chai';
import { Role } from '../../src/domain/enums';
import { editorWithoutAgency, isTokenActive, leavesNoAdmin, pastExpiry, tokenExpiryInstant } from '../../src/domain/people';

describe('people and token rules', () => {
  describe('a token given a last day', () => {
    it('stops at the end of that day in the zone: the next midnight there, in summer and in winter time', () => {
      expect(tokenExpiryInstant('2027-06-30', 'America/Los_Angeles').toISOString()).to.equal('2027-07-01T07:00:00.000Z');
      expect(tokenExpiryInstant('2027-01-15', 'America/Los_Angeles').toISOString()).to.equal('2027-01-16T08:00:00.000Z');
      expect(tokenExpiryInstant('2027-06-30', 'UTC').toISOString()).to.equal('2027-07-01T00:00:00.000Z');
      expect(tokenExpiryInstant('2027-06-30', 'Asia/Kolkata').toISOString()).to.equal('2027-06-30T18:30:00.000Z');
    });

    it('on the days the clocks change, still at the next local midnight (days of 23 and 25 hours)', () => {
      expect(tokenExpiryInstant('2027-03-14', 'America/Los_Angeles').toISOString()).to.equal('2027-03-15T07:00:00.000Z');
      expect(tokenExpiryInstant('2027-11-07', 'America/Los_Angeles').toISOString()).to.equal('2027-11-08T08:00:00.000Z');
    });

    it('may be today, never a day already over', () => {
      const zone = 'America/Los_Angeles';
      const now = new Date('2026-11-28T20:00:00.000Z'); // 12:00 on 2026-11-28 in San Francisco
      expect(pastExpiry('2026-11-28', '2026-11-28', tokenExpiryInstant('2026-11-28', zone), now, zone)).to.equal(null);
      expect(pastExpiry('2026-11-27', '2026-11-28', tokenExpiryInstant('2026-11-27', zone), now, zone)).to.deep.include({ code: 'BAD_USER_INPUT', field: 'expiresOn' });
      // "Today" pinned to a day whose end has passed in real time: a token that would be born expired is refused too.
      expect(pastExpiry('2026-11-28', '2026-11-28', tokenExpiryInstant('2026-11-28', zone), new Date('2026-11-29T08:00:00.000Z'), zone)).to.not.equal(null);
    });

    it('works until its expiry instant, exclusive, and never once revoked', () => {
      const token = { expiresAt: '2027-01-16T08:00:00.000Z', revokedAt: null };
      expect(isTokenActive(token, new Date('2027-01-16T07:59:59.999Z'))).to.equal(true);
      expect(isTokenActive(token, new Date('2027-01-16T08:00:00.000Z'))).to.equal(false);
      expect(isTokenActive({ expiresAt: null, revokedAt: null }, new Date('2100-01-01'))).to.equal(true);
      expect(isTokenActive({ expiresAt: null, revokedAt: '2026-11-28T10:00:00.000Z' }, new Date('2020-01-01'))).to.equal(false);
    });
  });

  it('an editor needs an agency; admins and viewers do not', () => {
    expect(editorWithoutAgency(Role.EDITOR, null)).to.deep.include({ code: 'BAD_USER_INPUT', field: 'agencyId' });
    expect(editorWithoutAgency(Role.EDITOR, 3)).to.equal(null);
    expect(editorWithoutAgency(Role.VIEWER, null)).to.equal(null);
    expect(editorWithoutAgency(Role.ADMIN, null)).to.equal(null);
  });

  it('a change may not leave no active admin: demoting or disabling the last one is refused, anything else goes', () => {
    const admin = { role: Role.ADMIN, disabled: false };
    expect(leavesNoAdmin(admin, { role: Role.VIEWER, disabled: false }, 0)).to.equal(true);
    expect(leavesNoAdmin(admin, { role: Role.ADMIN, disabled: true }, 0)).to.equal(true);
    expect(leavesNoAdmin(admin, { role: Role.VIEWER, disabled: false }, 1)).to.equal(false);
    expect(leavesNoAdmin(admin, admin, 0)).to.equal(false);
    // A disabled admin, or someone who is not an admin, is not what keeps the plan administered.
    expect(leavesNoAdmin({ role: Role.ADMIN, disabled: true }, { role: Role.VIEWER, disabled: true }, 0)).to.equal(false);
    expect(leavesNoAdmin({ role: Role.EDITOR, disabled: false }, { role: Role.EDITOR, disabled: true }, 0)).to.equal(false);
  });
});
