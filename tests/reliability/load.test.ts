/**
 * Load: 100 residents at a time post 2,000 survey responses and 2,000
 * concern reports to the production build. No answer may be a 5xx, and the
 * database must hold exactly one row per acknowledged post: none lost, none
 * doubled.
 */
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
  storedCounts,
} from '../support/load.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const CLIENTS = 100;
const SURVEYS = 2_000;
const REPORTS = 2_000;

let server: RunningServer;

beforeAll(async () => {
  server = await startServer(PRODUCTION_ENV);
});

afterAll(async () => {
  await server?.stop();
});

describe('the server under load', () => {
  it('100 concurrent clients post 2,000 survey responses and 2,000 reports: no 5xx, and rows equal acknowledged posts exactly', async () => {
    const before = await storedCounts(server.dbPath);
    const knownBefore = await responseIds(server.dbPath);
    const tally = new Tally();
    const started = performance.now();

    // Surveys and reports interleaved, so both kinds of write compete for the database.
    await runPool({
      count: SURVEYS + REPORTS,
      concurrency: CLIENTS,
      task: async (i) => tally.record(i % 2 === 0 ? await answerSurvey(server.url) : await postReport(server.url, residentAddress(1, i))),
    });

    const seconds = (performance.now() - started) / 1000;
    const after = await storedCounts(server.dbPath);
    const stored = { reports: after.reports - before.reports, responses: after.responses - before.responses };
    console.info(
      `load: ${tally.summary()}; stored ${stored.responses} responses and ${stored.reports} reports in ${seconds.toFixed(1)} s ` +
        `(${((SURVEYS * 7 + REPORTS) / seconds).toFixed(0)} requests/s)`,
    );

    expect(tally.serverErrors, tally.summary()).toBe(0);
    // Distinct residents are never throttled, and a healthy server drops no connection.
    expect(tally.refused, tally.summary()).toBe(0);
    expect(tally.networkErrors, tally.summary()).toBe(0);
    expect(tally.surveys.size).toBe(SURVEYS);
    expect(tally.reports.size).toBe(REPORTS);

    expect(stored).toEqual({ reports: tally.reports.size, responses: tally.surveys.size });
    expect(await missingRows(server.dbPath, tally.snapshot())).toEqual({ reports: [], surveys: [] });
    // Every response holds the whole questionnaire: the same number of answers each.
    expect(await answersPerResponse(server.dbPath, knownBefore)).toHaveLength(1);
    expect(await integrityCheck(server.dbPath)).toBe('ok');
    // pino level 50 is "error": no request failed inside the server either.
    expect(server.output()).not.toMatch(/"level":(50|60)/);
  });
});
