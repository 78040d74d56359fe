/**
 * The stack's practical limit on PostgreSQL, for the benchmark: the minimal
 * server of minimal-server.ts (node:http, the same inserts for one survey
 * submission and one concern report, one transaction each, nothing else),
 * with node-postgres and named prepared statements on a pool of 10
 * connections, as the platform's pool. Random row ids, as the platform
 * stores them (PostgreSQL gives these tables no default).
 *
 *   node src/server/bench/minimal-server-pg.ts --database postgres://… --port N --survey-id ID --template ANSWERS.json
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { randomIdBlock, randomRowId } from '../../../db/columns.ts';
import { answerRows, minimalArgs, reportColumns, serveMinimal, today, type TemplateAnswers } from './minimal-http.ts';

const args = minimalArgs('src/server/bench/minimal-server-pg.ts');
const pool = new pg.Pool({ connectionString: args.database, max: 10 });

const rows = async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[];
const questionId = new Map((await rows<{ key: string; id: number }>('select key, id from questions where survey_id = $1', [args.surveyId])).map((q) => [q.key, q.id]));
const areaId = new Map((await rows<{ slug: string; id: number }>('select slug, id from areas')).map((a) => [a.slug, a.id]));
const namedPlaces = new Map((await rows<{ id: string; lat: number; lon: number }>('select id, lat, lon from places where retired_at is null')).map((p) => [p.id, p]));
const categoryId = new Map((await rows<{ slug: string; id: number }>('select slug, id from report_categories')).map((c) => [c.slug, c.id]));

const INSERT_RESPONSE = {
  name: 'minimal_response',
  text: "insert into responses (id, survey_id, channel, submitted_on, area_id, suspicious, flags) values ($1, $2, 'open', $3, $4, false, '[]')",
};
const INSERT_ANSWER = { name: 'minimal_answer', text: 'insert into answers (id, response_id, question_id, item, value) values ($1, $2, $3, $4, $5)' };
const INSERT_REPORT = {
  name: 'minimal_report',
  text: "insert into reports (id, receipt, category_id, lat, lon, place_name, area_id, time_of_day, weekday, description, masks, reporter_type, created_on) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, '[]', $11, $12)",
};
const INSERT_UPDATE = { name: 'minimal_update', text: "insert into report_updates (id, report_id, status, created_at) values ($1, $2, 'received', now())" };

async function inTransaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await work(client);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

async function storeResponse(answers: TemplateAnswers): Promise<void> {
  await inTransaction(async (client) => {
    const area = typeof answers['area'] === 'string' ? (areaId.get(answers['area']) ?? null) : null;
    const id = randomRowId();
    await client.query({ ...INSERT_RESPONSE, values: [id, args.surveyId, today(), area] });
    let next = randomIdBlock();
    for (const [q, item, value] of answerRows(answers, questionId)) await client.query({ ...INSERT_ANSWER, values: [next++, id, q, item, value] });
  });
}

async function storeReport(form: URLSearchParams): Promise<string> {
  const receipt = randomBytes(16).toString('base64url');
  const r = reportColumns(form, { areaId, categoryId, namedPlaces });
  await inTransaction(async (client) => {
    const id = randomRowId();
    await client.query({ ...INSERT_REPORT, values: [id, receipt, r.categoryId, r.lat, r.lon, r.placeName, r.areaId, r.timeOfDay, r.weekday, r.description, r.reporterType, today()] });
    await client.query({ ...INSERT_UPDATE, values: [randomRowId(), id] });
  });
  return receipt;
}

serveMinimal({ args, storeResponse, storeReport, close: () => pool.end() });
