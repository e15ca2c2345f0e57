import { expect } from 'chai';
import { MIGRATIONS } from '../../migrations';
import { createDataSource } from '../../src/data-source';
import { freshDatabase, onPostgres, TestDatabase } from '../support/database';

describe(`migrations on a real ${onPostgres ? 'PostgreSQL database' : 'SQLite file'}`, () => {
  let database: TestDatabase;
  before(async () => {
    database = await freshDatabase();
  });
  after(() => database.drop());

  async function tables(ds: ReturnType<typeof createDataSource>): Promise<string[]> {
    const rows: { name: string }[] = onPostgres
      ? await ds.query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name != 'migrations' ORDER BY table_name")
      : await ds.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'migrations' ORDER BY name");
    return rows.map((r) => r.name);
  }

  it('all apply, revert and re-apply cleanly, with foreign keys and unique codes enforced', async () => {
    const ds = createDataSource(database.options);
    await ds.initialize();
    try {
      expect((await ds.runMigrations()).length).to.equal(MIGRATIONS.length);
      expect(await ds.runMigrations()).to.deep.equal([]);
      expect(await tables(ds)).to.deep.equal(['agency', 'api_token', 'app_user', 'audit_entry', 'committee', 'committee_member', 'date_change', 'goal', 'indicator', 'indicator_measurement', 'meeting', 'milestone', 'milestone_dependency', 'milestone_partner', 'plan', 'progress_update', 'published_report']);
      if (!onPostgres) expect((await ds.query('PRAGMA foreign_keys'))[0].foreign_keys).to.equal(1);
      await ds.query("INSERT INTO plan (title, start_date, end_date) VALUES ('P', '2025-07-01', '2029-06-30')");
      await ds.query("INSERT INTO goal (plan_id, code, title) VALUES (1, 'G1', 'Goal')");
      let error: unknown = null;
      try {
        await ds.query("INSERT INTO goal (plan_id, code, title) VALUES (1, 'G1', 'Same code')");
      } catch (e) {
        error = e;
      }
      expect(String(error)).to.match(/UNIQUE|unique constraint/);
      error = null;
      try {
        await ds.query("INSERT INTO goal (plan_id, code, title) VALUES (99, 'G9', 'No such plan')");
      } catch (e) {
        error = e;
      }
      expect(String(error)).to.match(/FOREIGN KEY|foreign key constraint/);
      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration();
      expect(await tables(ds)).to.deep.equal([]);
      expect((await ds.runMigrations()).length).to.equal(MIGRATIONS.length);
    } finally {
      await ds.destroy();
    }
  });
});
