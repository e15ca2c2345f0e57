/**
 * Illustrative sample data: the task force's current strategic plan (fiscal years
 * 2026–2029), in progress. Goals follow the task force's published mission and the
 * committees are its four subcommittees; milestones, dates, progress and notes are
 * invented for demonstration and are not the task force's actual plan or record.
 *
 * Because the plan is in progress and the seed may run on any day, every date is placed
 * relative to `today` (a number of days before or after it) and then clamped into the
 * plan's dates. Nothing is completed, cancelled, moved or reported after `today`. Run
 * between 2026 and 2028, the plan shows a living mix under the status rules of
 * docs/rules.md (at-risk threshold 25): about a quarter completed (two of them late), a third
 * on track, some at risk (behind expected progress, or waiting on an overdue milestone),
 * four overdue, several not started, one cancelled.
 */
import { DateTime } from 'luxon';
import { PartnerRole, Visibility } from '../src/domain/enums';
import { SeedGoal, SeedMilestone, SeedPlan } from './seed-types';

const PLAN_START = '2025-07-01';
const PLAN_END = '2029-06-30';
const ZONE = 'America/Los_Angeles';

type Partner = NonNullable<SeedMilestone['partners']>[number];
const support = (...agencies: string[]): Partner[] => agencies.map((agency) => ({ agency, role: PartnerRole.SUPPORT }));
const consulted = (...agencies: string[]): Partner[] =>
  agencies.map((agency) => ({ agency, role: PartnerRole.CONSULTED }));

/** Who reports progress for a lead agency, unless a milestone names its own author. */
const AUTHOR: Record<string, string> = {
  DOSW: 'DOSW policy staff',
  SFPD: 'SFPD Special Victims Unit',
  SFDA: 'SFDA Victim Services Division',
  HSA: "HSA Family and Children's Services",
  DPH: 'DPH Environmental Health',
  JPD: 'JPD Probation Services',
  DCYF: 'DCYF program staff',
  SFUSD: 'SFUSD Student, Family and Community Support',
  CAT: "City Attorney's Office, Code Enforcement Team",
  SFO: 'SFO Airport Operations',
  HSI: 'HSI San Francisco, human trafficking group',
  AWS: "Asian Women's Shelter",
  APILO: 'API Legal Outreach',
  SJI: 'St. James Infirmary',
};

/**
 * A milestone with its dates as day offsets from today (negative = in the past).
 * `updates` rows are [offset, percentComplete, note].
 */
interface RelMilestone {
  code: string;
  title: string;
  description: string;
  lead: string;
  partners?: Partner[];
  start: number;
  due: number;
  move?: { on: number; to: number; reason: string };
  done?: number;
  cancelled?: { on: number; reason: string };
  weight?: number;
  visibility?: Visibility;
  dependsOn?: string[];
  author?: string;
  updates?: [days: number, percentComplete: number, note: string][];
}

/** Fiscal year (San Francisco: July–June) that an ISO date falls in. */
const fiscalYear = (iso: string): number => {
  const date = DateTime.fromISO(iso);
  return date.month >= 7 ? date.year + 1 : date.year;
};

/**
 * The current plan as it stands on `today` (ISO date, read in the plan's time zone).
 * Robust for any valid date: dates are clamped into the plan, and anything that would lie
 * after `today` (a completion, a cancellation, a move, an update) is left out.
 */
