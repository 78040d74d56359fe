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
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { randomIdBlock, randomRowId } from '../../../db/columns.ts';

const { values } = parseArgs({
  options: { database: { type: 'string' }, port: { type: 'string' }, 'survey-id': { type: 'string' }, template: { type: 'string' } },
});
if (!values.database || !values.port || !values['survey-id'] || !values.template) {
  process.stderr.write('Usage: node src/server/bench/minimal-server-pg.ts --database postgres://… --port N --survey-id ID --template ANSWERS.json\n');
  process.exit(2);
}
const surveyId = Number(values['survey-id']);
const template = JSON.parse(readFileSync(values.template, 'utf8')) as Record<string, string | string[] | Record<string, string>>;
const pool = new pg.Pool({ connectionString: values.database, max: 10 });

const rows = async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[];
const questionId = new Map((await rows<{ key: string; id: number }>('select key, id from questions where survey_id = $1', [surveyId])).map((q) => [q.key, q.id]));
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

async function storeResponse(answers: Record<string, string | string[] | Record<string, string>>): Promise<void> {
  await inTransaction(async (client) => {
    const area = typeof answers['area'] === 'string' ? (areaId.get(answers['area']) ?? null) : null;
    const id = randomRowId();
    await client.query({ ...INSERT_RESPONSE, values: [id, surveyId, today(), area] });
    let next = randomIdBlock();
    for (const [key, a] of Object.entries(answers)) {
      const q = questionId.get(key);
      if (q === undefined) continue;
      const items: [string | null, string][] = typeof a === 'string' ? [[null, a]] : Array.isArray(a) ? a.map((v) => [null, v]) : Object.entries(a);
      for (const [item, v] of items) await client.query({ ...INSERT_ANSWER, values: [next++, id, q, item, v] });
    }
  });
}

async function storeReport(form: URLSearchParams): Promise<string> {
  const receipt = randomBytes(16).toString('base64url');
  const place = namedPlaces.get(form.get('location') ?? '');
  const [lat, lon] = place ? [place.lat, place.lon] : (form.get('location__point') ?? '').split(',').map(Number);
  const weekday = form.get('weekday');
  await inTransaction(async (client) => {
    const id = randomRowId();
    await client.query({
      ...INSERT_REPORT,
      values: [
        id,
        receipt,
        categoryId.get(form.get('category') ?? '') ?? 1,
        lat ?? 0,
        lon ?? 0,
        place?.id ?? null,
        areaId.get(form.get('area') ?? '') ?? 1,
        form.get('timeOfDay') ?? 'often',
        weekday && /^[1-7]$/.test(weekday) ? Number(weekday) : null,
        form.get('description') ?? '',
        form.get('reporterType') ?? 'resident',
        today(),
      ],
    });
    await client.query({ ...INSERT_UPDATE, values: [randomRowId(), id] });
  });
  return receipt;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') {
    res.end('ok');
    return;
  }
  if (req.method !== 'POST' || (req.url !== '/survey' && req.url !== '/meld')) {
    res.statusCode = 404;
    res.end();
    return;
  }
  readBody(req)
    .then(async (body) => {
      const form = new URLSearchParams(body);
      if (req.url === '/survey') {
        const answers = { ...template };
        for (const [name, value] of form) if (name.startsWith('q_')) answers[name.slice(2)] = value;
        await storeResponse(answers);
        return '/tak';
      }
      return `/meld/${await storeReport(form)}`;
    })
    .then(
      (location) => {
        res.writeHead(303, { location, 'content-length': '0' });
        res.end();
      },
      (e: unknown) => {
        res.statusCode = 500;
        res.end(String(e));
      },
    );
});
server.keepAliveTimeout = 5_000;
server.listen(Number(values.port), '127.0.0.1', () => {
  process.stdout.write(`Minimal PostgreSQL server on http://127.0.0.1:${values.port}/\n`);
});
process.on('SIGTERM', () => {
  server.close(() => {
    void pool.end().then(() => process.exit(0));
  });
  server.closeIdleConnections();
});
