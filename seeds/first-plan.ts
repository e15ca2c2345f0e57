/**
 * Illustrative sample data: a first strategic plan (fiscal years 2014–2017) of the kind the
 * San Francisco Mayor's Task Force on Anti-Human Trafficking works to. The six top-level
 * goals follow the task force's published mission; the committees are its four
 * subcommittees. Milestones, dates, progress and notes are invented for demonstration and
 * are not the task force's actual plan or record.
 *
 * The history is finished: as of the plan's last day most milestones are completed (some
 * late), a few are still overdue, three were cancelled and several had their due dates
 * moved.
 */
import { PartnerRole, Visibility } from '../src/domain/enums';
import { SeedMilestone, SeedPlan, SeedProgressUpdate } from './seed-types';

type Row = [reportedOn: string, percentComplete: number, note: string];
type Partner = NonNullable<SeedMilestone['partners']>[number];

/** Progress updates by one author, as rows of [reportedOn, percentComplete, note]. */
const updates = (author: string, ...rows: Row[]): SeedProgressUpdate[] =>
  rows.map(([reportedOn, percentComplete, note]) => ({ reportedOn, percentComplete, note, author }));
const support = (...agencies: string[]): Partner[] => agencies.map((agency) => ({ agency, role: PartnerRole.SUPPORT }));
const consulted = (...agencies: string[]): Partner[] =>
  agencies.map((agency) => ({ agency, role: PartnerRole.CONSULTED }));

// Authors of progress updates (the unit that reports for the lead agency).
const DOSW = 'DOSW policy staff';
const SFPD = 'SFPD Special Victims Unit';
const SFDA = 'SFDA Victim Services Division';
const HSA = "HSA Family and Children's Services";
const DPH_EH = 'DPH Environmental Health';
const DPH_BH = 'DPH Behavioral Health Services';
const JPD = 'JPD Probation Services';
const SFUSD = 'SFUSD Student, Family and Community Support';
const CAT = "City Attorney's Office, Code Enforcement Team";
const SFO = 'SFO Airport Operations';
const FBI = 'FBI San Francisco, Violent Crimes Against Children squad';
const HSI = 'HSI San Francisco, human trafficking group';
const AWS = "Asian Women's Shelter";
const APILO = 'API Legal Outreach';
const SJI = 'St. James Infirmary';

