/**
 * The baseline behind a minimal node:http server, so it is timed over the same HTTP path as
 * Cairn: POST /dashboard or /rollups with {"planId": n} answers {"data": …} like GraphQL.
 * Argument: the SQLite file, or a postgres:// database URL; CAIRN_TODAY fixes today as for Cairn.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config';
import { Clock } from '../src/domain/clock';
import { dashboardData, PlanRows, postgresPlanRows, rollupData, sqlitePlanRows } from './baseline';

const clock = loadConfig().clock;
const where = process.argv[2];
const rowsOf = /^postgres(ql)?:\/\//.test(where) ? postgresPlanRows(where) : sqlitePlanRows(where);
const answers: Record<string, (rows: PlanRows, clock: Clock) => unknown> = { '/dashboard': dashboardData, '/rollups': rollupData };

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      const answer = answers[req.url ?? ''];
      if (!answer) throw new Error(`Unknown path ${req.url}`);
      const { planId } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const body = JSON.stringify({ data: answer(await rowsOf(planId), clock) });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
});

server.listen(0, '127.0.0.1', () => process.send!({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
process.on('SIGTERM', () => process.exit(0));
