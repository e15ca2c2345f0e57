/**
 * Exact numbers (docs/rules.md, "Numbers"): the rounding every percentage leaves the server with,
 * the two-decimal check on input, and indicator progress from values as written.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { ceilDiv, Direction, hasAtMostTwoDecimals, hundredths, indicatorProgress, roundPercent, scaledToWholeNumbers } from '../../src/domain';

describe('domain: exact numbers', () => {
  describe('roundPercent: two decimals, half away from zero, from the exact fraction', () => {
    const cases: { num: number | bigint; den: number | bigint; rounded: number }[] = [
      { num: 100, den: 3, rounded: 33.33 },
      { num: 200, den: 3, rounded: 66.67 },
      { num: 1, den: 8, rounded: 0.13 }, // 0.125
      { num: -1, den: 8, rounded: -0.13 }, // away from zero
      { num: 201, den: 200, rounded: 1.01 }, // 1.005, which binary floating point holds as 1.00499…
      { num: 2300, den: 4000, rounded: 0.58 }, // 0.575
      { num: 1, den: 200, rounded: 0.01 }, // 0.005
      { num: 999, den: 200_000, rounded: 0 }, // 0.004995
      { num: 0, den: 7, rounded: 0 },
      { num: 100, den: 1, rounded: 100 },
      { num: 10n ** 40n + 5n * 10n ** 37n, den: 10n ** 40n, rounded: 1.01 }, // 1.005 in big numbers
      { num: 3, den: -8, rounded: -0.38 }, // -0.375
    ];
    for (const c of cases) {
      it(`${c.num}/${c.den} → ${c.rounded}`, () => {
        expect(roundPercent(c.num, c.den)).to.equal(c.rounded);
        expect(Object.is(roundPercent(c.num, c.den), -0)).to.equal(false);
      });
    }

    it('property: the number path and the BigInt path agree', () => {
      fc.assert(
        fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (num, den) => {
          expect(roundPercent(num, den)).to.equal(roundPercent(BigInt(num), BigInt(den)));
        }),
      );
    });
  });

  describe('two decimals on input', () => {
    for (const value of [0, 7.8, 8.4, 10.2, 12.25, 33.33, 99.99, 100, 0.01]) {
      it(`${value} has at most two decimals (${hundredths(value)} hundredths)`, () => {
        expect(hasAtMostTwoDecimals(value)).to.equal(true);
        expect(hundredths(value) / 100).to.equal(value);
      });
    }
    for (const value of [7.801, 33.333, 0.001, 100 / 3, 0.1 + 0.2, NaN, Infinity]) {
      it(`${value} does not`, () => expect(hasAtMostTwoDecimals(value)).to.equal(false));
    }
  });

  it('ceilDiv keeps a whole quotient whole', () => {
    expect(ceilDiv(45798, 102)).to.equal(449); // 89.8 × 51 / 10.2 in tenths
    expect(ceilDiv(45799, 102)).to.equal(450);
    expect(ceilDiv(0, 7)).to.equal(0);
  });

  it('scaledToWholeNumbers reads numbers as written', () => {
    expect(scaledToWholeNumbers([0.1, 1.5, 2])).to.deep.equal([1n, 15n, 20n]);
    expect(scaledToWholeNumbers([1e-7, 3])).to.deep.equal([1n, 30_000_000n]);
    expect(scaledToWholeNumbers([1e21, -0.25])).to.deep.equal([10n ** 23n, -25n]);
  });

  describe('indicator progress, exact and rounded', () => {
    const increase = { baselineValue: 0, targetValue: 150, direction: Direction.INCREASE };
    const cases: { name: string; indicator: typeof increase; value: number; progress: number }[] = [
      { name: '139 of 150: 92.666… → 92.67', indicator: increase, value: 139, progress: 92.67 },
      { name: '0.3 of 0.9 from 0: a third, 33.33', indicator: { baselineValue: 0, targetValue: 0.9, direction: Direction.INCREASE }, value: 0.3, progress: 33.33 },
      // 0.7 − 0.1 is 0.6 as written, 0.59999… in binary: 0.6 of 0.8 is 75 exactly.
      { name: '0.1 → 0.9, at 0.7: 75', indicator: { baselineValue: 0.1, targetValue: 0.9, direction: Direction.INCREASE }, value: 0.7, progress: 75 },
      { name: 'a decrease 40 → 10, at 30: 33.33', indicator: { baselineValue: 40, targetValue: 10, direction: Direction.DECREASE }, value: 30, progress: 33.33 },
      { name: 'past the target: 100', indicator: increase, value: 200, progress: 100 },
      { name: 'behind the baseline: 0', indicator: { baselineValue: 10, targetValue: 20, direction: Direction.INCREASE }, value: 5, progress: 0 },
      { name: '1.005 of 100 from 0: 1.01', indicator: { baselineValue: 0, targetValue: 100, direction: Direction.INCREASE }, value: 1.005, progress: 1.01 },
    ];
    for (const c of cases) {
      it(c.name, () => {
        expect(indicatorProgress(c.indicator, [{ measuredOn: '2015-01-01', value: c.value }], '2015-01-01')).to.equal(c.progress);
      });
    }
  });
});
