/**
 * The dashboard front after a start, on a built server of its own with the
 * demo data: the server answers while it works out the front's closed-wave
 * figures in the background (serve.ts), says when they are ready, and the
 * first view is served from them. That it is served from them, not worked
 * out on the request, is seen from the figures: answers of the latest wave
 * are changed in the database after the warm-up and before the first view
 * (the kept figures follow the responses, not their answers), so the view
 * shows the figure as it was at start-up, not the one the changed answers give.
 */
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, questions, responses } from '../../db/schema.ts';
import { listGoalStatuses, parseEstimateOptions, type GoalStatus } from '../../src/server/dashboard/goals.ts';
import { closeDatabase, openHandle, type Db } from '../../src/server/db/connection.ts';
import { createSession, markSessionTwoFactorVerified, SESSION_COOKIE } from '../../src/server/staff/auth/session.ts';
import { PREPARATION_DONE } from '../../src/server/platform/memory.ts';
import { findUserByEmail } from '../../src/server/staff/users.ts';
import { DEMO_ACCOUNTS } from '../../src/server/seed/demo-staff.ts';
import { closeServerDatabase, serverDatabase } from '../support/server-db.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const K = 5;
let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
}, 120_000);
afterAll(async () => {
  if (server) await closeServerDatabase(server.dbPath);
  await server?.stop();
});

/** The server's log line saying the dashboard's figures are ready, once it is written. */
async function warmedUp(): Promise<{ goals: number }> {
  for (;;) {
    const line = server
      .output()
      .split('\n')
      .find((l) => l.includes('"msg":"dashboard figures prepared"'));
    if (line) return JSON.parse(line) as { goals: number };
    if (server.output().includes('preparing the dashboard figures failed')) throw new Error(server.output());
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A second handle on the server's database: its own (empty) estimate cache, so its figures are worked out afresh. */
function freshHandle(url: string): Db {
  return openHandle(url, { max: 1 });
}


const planned = { ...parseEstimateOptions(new URLSearchParams(), K), locale: 'da' as const };
const latestP = (s: GoalStatus | undefined): number | undefined => (s?.latest?.kind === 'estimate' ? s.latest.p : undefined);

describe('the dashboard front after a start', () => {
  it('is worked out in the background at start-up, and the first view is served from it', async () => {
    // The server answered (startServer waited for /healthz) and reports the warm-up done, for every goal.
    const db = serverDatabase(server.dbPath);
    const before = await listGoalStatuses(db, planned);
    expect(before.length).toBeGreaterThan(0);
    expect((await warmedUp()).goals).toBe(before.length);
    // Then the start-up preparation is done (src/server/platform/memory.ts), as the benchmark waits for.
    await expect.poll(() => server.output().includes(`"msg":"${PREPARATION_DONE}"`), { timeout: 10_000 }).toBe(true);

    // A goal on a single-choice question whose latest closed wave has an estimate: make more of its answers count.
    const status = before.find((s) => s.goal.item === null && latestP(s) !== undefined)!;
    expect(status).toBeDefined();
    const wave = status.latest!.wave;
    const [question] = await db
      .select({ id: questions.id })
      .from(questions)
      .where(and(eq(questions.surveyId, wave.id), eq(questions.key, status.goal.questionKey)));
    const inArea = db
      .select({ id: responses.id })
      .from(responses)
      .where(and(eq(responses.surveyId, wave.id), eq(responses.areaId, status.goal.areaId)));
    await db
      .update(answers)
      .set({ value: status.goal.successValues[0]! })
      .where(and(eq(answers.questionId, question!.id), inArray(answers.responseId, inArea), notInArray(answers.value, [...status.goal.successValues, 'dont_know', 'prefer_not'])));
    const fresh = freshHandle(server.dbPath);
    let after: GoalStatus[];
    try {
      after = await listGoalStatuses(fresh, planned);
    } finally {
      await closeDatabase(fresh);
    }
    const changed = after.find((s) => s.goal.id === status.goal.id);
    expect(latestP(changed)).not.toBe(latestP(status));

    // The first view of the front, and its table as JSON: the figures kept at start-up.
    const email = DEMO_ACCOUNTS.find((a) => a.role === 'analyst')!.email;
    const user = await findUserByEmail(db, email);
    const { token, session } = await createSession(db, user!.id);
    await markSessionTwoFactorVerified(db, session.id);
    const cookie = `${SESSION_COOKIE}=${token}`;
    const front = await fetch(`${server.url}/staff/dashboard`, { headers: { cookie }, redirect: 'manual' });
    expect(front.status).toBe(200);
    await front.arrayBuffer();
    const exported = (await (await fetch(`${server.url}/staff/dashboard/export/goals.json`, { headers: { cookie } })).json()) as { rows: { latest: unknown }[] };
    before.forEach((s, i) => {
      if (s.latest?.kind === 'estimate') expect(exported.rows[i]!.latest).toBe(s.latest.p);
    });
    expect(exported.rows[before.indexOf(status)]!.latest).not.toBe(latestP(changed));
  }, 120_000);
});