export const firstPlan: SeedPlan = {
  title: "Mayor's Task Force on Anti-Human Trafficking: Strategic Plan FY2014–FY2017 (illustrative)",
  description:
    'Illustrative sample plan for a city-wide, victim-centered response to human trafficking in San Francisco, ' +
    'organised around the six points of the task force mission. Sample data for demonstration only.',
  startDate: '2013-07-01',
  endDate: '2017-06-30',
  timeZone: 'America/Los_Angeles',
  fiscalYearStartMonth: 7,
  staffAgency: 'DOSW',
  atRiskThreshold: 25,
  updateCadenceDays: 61,
  committees: [
    {
      key: 'CST',
      name: 'Child Sex Trafficking Committee',
      description:
        'Commercial sexual exploitation of children (CSEC): screening, protocols, placements and prevention in schools.',
      chair: 'JPD',
      members: ['HSA', 'DCYF', 'SFPD', 'SFDA', 'DPH', 'SFUSD', 'HUCK', 'LSYS'],
    },
    {
      key: 'IMP',
      name: 'Illicit Massage Parlor Committee',
      description:
        'Massage establishments used as fronts for sex and labor trafficking: permits, inspections, civil enforcement and outreach to workers.',
      chair: 'DPH',
      members: ['SFPD', 'CAT', 'SFDA', 'HSI', 'AWS', 'APILO'],
    },
    {
      key: 'SB',
      name: 'Super Bowl Committee',
      description:
        "Preparation for Super Bowl 50 (Levi's Stadium, 7 February 2016) and the fan events in San Francisco: hotels, airport, awareness and operations.",
      chair: 'DOSW',
      members: ['MAYOR', 'SFPD', 'FBI', 'HSI', 'SFO', 'HCSF', 'BAATC', 'AWS'],
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
  goals: [
    // ---------------------------------------------------------------- G1
    {
      code: 'G1',
      title: 'Examine the nature and scope of human trafficking across San Francisco and the Bay Area',
      description:
        'Build a shared, de-duplicated picture of who is trafficked in San Francisco, how, and by whom, from agency and community data.',
      lead: 'DOSW',
      weight: 1.5,
      milestones: [
        {
          code: 'G1.M1',
          title: 'Inventory of agency data sources on trafficking',
          description:
            'List what each member agency and community partner records about trafficking cases, victims served and referrals, and who holds it.',
          lead: 'DOSW',
          partners: [...support('SFPD', 'HSA'), ...consulted('DPH')],
          startDate: '2013-07-15',
          dueDate: '2013-12-31',
          completedOn: '2013-12-11',
          updates: updates(
            DOSW,
            ['2013-09-18', 30, 'Data contacts named in 9 of 14 member agencies.'],
            ['2013-11-20', 75, 'Inventory drafted; community partners still describing their client-data fields.'],
          ),
        },
        {
          code: 'G1.M2',
          title: 'Common definitions and case-counting rules',
          description:
            'Agree how agencies count a trafficking case and a victim, using the federal TVPA and California Penal Code 236.1 definitions, so counts can be combined.',
          lead: 'DOSW',
          partners: consulted('SFDA', 'APILO'),
          startDate: '2013-09-03',
          dueDate: '2014-03-31',
          completedOn: '2014-03-12',
          dependsOn: ['G1.M1'],
          updates: updates(
            DOSW,
            ['2013-11-20', 15, 'Working group compared federal and state definitions.'],
            ['2014-01-15', 50, 'Draft counting rules circulated; double counting across agencies is the open question.'],
            ['2014-03-05', 90, 'Rules agreed by committee chairs; final edits only.'],
          ),
        },
        {
          code: 'G1.M3',
          title: 'First city-wide report on human trafficking data',
          description:
            'Publish combined counts of trafficking victims identified and served by city agencies and community organisations in fiscal year 2014.',
          lead: 'DOSW',
          partners: support('SFPD', 'HSA', 'AWS'),
          startDate: '2014-04-01',
          dueDate: '2014-12-31',
          moves: [
            {
              changedOn: '2014-12-10',
              newDueDate: '2015-03-31',
              reason: 'Two community partners needed more time to de-duplicate client counts across programs.',
            },
          ],
          completedOn: '2015-03-25',
          weight: 2,
          dependsOn: ['G1.M2'],
          updates: updates(
            DOSW,
            ['2014-05-21', 10, 'Data call sent to city agencies and eight community organisations.'],
            ['2014-09-17', 40, 'City agency data received; community data partly in.'],
            ['2014-11-19', 60, 'De-duplication of survivor counts is slower than planned.'],
            ['2015-01-21', 80, 'Draft report reviewed at the full task force meeting.'],
            ['2015-03-18', 95, 'Final layout and translated summaries.'],
          ),
        },
        {
          code: 'G1.M4',
          title: 'Bay Area regional scan',
          description:
            'Compare case patterns and responses with neighbouring county task forces to see where San Francisco cases start or continue.',
          lead: 'DOSW',
          partners: [...support('BAATC'), ...consulted('HSI')],
          startDate: '2014-09-02',
          dueDate: '2015-06-30',
          completedOn: '2015-06-18',
          updates: updates(
            DOSW,
            ['2014-11-19', 20, 'Contacts made with the Alameda, San Mateo and Santa Clara county task forces.'],
            ['2015-03-18', 55, 'Regional case patterns compiled from partner reports.'],
            ['2015-05-20', 85, 'Draft scan shared with regional partners for comment.'],
          ),
        },
        {
          code: 'G1.M5',
          title: 'Labor trafficking prevalence survey',
          description:
            'Survey workers in restaurants, domestic work and construction to estimate how common labor trafficking is in San Francisco.',
          lead: 'DOSW',
          partners: consulted('APILO'),
          startDate: '2015-09-01',
          dueDate: '2016-12-30',
          cancelledOn: '2016-05-18',
          cancelReason:
            'Research funding was not awarded; labor trafficking questions were added to the regular data call instead.',
          updates: updates(
            DOSW,
            ['2015-11-18', 10, 'Survey design drafted with community partners.'],
            ['2016-03-16', 15, 'Grant application declined; looking for other funding.'],
          ),
        },
      ],
      children: [
        {
          code: 'G1.1',
          title: 'Share case data safely between agencies',
          description:
            'A data-sharing agreement and a de-identified case template so that agencies can report trafficking data regularly without exposing survivors.',
          lead: 'DOSW',
          weight: 1,
          milestones: [
            {
              code: 'G1.1.M1',
              title: 'Interagency data-sharing MOU',
              description:
                'Memorandum of understanding among SFPD, SFDA, HSA, JPD and DPH for sharing de-identified trafficking case data with the task force.',
              lead: 'DOSW',
              partners: [...support('SFPD', 'HSA'), ...consulted('CAT')],
              startDate: '2014-01-15',
              dueDate: '2014-09-30',
              moves: [
                {
                  changedOn: '2014-09-03',
                  newDueDate: '2015-01-30',
                  reason:
                    'City Attorney review of the confidentiality terms for juvenile and health records took longer than planned.',
                },
              ],
              completedOn: '2015-02-20',
              weight: 1.5,
              updates: updates(
                DOSW,
                ['2014-03-19', 20, 'Draft MOU terms circulated to the five agencies.'],
                ['2014-05-21', 35, 'Agencies asked for separate terms for juvenile records.'],
                ['2014-07-16', 50, "Draft with the City Attorney's Office for review."],
                ['2014-11-19', 75, 'Revised draft agreed by department heads; signatures pending.'],
                ['2015-01-21', 90, 'Four of five signatures received.'],
              ),
            },
            {
              code: 'G1.1.M2',
              title: 'De-identified case template and quarterly submissions',
              description:
                'A common de-identified case record and a quarterly submission routine for agencies that signed the MOU.',
              lead: 'DOSW',
              partners: [...support('SFPD', 'HSA'), ...consulted('AWS')],
              startDate: '2015-03-02',
              dueDate: '2015-08-31',
              completedOn: '2015-08-26',
              dependsOn: ['G1.1.M1'],
              updates: updates(
                DOSW,
                ['2015-03-18', 15, 'Template fields agreed with SFPD and HSA.'],
                ['2015-05-20', 50, 'Test extracts received from two agencies.'],
                ['2015-07-15', 80, 'First quarterly submission tested with three agencies.'],
              ),
            },
            {
              code: 'G1.1.M3',
              title: 'Second data report: trends for fiscal years 2015 and 2016',
              description:
                'Use the quarterly submissions to report two-year trends in victims identified, referrals and prosecutions.',
              lead: 'DOSW',
              partners: support('SFPD', 'HSA', 'JPD'),
              startDate: '2016-07-01',
              dueDate: '2017-03-31',
              completedOn: '2017-03-29',
              dependsOn: ['G1.1.M2', 'G1.M3'],
              updates: updates(
                DOSW,
                ['2016-07-20', 10, 'Eight quarters of submissions assembled.'],
                ['2016-09-21', 35, 'Trend tables drafted.'],
                ['2016-11-16', 55, 'Agencies reviewing their figures.'],
                ['2017-01-18', 75, 'Narrative drafted; community partners commenting.'],
                ['2017-03-15', 90, 'Final review at the full task force meeting.'],
              ),
            },
            {
              code: 'G1.1.M4',
              title: 'Public trafficking data page',
              description:
                'Publish aggregate trafficking data on the DOSW website, with small numbers suppressed to protect survivors.',
              lead: 'DOSW',
              partners: consulted('AWS', 'SFPD'),
              startDate: '2016-09-01',
              dueDate: '2017-04-28',
              dependsOn: ['G1.1.M2'],
              updates: updates(
                DOSW,
                ['2016-11-16', 20, 'Mock-up of the aggregate tables agreed.'],
                ['2017-01-18', 35, 'Small-number suppression rules under review by partners.'],
                ['2017-03-15', 45, "Waiting on agencies' sign-off of the suppressed tables."],
                ['2017-05-17', 60, 'Pages built; two agencies have not yet approved publication.'],
              ),
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- G2
    {
      code: 'G2',
      title: 'Evaluate progress in combating human trafficking in San Francisco',
      description:
        'Agree indicators, measure a baseline and review progress against it at mid-plan and at the end of the plan.',
      lead: 'DOSW',
      weight: 1,
      milestones: [
        {
          code: 'G2.M1',
          title: 'Evaluation framework and indicators',
          description:
            'Choose the indicators the task force will track, such as survivors served, cases referred, prosecutions filed and people trained.',
          lead: 'DOSW',
          partners: consulted('SFDA', 'HSA'),
          startDate: '2013-10-01',
          dueDate: '2014-04-30',
          completedOn: '2014-04-16',
          updates: updates(
            DOSW,
            ['2013-11-20', 15, 'Long list of candidate indicators compiled.'],
            ['2014-01-15', 45, 'Committees ranked the indicators.'],
            ['2014-03-19', 80, 'Framework drafted; data owners named for each indicator.'],
          ),
        },
        {
          code: 'G2.M2',
          title: 'Baseline measurement for fiscal year 2014',
          description: 'Collect first-year values for every indicator in the framework.',
          lead: 'DOSW',
          partners: support('SFPD', 'HSA'),
          startDate: '2014-07-01',
          dueDate: '2014-10-31',
          completedOn: '2014-11-19',
          dependsOn: ['G2.M1'],
          updates: updates(
            DOSW,
            ['2014-07-16', 10, 'Data request sent with the indicator definitions.'],
            ['2014-09-17', 55, 'Most values in; two agencies still outstanding.'],
            ['2014-10-15', 75, 'Follow-up with the two agencies.'],
          ),
        },
        {
          code: 'G2.M3',
          title: 'Mid-plan review of indicators',
          description:
            'Review the indicators against the baseline and report to the task force which strategies are working.',
          lead: 'DOSW',
          partners: consulted('MAYOR'),
          startDate: '2015-07-01',
          dueDate: '2015-12-31',
          completedOn: '2015-12-09',
          dependsOn: ['G2.M2'],
          updates: updates(
            DOSW,
            ['2015-07-15', 10, 'Second-year values requested.'],
            ['2015-09-16', 40, 'Comparison with the baseline drafted.'],
            ['2015-11-18', 80, 'Findings discussed at the full task force meeting.'],
          ),
        },
        {
          code: 'G2.M4',
          title: 'Survivor feedback sessions on city services',
          description:
            'Facilitated sessions where survivors tell the task force how city and community services worked for them.',
          lead: 'DOSW',
          partners: [...support('AWS', 'SJI'), ...consulted('LSYS')],
          startDate: '2016-01-04',
          dueDate: '2016-06-30',
          completedOn: '2016-08-10',
          updates: updates(
            DOSW,
            ['2016-01-20', 10, 'Session design agreed with community partners.'],
            ['2016-03-16', 30, 'First two sessions held.'],
            ['2016-05-18', 55, 'Sessions in Cantonese and Spanish rescheduled to June.'],
            ['2016-07-20', 85, 'All sessions held; summary being checked with participants.'],
          ),
        },
        {
          code: 'G2.M5',
          title: 'End-of-plan evaluation',
          description: 'Evaluate the 2014–2017 plan against its indicators and record lessons for the next plan.',
          lead: 'DOSW',
          partners: consulted('MAYOR', 'SFDA'),
          startDate: '2017-01-03',
          dueDate: '2017-06-30',
          completedOn: '2017-06-21',
          dependsOn: ['G2.M3'],
          updates: updates(
            DOSW,
            ['2017-01-18', 10, 'Evaluation questions agreed.'],
            ['2017-03-15', 40, 'Interviews with committee chairs done.'],
            ['2017-05-17', 75, 'Draft evaluation circulated.'],
          ),
        },
      ],
    },
    // ---------------------------------------------------------------- G3
    {
      code: 'G3',
      title: 'Protect and assist victims and bring traffickers to justice',
      description:
        'Identify the challenges and opportunities in protecting and assisting victims and in investigating and prosecuting traffickers, and act on them.',
      lead: 'SFDA',
      weight: 2,
      milestones: [
        {
          code: 'G3.M1',
          title: 'Trafficking-indicators training for SFPD patrol officers',
          description:
            'Roll-call training at every district station on recognising trafficking and referring victims to services.',
          lead: 'SFPD',
          partners: [...support('SFDA'), ...consulted('AWS')],
          startDate: '2013-11-01',
          dueDate: '2014-10-31',
          completedOn: '2014-10-15',
          updates: updates(
            SFPD,
            ['2014-01-15', 15, 'Roll-call module drafted with the Academy.'],
            ['2014-03-19', 30, 'Training delivered at 3 of 10 district stations.'],
            ['2014-05-21', 50, '6 of 10 stations trained.'],
            ['2014-07-16', 70, '8 of 10 stations trained.'],
            ['2014-09-17', 90, 'Final two stations scheduled.'],
          ),
        },
        {
          code: 'G3.M2',
          title: 'Victim-centered investigation protocol',
          description:
            'Joint SFPD and SFDA protocol for interviewing possible victims, with an advocate present and referral to services before any charging decision.',
          lead: 'SFDA',
          partners: [...support('SFPD'), ...consulted('APILO', 'HSI')],
          startDate: '2014-01-06',
          dueDate: '2014-12-31',
          completedOn: '2014-12-17',
          weight: 1.5,
          updates: updates(
            SFDA,
            ['2014-03-19', 15, 'Current practice mapped with SFPD investigators.'],
            ['2014-07-16', 45, 'Draft protocol reviewed by community partners.'],
            ['2014-11-19', 80, 'Wording on immigration referrals agreed.'],
          ),
        },
        {
          code: 'G3.M3',
          title: 'T and U visa certification guidance',
          description:
            'Written guidance and a turnaround target for SFPD and SFDA certifications that support victims applying for T or U visas.',
          lead: 'SFDA',
          partners: [...support('SFPD'), ...consulted('APILO')],
          startDate: '2014-06-02',
          dueDate: '2015-03-31',
          completedOn: '2015-03-18',
          dependsOn: ['G3.M2'],
          updates: updates(
            SFDA,
            ['2014-07-16', 10, 'Backlog of pending certification requests counted.'],
            ['2014-11-19', 40, 'Draft guidance shared with legal service providers.'],
            ['2015-01-21', 70, 'Turnaround target agreed with SFPD.'],
          ),
        },
        {
          code: 'G3.M4',
          title: 'Monthly joint case coordination among SFPD, HSI and FBI',
          description:
            'A standing monthly meeting to deconflict trafficking investigations and agree victim-assistance steps in joint cases.',
          lead: 'SFPD',
          partners: [...support('HSI', 'FBI'), ...consulted('USAO')],
          startDate: '2014-03-03',
          dueDate: '2014-09-30',
          completedOn: '2014-09-10',
          visibility: Visibility.PARTNERS,
          updates: updates(
            SFPD,
            ['2014-03-19', 20, 'Deconfliction process agreed.'],
            ['2014-05-21', 50, 'Monthly meetings running; information-sharing terms drafted.'],
            ['2014-07-16', 80, 'Terms signed by two of three agencies.'],
          ),
        },
        {
          code: 'G3.M5',
          title: 'Prosecutor training on Proposition 35 cases',
          description:
            'Training for SFDA attorneys on the trafficking provisions of Proposition 35 (2012) and on working with victim-witnesses.',
          lead: 'SFDA',
          partners: consulted('USAO'),
          startDate: '2014-02-03',
          dueDate: '2014-08-29',
          completedOn: '2014-07-30',
          weight: 0.5,
          updates: updates(
            SFDA,
            ['2014-03-19', 25, 'Curriculum outlined with federal prosecutors.'],
            ['2014-05-21', 60, 'First of two sessions delivered.'],
          ),
        },
        {
          code: 'G3.M6',
          title: 'Designated trafficking prosecutor',
          description:
            'Assign trafficking cases to a designated prosecutor who follows each case from charging to sentencing.',
          lead: 'SFDA',
          startDate: '2015-01-05',
          dueDate: '2015-06-30',
          completedOn: '2015-06-10',
          updates: updates(
            SFDA,
            ['2015-01-21', 20, 'Caseload review done.'],
            ['2015-03-18', 50, 'Prosecutor designated; case assignment rules drafted.'],
            ['2015-05-20', 85, 'Vertical assignment in place for new cases.'],
          ),
        },
      ],
      children: [
        {
          code: 'G3.1',
          title: 'Identify and protect commercially sexually exploited children',
          description:
            'Screen youth in the juvenile justice and child welfare systems for exploitation, respond under one protocol, and prevent exploitation through schools.',
          lead: 'JPD',
          committee: 'CST',
          weight: 1.5,
          milestones: [
            {
              code: 'G3.1.M1',
              title: 'CSEC screening pilot at Juvenile Hall intake',
              description:
                'Pilot a screening tool for commercial sexual exploitation with every youth booked into Juvenile Hall.',
              lead: 'JPD',
              partners: [...support('DCYF', 'DPH'), ...consulted('HUCK')],
              startDate: '2014-01-06',
              dueDate: '2014-09-30',
              completedOn: '2014-09-24',
              updates: updates(
                JPD,
                ['2014-01-15', 5, 'Screening tools from other counties reviewed.'],
                ['2014-03-19', 25, 'Intake staff trained.'],
                ['2014-05-21', 50, 'Pilot running at intake since May.'],
                ['2014-07-16', 75, 'First results reviewed by the committee.'],
                ['2014-09-17', 95, 'Pilot evaluation drafted.'],
              ),
            },
            {
              code: 'G3.1.M2',
              title: 'CSEC screening across probation and child welfare',
              description:
                "Extend the screening tool to all JPD probation units and to HSA Family and Children's Services investigations.",
              lead: 'JPD',
              partners: support('HSA'),
              startDate: '2014-10-01',
              dueDate: '2015-06-30',
              moves: [
                {
                  changedOn: '2015-05-20',
                  newDueDate: '2015-12-31',
                  reason: "Held to align the tool with the State's new CSEC program guidance under SB 855.",
                },
              ],
              completedOn: '2015-12-16',
              dependsOn: ['G3.1.M1'],
              updates: updates(
                JPD,
                ['2014-11-19', 15, 'Roll-out plan agreed with HSA.'],
                ['2015-01-21', 30, 'Probation units trained.'],
                ['2015-03-18', 45, 'HSA training scheduled.'],
                ['2015-07-15', 60, 'Tool revised to match state guidance.'],
                ['2015-11-18', 90, 'Revised tool in use in both agencies.'],
              ),
            },
            {
              code: 'G3.1.M3',
              title: 'CSEC interagency protocol',
              description:
                'A written protocol for how child welfare, probation, police and health services respond together when a child is exploited.',
              lead: 'HSA',
              partners: support('JPD', 'SFPD', 'DPH'),
              startDate: '2015-01-05',
              dueDate: '2016-06-30',
              completedOn: '2016-09-14',
              weight: 2,
              dependsOn: ['G3.1.M2'],
              updates: updates(
                HSA,
                ['2015-03-18', 10, 'Protocol workgroup formed.'],
                ['2015-09-16', 30, 'Response pathways mapped.'],
                ['2016-01-20', 55, 'Draft protocol circulated to department heads.'],
                ['2016-05-18', 75, 'Comments from SFPD and DPH being resolved.'],
                ['2016-07-20', 90, 'Final signatures being collected.'],
              ),
            },
            {
              code: 'G3.1.M4',
              title: 'CSEC-indicators training for SFUSD staff',
              description:
                'Train school counselors, nurses and wellness staff to recognise signs of exploitation and make referrals.',
              lead: 'SFUSD',
              partners: support('DCYF', 'HUCK'),
              startDate: '2014-08-15',
              dueDate: '2015-05-29',
              completedOn: '2015-08-26',
              updates: updates(
                SFUSD,
                ['2014-09-17', 10, 'Training content adapted for school staff.'],
                ['2014-11-19', 30, 'High school wellness staff trained.'],
                ['2015-01-21', 55, 'Middle school counselors trained.'],
                ['2015-03-18', 80, 'Make-up sessions for nurses scheduled.'],
                ['2015-05-20', 85, 'Nurse make-up sessions slipped to the August in-service days.'],
              ),
            },
            {
              code: 'G3.1.M5',
              title: 'Prevention lessons in SFUSD health classes',
              description:
                'Add lessons on healthy relationships, online recruitment and exploitation to middle and high school health education.',
              lead: 'SFUSD',
              partners: consulted('LSYS', 'DCYF'),
              startDate: '2015-08-17',
              dueDate: '2016-06-10',
              completedOn: '2016-06-08',
              updates: updates(
                SFUSD,
                ['2015-09-16', 10, 'Lesson outlines drafted.'],
                ['2016-01-20', 40, 'Lessons piloted in two high schools.'],
                ['2016-03-16', 65, 'Revisions after the pilot.'],
                ['2016-05-18', 90, 'Lessons approved for the health curriculum.'],
              ),
            },
            {
              code: 'G3.1.M6',
              title: 'Safe placements for exploited youth',
              description:
                'Contract specialised placement beds and wraparound support for youth leaving exploitation.',
              lead: 'HSA',
              partners: [...support('HUCK', 'LSYS'), ...consulted('DCYF')],
              startDate: '2015-07-01',
              dueDate: '2016-12-30',
              weight: 2,
              dependsOn: ['G3.1.M3'],
              updates: updates(
                HSA,
                ['2015-09-16', 10, 'Placement needs estimated from screening results.'],
                ['2016-01-20', 25, 'Request for proposals drafted.'],
                ['2016-09-21', 40, 'Provider selected.'],
                ['2017-01-18', 50, 'Contract terms under negotiation.'],
                ['2017-05-17', 55, 'Provider contract for two beds still not executed.'],
              ),
            },
            {
              code: 'G3.1.M7',
              title: 'Victim advocates in a joint operation to recover exploited minors',
              description:
                'SFPD and JPD join an FBI-led operation to recover exploited minors, with youth advocates on site for every recovered child.',
              lead: 'FBI',
              partners: [...support('SFPD', 'JPD'), ...consulted('HUCK')],
              startDate: '2014-05-01',
              dueDate: '2014-07-31',
              completedOn: '2014-07-28',
              visibility: Visibility.PARTNERS,
              updates: updates(
                FBI,
                ['2014-05-21', 30, 'Operational plan and advocate roster agreed.'],
                ['2014-07-16', 80, 'Operation held; after-action notes pending.'],
              ),
            },
          ],
        },
        {
          code: 'G3.2',
          title: 'Stop trafficking through illicit massage businesses',
          description:
            'Use permits, inspections, civil enforcement and in-language outreach so that massage businesses are not used to exploit workers.',
          lead: 'DPH',
          committee: 'IMP',
          weight: 1,
          milestones: [
            {
              code: 'G3.2.M1',
              title: 'Map of massage establishments and complaint hot spots',
              description:
                'Map permitted massage establishments against complaints and police calls to find likely illicit businesses.',
              lead: 'DPH',
              partners: support('SFPD'),
              startDate: '2013-09-03',
              dueDate: '2014-02-28',
              completedOn: '2014-02-20',
              updates: updates(
                DPH_EH,
                ['2013-09-18', 10, 'Permit list extracted.'],
                ['2013-11-20', 45, 'Complaint data matched to addresses.'],
                ['2014-01-15', 80, 'Draft map reviewed by the committee.'],
              ),
            },
            {
              code: 'G3.2.M2',
              title: 'Joint DPH and SFPD inspection protocol',
              description:
                'Protocol for joint permit inspections of massage establishments with an interpreter and a victim advocate available.',
              lead: 'DPH',
              partners: [...support('SFPD'), ...consulted('AWS')],
              startDate: '2014-03-03',
              dueDate: '2014-10-31',
              completedOn: '2014-12-03',
              dependsOn: ['G3.2.M1'],
              updates: updates(
                DPH_EH,
                ['2014-03-19', 10, 'Inspection checklists compared.'],
                ['2014-05-21', 35, 'Draft protocol written.'],
                ['2014-07-16', 55, 'Advocate call-out procedure agreed with AWS.'],
                ['2014-09-17', 75, 'Trial inspections at three sites.'],
                ['2014-11-19', 90, 'Final changes after the trial inspections.'],
              ),
            },
            {
              code: 'G3.2.M3',
              title: 'Inspect every permitted massage establishment',
              description: 'Complete a joint inspection of every permitted massage establishment in the city.',
              lead: 'DPH',
              partners: support('SFPD'),
              startDate: '2014-11-03',
              dueDate: '2015-10-30',
              moves: [
                {
                  changedOn: '2015-08-19',
                  newDueDate: '2016-03-31',
                  reason: 'Environmental Health inspector vacancies; a second inspector starts in January 2016.',
                },
              ],
              completedOn: '2016-03-22',
              weight: 2,
              dependsOn: ['G3.2.M2'],
              updates: updates(
                DPH_EH,
                ['2015-01-21', 15, 'Inspections started in the highest-complaint districts.'],
                ['2015-05-20', 40, 'About 40% of establishments inspected.'],
                ['2015-09-16', 55, 'Pace slowed by an inspector vacancy.'],
                ['2016-01-20', 80, 'Second inspector started; pace back up.'],
              ),
            },
            {
              code: 'G3.2.M4',
              title: 'Recommendations on massage ordinance amendments',
              description:
                'Recommend changes to the massage establishment ordinance, for example on permit transfers and people sleeping on the premises.',
              lead: 'CAT',
              partners: [...support('DPH'), ...consulted('DOSW')],
              startDate: '2015-01-15',
              dueDate: '2015-12-31',
              completedOn: '2015-11-17',
              updates: updates(
                CAT,
                ['2015-03-18', 20, 'Ordinances of other California cities reviewed.'],
                ['2015-07-15', 55, 'Draft recommendations discussed with DPH.'],
                ['2015-09-16', 80, 'Community partners consulted on effects on workers.'],
              ),
            },
            {
              code: 'G3.2.M5',
              title: 'Civil enforcement against illicit massage businesses',
              description:
                'Bring civil nuisance actions against properties repeatedly used for illicit massage businesses.',
              lead: 'CAT',
              partners: support('SFPD', 'DPH'),
              startDate: '2015-07-01',
              dueDate: '2016-06-30',
              completedOn: '2016-06-15',
              dependsOn: ['G3.2.M4'],
              updates: updates(
                CAT,
                ['2015-09-16', 20, 'Candidate properties chosen from inspection findings.'],
                ['2016-01-20', 50, 'First actions filed.'],
                ['2016-05-18', 85, 'Remaining actions filed or settled.'],
              ),
            },
            {
              code: 'G3.2.M6',
              title: 'In-language outreach to massage workers',
              description:
                'Outreach in Mandarin, Cantonese, Korean and Thai about workers’ rights, health services and where to get help.',
              lead: 'AWS',
              partners: support('DPH', 'APILO'),
              startDate: '2015-03-02',
              dueDate: '2016-02-29',
              completedOn: '2016-02-10',
              updates: updates(
                AWS,
                ['2015-05-20', 20, 'Outreach materials translated.'],
                ['2015-09-16', 50, 'Outreach visits alongside inspections started.'],
                ['2016-01-20', 85, 'Visits made in all target neighbourhoods.'],
              ),
            },
            {
              code: 'G3.2.M7',
              title: 'Joint investigation of a massage-business trafficking network',
              description:
                'HSI and SFPD investigate a network of massage businesses suspected of trafficking, with victim services arranged before any action.',
              lead: 'HSI',
              partners: [...support('SFPD'), ...consulted('USAO')],
              startDate: '2016-01-04',
              dueDate: '2016-12-30',
              completedOn: '2017-02-15',
              visibility: Visibility.PARTNERS,
              updates: updates(
                HSI,
                ['2016-03-16', 20, 'Case opened; victim services plan agreed.'],
                ['2016-07-20', 50, 'Investigation ongoing.'],
                ['2016-11-16', 80, 'Case referred for prosecution review.'],
                ['2017-01-18', 90, 'Charging decision pending.'],
              ),
            },
          ],
        },
        {
          code: 'G3.3',
          title: 'Prepare for Super Bowl 50',
          description:
            'Use Super Bowl 50 and the fan events in San Francisco to train hotel and airport staff, raise awareness and respond to trafficking during the event.',
          lead: 'DOSW',
          committee: 'SB',
          weight: 1,
          milestones: [
            {
              code: 'G3.3.M1',
              title: 'Super Bowl 50 anti-trafficking coordination plan',
              description:
                'A shared plan with the Bay Area host committee and regional partners covering training, awareness, operations and victim services.',
              lead: 'DOSW',
              partners: [...support('SFPD', 'BAATC'), ...consulted('MAYOR')],
              startDate: '2015-03-02',
              dueDate: '2015-10-30',
              completedOn: '2015-11-18',
              updates: updates(
                DOSW,
                ['2015-03-18', 10, 'Committee work plan agreed.'],
                ['2015-05-20', 30, 'Regional partners mapped.'],
                ['2015-07-15', 50, 'Draft plan shared with the host committee.'],
                ['2015-09-16', 75, 'Operations section waiting on law enforcement input.'],
              ),
            },
            {
              code: 'G3.3.M2',
              title: 'Hotel staff training on trafficking indicators',
              description:
                'Train front desk, housekeeping and security staff at San Francisco hotels to recognise and report trafficking.',
              lead: 'DOSW',
              partners: support('HCSF', 'BAATC'),
              startDate: '2015-09-01',
              dueDate: '2016-01-15',
              completedOn: '2016-02-03',
              dependsOn: ['G3.3.M1'],
              updates: updates(
                DOSW,
                ['2015-09-16', 10, 'Training sessions offered through the Hotel Council.'],
                ['2015-11-18', 40, 'First hotels trained.'],
                ['2016-01-20', 85, 'Most downtown hotels trained; last sessions in the week before the game.'],
              ),
            },
            {
              code: 'G3.3.M3',
              title: 'Airport awareness campaign at SFO',
              description: 'Posters, hotline information and staff briefings at San Francisco International Airport.',
              lead: 'SFO',
              partners: [...support('DOSW'), ...consulted('HSI')],
              startDate: '2015-10-01',
              dueDate: '2016-01-22',
              completedOn: '2016-01-29',
              dependsOn: ['G3.3.M1'],
              updates: updates(
                SFO,
                ['2015-11-18', 40, 'Poster locations agreed.'],
                ['2016-01-20', 80, 'Posters up; staff briefings continuing.'],
              ),
            },
            {
              code: 'G3.3.M4',
              title: 'Public awareness campaign during the Super Bowl fan events',
              description:
                'Multilingual hotline messaging on transit and around the fan events in San Francisco in the weeks before the game.',
              lead: 'DOSW',
              partners: support('BAATC', 'MAYOR'),
              startDate: '2015-10-01',
              dueDate: '2016-01-29',
              completedOn: '2016-01-28',
              updates: updates(
                DOSW,
                ['2015-11-18', 35, 'Campaign artwork and translations done.'],
                ['2016-01-20', 90, 'Campaign running.'],
              ),
            },
            {
              code: 'G3.3.M5',
              title: 'Super Bowl week enforcement and victim-recovery operation',
              description:
                'Joint operation during Super Bowl week aimed at buyers and traffickers, with advocates on call for every person recovered.',
              lead: 'SFPD',
              partners: [...support('FBI', 'HSI'), ...consulted('AWS')],
              startDate: '2016-01-04',
              dueDate: '2016-02-07',
              completedOn: '2016-02-12',
              visibility: Visibility.PARTNERS,
              updates: updates(
                SFPD,
                ['2016-01-20', 40, 'Operational plan agreed; advocates on call.'],
                ['2016-02-05', 70, 'Operation under way.'],
              ),
            },
            {
              code: 'G3.3.M6',
              title: 'Super Bowl 50 after-action report',
              description: 'What worked and what did not, with recommendations for future large events.',
              lead: 'DOSW',
              partners: [...support('SFPD'), ...consulted('BAATC')],
              startDate: '2016-02-15',
              dueDate: '2016-05-31',
              completedOn: '2016-07-20',
              dependsOn: ['G3.3.M2', 'G3.3.M4'],
              updates: updates(
                DOSW,
                ['2016-03-16', 25, 'Debrief held with committee members.'],
                ['2016-05-18', 60, 'Draft waiting on operational figures.'],
              ),
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- G4
    {
      code: 'G4',
      title: 'Identify and address gaps in services for survivors',
      description:
        'Find where survivors fall through the gaps in shelter, legal, health and language services, and close the biggest gaps.',
      lead: 'HSA',
      weight: 2,
      milestones: [
        {
          code: 'G4.M1',
          title: 'Gap analysis of survivor services',
          description:
            'Map shelter, legal, mental health and language-access services for survivors and where demand exceeds supply.',
          lead: 'HSA',
          partners: [...support('AWS', 'APILO'), ...consulted('DPH')],
          startDate: '2013-10-01',
          dueDate: '2014-06-30',
          completedOn: '2014-06-25',
          updates: updates(
            HSA,
            ['2013-11-20', 15, 'Service providers surveyed.'],
            ['2014-01-15', 35, 'Survey responses in from most providers.'],
            ['2014-03-19', 60, 'Gaps ranked by the committee chairs.'],
            ['2014-05-21', 85, 'Draft analysis circulated.'],
          ),
        },
        {
          code: 'G4.M2',
          title: 'Survivor-services referral protocol',
          description:
            'One referral protocol so that any city agency or partner can connect a survivor to shelter, legal and health services within 24 hours.',
          lead: 'HSA',
          partners: support('AWS', 'LSYS', 'APILO'),
          startDate: '2014-07-01',
          dueDate: '2015-03-31',
          moves: [
            {
              changedOn: '2015-02-11',
              newDueDate: '2015-06-30',
              reason: 'Partners asked for a second review of the consent and confidentiality language.',
            },
          ],
          completedOn: '2015-07-22',
          weight: 2,
          dependsOn: ['G4.M1'],
          updates: updates(
            HSA,
            ['2014-07-16', 5, 'Referral pathways workgroup formed.'],
            ['2014-09-17', 25, 'Current referral routes mapped.'],
            ['2014-11-19', 45, 'Draft protocol written.'],
            ['2015-01-21', 60, 'Partners raised consent and confidentiality concerns.'],
            ['2015-05-20', 85, 'Second review round done; sign-off pending.'],
          ),
        },
        {
          code: 'G4.M3',
          title: 'Multilingual survivor resource guide',
          description: 'A resource guide for survivors and front-line staff in English, Spanish, Chinese, Tagalog and Vietnamese.',
          lead: 'DOSW',
          partners: support('AWS'),
          startDate: '2014-09-02',
          dueDate: '2015-02-27',
          completedOn: '2015-02-18',
          updates: updates(
            DOSW,
            ['2014-09-17', 10, 'Content outline agreed.'],
            ['2014-11-19', 50, 'English version drafted.'],
            ['2015-01-21', 85, 'Translations under review.'],
          ),
        },
        {
          code: 'G4.M4',
          title: 'Trauma-informed care training for DPH clinicians',
          description: 'Training for behavioral health and clinic staff on trauma-informed care for trafficking survivors.',
          lead: 'DPH',
          partners: consulted('SJI'),
          startDate: '2015-01-05',
          dueDate: '2015-09-30',
          completedOn: '2015-09-25',
          updates: updates(
            DPH_BH,
            ['2015-01-21', 5, 'Training needs survey sent to clinics.'],
            ['2015-03-18', 25, 'Curriculum drafted.'],
            ['2015-05-20', 50, 'First cohort trained.'],
            ['2015-07-15', 75, 'Second cohort trained.'],
          ),
        },
        {
          code: 'G4.M5',
          title: 'Dedicated emergency shelter beds for adult survivors',
          description: 'Fund and open emergency shelter beds reserved for adult trafficking survivors.',
          lead: 'HSA',
          partners: support('AWS'),
          startDate: '2015-07-01',
          dueDate: '2016-06-30',
          moves: [
            {
              changedOn: '2016-06-08',
              newDueDate: '2017-03-31',
              reason: 'The planned site lease fell through; a new site is being negotiated.',
            },
          ],
          weight: 2,
          dependsOn: ['G4.M2'],
          updates: updates(
            HSA,
            ['2015-09-16', 15, 'Funding identified in the FY2016 budget.'],
            ['2016-01-20', 30, 'Site identified; lease negotiation started.'],
            ['2016-05-18', 40, 'Lease negotiation stalled.'],
            ['2016-11-16', 55, 'New site found; lease drafted.'],
            ['2017-05-17', 65, 'Lease signed; renovation has not started.'],
          ),
        },
        {
          code: 'G4.M6',
          title: 'Pro bono immigration legal network for survivors',
          description:
            'Recruit and train volunteer attorneys to help survivors with T visas, U visas and other immigration relief.',
          lead: 'APILO',
          partners: consulted('AWS'),
          startDate: '2015-04-01',
          dueDate: '2016-03-31',
          completedOn: '2016-03-15',
          updates: updates(
            APILO,
            ['2015-05-20', 15, 'Law firms approached.'],
            ['2015-09-16', 45, 'First volunteer training held.'],
            ['2016-01-20', 80, 'Volunteer attorneys taking referrals.'],
          ),
        },
        {
          code: 'G4.M7',
          title: 'City-run 24-hour trafficking hotline',
          description: 'A City-operated 24-hour hotline for reporting trafficking and reaching services.',
          lead: 'HSA',
          partners: consulted('AWS'),
          startDate: '2014-03-03',
          dueDate: '2015-06-30',
          cancelledOn: '2014-11-12',
          cancelReason:
            'The task force chose to promote the National Human Trafficking Resource Center hotline (1-888-373-7888) instead of running a separate City line.',
          updates: updates(
            HSA,
            ['2014-05-21', 10, 'Options for call handling compared.'],
            ['2014-09-17', 20, 'Costing done; national hotline option raised.'],
          ),
        },
      ],
      children: [
        {
          code: 'G4.1',
          title: 'Make it safe for people in the sex trade to report violence and trafficking',
          description:
            'Change practices that keep sex workers from reporting violence or trafficking, and train peer outreach workers to spot trafficking.',
          lead: 'SJI',
          committee: 'SWT',
          weight: 1,
          milestones: [
            {
              code: 'G4.1.M1',
              title: 'Review of condoms as evidence in prostitution cases',
              description:
                'Review the practice of using possession of condoms as evidence in prostitution cases, given its effect on health and safety.',
              lead: 'SFDA',
              partners: [...support('SFPD'), ...consulted('SJI', 'DPH')],
              startDate: '2013-08-01',
              dueDate: '2014-01-31',
              completedOn: '2014-01-15',
              updates: updates(
                SFDA,
                ['2013-09-18', 30, 'Current charging practice reviewed.'],
                ['2013-11-20', 70, 'Health department and community views heard.'],
              ),
            },
            {
              code: 'G4.1.M2',
              title: 'Listening sessions with sex workers',
              description:
                'Peer-led sessions on what stops people in the sex trade from reporting violence, exploitation or trafficking.',
              lead: 'SJI',
              partners: support('DOSW'),
              startDate: '2014-02-03',
              dueDate: '2014-08-29',
              completedOn: '2014-08-20',
              updates: updates(
                SJI,
                ['2014-03-19', 20, 'Session format agreed with peer staff.'],
                ['2014-05-21', 55, 'Four sessions held.'],
                ['2014-07-16', 85, 'Summary drafted.'],
              ),
            },
            {
              code: 'G4.1.M3',
              title: 'SFPD guidance on sex workers who report violence',
              description:
                'Department guidance that people in the sex trade who report violence or trafficking are treated as victims and witnesses.',
              lead: 'SFPD',
              partners: consulted('SJI', 'SFDA'),
              startDate: '2015-01-05',
              dueDate: '2016-06-30',
              completedOn: '2016-09-28',
              dependsOn: ['G4.1.M2'],
              updates: updates(
                SFPD,
                ['2015-03-18', 10, 'Recommendations from the listening sessions reviewed.'],
                ['2015-09-16', 30, 'Draft guidance written.'],
                ['2016-01-20', 50, 'Draft reviewed by community partners.'],
                ['2016-05-18', 70, 'Awaiting command staff review.'],
                ['2016-07-20', 85, 'Approved; issuing as a department bulletin.'],
              ),
            },
            {
              code: 'G4.1.M4',
              title: 'Trafficking-indicators training for peer outreach workers',
              description: 'Train St. James Infirmary peer outreach workers to recognise trafficking and make warm referrals.',
              lead: 'SJI',
              partners: support('DPH'),
              startDate: '2015-06-01',
              dueDate: '2016-01-29',
              completedOn: '2016-01-20',
              updates: updates(
                SJI,
                ['2015-07-15', 20, 'Training adapted for peer outreach.'],
                ['2015-09-16', 50, 'First group of outreach workers trained.'],
                ['2015-11-18', 80, 'Second group trained.'],
              ),
            },
            {
              code: 'G4.1.M5',
              title: 'Paid community advisory panel',
              description:
                'A standing panel of current and former sex workers, paid for their time, to advise the task force.',
              lead: 'DOSW',
              partners: support('SJI'),
              startDate: '2015-03-02',
              dueDate: '2016-06-30',
              cancelledOn: '2015-07-15',
              cancelReason:
                'Stipends were not approved in the FY2016 budget; the committee kept open listening sessions instead.',
              weight: 0.5,
              updates: updates(
                DOSW,
                ['2015-03-18', 5, 'Panel terms drafted.'],
                ['2015-05-20', 15, 'Budget request for stipends submitted.'],
              ),
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- G5
    {
      code: 'G5',
      title: 'Create a city-wide strategic plan with milestones and timelines',
      description:
        'Set up the task force and its committees, adopt a plan with owners and dates, refresh it at mid-point and prepare the next one.',
      lead: 'DOSW',
      weight: 1,
      milestones: [
        {
          code: 'G5.M1',
          title: 'Task force charter, membership and meeting calendar',
          description: 'Charter, member list and a bimonthly meeting calendar for the full task force.',
          lead: 'DOSW',
          partners: consulted('MAYOR'),
          startDate: '2013-07-01',
          dueDate: '2013-09-30',
          completedOn: '2013-09-18',
          weight: 0.5,
          updates: updates(
            DOSW,
            ['2013-07-17', 40, 'Draft charter discussed at the first full meeting.'],
            ['2013-08-21', 80, 'Membership confirmed with agency heads.'],
          ),
        },
        {
          code: 'G5.M2',
          title: 'Committee charters',
          description:
            'Charters for the Child Sex Trafficking, Illicit Massage Parlor, Super Bowl and Sex Worker & Trafficking committees.',
          lead: 'DOSW',
          startDate: '2013-08-01',
          dueDate: '2013-12-31',
          completedOn: '2013-12-18',
          weight: 0.5,
          dependsOn: ['G5.M1'],
          updates: updates(
            DOSW,
            ['2013-09-18', 20, 'Committee chairs named.'],
            ['2013-11-20', 60, 'Three of four charters drafted.'],
          ),
        },
        {
          code: 'G5.M3',
          title: 'Draft strategic plan circulated to agencies',
          description: 'A draft plan with goals, milestones, owners and dates, circulated to every member agency.',
          lead: 'DOSW',
          partners: consulted('SFPD', 'HSA', 'SFDA'),
          startDate: '2013-10-01',
          dueDate: '2014-03-31',
          completedOn: '2014-03-26',
          dependsOn: ['G5.M2', 'G1.M1'],
          updates: updates(
            DOSW,
            ['2013-11-20', 15, 'Goal structure agreed.'],
            ['2014-01-15', 45, 'Committees proposed milestones.'],
            ['2014-03-19', 85, 'Owners and dates confirmed with agencies.'],
          ),
        },
        {
          code: 'G5.M4',
          title: 'Plan adopted and presented to the Mayor',
          description: 'The task force adopts the plan and presents it to the Mayor.',
          lead: 'DOSW',
          partners: support('MAYOR'),
          startDate: '2014-04-01',
          dueDate: '2014-06-30',
          completedOn: '2014-06-18',
          weight: 2,
          dependsOn: ['G5.M3'],
          updates: updates(
            DOSW,
            ['2014-04-16', 20, 'Agency comments on the draft received.'],
            ['2014-05-21', 60, 'Plan adopted by the full task force.'],
          ),
        },
        {
          code: 'G5.M5',
          title: 'Mid-point plan refresh',
          description: 'Update milestones and dates in the light of the mid-plan review.',
          lead: 'DOSW',
          startDate: '2015-07-01',
          dueDate: '2015-12-31',
          completedOn: '2016-01-13',
          dependsOn: ['G2.M3'],
          updates: updates(
            DOSW,
            ['2015-07-15', 5, 'Committees asked to review their milestones.'],
            ['2015-09-16', 30, 'Proposed changes collected.'],
            ['2015-11-18', 70, 'Changes waiting on the mid-plan review findings.'],
          ),
        },
        {
          code: 'G5.M6',
          title: 'Draft successor strategic plan',
          description: 'Draft the next multi-year plan, building on the end-of-plan evaluation.',
          lead: 'DOSW',
          partners: consulted('MAYOR'),
          startDate: '2016-10-03',
          dueDate: '2017-05-31',
          dependsOn: ['G5.M5'],
          updates: updates(
            DOSW,
            ['2016-11-16', 15, 'Planning process agreed.'],
            ['2017-01-18', 35, 'Committee planning sessions held.'],
            ['2017-03-15', 55, 'Draft goals circulated.'],
            ['2017-05-17', 75, 'Milestones and owners still being negotiated.'],
            ['2017-06-21', 85, 'Draft nearly complete; adoption moved to the first meeting of the new fiscal year.'],
          ),
        },
      ],
    },
    // ---------------------------------------------------------------- G6
    {
      code: 'G6',
      title: 'Release an annual report on task force activities',
      description: 'An annual report for each fiscal year on task force activities, data and progress against the plan.',
      lead: 'DOSW',
      weight: 0.5,
      milestones: [
        {
          code: 'G6.M1',
          title: 'Annual report for fiscal year 2014',
          description: 'First annual report on task force activities, from its launch to 30 June 2014.',
          lead: 'DOSW',
          partners: support('SFPD', 'HSA'),
          startDate: '2014-07-01',
          dueDate: '2014-10-31',
          completedOn: '2014-10-22',
          updates: updates(
            DOSW,
            ['2014-07-16', 10, 'Report outline agreed.'],
            ['2014-09-17', 60, 'Committee sections drafted.'],
          ),
        },
        {
          code: 'G6.M2',
          title: 'Annual report for fiscal year 2015',
          description: 'Annual report for fiscal year 2015, including the first city-wide trafficking data.',
          lead: 'DOSW',
          partners: support('SFPD', 'HSA'),
          startDate: '2015-07-01',
          dueDate: '2015-10-30',
          completedOn: '2015-10-28',
          dependsOn: ['G1.M3'],
          updates: updates(
            DOSW,
            ['2015-07-15', 10, 'Data call sent.'],
            ['2015-09-16', 45, 'Sections drafted.'],
            ['2015-10-21', 80, 'Final review by committee chairs.'],
          ),
        },
        {
          code: 'G6.M3',
          title: 'Annual report for fiscal year 2016',
          description: 'Annual report for fiscal year 2016, including the Super Bowl 50 lessons.',
          lead: 'DOSW',
          partners: support('SFPD', 'HSA', 'SFDA'),
          startDate: '2016-07-01',
          dueDate: '2016-10-31',
          completedOn: '2016-10-26',
          dependsOn: ['G3.3.M6'],
          updates: updates(
            DOSW,
            ['2016-07-20', 15, 'Data call sent.'],
            ['2016-09-21', 60, 'Sections drafted.'],
          ),
        },
        {
          code: 'G6.M4',
          title: 'Data call for the fiscal year 2017 annual report',
          description: 'Collect agency and community data for the fiscal year 2017 annual report before the year closes.',
          lead: 'DOSW',
          startDate: '2017-04-03',
          dueDate: '2017-06-30',
          completedOn: '2017-06-28',
          weight: 0.5,
          updates: updates(
            DOSW,
            ['2017-04-19', 20, 'Data call sent to all member agencies.'],
            ['2017-05-17', 60, 'Most agencies responded.'],
            ['2017-06-21', 90, 'Last two responses expected this week.'],
          ),
        },
        {
          code: 'G6.M5',
          title: 'First annual report presented to the Commission on the Status of Women',
          description: 'Present the fiscal year 2014 report and its recommendations at a public Commission meeting.',
          lead: 'DOSW',
          partners: consulted('MAYOR'),
          startDate: '2014-11-03',
          dueDate: '2014-12-31',
          completedOn: '2014-12-10',
          weight: 0.5,
          dependsOn: ['G6.M1'],
          updates: updates(DOSW, ['2014-11-19', 50, 'Presentation scheduled for the December Commission meeting.']),
        },
      ],
    },
  ],
};
