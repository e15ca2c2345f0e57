/** The queries and mutations of the "My tokens" and "Admin" pages: people, tokens and plan settings, all through the public API. */
import { gql } from '../shared/graphql';

export type Role = 'ADMIN' | 'EDITOR' | 'VIEWER';
export const ROLES: Role[] = ['ADMIN', 'EDITOR', 'VIEWER'];

export interface Token {
  id: string;
  label: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  readOnly: boolean;
  active: boolean;
}

/** A token just made: its text, shown once. */
export interface CreatedToken {
  token: string;
  apiToken: Token;
}

export interface AgencyOption {
  id: string;
  shortName: string;
  name: string;
}

export interface Person {
  id: string;
  version: number;
  name: string;
  email: string | null;
  role: Role;
  disabled: boolean;
  linkedToSingleSignOn: boolean;
  agency: AgencyOption | null;
  tokens: Token[];
}

export interface PlanSettings {
  id: string;
  version: number;
  title: string;
  description: string;
  startDate: string;
  endDate: string;
  timeZone: string;
  fiscalYearStartMonth: number;
  atRiskThreshold: number;
  offTrackShare: number;
  updateCadenceDays: number;
  suppressionThreshold: number;
  staffAgency: { id: string } | null;
}

const TOKEN = 'id label createdAt expiresAt revokedAt readOnly active';
const AGENCY = 'id shortName name';

export interface Me {
  name: string;
  role: Role | null;
  agency: AgencyOption | null;
  tokens: Token[];
}

export async function myTokens(): Promise<Me> {
  return (await gql<{ viewer: Me }>(`{ viewer { name role agency { ${AGENCY} } tokens { ${TOKEN} } } }`)).viewer;
}

export async function createMyToken(label: string, expiresOn: string | null): Promise<CreatedToken> {
  return (await gql<{ createMyToken: CreatedToken }>(`mutation($input: CreateMyTokenInput!) { createMyToken(input: $input) { token apiToken { ${TOKEN} } } }`, { input: { label, expiresOn } })).createMyToken;
}

export async function revokeMyToken(id: string): Promise<void> {
  await gql('mutation($id: ID!) { revokeMyToken(id: $id) { id } }', { id });
}

export async function people(): Promise<{ users: Person[]; agencies: AgencyOption[] }> {
  return gql(`{ users { id version name email role disabled linkedToSingleSignOn agency { ${AGENCY} } tokens { ${TOKEN} } } agencies { ${AGENCY} } }`);
}

export async function inviteUser(input: { name: string; email: string; role: string; agencyId: string | null }): Promise<void> {
  await gql('mutation($input: InviteUserInput!) { inviteUser(input: $input) { id } }', { input });
}

export async function updateUser(id: string, input: { role: string; agencyId: string | null }, expectedVersion: number): Promise<void> {
  await gql('mutation($id: ID!, $input: UpdateUserInput!, $v: Int) { updateUser(id: $id, input: $input, expectedVersion: $v) { id } }', { id, input, v: expectedVersion });
}

export async function disableUser(id: string): Promise<void> {
  await gql('mutation($id: ID!) { disableUser(id: $id) { id } }', { id });
}

export async function enableUser(id: string): Promise<void> {
  await gql('mutation($id: ID!) { enableUser(id: $id) { id } }', { id });
}

export async function createToken(userId: string, input: { label: string; expiresOn: string | null; readOnly: boolean }): Promise<CreatedToken> {
  return (await gql<{ createToken: CreatedToken }>(`mutation($userId: ID!, $input: CreateTokenInput!) { createToken(userId: $userId, input: $input) { token apiToken { ${TOKEN} } } }`, { userId, input })).createToken;
}

export async function revokeToken(id: string): Promise<void> {
  await gql('mutation($id: ID!) { revokeToken(id: $id) { id } }', { id });
}

export async function planSettings(id: string): Promise<PlanSettings | null> {
  return (
    await gql<{ plan: PlanSettings | null }>(
      'query($id: ID!) { plan(id: $id) { id version title description startDate endDate timeZone fiscalYearStartMonth atRiskThreshold offTrackShare updateCadenceDays suppressionThreshold staffAgency { id } } }',
      { id },
    )
  ).plan;
}

export async function updatePlan(id: string, input: Record<string, unknown>, expectedVersion: number): Promise<void> {
  await gql('mutation($id: ID!, $input: UpdatePlanInput!, $v: Int) { updatePlan(id: $id, input: $input, expectedVersion: $v) { id } }', { id, input, v: expectedVersion });
}
