import { expect } from 'chai';
import { MIGRATIONS } from '../../migrations';
import { PlanOffTrackShare1765000000000 } from '../../migrations/1765000000000-plan-off-track-share';
import { StartDateChanges1765100000000 } from '../../migrations/1765100000000-start-date-changes';
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
      expect(await tables(ds)).to.deep.equal(['agency', 'api_token', 'app_user', 'audit_entry', 'committee', 'committee_member', 'date_change', 'goal', 'indicator', 'indicator_measurement', 'meeting', 'milestone', 'milestone_dependency', 'milestone_partner', 'plan', 'progress_update', 'published_report', 'session', 'sign_in_attempt']);
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

  it("plan-off-track-share gives existing plans an offTrackShare of 10 and keeps their goals and milestones; it reverts", async () => {
    const fresh = await freshDatabase();
    const ds = createDataSource(fresh.options);
    await ds.initialize();
    try {
      await ds.runMigrations();
      const after = MIGRATIONS.length - MIGRATIONS.indexOf(PlanOffTrackShare1765000000000);
      for (let i = 0; i < after; i++) await ds.undoLastMigration();
      expect((await ds.query('SELECT * FROM plan')).length).to.equal(0);
      await ds.query("INSERT INTO agency (name, short_name, kind, jurisdiction) VALUES ('Agency', 'AG', 'OTHER', 'CITY')");
      await ds.query("INSERT INTO plan (title, start_date, end_date, at_risk_threshold) VALUES ('Old plan', '2025-07-01', '2029-06-30', 20)");
      await ds.query("INSERT INTO goal (plan_id, code, title) VALUES (1, 'G1', 'Goal')");
      await ds.query("INSERT INTO milestone (plan_id, goal_id, code, title, lead_agency_id, start_date, due_date, baseline_due_date) VALUES (1, 1, 'G1.M1', 'Milestone', 1, '2025-07-01', '2026-06-30', '2026-06-30')");
      expect((await ds.runMigrations()).length).to.equal(after);
      expect(await ds.query('SELECT title, at_risk_threshold, off_track_share FROM plan')).to.deep.equal([{ title: 'Old plan', at_risk_threshold: 20, off_track_share: 10 }]);
      expect((await ds.query('SELECT code FROM goal')).map((r: { code: string }) => r.code)).to.deep.equal(['G1']);
      expect((await ds.query('SELECT code FROM milestone')).map((r: { code: string }) => r.code)).to.deep.equal(['G1.M1']);
      for (let i = 0; i < after; i++) await ds.undoLastMigration();
      const columns: { name: string }[] = onPostgres
        ? await ds.query("SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'plan'")
        : await ds.query("SELECT name FROM pragma_table_info('plan')");
      expect(columns.map((c) => c.name)).to.not.include('off_track_share');
      expect((await ds.query('SELECT code FROM milestone')).length).to.equal(1);
    } finally {
      await ds.destroy();
      await fresh.drop();
    }
  });

  it('1765100000000 keeps recorded due-date moves as due-date moves, and reverting keeps them again', async () => {
    const fresh = await freshDatabase();
    const ds = createDataSource(fresh.options);
    await ds.initialize();
    try {
      await ds.runMigrations();
      const after = MIGRATIONS.length - MIGRATIONS.indexOf(StartDateChanges1765100000000);
      for (let i = 0; i < after; i++) await ds.undoLastMigration();
      expect(await tables(ds)).to.include('due_date_change').and.not.include('date_change');
      await ds.query("INSERT INTO agency (name, short_name, kind, jurisdiction) VALUES ('Police', 'PD', 'LAW_ENFORCEMENT', 'CITY')");
      await ds.query("INSERT INTO plan (title, start_date, end_date) VALUES ('P', '2025-07-01', '2029-06-30')");
      await ds.query("INSERT INTO goal (plan_id, code, title) VALUES (1, 'G1', 'Goal')");
      await ds.query("INSERT INTO milestone (plan_id, goal_id, lead_agency_id, code, title, start_date, due_date, baseline_due_date) VALUES (1, 1, 1, 'G1.M1', 'M', '2026-01-01', '2026-09-30', '2026-06-30')");
      await ds.query("INSERT INTO due_date_change (milestone_id, changed_on, from_date, to_date, reason, author) VALUES (1, '2026-03-01', '2026-06-30', '2026-09-30', 'Late data', 'Ann')");
      const moved = "SELECT milestone_id, which, changed_on, from_date, to_date, reason, author FROM date_change ORDER BY id";
      const dueMove = { milestone_id: 1, changed_on: '2026-03-01', from_date: '2026-06-30', to_date: '2026-09-30', reason: 'Late data', author: 'Ann' };

      await ds.runMigrations();
      expect((await ds.query(moved)).map((r: Record<string, unknown>) => ({ ...r, milestone_id: Number(r.milestone_id) }))).to.deep.equal([{ ...dueMove, which: 'DUE_DATE' }]);
      await ds.query("INSERT INTO date_change (milestone_id, which, changed_on, from_date, to_date, reason) VALUES (1, 'START_DATE', '2026-04-01', '2025-12-01', '2026-01-01', 'Hired late')");

      for (let i = 0; i < after; i++) await ds.undoLastMigration();
      const kept = await ds.query('SELECT milestone_id, changed_on, from_date, to_date, reason, author FROM due_date_change ORDER BY id');
      expect(kept.map((r: Record<string, unknown>) => ({ ...r, milestone_id: Number(r.milestone_id) })), 'the due-date move survives; the start-date move has no place there').to.deep.equal([dueMove]);
      await ds.runMigrations();
      expect(await ds.query('SELECT which FROM date_change')).to.deep.equal([{ which: 'DUE_DATE' }]);
    } finally {
      await ds.destroy();
      await fresh.drop();
    }
  });
});
