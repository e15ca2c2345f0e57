/**
 * Who may do what (docs/rules.md, "Who may see and do what"), as pure functions. Data access applies the
 * same visibility rule in SQL (services/visibility.ts); the two must stay in step.
 */
import { Role, Visibility } from './enums';

/** Whoever a request acts for; `role` null means anonymous. */
export interface Viewer {
  userId: number | null;
  name: string;
  role: Role | null;
  /** The agency an editor (or viewer) belongs to, if any. */
  agencyId: number | null;
  /** Acting through a read-only token (as a VIEWER whatever the user's role): such a request changes nothing, not even its user's tokens. */
  readOnly?: boolean;
}

export const ANONYMOUS: Viewer = { userId: null, name: 'anonymous', role: null, agencyId: null };

/** The agencies that take part in a milestone. */
export interface MilestoneParties {
  visibility: Visibility;
  leadAgencyId: number;
  partnerAgencyIds: readonly number[];
}

/** The parties of a milestone, from the milestone and the agencies partnering on it. */
export function milestoneParties(milestone: Pick<MilestoneParties, 'visibility' | 'leadAgencyId'>, partners: readonly { agencyId: number }[]): MilestoneParties {
  return { visibility: milestone.visibility, leadAgencyId: milestone.leadAgencyId, partnerAgencyIds: partners.map((p) => p.agencyId) };
}

function isParty(viewer: Viewer, milestone: Omit<MilestoneParties, 'visibility'>): boolean {
  return viewer.agencyId !== null && (milestone.leadAgencyId === viewer.agencyId || milestone.partnerAgencyIds.includes(viewer.agencyId));
}

/** A PARTNERS milestone exists only for admins and members of its lead and partner agencies. */
export function canSeeMilestone(viewer: Viewer, milestone: MilestoneParties): boolean {
  return milestone.visibility === Visibility.PUBLIC || viewer.role === Role.ADMIN || isParty(viewer, milestone);
}

/** Admins edit everything; an editor edits the milestones its agency leads or partners on. */
export function canEditMilestone(viewer: Viewer, milestone: Omit<MilestoneParties, 'visibility'>): boolean {
  return viewer.role === Role.ADMIN || (viewer.role === Role.EDITOR && isParty(viewer, milestone));
}

/**
 * Visibility, partners and the lead agency decide who sees and edits a milestone, so only admins
 * and editors of its lead agency change them; a partner cannot widen its own access or anyone's.
 */
export function canChangeMilestoneAccess(viewer: Viewer, milestone: Pick<MilestoneParties, 'leadAgencyId'>): boolean {
  return viewer.role === Role.ADMIN || (viewer.role === Role.EDITOR && viewer.agencyId === milestone.leadAgencyId);
}

/** Roles that may call an operation guarded by `roles` (empty: any signed-in user). */
export function hasRole(viewer: Viewer, roles: readonly Role[]): boolean {
  return viewer.role !== null && (roles.length === 0 || roles.includes(viewer.role));
}

/** Admins and members of an indicator's agency read its small numbers and record its measurements. */
export function isIndicatorInsider(viewer: Viewer, indicatorAgencyId: number): boolean {
  return viewer.role === Role.ADMIN || (viewer.role !== null && viewer.agencyId === indicatorAgencyId);
}

/** Staff names (audit actors, authors of updates, moves and measurements, publishers) reach signed-in readers only. */
export function seesStaffNames(viewer: Viewer): boolean {
  return viewer.role !== null;
}

/** A staff name as this reader may see it: null for anonymous readers. */
export function shownStaffName(name: string, viewer: Viewer): string | null {
  return seesStaffNames(viewer) ? name : null;
}
