/**
 * "Admin" (?page=admin), for admins: people (invite; change role and agency; disable and enable;
 * their tokens, revoke any, issue one shown once) and the settings of the plan on screen. Every
 * write goes through the public API (into the audit trail); the server decides who may, so anyone
 * else who opens the address gets its refusal, not a form.
 */
import '../admin.css';
import { ApiError } from '../../shared/graphql';
import * as api from '../api-admin';
import { section } from '../app';
import { h } from '../dom';
import { actionForm, field, optionalDate, text } from '../forms';
import { localToday, State } from '../state';
import { confirmAction, newTokenBox, tokenList } from './tokens';

const ROLE_LABELS: Record<api.Role, string> = {
  VIEWER: 'Viewer: reads',
  EDITOR: 'Editor: reports on and edits their agency’s milestones',
  ADMIN: 'Admin: everything, including people and settings',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The people whose details are open, kept across the redraw that follows each write. */
const open = new Set<string>();
/** Who the token shown once on this page was issued for. */
let issuedFor: string | null = null;
let issuedToken: api.CreatedToken | null = null;

function select(name: string, options: [string, string][], value: string): HTMLSelectElement {
  const element = h('select', { name }, ...options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
  element.value = value;
  return element;
}

function roleSelect(value: api.Role): HTMLSelectElement {
  return select('role', api.ROLES.map((r) => [r, ROLE_LABELS[r]]), value);
}

function agencySelect(name: string, agencies: api.AgencyOption[], value: string | null, none: string): HTMLSelectElement {
  return select(name, [['', none], ...agencies.map((a): [string, string] => [a.id, `${a.shortName}: ${a.name}`])], value ?? '');
}

function inviteForm(agencies: api.AgencyOption[]): HTMLElement {
  return actionForm(
    'Invite a person',
    'Invite',
    [
      field('Name', h('input', { type: 'text', name: 'name', required: true, maxlength: 200, autocomplete: 'off' })),
      field('Email (as their sign-in provider knows it)', h('input', { type: 'email', name: 'email', required: true, maxlength: 320, autocomplete: 'off' })),
      field('Role', roleSelect('VIEWER')),
      field('Agency (required for an editor)', agencySelect('agencyId', agencies, null, 'No agency')),
    ],
    (data) => api.inviteUser({ name: text(data, 'name'), email: text(data, 'email'), role: text(data, 'role'), agencyId: text(data, 'agencyId') || null }),
  );
}

function personItem(person: api.Person, agencies: api.AgencyOption[]): HTMLElement {
  const state = person.disabled ? 'Disabled' : 'Active';
  const activeTokens = person.tokens.filter((t) => t.active).length;
  const details = h(
    'details',
    { open: open.has(person.id) },
    h(
      'summary',
      {},
      h('span', { class: 'person-name' }, person.name),
      h('span', { class: 'person-facts' }, [person.email ?? 'no email (tokens only)', `${person.role}${person.agency ? `, ${person.agency.shortName}` : ''}`, state, `${activeTokens} active token${activeTokens === 1 ? '' : 's'}`].join(' · ')),
    ),
    h(
      'dl',
      { class: 'facts' },
      ...([
        ['Email', person.email ?? 'None: signs in with tokens only'],
        ['Role', ROLE_LABELS[person.role]],
        ['Agency', person.agency ? `${person.agency.shortName}: ${person.agency.name}` : 'None'],
        ['State', person.disabled ? 'Disabled: cannot sign in' : 'Active'],
        ['Single sign-on', person.linkedToSingleSignOn ? 'Linked (has signed in)' : person.email ? 'Not yet signed in' : 'Not invited'],
      ] as [string, string][]).map(([k, v]) => h('div', { 'data-fact': k }, h('dt', {}, k), h('dd', {}, v))),
    ),
    h(
      'div',
      { class: 'actions' },
      actionForm(`Role and agency of ${person.name}`, 'Save', [field('Role', roleSelect(person.role)), field('Agency', agencySelect('agencyId', agencies, person.agency?.id ?? null, 'No agency'))], (data) =>
        api.updateUser(person.id, { role: text(data, 'role'), agencyId: text(data, 'agencyId') || null }, person.version),
      ),
      person.disabled
        ? actionForm(`Enable ${person.name}`, 'Enable', [h('p', { class: 'hint' }, 'They may sign in again. Their old tokens stay revoked: issue new ones.')], () => api.enableUser(person.id))
        : h(
            'div',
            { class: 'action' },
            h('h4', {}, 'Disable'),
            confirmAction('Disable…', `Disable ${person.name}?`, 'They can no longer sign in; their tokens are revoked and their sessions end at once.', 'Disable', () => api.disableUser(person.id)),
          ),
      person.disabled
        ? ''
        : actionForm(
            `Issue a token for ${person.name}`,
            'Issue token',
            [
              field('Label', h('input', { type: 'text', name: 'label', required: true, maxlength: 200 })),
              field('Last day (optional)', h('input', { type: 'date', name: 'expiresOn', min: localToday() })),
              h('div', { class: 'field check' }, h('label', {}, h('input', { type: 'checkbox', name: 'readOnly', value: 'true' }), ' Read-only (for calendar feeds)')),
            ],
            async (data) => {
              const made = await api.createToken(person.id, { label: text(data, 'label'), expiresOn: optionalDate(data, 'expiresOn'), readOnly: data.get('readOnly') === 'true' });
              issuedFor = person.id;
              issuedToken = made;
            },
          ),
    ),
    h('h4', {}, `Tokens of ${person.name}`),
    tokenList(person.tokens, `Tokens of ${person.name}`, (t) => api.revokeToken(t.id)),
  );
  details.addEventListener('toggle', () => (details.open ? open.add(person.id) : open.delete(person.id)));
  const made = issuedFor === person.id ? issuedToken : null;
  if (made) {
    issuedFor = null;
    issuedToken = null;
    open.add(person.id);
    details.open = true;
    details.querySelector('dl')!.after(newTokenBox(made, []));
  }
  return h('li', { class: 'person', 'data-user-id': person.id, 'data-disabled': String(person.disabled) }, details);
}

function settingsForm(plan: api.PlanSettings, agencies: api.AgencyOption[]): HTMLElement {
  const number = (name: keyof api.PlanSettings, min: number, max: number) => h('input', { type: 'number', name, min, max, step: 1, required: true, value: String(plan[name]) });
  const fields = [
    field('Title', h('input', { type: 'text', name: 'title', required: true, maxlength: 200, value: plan.title })),
    field('Description', h('textarea', { name: 'description', rows: 3, maxlength: 5000 }, plan.description)),
    field('First day', h('input', { type: 'date', name: 'startDate', required: true, value: plan.startDate })),
    field('Last day', h('input', { type: 'date', name: 'endDate', required: true, value: plan.endDate })),
    field('Time zone (IANA, e.g. America/Los_Angeles)', h('input', { type: 'text', name: 'timeZone', required: true, maxlength: 64, value: plan.timeZone })),
    field('Reporting year starts in', select('fiscalYearStartMonth', MONTHS.map((m, i) => [String(i + 1), m]), String(plan.fiscalYearStartMonth))),
    field('At risk when behind by (percentage points)', number('atRiskThreshold', 1, 100)),
    field('Off track when overdue share reaches (%)', number('offTrackShare', 1, 100)),
    field('Update stale after (days)', number('updateCadenceDays', 1, 366)),
    field('Suppress sensitive values below', number('suppressionThreshold', 1, 1000)),
    field('Staffing agency', agencySelect('staffAgencyId', agencies, plan.staffAgency?.id ?? null, 'None')),
  ];
  return actionForm('Plan settings', 'Save settings', fields, (data) => {
    // Only what was changed goes to the server, against the version read: a change made meanwhile is a CONFLICT, not overwritten.
    const changes: Record<string, unknown> = {};
    for (const name of ['title', 'description', 'startDate', 'endDate', 'timeZone'] as const) if (text(data, name) !== plan[name]) changes[name] = text(data, name);
    for (const name of ['fiscalYearStartMonth', 'atRiskThreshold', 'offTrackShare', 'updateCadenceDays', 'suppressionThreshold'] as const) if (Number(text(data, name)) !== plan[name]) changes[name] = Number(text(data, name));
    const staff = text(data, 'staffAgencyId') || null;
    if (staff !== (plan.staffAgency?.id ?? null)) changes.staffAgencyId = staff;
    return Object.keys(changes).length ? api.updatePlan(plan.id, changes, plan.version) : Promise.resolve();
  });
}

export async function adminView(_state: State, planId: string): Promise<HTMLElement> {
  let loaded: [{ users: api.Person[]; agencies: api.AgencyOption[] }, api.PlanSettings | null];
  try {
    loaded = await Promise.all([api.people(), api.planSettings(planId)]);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'FORBIDDEN') {
      return h('article', { class: 'admin-page' }, h('h2', {}, 'Administration'), h('p', { class: 'forbidden' }, `This page is for admins. The server says: ${error.message}`));
    }
    throw error;
  }
  const [{ users, agencies }, plan] = loaded;
  const active = users.filter((u) => !u.disabled).length;
  return h(
    'article',
    { class: 'admin-page' },
    h('h2', {}, 'Administration'),
    h('p', { class: 'hint' }, 'Every change here is recorded in the audit trail.'),
    section(
      `People (${users.length}, ${active} active)`,
      'h-people',
      h('p', { class: 'hint' }, 'People are invited by the email their sign-in provider knows them by; their first single sign-on with it links them. Changes of role or agency apply on their next request.'),
      h('div', { class: 'actions' }, inviteForm(agencies)),
      h('ul', { class: 'people', 'aria-label': 'People' }, ...users.map((u) => personItem(u, agencies))),
    ),
    plan ? section(`Settings of ${plan.title}`, 'h-settings', h('div', { class: 'actions' }, settingsForm(plan, agencies))) : '',
  );
}
