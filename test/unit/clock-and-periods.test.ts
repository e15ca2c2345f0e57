/**
 * The clock ("today" in the plan's time zone), calendar-date helpers and reporting periods
 * (docs/rules.md, "Dates and time" and "Reporting periods").
 */
import { expect } from 'chai';
import {
  addDays,
  dateInZone,
  daysBetween,
  fixedDateClock,
  fixedInstantClock,
  isValidIsoDate,
  isValidTimeZone,
  maxDate,
  Period,
  reportingYear,
  reportingYearOf,
} from '../../src/domain';

describe('domain: clock', () => {
  describe('fixedInstantClock: today depends on the plan time zone', () => {
    const cases: { instant: string; zone: string; today: string }[] = [
      // 06:30 UTC on 1 July 2015 is 23:30 PDT (UTC−7) on 30 June in San Francisco.
      { instant: '2015-07-01T06:30:00Z', zone: 'America/Los_Angeles', today: '2015-06-30' },
      { instant: '2015-07-01T06:30:00Z', zone: 'UTC', today: '2015-07-01' },
      { instant: '2015-07-01T06:30:00Z', zone: 'Asia/Tokyo', today: '2015-07-01' },
      { instant: '2015-07-01T06:30:00Z', zone: 'America/New_York', today: '2015-07-01' },
      // The PDT midnight boundary: 07:00 UTC is 00:00 PDT.
      { instant: '2015-07-01T06:59:59Z', zone: 'America/Los_Angeles', today: '2015-06-30' },
      { instant: '2015-07-01T07:00:00Z', zone: 'America/Los_Angeles', today: '2015-07-01' },
      // In winter (PST, UTC−8) midnight is 08:00 UTC.
      { instant: '2015-01-01T07:59:00Z', zone: 'America/Los_Angeles', today: '2014-12-31' },
      { instant: '2015-01-01T08:00:00Z', zone: 'America/Los_Angeles', today: '2015-01-01' },
      // East of UTC the date runs ahead.
      { instant: '2015-06-30T23:30:00Z', zone: 'Asia/Tokyo', today: '2015-07-01' },
      { instant: '2015-06-30T23:30:00Z', zone: 'UTC', today: '2015-06-30' },
      { instant: '2015-06-30T23:30:00Z', zone: 'America/Los_Angeles', today: '2015-06-30' },
    ];
    for (const c of cases) {
      it(`${c.instant} in ${c.zone} → ${c.today}`, () => {
        expect(fixedInstantClock(new Date(c.instant)).today(c.zone)).to.equal(c.today);
        expect(dateInZone(new Date(c.instant), c.zone)).to.equal(c.today);
      });
    }

    it('now() is the fixed instant, and stays so', () => {
      const clock = fixedInstantClock(new Date('2015-07-01T06:30:00Z'));
      const first = clock.now();
      expect(first.toISOString()).to.equal('2015-07-01T06:30:00.000Z');
      first.setUTCFullYear(2000); // a caller mutating its copy must not move the clock
      expect(clock.now().toISOString()).to.equal('2015-07-01T06:30:00.000Z');
    });
  });

  describe('fixedDateClock: the same today in every zone', () => {
    for (const zone of ['America/Los_Angeles', 'UTC', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      it(`today('${zone}') is 2015-06-30`, () => {
        expect(fixedDateClock('2015-06-30').today(zone)).to.equal('2015-06-30');
      });
    }

    it('now() runs with real time', () => {
      const before = Date.now();
      const now = fixedDateClock('2015-06-30').now().getTime();
      const after = Date.now();
      expect(now).to.be.at.least(before);
      expect(now).to.be.at.most(after);
    });
  });
});

describe('domain: calendar dates', () => {
  describe('isValidIsoDate', () => {
    const cases: { value: string; valid: boolean; why: string }[] = [
      { value: '2015-06-30', valid: true, why: 'an ordinary date' },
      { value: '2025-01-01', valid: true, why: 'the first of the year' },
      { value: '2025-12-31', valid: true, why: 'the last of the year' },
      { value: '2024-02-29', valid: true, why: '2024 is a leap year' },
      { value: '2000-02-29', valid: true, why: '2000 is a leap year (divisible by 400)' },
      { value: '2025-04-30', valid: true, why: 'April has 30 days' },
      { value: '2025-02-30', valid: false, why: 'February never has 30 days' },
      { value: '2023-02-29', valid: false, why: '2023 is not a leap year' },
      { value: '1900-02-29', valid: false, why: '1900 is not a leap year (century)' },
      { value: '2025-04-31', valid: false, why: 'April has 30 days' },
      { value: '2025-01-32', valid: false, why: 'no 32nd day' },
      { value: '2025-01-00', valid: false, why: 'no day 0' },
      { value: '2025-13-01', valid: false, why: 'no 13th month' },
      { value: '2025-00-10', valid: false, why: 'no month 0' },
      { value: '2025-1-1', valid: false, why: 'not zero-padded' },
      { value: '2025-01-1', valid: false, why: 'day not zero-padded' },
      { value: '20250101', valid: false, why: 'basic format, not YYYY-MM-DD' },
      { value: '2025-01-01T00:00:00Z', valid: false, why: 'an instant, not a date' },
      { value: ' 2025-01-01', valid: false, why: 'leading space' },
      { value: '2025-01-01 ', valid: false, why: 'trailing space' },
      { value: '01/01/2025', valid: false, why: 'US format' },
      { value: '', valid: false, why: 'empty' },
      { value: 'not a date', valid: false, why: 'text' },
    ];
    for (const c of cases) {
      it(`'${c.value}' → ${c.valid} (${c.why})`, () => {
        expect(isValidIsoDate(c.value)).to.equal(c.valid);
      });
    }
  });

  describe('daysBetween and addDays', () => {
    const cases: { from: string; to: string; days: number }[] = [
      { from: '2015-01-01', to: '2015-01-01', days: 0 },
      { from: '2015-01-01', to: '2015-04-11', days: 100 },
      { from: '2015-04-11', to: '2015-01-01', days: -100 },
      { from: '2015-06-30', to: '2015-07-12', days: 12 },
      { from: '2015-03-07', to: '2015-03-09', days: 2 }, // US DST starts 2015-03-08: still whole days
      { from: '2015-10-31', to: '2015-11-02', days: 2 }, // US DST ends 2015-11-01
      { from: '2016-02-28', to: '2016-03-01', days: 2 },
      { from: '2015-02-28', to: '2015-03-01', days: 1 },
      { from: '2015-07-01', to: '2016-07-01', days: 366 }, // includes 2016-02-29
      { from: '2014-07-01', to: '2015-07-01', days: 365 },
    ];
    for (const c of cases) {
      it(`${c.from} → ${c.to} is ${c.days} days, and back again`, () => {
        expect(daysBetween(c.from, c.to)).to.equal(c.days);
        expect(addDays(c.from, c.days)).to.equal(c.to);
      });
    }

    it('maxDate picks the later date', () => {
      expect(maxDate('2015-04-11', '2015-05-01')).to.equal('2015-05-01');
      expect(maxDate('2015-05-01', '2015-04-11')).to.equal('2015-05-01');
      expect(maxDate('2015-05-01', '2015-05-01')).to.equal('2015-05-01');
    });

    it('isValidTimeZone accepts IANA names and rejects others', () => {
      expect(isValidTimeZone('America/Los_Angeles')).to.equal(true);
      expect(isValidTimeZone('UTC')).to.equal(true);
      expect(isValidTimeZone('America/San_Francisco')).to.equal(false);
      expect(isValidTimeZone('Not/A_Zone')).to.equal(false);
    });
  });
});

describe('domain: reporting periods', () => {
  describe('reportingYear(year, fiscalYearStartMonth)', () => {
    const cases: { year: number; month: number; period: Period; why: string }[] = [
      { year: 2016, month: 7, period: { year: 2016, start: '2015-07-01', end: '2016-06-30' }, why: "San Francisco's fiscal 2016" },
      { year: 2015, month: 7, period: { year: 2015, start: '2014-07-01', end: '2015-06-30' }, why: "San Francisco's fiscal 2015" },
      { year: 2016, month: 1, period: { year: 2016, start: '2016-01-01', end: '2016-12-31' }, why: 'calendar year' },
      { year: 2015, month: 1, period: { year: 2015, start: '2015-01-01', end: '2015-12-31' }, why: 'calendar year' },
      { year: 2015, month: 10, period: { year: 2015, start: '2014-10-01', end: '2015-09-30' }, why: 'US federal fiscal year' },
      { year: 2024, month: 3, period: { year: 2024, start: '2023-03-01', end: '2024-02-29' }, why: 'ends on a leap day' },
      { year: 2023, month: 3, period: { year: 2023, start: '2022-03-01', end: '2023-02-28' }, why: 'ends on 28 February' },
      { year: 2016, month: 2, period: { year: 2016, start: '2015-02-01', end: '2016-01-31' }, why: 'starts in February' },
      { year: 2016, month: 12, period: { year: 2016, start: '2015-12-01', end: '2016-11-30' }, why: 'starts in December' },
    ];
    for (const c of cases) {
      it(`year ${c.year}, start month ${c.month} → ${c.period.start} … ${c.period.end} (${c.why})`, () => {
        expect(reportingYear(c.year, c.month)).to.deep.equal(c.period);
      });
    }
  });

  describe('reportingYearOf(date, fiscalYearStartMonth)', () => {
    const cases: { date: string; month: number; period: Period }[] = [
      { date: '2015-06-30', month: 7, period: { year: 2015, start: '2014-07-01', end: '2015-06-30' } },
      { date: '2015-07-01', month: 7, period: { year: 2016, start: '2015-07-01', end: '2016-06-30' } },
      { date: '2015-12-31', month: 7, period: { year: 2016, start: '2015-07-01', end: '2016-06-30' } },
      { date: '2016-01-01', month: 7, period: { year: 2016, start: '2015-07-01', end: '2016-06-30' } },
      { date: '2016-06-30', month: 7, period: { year: 2016, start: '2015-07-01', end: '2016-06-30' } },
      { date: '2016-07-01', month: 7, period: { year: 2017, start: '2016-07-01', end: '2017-06-30' } },
      { date: '2015-01-01', month: 1, period: { year: 2015, start: '2015-01-01', end: '2015-12-31' } },
      { date: '2015-12-31', month: 1, period: { year: 2015, start: '2015-01-01', end: '2015-12-31' } },
      { date: '2016-01-01', month: 1, period: { year: 2016, start: '2016-01-01', end: '2016-12-31' } },
      { date: '2024-02-29', month: 3, period: { year: 2024, start: '2023-03-01', end: '2024-02-29' } },
      { date: '2024-03-01', month: 3, period: { year: 2025, start: '2024-03-01', end: '2025-02-28' } },
      { date: '2015-11-30', month: 12, period: { year: 2015, start: '2014-12-01', end: '2015-11-30' } },
      { date: '2015-12-01', month: 12, period: { year: 2016, start: '2015-12-01', end: '2016-11-30' } },
    ];
    for (const c of cases) {
      it(`${c.date} with start month ${c.month} → year ${c.period.year}`, () => {
        const period = reportingYearOf(c.date, c.month);
        expect(period).to.deep.equal(c.period);
        // The date lies in the period it is given.
        expect(c.date >= period.start && c.date <= period.end).to.equal(true);
      });
    }
  });
});
