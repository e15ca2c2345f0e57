/**
 * `npm run user -- <command>`: manage users and their bearer tokens.
 *
 *   create --name "Ana Ruiz" --role EDITOR --agency SFPD [--expires 2027-06-30] [--label laptop]
 *          creates a user and prints a first token
 *   create --name "Ana Ruiz" --role EDITOR --agency SFPD --email ana.ruiz@city.gov
 *          invites a user to sign in with single sign-on (no token printed; `token` makes one)
 *   token  --user 3 [--expires 2027-06-30] [--label laptop] [--read-only]
 *          prints a new token for a user; a read-only one acts as a VIEWER and may go in calendar URLs
 *   revoke --token 7                                           revokes one token
 *   disable --user 3                                           revokes all of a user's tokens and disables the user
 *   list                                                       users, roles, agencies and tokens (never the tokens themselves)
 *   dev-token                                                  prints a token of the local admin (created on first use); for development
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { databaseOptionsOf, openDatabase } from '../data-source';
import { Role } from '../domain/enums';
import { User } from '../entities';
import { UserAdmin } from '../services/auth';

const LOCAL_ADMIN = 'Local admin';

function usage(): never {
  console.error('Usage: npm run user -- create|token|revoke|disable|list|dev-token [options]  (see src/cli/user.ts)');
  process.exit(2);
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      agency: { type: 'string' },
      email: { type: 'string' },
      user: { type: 'string' },
      token: { type: 'string' },
      expires: { type: 'string' },
      label: { type: 'string' },
      'read-only': { type: 'boolean' },
    },
  });
  const config = loadConfig();
  const dataSource = await openDatabase(databaseOptionsOf(config));
  const users = new UserAdmin(dataSource, config.clock);
  const tokenOptions = { label: values.label, expiresAt: values.expires, readOnly: values['read-only'] ?? false };
  try {
    switch (positionals[0]) {
      case 'create': {
        if (!values.name || !values.role) usage();
        const user = await users.createUser(values.name, values.role.toUpperCase() as Role, values.agency, values.email);
        console.log(`Created user #${user.rowId} ${user.name} (${user.role}${values.agency ? `, ${values.agency}` : ''}).`);
        if (user.email) {
          console.log(`Invited ${user.email}: they sign in with single sign-on using that address.`);
          break;
        }
        const { token } = await users.issueToken(user.rowId, tokenOptions);
        console.log(`Token (shown once; keep it secret):\n${token}`);
        break;
      }
      case 'token': {
        if (!values.user) usage();
        const { token, row } = await users.issueToken(Number(values.user), tokenOptions);
        console.log(`Token #${row.rowId} for user #${values.user} (shown once; keep it secret):\n${token}`);
        break;
      }
      case 'revoke':
        if (!values.token) usage();
        console.log((await users.revokeToken(Number(values.token))) ? `Revoked token #${values.token}.` : `No active token #${values.token}.`);
        break;
      case 'disable':
        if (!values.user) usage();
        console.log((await users.disableUser(Number(values.user))) ? `Disabled user #${values.user} and revoked their tokens.` : `No active user #${values.user}.`);
        break;
      case 'list':
        for (const { user, agency, tokens } of await users.listUsers()) {
          const active = tokens.filter((t) => !t.revokedAt);
          console.log(`#${user.rowId}  ${user.name}${user.email ? ` <${user.email}>` : ''}  ${user.role}${agency ? ` ${agency}` : ''}${user.disabledAt ? '  (disabled)' : ''}  tokens: ${active.map((t) => `#${t.rowId}${t.readOnly ? ' read-only' : ''}${t.expiresAt ? ` until ${t.expiresAt}` : ''}`).join(', ') || 'none'}`);
        }
        break;
      case 'dev-token': {
        const existing = await dataSource.getRepository(User).findOneBy({ name: LOCAL_ADMIN, role: Role.ADMIN });
        const admin = existing ?? (await users.createUser(LOCAL_ADMIN, Role.ADMIN));
        const { token } = await users.issueToken(admin.rowId, { label: 'dev-token' });
        console.log(token);
        break;
      }
      default:
        usage();
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
