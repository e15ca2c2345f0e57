import { expect } from 'chai';
import { timestamp } from '../../src/services/raw-row-entities';

describe('timestamp: raw database timestamps as instants', () => {
  it('reads SQLite "YYYY-MM-DD HH:MM:SS[.fff]" as UTC, as TypeORM does', () => {
    expect(timestamp('2026-11-28 15:44:27').toISOString()).to.equal('2026-11-28T15:44:27.000Z');
    expect(timestamp('2026-11-28 15:44:27.5').toISOString()).to.equal('2026-11-28T15:44:27.500Z');
    expect(timestamp('2026-02-28 23:59:59.123').toISOString()).to.equal('2026-02-28T23:59:59.123Z');
  });

  it('passes a Date (PostgreSQL) through and parses ISO instants', () => {
    const date = new Date('2026-11-28T15:44:27.123Z');
    expect(timestamp(date)).to.equal(date);
    expect(timestamp('2026-11-28T15:44:27.123Z').toISOString()).to.equal('2026-11-28T15:44:27.123Z');
  });
});
