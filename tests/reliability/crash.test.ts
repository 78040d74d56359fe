/**
 * Crash: the server is killed with SIGKILL (no shutdown code runs) while
 * residents are posting, then started again on the same database file.
 * Every post acknowledged before the kill must be stored, the file must
 * pass `PRAGMA integrity_check`, and the restarted server must serve again
 * within five seconds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PRODUCTION_ENV,
  Tally,
  answerSurvey,
  answersPerResponse,
  integrityCheck,
  responseIds,
  missingRows,
  postReport,
  residentAddress,
  runPool,
  sleep,
  storedCounts,
} from '../support/load.ts';
import { createScratchDatabase, ON_POSTGRES, type ScratchDatabase } from '../support/postgres.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const CLIENTS = 100;
/** Kill once this many posts are acknowledged: well into the stream, with many more in flight. */
const KILL_AFTER = 300;
/**
 * The restart includes opening the database and checking its migrations: about 1–2 s on the
 * 2-core CI machine while the rest of the suite runs, more on PostgreSQL. The bound catches a
 * restart that hangs or replays something slow; the time itself is printed, not judged finely.
 */
const SERVE_AGAIN_MS = 5_000;

const dir = mkdtempSync(join(tmpdir(), 'tryghed-crash-'));
const servers: RunningServer[] = [];
/** The database both servers use: a SQLite file, or (reliability-pg) a PostgreSQL database. */
let dbPath = join(dir, 'crash.sqlite');
let scratch: ScratchDatabase | undefined;

beforeAll(async () => {
  if (ON_POSTGRES) dbPath = (scratch = await createScratchDatabase()).url;
});

afterAll(async () => {
  for (const s of servers) await s.stop('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  await scratch?.drop();
});

describe('a crash in the middle of a stream of posts', () => {
  it('after SIGKILL and a restart, every acknowledged post is stored, integrity_check is ok, and the site serves again within five seconds', async () => {
    const first = await startServer(PRODUCTION_ENV, dbPath);
    servers.push(first);
    const before = await storedCounts(dbPath);
    const knownBefore = await responseIds(dbPath);

    const tally = new Tally();
    let killed = false;
    const stream = runPool({
      count: 1_000_000,
      concurrency: CLIENTS,
      until: () => killed,
      task: async (i) => tally.record(i % 2 === 0 ? await answerSurvey(first.url) : await postReport(first.url, residentAddress(2, i))),
    });
    while (tally.acknowledged < KILL_AFTER) {
      if (tally.attempted > tally.acknowledged) throw new Error(`the stream failed before the kill: ${tally.summary()}`);
      await sleep(10);
    }

    const exit = new Promise<void>((resolve) => first.process.once('exit', () => resolve()));
    first.process.kill('SIGKILL');
    killed = true;
    await exit;
    const killedAt = performance.now();
    // The residents' requests in flight fail at once (their connections are gone); the rest stop.
    await stream;

    // Restart as a supervisor would. Two seconds is the server's own start: recovery of the WAL, migrations check, first page.
    const restartedAt = performance.now();
    const second = await startServer(PRODUCTION_ENV, dbPath);
    servers.push(second);
    const page = await fetch(`${second.url}/meld`);
    await page.arrayBuffer();
    const servingAfterMs = performance.now() - restartedAt;
    const sinceKillMs = performance.now() - killedAt;

    // Acknowledgements may arrive after the kill for answers the server wrote before it: they count too.
    const acknowledged = tally.snapshot();
    const after = await storedCounts(dbPath);
    const stored = { reports: after.reports - before.reports, responses: after.responses - before.responses };
    console.info(
      `crash: ${tally.summary()}; stored ${stored.responses} responses and ${stored.reports} reports; ` +
        `serving again ${servingAfterMs.toFixed(0)} ms after the restart (${sinceKillMs.toFixed(0)} ms after the kill)`,
    );

    expect(page.status).toBe(200);
    // Soft, so that a slow start still lets the data checks below run and report.
    expect.soft(servingAfterMs, 'ms from the restart until the site served a page').toBeLessThan(SERVE_AGAIN_MS);
    expect(tally.serverErrors, tally.summary()).toBe(0);
    expect(acknowledged.reports.length + acknowledged.surveys.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(await missingRows(dbPath, acknowledged)).toEqual({ reports: [], surveys: [] });
    // Posts in flight at the kill may be stored without their acknowledgement, but nothing is stored that was not posted.
    expect(stored.reports).toBeGreaterThanOrEqual(acknowledged.reports.length);
    expect(stored.responses).toBeGreaterThanOrEqual(acknowledged.surveys.length);
    expect(stored.reports + stored.responses).toBeLessThanOrEqual(tally.attempted);
    // A transaction is all or nothing: no response was stored with only some of its answers.
    expect(await answersPerResponse(dbPath, knownBefore)).toHaveLength(1);
    expect(await integrityCheck(dbPath)).toBe('ok');

    // The restarted server takes writes again.
    const survey = await answerSurvey(second.url);
    const report = await postReport(second.url, residentAddress(2, 999_999));
    expect([survey.kind, report.kind]).toEqual(['acknowledged', 'acknowledged']);
    expect(await second.stop()).toBe(0);
  });
});
