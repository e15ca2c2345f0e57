import { expect } from 'chai';
import { isSameOriginWrite, isSessionLive, normalizedEmail, sessionAbsoluteEnd } from '../../src/domain/sign-in';

describe('sign-in rules', () => {
  it('emails are matched trimmed and lower-cased; what is not an address is refused', () => {
    expect(normalizedEmail('  Ana.Ruiz@City.GOV ')).to.equal('ana.ruiz@city.gov');
    for (const bad of ['', 'ana', 'ana@city', '@city.gov', 'ana ruiz@city.gov', 'a@b@c.gov', `${'a'.repeat(250)}@c.gov`]) expect(normalizedEmail(bad), bad).to.equal(null);
    expect(normalizedEmail(`${'a'.repeat(248)}@c.gov`)).to.have.length(254);
  });

  describe('session expiry', () => {
    const limits = { idleMinutes: 30, maxHours: 2 };
    const createdAt = new Date('2026-11-28T09:00:00.000Z');
    const at = (iso: string) => new Date(iso);

    it('ends exactly at the idle limit after the last use', () => {
      const session = { createdAt, lastSeenAt: at('2026-11-28T09:10:00.000Z') };
      expect(isSessionLive(session, at('2026-11-28T09:39:59.999Z'), limits)).to.equal(true);
      expect(isSessionLive(session, at('2026-11-28T09:40:00.000Z'), limits)).to.equal(false);
    });

    it('ends exactly at the absolute limit after sign-in, however recently used', () => {
      expect(sessionAbsoluteEnd(createdAt, limits).toISOString()).to.equal('2026-11-28T11:00:00.000Z');
      const session = { createdAt, lastSeenAt: at('2026-11-28T10:59:00.000Z') };
      expect(isSessionLive(session, at('2026-11-28T10:59:59.999Z'), limits)).to.equal(true);
      expect(isSessionLive(session, at('2026-11-28T11:00:00.000Z'), limits)).to.equal(false);
    });
  });

  describe('cookie-authenticated writes', () => {
    const own = ['https://plans.example.org', 'http://127.0.0.1:4000'];

    it('come from an own origin, by Origin or else Referer', () => {
      expect(isSameOriginWrite('https://plans.example.org', undefined, own)).to.equal(true);
      expect(isSameOriginWrite(undefined, 'http://127.0.0.1:4000/dashboard?x=1', own)).to.equal(true);
    });

    it('are refused from another origin, another scheme or port, an opaque origin, or with neither header', () => {
      expect(isSameOriginWrite('https://evil.example', 'https://plans.example.org/', own)).to.equal(false);
      expect(isSameOriginWrite('http://plans.example.org', undefined, own)).to.equal(false);
      expect(isSameOriginWrite('http://127.0.0.1:4001', undefined, own)).to.equal(false);
      expect(isSameOriginWrite('null', undefined, own)).to.equal(false);
      expect(isSameOriginWrite(undefined, undefined, own)).to.equal(false);
    });
  });
});
