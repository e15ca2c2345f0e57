/**
 * Illustrative indicators for the sample plans. Survivor counts are sensitive: values below the
 * plan's suppression threshold (11) are hidden outside HSA and admins.
 */
import { DateTime } from 'luxon';
import { Direction } from '../src/domain/indicator';
import { SeedIndicator } from './seed-types';

const m = (measuredOn: string, value: number, note = 'Quarterly count') => ({ measuredOn, value, note });

export const firstPlanIndicators: SeedIndicator[] = [
  {
    name: 'Survivors referred to services through the city protocol',
    description: 'Unduplicated survivors referred to case management through the interagency referral protocol.',
    unit: 'people',
    agency: 'HSA',
    goal: 'G4',
    baselineValue: 0,
    targetValue: 150,
    targetDate: '2017-06-30',
    direction: Direction.INCREASE,
    sensitive: true,
    measurements: [m('2014-06-30', 8), m('2014-12-31', 19), m('2015-06-30', 41), m('2015-12-31', 67), m('2016-06-30', 98), m('2016-12-31', 121), m('2017-06-30', 139)],
  },
  {
    name: 'City staff trained on trafficking indicators',
    description: 'Police, health, school and social-services staff who completed the task force training.',
    unit: 'people',
    agency: 'DOSW',
    goal: 'G3',
    baselineValue: 0,
    targetValue: 2000,
    targetDate: '2017-06-30',
    direction: Direction.INCREASE,
    sensitive: false,
    measurements: [m('2014-06-30', 180), m('2014-12-31', 420), m('2015-06-30', 760), m('2015-12-31', 1150), m('2016-06-30', 1490), m('2016-12-31', 1810), m('2017-06-30', 2065)],
  },
  {
    name: 'Permitted massage establishments inspected',
    description: 'Establishments inspected at least once in the year by DPH Environmental Health.',
    unit: 'establishments',
    agency: 'DPH',
    goal: 'G3',
    baselineValue: 0,
    targetValue: 300,
    targetDate: '2017-06-30',
    direction: Direction.INCREASE,
    sensitive: false,
    measurements: [m('2014-06-30', 35), m('2015-06-30', 120), m('2016-06-30', 205), m('2017-06-30', 262)],
  },
];

/** Quarter ends from the plan's start up to today, with values growing toward the target. */
function quarterly(today: string, values: number[], note: string): { measuredOn: string; value: number; note: string }[] {
  const points: { measuredOn: string; value: number; note: string }[] = [];
  let end = DateTime.fromISO('2025-09-30', { zone: 'utc' });
  for (const value of values) {
    const date = end.toISODate()!;
    if (date > today) break;
    points.push({ measuredOn: date, value, note });
    end = end.plus({ days: 1 }).plus({ months: 3 }).minus({ days: 1 });
  }
  return points;
}

export function currentPlanIndicators(today: string): SeedIndicator[] {
  return [
    {
      name: 'Survivors receiving services',
      description: 'Unduplicated trafficking survivors in case management with city-funded providers.',
      unit: 'people',
      agency: 'HSA',
      goal: 'G4',
      baselineValue: 0,
      targetValue: 200,
      targetDate: '2029-06-30',
      direction: Direction.INCREASE,
      sensitive: true,
      measurements: quarterly(today, [6, 14, 23, 35, 48, 62, 77, 93, 108, 124, 139, 156, 171, 185, 198, 210], 'Quarterly provider report'),
    },
    {
      name: 'Staff and hotel workers trained',
      description: 'City staff and hospitality workers trained to recognise and report trafficking.',
      unit: 'people',
      agency: 'DOSW',
      goal: 'G3',
      baselineValue: 0,
      targetValue: 5000,
      targetDate: '2029-06-30',
      direction: Direction.INCREASE,
      sensitive: false,
      measurements: quarterly(today, [240, 610, 1180, 1420, 1700, 2050, 2380, 2700, 3050, 3400, 3700, 4000, 4300, 4600, 4850, 5100], 'Training roster'),
    },
    {
      name: 'Median days to certify T and U visa requests',
      description: 'Median days from a survivor\'s certification request to the law-enforcement signature.',
      unit: 'days',
      agency: 'SFPD',
      goal: 'G3',
      baselineValue: 180,
      targetValue: 90,
      targetDate: '2027-06-30',
      direction: Direction.DECREASE,
      sensitive: false,
      measurements: quarterly(today, [176, 168, 161, 150, 146, 139, 131, 122, 118, 110, 104, 97, 93, 90, 88, 86], 'Certification log'),
    },
  ];
}