export function currentPlan(today: string): SeedPlan {
  const now = DateTime.fromISO(today, { zone: ZONE }).startOf('day');
  if (!now.isValid) throw new Error(`currentPlan: not a valid date: ${today}`);
  const todayIso = now.toISODate()!;

  const clamp = (iso: string): string => (iso < PLAN_START ? PLAN_START : iso > PLAN_END ? PLAN_END : iso);
  /** The date `days` from today, clamped into the plan. */
  const d = (days: number): string => clamp(now.plus({ days }).toISODate()!);
  /** Title of the annual report due `days` from today: it covers the fiscal year that ended before it. */
  const reportYear = (days: number): number => fiscalYear(d(days)) - 1;

  /** Clean up what clamping and an early or late `today` can produce. */
  const settle = (m: SeedMilestone): SeedMilestone => {
    if (m.completedOn && m.completedOn > todayIso) delete m.completedOn;
    if (m.cancelledOn && m.cancelledOn > todayIso) {
      delete m.cancelledOn;
      delete m.cancelReason;
    }
    if (m.moves) {
      let due = m.dueDate;
      m.moves = m.moves.filter((move) => {
        if (move.changedOn > todayIso || move.newDueDate <= due) return false;
        due = move.newDueDate;
        return true;
      });
      if (m.moves.length === 0) delete m.moves;
    }
    if (m.updates) {
      const limit = [todayIso, m.completedOn, m.cancelledOn].filter((x): x is string => !!x).sort()[0];
      const kept = m.updates.filter((u) => u.reportedOn >= m.startDate && u.reportedOn <= limit);
      // Clamping can put several updates on one day: keep the last (highest) of each day.
      m.updates = kept.filter((u, i) => i === kept.length - 1 || kept[i + 1].reportedOn !== u.reportedOn);
      if (m.updates.length === 0) delete m.updates;
    }
    return m;
  };

  const milestone = (r: RelMilestone): SeedMilestone => {
    const m: SeedMilestone = {
      code: r.code,
      title: r.title,
      description: r.description,
      lead: r.lead,
      startDate: d(r.start),
      dueDate: d(r.due),
    };
    if (r.partners) m.partners = r.partners;
    if (r.move) m.moves = [{ changedOn: d(r.move.on), newDueDate: d(r.move.to), reason: r.move.reason }];
    if (r.done !== undefined) m.completedOn = d(r.done);
    if (r.cancelled) {
      m.cancelledOn = d(r.cancelled.on);
      m.cancelReason = r.cancelled.reason;
    }
    if (r.weight !== undefined) m.weight = r.weight;
    if (r.visibility) m.visibility = r.visibility;
    if (r.dependsOn) m.dependsOn = r.dependsOn;
    if (r.updates) {
      const author = r.author ?? AUTHOR[r.lead] ?? `${r.lead} staff`;
      m.updates = r.updates.map(([days, percentComplete, note]) => ({
        reportedOn: d(days),
        percentComplete,
        note,
        author,
      }));
    }
    return settle(m);
  };
  const ms = (...rels: RelMilestone[]): SeedMilestone[] => rels.map(milestone);

  const goals: SeedGoal[] = [
    // ---------------------------------------------------------------- G1
    {
      code: 'G1',
      title: 'Examine the nature and scope of human trafficking across San Francisco and the Bay Area',
      description:
        'Keep a shared, de-duplicated picture of sex and labor trafficking in San Francisco, including recruitment online, from agency and community data.',
      lead: 'DOSW',
      weight: 1.5,
      milestones: ms(
        {
          code: 'G1.M1',
          title: 'Refresh the inventory of trafficking data sources',
          description:
            'Update the list of what each agency and community partner records about trafficking, adding labor trafficking and online exploitation sources.',
          lead: 'DOSW',
          partners: support('SFPD', 'HSA'),
          start: -320,
          due: -200,
          done: -210,
          updates: [
            [-290, 20, 'Data contacts confirmed in every member agency.'],
            [-250, 55, 'Community partners described their client-data fields.'],
            [-215, 90, 'Inventory circulated for last corrections.'],
          ],
        },
        {
          code: 'G1.M2',
          title: 'Labor trafficking scope study',
          description:
            'Estimate labor trafficking in restaurants, domestic work, construction and nail and massage businesses, with legal service providers and worker advocates.',
          lead: 'DOSW',
          partners: consulted('APILO', 'AWS'),
          start: -120,
          due: 240,
          updates: [
            [-100, 5, 'Study design agreed with community partners.'],
            [-40, 25, 'Interviews with legal service providers under way.'],
          ],
        },
        {
          code: 'G1.M3',
          title: 'Bay Area regional data exchange',
          description:
            'Exchange aggregate case data with neighbouring county task forces to follow cases that cross county lines.',
          lead: 'DOSW',
          partners: consulted('HSI', 'SFDA'),
          start: 60,
          due: 300,
          dependsOn: ['G1.1.M1'],
        },
      ),
      children: [
        {
          code: 'G1.1',
          title: 'Share case data safely between agencies',
          description:
            'Renew the data-sharing agreement and keep the case-counting rules current so agencies can report regularly without exposing survivors.',
          lead: 'DOSW',
          weight: 1,
          milestones: ms(
            {
              code: 'G1.1.M1',
              title: 'Renew the interagency data-sharing MOU',
              description:
                'Renew the memorandum of understanding among SFPD, SFDA, HSA, JPD and DPH for sharing de-identified trafficking case data with the task force.',
              lead: 'DOSW',
              partners: [...support('SFPD', 'HSA'), ...consulted('CAT')],
              start: -150,
              due: -10,
              move: {
                on: -30,
                to: 60,
                reason: "The City Attorney's review of the updated confidentiality terms needs another two months.",
              },
              weight: 1.5,
              updates: [
                [-140, 10, 'Renewal terms circulated to the five agencies.'],
                [-80, 40, 'Agencies agreed the updated data fields.'],
                [-20, 65, "Draft with the City Attorney's Office; signatures to follow."],
              ],
            },
            {
              code: 'G1.1.M2',
              title: 'Case-counting rules for labor and online trafficking',
              description:
                'Extend the common case-counting rules to labor trafficking and to online recruitment, so agency counts can still be combined.',
              lead: 'DOSW',
              partners: consulted('SFDA', 'SFPD'),
              start: -200,
              due: -21,
              updates: [
                [-180, 10, 'Working group formed.'],
                [-120, 40, 'Draft rules for labor trafficking cases.'],
                [-60, 60, 'Online recruitment cases still under discussion.'],
                [-10, 70, 'Two agencies have not yet agreed the online rules.'],
              ],
            },
            {
              code: 'G1.1.M3',
              title: 'De-identified data dashboard for member agencies',
              description:
                'A restricted dashboard of quarterly de-identified case data for member agencies, with small numbers suppressed.',
              lead: 'DOSW',
              partners: support('DPH'),
              start: -60,
              due: 150,
              dependsOn: ['G1.1.M2'],
              updates: [
                [-50, 10, 'Dashboard layout agreed.'],
                [-5, 30, 'Built on the old counting rules for now; waiting on the new ones.'],
              ],
            },
          ),
        },
      ],
    },
    // ---------------------------------------------------------------- G2
    {
      code: 'G2',
      title: 'Evaluate progress in combating human trafficking in San Francisco',
      description: 'Update the indicators, measure them each year and review the plan at mid-point.',
      lead: 'DOSW',
      weight: 1,
      milestones: ms(
        {
          code: 'G2.M1',
          title: 'Update the evaluation framework and indicators',
          description:
            'Revise the indicators the task force tracks, adding labor trafficking cases, youth screened and survivors housed.',
          lead: 'DOSW',
          partners: consulted('SFDA', 'HSA'),
          start: -330,
          due: -210,
          done: -215,
          updates: [
            [-300, 20, 'Indicators of the previous plan reviewed.'],
            [-240, 70, 'New indicators agreed by the committees.'],
          ],
        },
        {
          code: 'G2.M2',
          title: 'First-year indicator measurement',
          description: 'Collect first-year values for every indicator in the updated framework.',
          lead: 'DOSW',
          partners: support('SFPD', 'HSA'),
          start: -90,
          due: 90,
          dependsOn: ['G2.M1'],
          updates: [
            [-70, 15, 'Data request sent with the indicator definitions.'],
            [-30, 40, 'About half of the values received.'],
          ],
        },
        {
          code: 'G2.M3',
          title: 'Survivor-led feedback sessions on city services',
          description:
            'Sessions designed and led by survivors, who are paid for their time, on how city and community services worked for them.',
          lead: 'DOSW',
          partners: support('AWS', 'LSYS'),
          start: 30,
          due: 180,
        },
        {
          code: 'G2.M4',
          title: 'Mid-plan review',
          description: 'Review the indicators against the first-year values and report what is and is not working.',
          lead: 'DOSW',
          partners: consulted('MAYOR'),
          start: 200,
          due: 380,
          dependsOn: ['G2.M2'],
        },
      ),
    },
    // ---------------------------------------------------------------- G3
    {
      code: 'G3',
      title: 'Protect and assist victims and bring traffickers to justice',
      description:
        'Act on the challenges and opportunities in protecting and assisting victims and in investigating and prosecuting traffickers.',
      lead: 'SFDA',
      weight: 2,
      milestones: ms(
        {
          code: 'G3.M1',
          title: 'Refresher training for SFPD patrol on trafficking indicators',
          description:
            'Updated roll-call and online training for patrol officers at all ten district stations, including labor trafficking and online recruitment.',
          lead: 'SFPD',
          partners: [...support('SFDA'), ...consulted('AWS')],
          start: -300,
          due: -90,
          done: -95,
          updates: [
            [-240, 30, 'Training updated with the Academy; first stations trained.'],
            [-180, 55, '6 of 10 stations trained.'],
            [-120, 85, '9 of 10 stations trained; online module live.'],
          ],
        },
        {
          code: 'G3.M2',
          title: 'Update the victim-centered investigation protocol',
          description:
            'Revise the joint SFPD and SFDA protocol to cover labor trafficking and to offer every possible victim an advocate at first contact.',
          lead: 'SFDA',
          partners: [...support('SFPD'), ...consulted('APILO')],
          start: -180,
          due: 180,
          weight: 1.5,
          updates: [
            [-160, 10, 'Cases from the last two years reviewed with investigators.'],
            [-100, 30, 'Labor trafficking section drafted.'],
            [-40, 45, 'Draft with community partners for comment.'],
          ],
        },
        {
          code: 'G3.M3',
          title: '90-day turnaround for T and U visa certifications',
          description:
            'Bring SFPD certifications for victims applying for T or U visas to a 90-day turnaround and clear the backlog.',
          lead: 'SFPD',
          partners: [...support('SFDA'), ...consulted('APILO')],
          start: -240,
          due: 60,
          updates: [
            [-200, 10, 'Backlog of pending requests counted.'],
            [-130, 25, 'Certifying officer position vacant for two months.'],
            [-30, 40, 'Backlog down by a third; turnaround still well above 90 days.'],
          ],
        },
        {
          code: 'G3.M4',
          title: 'Joint SFPD, HSI and FBI case-coordination group',
          description:
            'Monthly deconfliction of trafficking investigations, with victim-assistance steps agreed for every joint case.',
          lead: 'SFPD',
          partners: [...support('HSI', 'FBI'), ...consulted('USAO')],
          start: -200,
          due: 160,
          visibility: Visibility.PARTNERS,
          updates: [
            [-170, 10, 'Terms of reference drafted.'],
            [-110, 30, 'Monthly meetings restarted.'],
            [-50, 45, 'Information-sharing terms agreed by two agencies.'],
            [-15, 55, 'Victim-assistance checklist in use in joint cases.'],
          ],
        },
        {
          code: 'G3.M5',
          title: 'Joint SFDA and USAO training on trafficking prosecutions',
          description:
            'Training for local and federal prosecutors on trafficking cases, digital evidence from online advertising and supporting victim-witnesses.',
          lead: 'SFDA',
          partners: support('USAO'),
          start: -60,
          due: 120,
          weight: 0.5,
          updates: [
            [-45, 10, 'Curriculum outlined.'],
            [-10, 30, 'Speakers confirmed; first session scheduled.'],
          ],
        },
      ),
      children: [
        {
          code: 'G3.1',
          title: 'Identify and protect commercially sexually exploited children',
          description:
            'Screen youth for exploitation, respond under one interagency protocol, place exploited youth safely and prevent exploitation through schools.',
          lead: 'HSA',
          committee: 'CST',
          weight: 1.5,
          milestones: ms(
            {
              code: 'G3.1.M1',
              title: 'Refresh CSEC screening at JPD and HSA intakes',
              description:
                "Retrain intake staff in JPD and HSA Family and Children's Services on the screening tool and check that every youth is screened.",
              lead: 'JPD',
              partners: [...support('HSA'), ...consulted('DCYF')],
              start: -280,
              due: -130,
              done: -135,
              updates: [
                [-240, 30, 'Screening rates checked; gaps found at after-hours intake.'],
                [-180, 70, 'Intake staff retrained.'],
              ],
            },
            {
              code: 'G3.1.M2',
              title: 'Update the county CSEC interagency protocol',
              description:
                'Revise how child welfare, probation, police and health services respond together, including for youth exploited online.',
              lead: 'HSA',
              partners: support('JPD', 'SFPD', 'DPH'),
              start: -250,
              due: -100,
              move: {
                on: -110,
                to: -55,
                reason: 'Partners asked to add a section on labor-trafficked youth, which needed another review round.',
              },
              weight: 2,
              updates: [
                [-220, 15, 'Protocol workgroup reconvened.'],
                [-160, 40, 'Online exploitation section drafted.'],
                [-100, 55, 'Labor-trafficked youth section added at partners’ request.'],
                [-40, 70, 'Waiting on SFPD and DPH sign-off.'],
              ],
            },
            {
              code: 'G3.1.M3',
              title: 'CSEC-awareness training for SFUSD staff',
              description:
                'Train school counselors, nurses and wellness center staff on the updated protocol and on online recruitment.',
              lead: 'SFUSD',
              partners: support('DCYF', 'HUCK'),
              start: 20,
              due: 200,
              dependsOn: ['G3.1.M2'],
            },
            {
              code: 'G3.1.M4',
              title: 'Dedicated placements for exploited youth',
              description:
                'Contract placements with wraparound support for youth leaving exploitation, so that they are not placed out of county.',
              lead: 'HSA',
              partners: support('HUCK', 'LSYS'),
              start: -240,
              due: 240,
              weight: 2,
              updates: [
                [-220, 5, 'Placement needs estimated from screening results.'],
                [-160, 15, 'Request for proposals issued.'],
                [-100, 30, 'Provider selected.'],
                [-35, 40, 'Contract under negotiation; staffing plan agreed.'],
              ],
            },
            {
              code: 'G3.1.M5',
              title: 'Prevention lessons on online recruitment in SFUSD health classes',
              description:
                'Update middle and high school health lessons on healthy relationships, sextortion and online recruitment.',
              lead: 'SFUSD',
              partners: consulted('DCYF', 'LSYS'),
              start: 90,
              due: 330,
            },
            {
              code: 'G3.1.M6',
              title: 'Survivor mentor program for exploited youth',
              description: 'Pair exploited youth with trained survivor mentors through a community youth provider.',
              lead: 'DCYF',
              partners: support('HUCK'),
              start: -200,
              due: -30,
              done: -40,
              updates: [
                [-150, 30, 'Grant awarded; mentors recruited.'],
                [-90, 70, 'Mentor training done; first matches made.'],
              ],
            },
          ),
        },
        {
          code: 'G3.2',
          title: 'Stop trafficking through illicit massage businesses',
          description:
            'Use permits, inspections, investigations and in-language outreach so that massage businesses are not used to exploit workers.',
          lead: 'DPH',
          committee: 'IMP',
          weight: 1,
          milestones: ms(
            {
              code: 'G3.2.M1',
              title: 'Refresh the map of massage establishments and complaints',
              description:
                'Map permitted massage establishments against complaints, online advertising and police calls to find likely illicit businesses.',
              lead: 'DPH',
              partners: support('SFPD'),
              start: -270,
              due: -60,
              done: -62,
              updates: [
                [-210, 30, 'Permit list and complaints matched to addresses.'],
                [-150, 60, 'Online advertising data added.'],
                [-90, 85, 'Draft map reviewed by the committee.'],
              ],
            },
            {
              code: 'G3.2.M2',
              title: 'Joint inspection round with interpreters and advocates',
              description:
                'Joint DPH and SFPD permit inspections of the highest-risk establishments, with an interpreter and a victim advocate available.',
              lead: 'DPH',
              partners: [...support('SFPD'), ...consulted('AWS')],
              start: -50,
              due: 250,
              weight: 2,
              dependsOn: ['G3.2.M1'],
              updates: [
                [-40, 5, 'Inspection list drawn from the map.'],
                [-5, 15, 'First inspections done in two districts.'],
              ],
            },
            {
              code: 'G3.2.M3',
              title: 'In-language outreach to massage workers',
              description:
                'Outreach in Mandarin, Cantonese, Korean, Thai and Spanish about workers’ rights, health services and where to get help.',
              lead: 'AWS',
              partners: support('DPH', 'APILO'),
              start: -210,
              due: 90,
              updates: [
                [-190, 5, 'Materials being updated and translated.'],
                [-120, 20, 'Outreach worker positions still being filled.'],
                [-25, 35, 'Outreach under way in two of five languages.'],
              ],
            },
            {
              code: 'G3.2.M4',
              title: 'Joint investigation of a massage-business trafficking network',
              description:
                'HSI and SFPD investigate a network of massage businesses suspected of trafficking, with victim services arranged before any action.',
              lead: 'HSI',
              partners: [...support('SFPD'), ...consulted('USAO')],
              start: -150,
              due: 210,
              visibility: Visibility.PARTNERS,
              updates: [
                [-120, 15, 'Case opened; victim services plan agreed.'],
                [-60, 30, 'Investigation ongoing.'],
                [-10, 40, 'Financial analysis under way.'],
              ],
            },
            {
              code: 'G3.2.M5',
              title: 'Civil abatement pilot for repeat-complaint locations',
              description: 'Pilot civil nuisance actions against properties with repeated complaints of illicit massage businesses.',
              lead: 'CAT',
              partners: support('DPH'),
              start: -200,
              due: 100,
              cancelled: {
                on: -90,
                reason:
                  'Replaced by the joint inspection round (G3.2.M2), which the committee judged less likely to push workers out without help.',
              },
              updates: [
                [-150, 10, 'Candidate properties listed.'],
                [-100, 15, 'Committee asked to review the effect on workers.'],
              ],
            },
          ),
        },
        {
          code: 'G3.3',
          title: 'Super Bowl LX and major events',
          description:
            "Use Super Bowl LX at Levi's Stadium and other large events in the Bay Area to train hotel and airport staff, raise awareness and plan for future events.",
          lead: 'DOSW',
          committee: 'SB',
          weight: 1,
          milestones: ms(
            {
              code: 'G3.3.M1',
              title: 'Hotel and hospitality staff training for major events',
              description:
                'Train front desk, housekeeping and security staff at San Francisco hotels to recognise and report trafficking around major events.',
              lead: 'DOSW',
              partners: support('HCSF'),
              start: -310,
              due: -150,
              done: -130,
              updates: [
                [-270, 25, 'Training offered through the Hotel Council.'],
                [-210, 60, 'Most downtown hotels trained.'],
                [-160, 85, 'Sessions for night-shift staff still to schedule.'],
              ],
            },
            {
              code: 'G3.3.M2',
              title: 'Airport awareness campaign at SFO for major events',
              description: 'Signs, hotline information and staff briefings at San Francisco International Airport.',
              lead: 'SFO',
              partners: [...support('DOSW'), ...consulted('HSI')],
              start: -280,
              due: -140,
              done: -141,
              updates: [
                [-230, 40, 'Sign locations and wording agreed.'],
                [-170, 80, 'Signs up; staff briefings continuing.'],
              ],
            },
            {
              code: 'G3.3.M3',
              title: 'After-action review of major-event operations',
              description:
                'What worked and what did not in training, awareness and operations around the major events, with recommendations.',
              lead: 'DOSW',
              partners: [...support('SFPD'), ...consulted('AWS')],
              start: -120,
              due: -8,
              dependsOn: ['G3.3.M1', 'G3.3.M2'],
              updates: [
                [-100, 20, 'Debrief held with committee members.'],
                [-40, 60, 'Draft waiting on operational figures.'],
                [-10, 80, 'Operational figures received; final draft in review.'],
              ],
            },
            {
              code: 'G3.3.M4',
              title: 'Major-event playbook',
              description:
                'A reusable playbook for large events: hotline messaging, hotel and transit training, operations and victim services.',
              lead: 'DOSW',
              partners: consulted('MAYOR', 'SFPD'),
              start: 120,
              due: 330,
              dependsOn: ['G3.3.M3'],
            },
          ),
        },
      ],
    },
    // ---------------------------------------------------------------- G4
    {
      code: 'G4',
      title: 'Identify and address gaps in services for survivors',
      description:
        'Close the biggest gaps in shelter, legal, health, language and employment services for survivors of sex and labor trafficking.',
      lead: 'HSA',
      weight: 2,
      milestones: ms(
        {
          code: 'G4.M1',
          title: 'Update the survivor-services referral protocol',
          description:
            'Update the protocol through which any city agency or partner connects a survivor to shelter, legal and health services within 24 hours.',
          lead: 'HSA',
          partners: support('AWS', 'LSYS', 'APILO'),
          start: -300,
          due: -120,
          done: -100,
          weight: 2,
          updates: [
            [-250, 20, 'Referral data from the last plan reviewed.'],
            [-190, 50, 'Draft update circulated.'],
            [-130, 80, 'Consent form translations still under review.'],
          ],
        },
        {
          code: 'G4.M2',
          title: 'Emergency shelter beds for adult survivors',
          description: 'Fund and contract emergency shelter beds reserved for adult trafficking survivors.',
          lead: 'HSA',
          partners: support('AWS'),
          start: -100,
          due: 200,
          weight: 2,
          dependsOn: ['G4.M1'],
          updates: [
            [-90, 5, 'Bed need estimated from referral data.'],
            [-30, 30, 'Funding identified; provider discussions started.'],
          ],
        },
        {
          code: 'G4.M3',
          title: 'Trauma-informed care training at DPH clinics and ZSFG',
          description:
            'Training for behavioral health, clinic and Zuckerberg San Francisco General emergency department staff on caring for trafficking survivors.',
          lead: 'DPH',
          partners: consulted('SJI'),
          start: -160,
          due: 100,
          author: 'DPH Behavioral Health Services',
          updates: [
            [-150, 5, 'Training needs survey sent.'],
            [-90, 30, 'Curriculum updated; first cohort trained.'],
            [-30, 55, 'Emergency department sessions under way.'],
          ],
        },
        {
          code: 'G4.M4',
          title: 'Refresh the multilingual survivor resource guide',
          description:
            'Update the resource guide for survivors and front-line staff in English, Spanish, Chinese, Tagalog and Vietnamese.',
          lead: 'DOSW',
          partners: support('AWS'),
          start: -160,
          due: -40,
          updates: [
            [-130, 30, 'Listings checked with providers.'],
            [-70, 60, 'English version updated.'],
            [-20, 75, 'Two translations still in review.'],
          ],
        },
        {
          code: 'G4.M5',
          title: 'Pro bono immigration clinic for survivors',
          description: 'A regular clinic where volunteer attorneys help survivors apply for T visas and other relief.',
          lead: 'APILO',
          partners: consulted('AWS'),
          start: 10,
          due: 250,
        },
        {
          code: 'G4.M6',
          title: 'Job training pathway for survivors',
          description: 'Reserve places for survivors in city-funded job training, with support to stay in the program.',
          lead: 'HSA',
          partners: support('LSYS'),
          start: -200,
          due: 40,
          updates: [
            [-170, 10, 'Training programs contacted.'],
            [-110, 30, 'Two programs agreed to reserve places.'],
            [-30, 50, 'Few referrals so far; eligibility rules being revisited.'],
          ],
        },
      ),
      children: [
        {
          code: 'G4.1',
          title: 'Make it safe for people in the sex trade to report violence and trafficking',
          description:
            'Hear from people in the sex trade, make sure police practice lets them report violence safely, and train peer outreach workers to spot trafficking.',
          lead: 'SJI',
          committee: 'SWT',
          weight: 1,
          milestones: ms(
            {
              code: 'G4.1.M1',
              title: 'Listening sessions with sex workers',
              description:
                'Peer-led sessions on what stops people in the sex trade from reporting violence, exploitation or trafficking.',
              lead: 'SJI',
              partners: support('DOSW'),
              start: -260,
              due: -150,
              done: -155,
              updates: [
                [-220, 40, 'Three sessions held.'],
                [-170, 85, 'Summary drafted with peer staff.'],
              ],
            },
            {
              code: 'G4.1.M2',
              title: 'SFPD training on the policy for sex workers who report violence',
              description:
                'Train officers on the department policy that people in the sex trade who report violence or trafficking are treated as victims and witnesses.',
              lead: 'SFPD',
              partners: consulted('SJI', 'SFDA'),
              start: -130,
              due: 130,
              dependsOn: ['G4.1.M1'],
              updates: [
                [-110, 15, 'Findings of the listening sessions built into the training.'],
                [-50, 35, 'Training delivered at four stations.'],
                [-15, 45, 'Five of ten stations trained.'],
              ],
            },
            {
              code: 'G4.1.M3',
              title: 'Trafficking-indicators training for peer outreach workers',
              description: 'Train peer outreach workers to recognise trafficking and make warm referrals.',
              lead: 'SJI',
              partners: support('DPH'),
              start: -30,
              due: 60,
              weight: 0.5,
              updates: [
                [-25, 10, 'Training updated for peer outreach.'],
                [-3, 30, 'First group trained.'],
              ],
            },
          ),
        },
      ],
    },
    // ---------------------------------------------------------------- G5
    {
      code: 'G5',
      title: 'Keep a city-wide strategic plan with milestones and timelines',
      description: 'Adopt the plan, give each committee a work plan and refresh the milestones at mid-point.',
      lead: 'DOSW',
      weight: 1,
      milestones: ms(
        {
          code: 'G5.M1',
          title: 'Adopt the FY2026–FY2029 plan',
          description: 'The task force adopts the plan with owners and dates for every milestone.',
          lead: 'DOSW',
          partners: support('MAYOR'),
          start: -330,
          due: -240,
          done: -250,
          weight: 2,
          updates: [
            [-300, 40, 'Draft plan circulated to member agencies.'],
            [-260, 90, 'Agency comments resolved; adoption on the next agenda.'],
          ],
        },
        {
          code: 'G5.M2',
          title: 'Committee work plans',
          description: 'A work plan for each of the four committees, tied to the milestones they own.',
          lead: 'DOSW',
          start: -240,
          due: 30,
          dependsOn: ['G5.M1'],
          updates: [
            [-220, 20, 'Template agreed with committee chairs.'],
            [-150, 50, 'Two of four work plans adopted.'],
            [-80, 75, 'Third work plan adopted.'],
            [-20, 85, 'Last work plan on the next committee agenda.'],
          ],
        },
        {
          code: 'G5.M3',
          title: 'Mid-plan refresh of milestones and timelines',
          description: 'Update milestones and dates in the light of the mid-plan review.',
          lead: 'DOSW',
          start: 220,
          due: 400,
          dependsOn: ['G2.M4'],
        },
      ),
    },
    // ---------------------------------------------------------------- G6
    {
      code: 'G6',
      title: 'Release an annual report on task force activities',
      description: 'An annual report for each fiscal year on task force activities, data and progress against the plan.',
      lead: 'DOSW',
      weight: 0.5,
      milestones: ms(
        {
          code: 'G6.M1',
          title: `Annual report for fiscal year ${reportYear(-170)}`,
          description: 'Annual report on task force activities, data and progress against the plan.',
          lead: 'DOSW',
          partners: support('SFPD', 'HSA'),
          start: -250,
          due: -170,
          done: -175,
          updates: [
            [-220, 30, 'Data call sent; outline agreed.'],
            [-190, 70, 'Sections drafted; agencies checking their figures.'],
          ],
        },
        {
          code: 'G6.M2',
          title: `Annual report for fiscal year ${reportYear(195)}`,
          description: 'Annual report on task force activities, data and progress against the plan.',
          lead: 'DOSW',
          partners: support('SFPD', 'HSA', 'SFDA'),
          start: 120,
          due: 195,
          dependsOn: ['G6.M3'],
        },
        {
          code: 'G6.M3',
          title: `Agency data call for the fiscal year ${reportYear(195)} annual report`,
          description: 'Collect agency and community data for the next annual report.',
          lead: 'DOSW',
          start: -20,
          due: 80,
          weight: 0.5,
          updates: [[-10, 5, 'Data request drafted.']],
        },
      ),
    },
  ];

  return {
    title: 'San Francisco Anti-Human Trafficking Strategic Plan FY2026–FY2029 (illustrative)',
    description:
      "Illustrative sample of the task force's current, in-progress plan, organised around the six points of its mission. " +
      'Dates are placed relative to the day the sample is loaded. Sample data for demonstration only.',
    startDate: PLAN_START,
    endDate: PLAN_END,
    timeZone: ZONE,
    fiscalYearStartMonth: 7,
    staffAgency: 'DOSW',
    atRiskThreshold: 25,
    updateCadenceDays: 61,
    committees: [
      {
        key: 'CST',
        name: 'Child Sex Trafficking Committee',
        description:
          'Commercial sexual exploitation of children (CSEC), including online recruitment: screening, protocol, placements and prevention in schools.',
        chair: 'HSA',
        members: ['JPD', 'DCYF', 'SFPD', 'SFDA', 'DPH', 'SFUSD', 'HUCK', 'LSYS'],
      },
      {
        key: 'IMP',
        name: 'Illicit Massage Parlor Committee',
        description:
          'Massage establishments used as fronts for sex and labor trafficking: permits, inspections, investigations and outreach to workers.',
        chair: 'DPH',
        members: ['SFPD', 'CAT', 'SFDA', 'HSI', 'AWS', 'APILO'],
      },
      {
        key: 'SB',
        name: 'Super Bowl LX (2026) and Major Events Committee',
        description:
          "Super Bowl LX at Levi's Stadium (February 2026) and other large events in the Bay Area: hotels, airport, awareness, operations and a playbook for future events.",
        chair: 'DOSW',
        members: ['MAYOR', 'SFPD', 'FBI', 'HSI', 'SFO', 'HCSF', 'AWS'],
      },
      {
        key: 'SWT',
        name: 'Sex Worker & Trafficking Committee',
        description:
          'How policing and services affect people in the sex trade, so that sex workers can report violence and trafficking safely.',
        chair: 'SJI',
        members: ['DOSW', 'SFPD', 'SFDA', 'DPH', 'AWS', 'APILO'],
      },
    ],
    goals,
  };
}
