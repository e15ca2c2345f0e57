/**
 * Sample agencies: real public agencies and community organisations active in San
 * Francisco's anti-trafficking field. Used by the illustrative sample plans in this
 * folder; membership in a sample plan does not describe any agency's actual commitments.
 * `key` is the short name.
 */
import { AgencyKind, Jurisdiction } from '../src/domain/enums';
import { SeedAgency } from './seed-types';

const agency = (
  shortName: string,
  name: string,
  kind: AgencyKind,
  jurisdiction: Jurisdiction,
): SeedAgency => ({ key: shortName, name, shortName, kind, jurisdiction });

export const sampleAgencies: SeedAgency[] = [
  // City and County of San Francisco
  agency('DOSW', 'Department on the Status of Women', AgencyKind.GOVERNMENT, Jurisdiction.CITY),
  agency('MAYOR', 'Office of the Mayor', AgencyKind.GOVERNMENT, Jurisdiction.CITY),
  agency('CAT', 'San Francisco City Attorney\'s Office', AgencyKind.GOVERNMENT, Jurisdiction.CITY),
  agency('SFPD', 'San Francisco Police Department', AgencyKind.LAW_ENFORCEMENT, Jurisdiction.CITY),
  agency('SFDA', "San Francisco District Attorney's Office", AgencyKind.PROSECUTION, Jurisdiction.COUNTY),
  agency('JPD', 'San Francisco Juvenile Probation Department', AgencyKind.LAW_ENFORCEMENT, Jurisdiction.COUNTY),
  agency('HSA', 'San Francisco Human Services Agency', AgencyKind.SOCIAL_SERVICES, Jurisdiction.CITY),
  agency('DCYF', 'Department of Children, Youth and Their Families', AgencyKind.SOCIAL_SERVICES, Jurisdiction.CITY),
  agency('DPH', 'San Francisco Department of Public Health', AgencyKind.HEALTH, Jurisdiction.CITY),
  agency('SFUSD', 'San Francisco Unified School District', AgencyKind.EDUCATION, Jurisdiction.CITY),
  agency('SFO', 'San Francisco International Airport', AgencyKind.GOVERNMENT, Jurisdiction.CITY),
  // Federal partners
  agency('FBI', 'FBI San Francisco Field Office', AgencyKind.LAW_ENFORCEMENT, Jurisdiction.FEDERAL),
  agency('HSI', 'Homeland Security Investigations San Francisco', AgencyKind.IMMIGRATION, Jurisdiction.FEDERAL),
  agency(
    'USAO',
    "U.S. Attorney's Office for the Northern District of California",
    AgencyKind.PROSECUTION,
    Jurisdiction.FEDERAL,
  ),
  // Community organisations
  agency('AWS', "Asian Women's Shelter", AgencyKind.COMMUNITY_ORGANIZATION, Jurisdiction.NONPROFIT),
  agency('APILO', 'API Legal Outreach (Asian Pacific Islander Legal Outreach)', AgencyKind.COMMUNITY_ORGANIZATION, Jurisdiction.NONPROFIT),
  agency('HUCK', 'Huckleberry Youth Programs', AgencyKind.COMMUNITY_ORGANIZATION, Jurisdiction.NONPROFIT),
  agency('LSYS', 'Larkin Street Youth Services', AgencyKind.COMMUNITY_ORGANIZATION, Jurisdiction.NONPROFIT),
  agency('SJI', 'St. James Infirmary', AgencyKind.HEALTH, Jurisdiction.NONPROFIT),
  agency('BAATC', 'Bay Area Anti-Trafficking Coalition', AgencyKind.COMMUNITY_ORGANIZATION, Jurisdiction.NONPROFIT),
  agency('HCSF', 'Hotel Council of San Francisco', AgencyKind.OTHER, Jurisdiction.NONPROFIT),
];
