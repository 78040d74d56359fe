/**
 * Two app instances on one PostgreSQL database, as behind a load balancer
 * without sticky sessions: a resident's survey answers and a staff member's
 * session alternate between them, and an invitation code reaches both at
 * the same moment. Runs in the reliability-pg project (PostgreSQL only:
 * several instances on one SQLite file is not a supported deployment).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '../../src/server/db/connection.ts';
import { generateCodes } from '../../src/server/surveys/invitations.ts';
import { OPEN_WAVE, PRODUCTION_ENV } from '../support/load.ts';
import { createScratchDatabase, ON_POSTGRES, type ScratchDatabase } from '../support/postgres.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { SEEDED_PAGES, SurveyClient } from '../support/survey-client.ts';
import { postForm, signInDemo } from '../support/staff-login.ts';

describe.skipIf(!ON_POSTGRES)('two app instances on one PostgreSQL database', () => {
  let database: ScratchDatabase;
  let client: pg.Client;
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    database = await createScratchDatabase();
    // Started at the same moment on an empty database: migrations and the
    // demo seed must each run once (the start-up lock), or one would fail.
    [a, b] = await Promise.all([startServer(PRODUCTION_ENV, database.url), startServer(PRODUCTION_ENV, database.url)]);
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await a?.stop();
    await b?.stop();
    await closeDb();
    await database?.drop();
  });

  const count = async (query: string, params: unknown[] = []) => Number((await client.query<{ n: string }>(query, params)).rows[0]!.n);

  it('both started on the empty database, and the demo data was seeded once', async () => {
    expect(await count("select count(*) as n from surveys where slug = $1", [OPEN_WAVE])).toBe(1);
    expect(await count('select count(*) as n from areas')).toBe(3);
  });

  it('a survey draft started on one instance is continued page by page on the other and stored once', async () => {
    const before = await count('select count(*) as n from responses r join surveys s on s.id = r.survey_id where s.slug = $1', [OPEN_WAVE]);
    const onA = new SurveyClient(a.url, OPEN_WAVE);
    const onB = new SurveyClient(b.url, OPEN_WAVE);
    expect((await onA.start()).status).toBe(303);
    for (let i = 0; i < SEEDED_PAGES.length; i++) {
      // Even pages on A, odd on B: the draft cookie is all the two share.
      const [from, to] = i % 2 === 0 ? [onA, onB] : [onB, onA];
      const res = await from.page(i + 1, SEEDED_PAGES[i]!, i === SEEDED_PAGES.length - 1 ? 'submit' : 'next');
      expect(res.status, `page ${i + 1}`).toBe(303);
      to.cookie = from.cookie;
      if (i === 0) {
        // B shows page 1 with the answer given on A.
        const page1 = await (await onB.get(`/undersoegelser/${OPEN_WAVE}/side/1`)).text();
        expect(page1).toMatch(/value="safe"[^>]*checked|checked[^>]*value="safe"/);
      }
    }
    expect(await count('select count(*) as n from responses r join surveys s on s.id = r.survey_id where s.slug = $1', [OPEN_WAVE])).toBe(before + 1);
    // The same "Send" once more, on the other instance: still one response.
    const again = await onA.page(SEEDED_PAGES.length, SEEDED_PAGES.at(-1)!, 'submit');
    expect([303, 200]).toContain(again.status);
    expect(await count('select count(*) as n from responses r join surveys s on s.id = r.survey_id where s.slug = $1', [OPEN_WAVE])).toBe(before + 1);
  });

  it('a staff session made on one instance is valid on the other, and signing out on one ends it on both', async () => {
    const cookie = await signInDemo(a.url, 'analyst');
    for (const server of [a, b]) {
      const res = await fetch(`${server.url}/staff/dashboard`, { headers: { cookie }, redirect: 'manual' });
      expect(res.status, server.url).toBe(200);
    }
    expect((await postForm(b.url, '/staff/logout', {}, cookie)).status).toBe(303);
    for (const server of [a, b]) {
      const res = await fetch(`${server.url}/staff/dashboard`, { headers: { cookie }, redirect: 'manual' });
      expect(res.status, server.url).toBe(303);
      expect(res.headers.get('location')).toContain('/staff/login');
    }
  });

  it('an invitation code sent to both instances at the same moment is used once', async () => {
    const surveyId = await count('select id as n from surveys where slug = $1', [OPEN_WAVE]);
    const { codes } = await generateCodes(getDb(database.url), surveyId, 1, null);
    const code = codes[0]!;
    // Two residents (two drafts) with the same code, one on each instance.
    const first = new SurveyClient(a.url, OPEN_WAVE);
    const second = new SurveyClient(b.url, OPEN_WAVE);
    expect((await first.start(code)).status).toBe(303);
    expect((await second.start(code)).status).toBe(303);
    const last = SEEDED_PAGES.length - 1;
    for (const c of [first, second]) {
      for (let i = 0; i < last; i++) expect((await c.page(i + 1, SEEDED_PAGES[i]!)).status).toBe(303);
    }
    const before = await count('select count(*) as n from responses');
    // The demo data holds used codes of its own (the invited sample): count the change.
    const usedBefore = await count('select count(*) as n from invitation_codes where survey_id = $1 and used', [surveyId]);
    const [fromA, fromB] = await Promise.all([first.page(last + 1, SEEDED_PAGES[last]!, 'submit'), second.page(last + 1, SEEDED_PAGES[last]!, 'submit')]);
    const statuses = [fromA.status, fromB.status].sort();
    // One is thanked (303 to the thank-you page), the other told the code is used (409).
    expect(statuses).toEqual([303, 409]);
    expect(await count('select count(*) as n from responses')).toBe(before + 1);
    expect(await count('select count(*) as n from invitation_codes where survey_id = $1 and used', [surveyId])).toBe(usedBefore + 1);
  });
});
