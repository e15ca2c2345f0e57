/**
 * Single sign-on against a real OpenID provider (oidc-provider) started here on 127.0.0.1, and
 * browser sessions backed by the session table, on SQLite or PostgreSQL (DATABASE_URL).
 */
import { expect } from 'chai';
import { fixedDateClock } from '../../src/domain/clock';
import { Role } from '../../src/domain/enums';
import { User } from '../../src/entities';
import { UserAdmin } from '../../src/services/auth';
import { onPostgres } from '../support/database';
import { startTestServer, TestServer } from '../support/test-server';

describe(`single sign-on and browser sessions (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  describe('invitations', () => {
    let server: TestServer;
    let users: UserAdmin;
    before(async () => {
      server = await startTestServer({ seed: true });
      users = new UserAdmin(server.dataSource, fixedDateClock(server.today));
    });
    after(() => server.stop());

    it('an invited email is stored trimmed and lower-cased', async () => {
      const user = await users.createUser('Ana Ruiz', Role.EDITOR, 'SFPD', '  Ana.Ruiz@City.GOV ');
      expect((await server.dataSource.getRepository(User).findOneByOrFail({ rowId: user.rowId })).email).to.equal('ana.ruiz@city.gov');
    });

    it('a second user with the same email in another case is refused, and so is a non-address; no user is created', async () => {
      const count = await server.dataSource.getRepository(User).count();
      let error: unknown;
      await users.createUser('Ana Again', Role.VIEWER, undefined, 'ANA.RUIZ@city.gov').catch((e) => (error = e));
      expect(String(error)).to.match(/already has that email/);
      error = undefined;
      await users.createUser('No Address', Role.VIEWER, undefined, 'not-an-address').catch((e) => (error = e));
      expect(String(error)).to.match(/--email must be an email address/);
      expect(await server.dataSource.getRepository(User).count()).to.equal(count);
    });
  });
});
