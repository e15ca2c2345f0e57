/**
 * Crash safety of the real server process: `node dist/src/main.js` on a SQLite file is sent a
 * stream of writes, first one at a time and then several at once, and killed with SIGKILL while
 * requests are in flight. Restarted on the same file, it must still have every write it
 * acknowledged, each with its audit entry (a write and its audit entry are one transaction), and
 * the file must pass `PRAGMA integrity_check`. Two crash rounds, each at a random point.
 */
import { expect } from 'chai';
import { onPostgres } from '../support/database';
import { MAIN, ServerProcess, devToken } from '../support/server-process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const TODAY = '2026-11-28';

interface SqliteStatement {
  all(...params: unknown[]): any[];
  get(...params: unknown[]): any;
}
interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  pragma(sql: string, options?: { simple?: boolean }): unknown;
  close(): void;
}
// better-sqlite3 ships no types here; this is the little of it the test uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database: new (file: string, options?: { readonly?: boolean; fileMustExist?: boolean }) => SqliteDatabase = require('better-sqlite3');

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function gql(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(20_000),
  });
  return response.json();
}

async function ok(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const body = await gql(url, token, query, variables);
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

type Write = { kind: 'agency'; k: number; name: string; shortName: string } | { kind: 'progress'; k: number; milestoneId: string; note: string; percentComplete: number; reportedOn: string };

interface Acknowledged {
  write: Write;
  /** The global ID the server returned. */
  id: string;
}

const CREATE_AGENCY = 'mutation ($input: CreateAgencyInput!) { createAgency(input: $input) { id name } }';
const REPORT = 'mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { id note } }';

describe('crash safety of the server process (SIGKILL mid-stream)', function () {
  before(function () {
    if (onPostgres) {
      console.log('      (skipped on PostgreSQL: this checks the SQLite file and its write-ahead log; PostgreSQL has its own)');
      this.skip();
    }
  });
  this.timeout(240_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-crash-'));
  const databasePath = path.join(dir, 'cairn.sqlite');
  const live: ServerProcess[] = [];

  after(async () => {
    for (const server of live) if (server.running) await server.stop('SIGKILL').catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function start(): Promise<ServerProcess> {
    const server = await ServerProcess.start({ CAIRN_DB_PATH: databasePath, CAIRN_TODAY: TODAY });
    live.push(server);
    return server;
  }

  it('every acknowledged write survives SIGKILL with its audit entry, twice, and the file passes integrity_check', async () => {
    expect(fs.existsSync(MAIN), `${MAIN} is built`).to.equal(true);
    let server = await start();
    const token = await devToken({ CAIRN_DB_PATH: databasePath, CAIRN_TODAY: TODAY });
    expect(token).to.match(/\S{20,}/);

    // A plan with three milestones to report progress on.
    const { agencies } = await ok(server.url, token, '{ agencies { id shortName } }');
    const sfpd = agencies.find((a: { shortName: string }) => a.shortName === 'SFPD').id;
    const { createPlan: plan } = await ok(server.url, token, 'mutation { createPlan(input: { title: "Crash plan", startDate: "2026-01-01", endDate: "2027-12-31" }) { id } }');
    const { createGoal: goal } = await ok(server.url, token, 'mutation ($p: ID!) { createGoal(input: { planId: $p, code: "CRASH", title: "Crash goal" }) { id } }', { p: plan.id });
    const milestoneIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { createMilestone } = await ok(
        server.url,
        token,
        'mutation ($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }',
        { input: { goalId: goal.id, code: `CRASH.M${i}`, title: `Crash milestone ${i}`, leadAgencyId: sfpd, startDate: '2026-01-01', dueDate: '2027-12-31' } },
      );
      milestoneIds.push(createMilestone.id);
    }

    const acknowledged: Acknowledged[] = [];
    const unknown: Write[] = [];
    let k = 0;
    const nextWrite = (round: number): Write => {
      k += 1;
      if (k % 2 === 0) return { kind: 'agency', k, name: `Crash Agency ${round}-${k}`, shortName: `CR${round}_${k}` };
      return { kind: 'progress', k, milestoneId: milestoneIds[k % 3], note: `crash ${round}-${k}`, percentComplete: k % 101, reportedOn: addDays('2026-01-01', k % 330) };
    };
    /** Sends one write; returns its ID if the server acknowledged it, null if the request failed without an answer. */
    const send = async (url: string, write: Write): Promise<string | null> => {
      let body: any;
      try {
        body =
          write.kind === 'agency'
            ? await gql(url, token, CREATE_AGENCY, { input: { name: write.name, shortName: write.shortName, kind: 'OTHER', jurisdiction: 'CITY' } })
            : await gql(url, token, REPORT, { input: { milestoneId: write.milestoneId, note: write.note, percentComplete: write.percentComplete, reportedOn: write.reportedOn } });
      } catch {
        return null; // no answer: the process died under it
      }
      if (body.errors?.length) throw new Error(`write ${write.k} was refused: ${JSON.stringify(body.errors)}`);
      return write.kind === 'agency' ? body.data.createAgency.id : body.data.reportProgress.id;
    };

    /** One round: `sequential` writes one at a time, then `workers` at once until `killAfter` more are acknowledged, then SIGKILL. */
    const round = async (n: number, sequential: number, workers: number, killAfter: number) => {
      const before = acknowledged.length;
      for (let i = 0; i < sequential; i++) {
        const write = nextWrite(n);
        const id = await send(server.url, write);
        expect(id, `sequential write ${write.k} acknowledged`).to.be.a('string');
        acknowledged.push({ write, id: id! });
      }
      const victim = server;
      let killed = false;
      let inFlightAtKill = 0;
      let inFlight = 0;
      let sent = 0;
      const concurrentStart = acknowledged.length;
      const worker = async () => {
        while (!killed && sent < 1000) {
          sent += 1;
          const write = nextWrite(n);
          inFlight += 1;
          const id = await send(victim.url, write);
          inFlight -= 1;
          if (id === null) {
            unknown.push(write);
            continue;
          }
          if (killed) {
            // Answered after the kill signal was sent but before the process died: still acknowledged.
            acknowledged.push({ write, id });
            continue;
          }
          acknowledged.push({ write, id });
          if (acknowledged.length - concurrentStart >= killAfter) {
            killed = true;
            inFlightAtKill = inFlight;
            victim.child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: workers }, () => worker()));
      const exit = await victim.stop('SIGKILL');
      expect(exit.signal, 'the server was killed, not stopped').to.equal('SIGKILL');
      expect(killed, 'the kill point was reached').to.equal(true);
      const walExists = fs.existsSync(`${databasePath}-wal`);
      return { acknowledged: acknowledged.length - before, concurrent: acknowledged.length - concurrentStart, inFlightAtKill, walExists };
    };

    /** After a restart: every acknowledged write is there; counts what became of the unanswered ones. */
    const verify = async (url: string) => {
      const { agencies: now } = await ok(url, token, '{ agencies { id name shortName } }');
      const agencyById = new Map(now.map((a: { id: string }) => [a.id, a]));
      const agencyNames = new Set(now.map((a: { name: string }) => a.name));
      const updateById = new Map<string, { note: string; percentComplete: number; reportedOn: string }>();
      const notes = new Set<string>();
      for (const id of milestoneIds) {
        const { milestone } = await ok(url, token, 'query ($id: ID!) { milestone(id: $id) { updates { id note percentComplete reportedOn } } }', { id });
        for (const u of milestone.updates) {
          updateById.set(u.id, u);
          notes.add(u.note);
        }
      }
      const missing: string[] = [];
      for (const { write, id } of acknowledged) {
        if (write.kind === 'agency') {
          const found = agencyById.get(id);
          if (!found || JSON.stringify(found) !== JSON.stringify({ id, name: write.name, shortName: write.shortName })) missing.push(`agency ${write.k}`);
        } else {
          const found = updateById.get(id);
          if (!found || JSON.stringify(found) !== JSON.stringify({ id, note: write.note, percentComplete: write.percentComplete, reportedOn: write.reportedOn })) missing.push(`progress ${write.k}`);
        }
      }
      const committedUnanswered = unknown.filter((w) => (w.kind === 'agency' ? agencyNames.has(w.name) : notes.has(w.note))).length;
      return { missing, found: acknowledged.length - missing.length, committedUnanswered };
    };

    for (const n of [1, 2]) {
      const killAfter = 40 + Math.floor(Math.random() * 40);
      const result = await round(n, n === 1 ? 40 : 20, 4, killAfter);
      server = await start();
      const check = await verify(server.url);
      console.log(
        `      crash ${n}: ${result.acknowledged} writes acknowledged this round (${result.concurrent} with 4 at once), SIGKILL with ${result.inFlightAtKill} in flight` +
          ` (WAL file ${result.walExists ? 'present' : 'absent'}); after restart ${check.found} of ${acknowledged.length} acknowledged found,` +
          ` ${check.committedUnanswered} of ${unknown.length} unanswered turned out committed`,
      );
      expect(check.missing, 'acknowledged writes missing after restart').to.deep.equal([]);
    }

    // Stop the last server cleanly and look at the file itself.
    const exit = await server.stop('SIGTERM');
    expect(exit.code, `clean shutdown; output:\n${server.output}`).to.equal(0);
    const db = new Database(databasePath, { fileMustExist: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).to.equal('ok');
      expect(db.pragma('foreign_key_check')).to.deep.equal([]);
      // A write and its audit entry commit together: no agency or update without its entry, no entry without its row.
      const agencyRows = db.prepare("SELECT id FROM agency WHERE name LIKE 'Crash Agency %'").all().map((r) => r.id as number);
      const agencyAudits = db.prepare("SELECT entity_row_id AS id FROM audit_entry WHERE action = 'createAgency' AND entity_type = 'Agency' AND changes LIKE '%Crash Agency %'").all().map((r) => r.id as number);
      expect([...agencyAudits].sort((a, b) => a - b), 'one createAgency audit entry per crash agency').to.deep.equal([...agencyRows].sort((a, b) => a - b));
      const updateRows = db.prepare("SELECT id FROM progress_update WHERE note LIKE 'crash %'").all().map((r) => r.id as number);
      const updateAudits = db.prepare("SELECT entity_row_id AS id FROM audit_entry WHERE action = 'reportProgress' AND entity_type = 'ProgressUpdate'").all().map((r) => r.id as number);
      expect([...updateAudits].sort((a, b) => a - b), 'one reportProgress audit entry per update').to.deep.equal([...updateRows].sort((a, b) => a - b));
      const acknowledgedAgencies = acknowledged.filter((a) => a.write.kind === 'agency').length;
      expect(agencyRows.length).to.be.at.least(acknowledgedAgencies).and.at.most(acknowledgedAgencies + unknown.filter((w) => w.kind === 'agency').length);
      console.log(`      on disk: ${agencyRows.length} crash agencies, ${updateRows.length} progress updates, each with its audit entry; integrity_check ok`);
    } finally {
      db.close();
    }
  });
});
