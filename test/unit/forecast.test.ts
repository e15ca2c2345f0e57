/**
 * forecastCompletion (docs/rules.md, "A milestone's computed fields"):
 *   completedOn when finished; null when cancelled; with progress p > 0,
 *   D + ceil((100 − p) × elapsed / p) days, elapsed = max(1, D − start); with p = 0, the later of
 *   dueDate and D; never earlier than the latest forecast of the milestones it depends on.
 *
 * Day numbers from 2015-01-01 (day 0): 01-10 = 9, 02-20 = 50, 02-21 = 51, 04-11 = 100, 05-01 = 120,
 * 05-06 = 125, 06-01 = 151, 06-17 = 167, 12-31 = 364.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { addDays, forecastCompletion, MilestoneFacts, MilestoneNode } from '../../src/domain';
import { ms, move, upd } from '../support/milestone-facts';


function graphOf(nodes: Record<string, { facts: MilestoneFacts; dependsOn?: string[] }>): Map<string, MilestoneNode> {
  return new Map(Object.entries(nodes).map(([key, n]) => [key, { facts: n.facts, dependsOn: n.dependsOn ?? [] }]));
}

function forecastAlone(facts: MilestoneFacts, asOf: string): string | null {
  return forecastCompletion('M', graphOf({ M: { facts } }), asOf);
}

describe('domain: forecastCompletion', () => {
  describe("a milestone's own forecast", () => {
    const cases: { name: string; m: Partial<MilestoneFacts>; asOf: string; forecast: string | null }[] = [
      // Finished.
      { name: 'completed early → completedOn', m: { completedOn: '2015-03-15', updates: [upd('2015-03-01', 40)] }, asOf: '2015-04-01', forecast: '2015-03-15' },
      { name: 'completed late → completedOn', m: { completedOn: '2015-05-01' }, asOf: '2015-06-01', forecast: '2015-05-01' },
      { name: 'completed on D → completedOn', m: { completedOn: '2015-02-20', updates: [upd('2015-02-01', 10)] }, asOf: '2015-02-20', forecast: '2015-02-20' },
      { name: 'cancelled → null', m: { cancelledOn: '2015-02-01', updates: [upd('2015-01-20', 40)] }, asOf: '2015-02-20', forecast: null },
      { name: 'cancelled on D → null', m: { cancelledOn: '2015-02-20' }, asOf: '2015-02-20', forecast: null },
      { name: 'completed then cancelled → null', m: { completedOn: '2015-02-01', cancelledOn: '2015-02-10' }, asOf: '2015-02-20', forecast: null },
      // Pace: D + ceil((100 − p) × elapsed / p).
      { name: 'p 50 on day 50: +ceil(50×50/50) = +50', m: { updates: [upd('2015-02-20', 50)] }, asOf: '2015-02-20', forecast: '2015-04-11' },
      { name: 'p 40 on day 50: +ceil(60×50/40) = +75', m: { updates: [upd('2015-02-01', 40)] }, asOf: '2015-02-20', forecast: '2015-05-06' },
      { name: 'p 30 on day 50: +ceil(70×50/30 = 116.67) = +117', m: { updates: [upd('2015-02-01', 30)] }, asOf: '2015-02-20', forecast: '2015-06-17' },
      { name: 'p 99 on day 50: +ceil(1×50/99 = 0.51) = +1', m: { updates: [upd('2015-02-01', 99)] }, asOf: '2015-02-20', forecast: '2015-02-21' },
      { name: 'p 100 reported, not completed: +0', m: { updates: [upd('2015-02-01', 100)] }, asOf: '2015-02-20', forecast: '2015-02-20' },
      { name: 'p 70 on day 50: +ceil(30×50/70 = 21.43) = +22 (rounds up, not to nearest)', m: { updates: [upd('2015-02-01', 70)] }, asOf: '2015-02-20', forecast: '2015-03-14' },
      { name: 'p 80 on day 50: +ceil(20×50/80 = 12.5) = +13', m: { updates: [upd('2015-02-01', 80)] }, asOf: '2015-02-20', forecast: '2015-03-05' },
      { name: 'p 1 on day 50: +ceil(99×50/1) = +4950', m: { updates: [upd('2015-02-01', 1)] }, asOf: '2015-02-20', forecast: '2028-09-09' },
      { name: 'p 60 overdue on day 120: +ceil(40×120/60) = +80', m: { updates: [upd('2015-04-01', 60)] }, asOf: '2015-05-01', forecast: '2015-07-20' },
      // elapsed = max(1, D − start).
      { name: 'on the start date, p 10: elapsed 1, +9', m: { updates: [upd('2015-01-01', 10)] }, asOf: '2015-01-01', forecast: '2015-01-10' },
      { name: 'before start, p 20: elapsed 1, +4', m: { updates: [upd('2014-12-15', 20)] }, asOf: '2014-12-20', forecast: '2014-12-24' },
      { name: 'the day after start, p 10: elapsed 1, +9', m: { updates: [upd('2015-01-02', 10)] }, asOf: '2015-01-02', forecast: '2015-01-11' },
      { name: 'two days after start, p 10: elapsed 2, +18', m: { updates: [upd('2015-01-03', 10)] }, asOf: '2015-01-03', forecast: '2015-01-21' },
      // Only updates on or before D count.
      { name: 'an update after D is ignored (p 40, not 90)', m: { updates: [upd('2015-02-01', 40), upd('2015-03-01', 90)] }, asOf: '2015-02-20', forecast: '2015-05-06' },
      { name: 'a completion after D is not used (pace instead)', m: { updates: [upd('2015-02-20', 50)], completedOn: '2015-03-01' }, asOf: '2015-02-20', forecast: '2015-04-11' },
      { name: 'a cancellation after D is not used (pace instead)', m: { updates: [upd('2015-02-20', 50)], cancelledOn: '2015-03-01' }, asOf: '2015-02-20', forecast: '2015-04-11' },
      // p = 0: the later of dueDate and D.
      { name: 'p 0 before due → dueDate', m: {}, asOf: '2015-02-20', forecast: '2015-04-11' },
      { name: 'p 0 before start → dueDate', m: {}, asOf: '2014-12-01', forecast: '2015-04-11' },
      { name: 'p 0 on due → dueDate', m: {}, asOf: '2015-04-11', forecast: '2015-04-11' },
      { name: 'p 0 after due → D', m: {}, asOf: '2015-05-01', forecast: '2015-05-01' },
      { name: 'p 0 reported explicitly after due → D', m: { updates: [upd('2015-03-01', 0)] }, asOf: '2015-06-01', forecast: '2015-06-01' },
      // p = 0 with a moved due date: the due date in effect on D.
      { name: 'p 0, due moved on 2015-04-01, as of before the move', m: { dueDate: '2015-05-11', dueDateChanges: [move('2015-04-01', '2015-04-11', '2015-05-11')] }, asOf: '2015-03-01', forecast: '2015-04-11' },
      { name: 'p 0, due moved on 2015-04-01, as of after the move', m: { dueDate: '2015-05-11', dueDateChanges: [move('2015-04-01', '2015-04-11', '2015-05-11')] }, asOf: '2015-04-05', forecast: '2015-05-11' },
    ];
    for (const c of cases) {
      it(`${c.name} (as of ${c.asOf}) → ${c.forecast}`, () => {
        expect(forecastAlone(ms(c.m), c.asOf)).to.equal(c.forecast);
      });
    }
  });

  describe('propagation from upstream (as of 2015-02-20)', () => {
    const asOf = '2015-02-20';
    // Own forecasts as of 2015-02-20 (see above): p50 → 04-11, p40 → 05-06, p30 → 06-17.
    const p50 = ms({ updates: [upd('2015-02-20', 50)] });
    const p40 = ms({ updates: [upd('2015-02-01', 40)] });
    const p30 = ms({ updates: [upd('2015-02-01', 30)] });
    const zeroDueEndOfYear = ms({ dueDate: '2015-12-31', baselineDueDate: '2015-12-31' }); // own forecast 2015-12-31

    const cases: {
      name: string;
      graph: Record<string, { facts: MilestoneFacts; dependsOn?: string[] }>;
      expected: Record<string, string | null>;
    }[] = [
      {
        name: 'upstream later than own: downstream takes the upstream forecast',
        graph: { A: { facts: p30 }, B: { facts: p50, dependsOn: ['A'] } },
        expected: { A: '2015-06-17', B: '2015-06-17' },
      },
      {
        name: 'upstream earlier than own: downstream keeps its own',
        graph: { A: { facts: p50 }, B: { facts: p40, dependsOn: ['A'] } },
        expected: { A: '2015-04-11', B: '2015-05-06' },
      },
      {
        name: 'upstream equal to own',
        graph: { A: { facts: p50 }, B: { facts: p50, dependsOn: ['A'] } },
        expected: { A: '2015-04-11', B: '2015-04-11' },
      },
      {
        name: 'two upstreams: the latest wins',
        graph: { A1: { facts: p40 }, A2: { facts: p30 }, B: { facts: p50, dependsOn: ['A1', 'A2'] } },
        expected: { A1: '2015-05-06', A2: '2015-06-17', B: '2015-06-17' },
      },
      {
        name: 'chain of three, slip at the top travels to the bottom (C ← B ← A)',
        graph: {
          A: { facts: p30 },
          B: { facts: p50, dependsOn: ['A'] },
          C: { facts: ms({ dueDate: '2015-04-30', baselineDueDate: '2015-04-30' }), dependsOn: ['B'] },
        },
        expected: { A: '2015-06-17', B: '2015-06-17', C: '2015-06-17' },
      },
      {
        name: 'chain of three, slip in the middle: top unaffected, bottom takes it',
        graph: { A: { facts: p50 }, B: { facts: p30, dependsOn: ['A'] }, C: { facts: p40, dependsOn: ['B'] } },
        expected: { A: '2015-04-11', B: '2015-06-17', C: '2015-06-17' },
      },
      {
        name: 'chain of three, bottom already latest: keeps its own',
        graph: { A: { facts: p40 }, B: { facts: p50, dependsOn: ['A'] }, C: { facts: zeroDueEndOfYear, dependsOn: ['B'] } },
        expected: { A: '2015-05-06', B: '2015-05-06', C: '2015-12-31' },
      },
      {
        name: 'upstream cancelled is ignored (even though its dates are late)',
        graph: { A: { facts: { ...zeroDueEndOfYear, cancelledOn: '2015-02-01' } }, B: { facts: p50, dependsOn: ['A'] } },
        expected: { A: null, B: '2015-04-11' },
      },
      {
        name: 'upstream cancelled only after D still counts',
        graph: { A: { facts: { ...zeroDueEndOfYear, cancelledOn: '2015-03-01' } }, B: { facts: p50, dependsOn: ['A'] } },
        expected: { A: '2015-12-31', B: '2015-12-31' },
      },
      {
        name: 'upstream completed does not push (its date is in the past)',
        graph: { A: { facts: ms({ completedOn: '2015-02-10' }) }, B: { facts: p50, dependsOn: ['A'] } },
        expected: { A: '2015-02-10', B: '2015-04-11' },
      },
      {
        name: 'a completed milestone is not moved by a late upstream',
        graph: { A: { facts: p30 }, B: { facts: ms({ completedOn: '2015-02-10' }), dependsOn: ['A'] } },
        expected: { A: '2015-06-17', B: '2015-02-10' },
      },
      {
        name: 'a late-completed milestone is not moved by a late upstream',
        graph: { A: { facts: zeroDueEndOfYear }, B: { facts: ms({ dueDate: '2015-02-01', baselineDueDate: '2015-02-01', completedOn: '2015-02-15' }), dependsOn: ['A'] } },
        expected: { A: '2015-12-31', B: '2015-02-15' },
      },
      {
        name: 'a cancelled milestone stays null whatever its upstream',
        graph: { A: { facts: p30 }, B: { facts: ms({ cancelledOn: '2015-02-10' }), dependsOn: ['A'] } },
        expected: { A: '2015-06-17', B: null },
      },
      {
        name: 'a completed middle link stops the chain: C keeps its own',
        graph: { A: { facts: p30 }, B: { facts: ms({ completedOn: '2015-02-10' }), dependsOn: ['A'] }, C: { facts: p50, dependsOn: ['B'] } },
        expected: { A: '2015-06-17', B: '2015-02-10', C: '2015-04-11' },
      },
      {
        name: 'diamond: D depends on B and C, both on A',
        graph: {
          A: { facts: p30 },
          B: { facts: p50, dependsOn: ['A'] },
          C: { facts: p40, dependsOn: ['A'] },
          D: { facts: p50, dependsOn: ['B', 'C'] },
        },
        expected: { A: '2015-06-17', B: '2015-06-17', C: '2015-06-17', D: '2015-06-17' },
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const graph = graphOf(c.graph);
        for (const [key, expected] of Object.entries(c.expected)) {
          // A fresh memo each time, and a shared one: both must agree.
          expect(forecastCompletion(key, graph, asOf), `forecast of ${key}`).to.equal(expected);
        }
        const memo = new Map<string, string | null>();
        for (const [key, expected] of Object.entries(c.expected)) {
          expect(forecastCompletion(key, graph, asOf, memo), `forecast of ${key} (shared memo)`).to.equal(expected);
        }
      });
    }

    it('a milestone missing from the graph is an error', () => {
      const graph = graphOf({ B: { facts: p50, dependsOn: ['A'] } });
      expect(() => forecastCompletion('B', graph, asOf)).to.throw(/A/);
    });
  });

  describe('exact ceiling (docs/rules.md, "Numbers"): ⌈whole⌉ stays whole, a hair above goes up a day', () => {
    /** Each case: a whole number of days that binary floating point made a hair more, and a report whose days really are a hair more. */
    const cases: { name: string; start: string; asOf: string; whole: { percent: number; forecast: string }; above: { percent: number; forecast: string } }[] = [
      // (100 − 10.2) × 51 / 10.2 is 449 exactly, 449.00000000000006 in binary floating point.
      { name: 'finding: after 51 days, 10.2% is +449 exactly; 10.19% is +⌈449.49⌉ = +450', start: '2026-10-08', asOf: '2026-11-28', whole: { percent: 10.2, forecast: '2028-02-20' }, above: { percent: 10.19, forecast: '2028-02-21' } },
      { name: 'after 13 days, 1.3% is +987 exactly; 1.31% is +⌈979.37⌉ = +980', start: '2015-01-01', asOf: '2015-01-14', whole: { percent: 1.3, forecast: '2017-09-27' }, above: { percent: 1.31, forecast: '2017-09-20' } },
      { name: 'after 3 days, 0.1% is +2997 exactly; 1.31% is +⌈226 + 1/131⌉ = +227', start: '2015-01-01', asOf: '2015-01-04', whole: { percent: 0.1, forecast: '2023-03-20' }, above: { percent: 1.31, forecast: '2015-08-19' } },
    ];
    for (const c of cases) {
      it(c.name, () => {
        for (const { percent, forecast } of [c.whole, c.above]) {
          const m = ms({ startDate: c.start, dueDate: '2027-06-30', baselineDueDate: '2027-06-30', updates: [upd(c.asOf, percent)] });
          expect(forecastAlone(m, c.asOf), `${percent}%`).to.equal(forecast);
        }
      });
    }

    it('property: D + ⌈(100 − p) × elapsed / p⌉ agrees with integer arithmetic on hundredths', () => {
      const hundredths = fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 300 }));
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: -30, max: 2000 }), hundredths, (startDay, elapsedDays, h) => {
          const start = addDays('2010-01-01', startDay);
          const asOf = addDays(start, elapsedDays);
          const elapsed = BigInt(Math.max(1, elapsedDays));
          const [whole, p] = [10_000n, BigInt(h)];
          const days = ((whole - p) * elapsed + p - 1n) / p; // ⌈(10000 − p) × elapsed / p⌉
          const m = ms({ startDate: start, dueDate: addDays(start, 4000), baselineDueDate: addDays(start, 4000), updates: [upd(asOf, h / 100)] });
          expect(forecastAlone(m, asOf), `${h / 100}% after ${elapsedDays} days`).to.equal(addDays(asOf, Number(days)));
        }),
        { numRuns: 3000 },
      );
    });
  });
});
