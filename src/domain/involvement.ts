/**
 * How an agency is involved in a milestone: it leads it, or partners on it in a support or
 * consulted role. An agency's milestones and roll-ups are asked for by one AgencyRole.
 */
import { AgencyRole, PartnerRole } from './enums';

/** Whether the role asked for counts the milestones the agency leads (LEAD and ANY). */
export function includesLead(role: AgencyRole): boolean {
  return role === AgencyRole.LEAD || role === AgencyRole.ANY;
}

/** The partner roles the role asked for counts: none for LEAD, one for SUPPORT or CONSULTED, both for PARTNER and ANY. */
export function partnerRolesOf(role: AgencyRole): PartnerRole[] {
  switch (role) {
    case AgencyRole.LEAD:
      return [];
    case AgencyRole.SUPPORT:
      return [PartnerRole.SUPPORT];
    case AgencyRole.CONSULTED:
      return [PartnerRole.CONSULTED];
    case AgencyRole.PARTNER:
    case AgencyRole.ANY:
      return [PartnerRole.SUPPORT, PartnerRole.CONSULTED];
  }
}
