/**
 * The stack's practical limit, for the benchmark: a minimal `node:http`
 * server that stores what the platform stores for one survey submission
 * (a response row and its answer rows) and for one concern report (the
 * report and its first update), with prepared better-sqlite3 statements in
 * one transaction each, on a copy of the same database with the same
 * pragmas. Nothing else: no framework, middleware, validation, throttling,
 * masking or rendering. It reads the same form bodies the platform gets and
 * answers 303, as the platform does.
 *
 *   node src/server/bench/minimal-server.ts --database PATH --port N --survey-id ID --template ANSWERS.json
 *
 * POST /survey: the template's answers (pages 1–5 of a prepared draft) plus
 * the posted final page's `q_<key>` fields. POST /meld: the report form's fields.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/connection.ts';

const { values } = parseArgs({
  options: { database: { type: 'string' }, port: { type: 'string' }, 'survey-id': { type: 'string' }, template: { type: 'string' } },
});
if (!values.database || !values.port || !values['survey-id'] || !values.template) {
  process.stderr.write('Usage: node src/server/bench/minimal-server.ts --database PATH --port N --survey-id ID --template ANSWERS.json\n');
  process.exit(2);
}
const surveyId = Number(values['survey-id']);
const template = JSON.parse(readFileSync(values.template, 'utf8')) as Record<string, string | string[] | Record<string, string>>;

// The same connection settings as the platform (WAL, synchronous=NORMAL, foreign keys, busy timeout).
const client = openDatabase(values.database).$client;
const questionId = new Map(
  (client.prepare('select key, id from questions where survey_id = ?').all(surveyId) as { key: string; id: number }[]).map((q) => [q.key, q.id]),
);
const areaId = new Map((client.prepare('select slug, id from areas').all() as { slug: string; id: number }[]).map((a) => [a.slug, a.id]));
const namedPlaces = new Map(
  (client.prepare('select id, lat, lon from places where retired_at is null').all() as { id: string; lat: number; lon: number }[]).map((p) => [p.id, p]),
);
const categoryId = new Map((client.prepare('select slug, id from report_categories').all() as { slug: string; id: number }[]).map((c) => [c.slug, c.id]));

const insertResponse = client.prepare("insert into responses (survey_id, channel, submitted_on, area_id, suspicious, flags) values (?, 'open', ?, ?, 0, '[]')");
const insertAnswer = client.prepare('insert into answers (response_id, question_id, item, value) values (?, ?, ?, ?)');
const insertReport = client.prepare(
  "insert into reports (receipt, category_id, lat, lon, place_name, area_id, time_of_day, weekday, description, masks, reporter_type, created_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?)",
);
const insertUpdate = client.prepare("insert into report_updates (report_id, status, created_at) values (?, 'received', unixepoch())");

const storeResponse = client.transaction((answers: Record<string, string | string[] | Record<string, string>>) => {
  const area = typeof answers['area'] === 'string' ? (areaId.get(answers['area']) ?? null) : null;
  const id = insertResponse.run(surveyId, today(), area).lastInsertRowid;
  for (const [key, a] of Object.entries(answers)) {
    const q = questionId.get(key);
    if (q === undefined) continue;
    if (typeof a === 'string') insertAnswer.run(id, q, null, a);
    else if (Array.isArray(a)) for (const v of a) insertAnswer.run(id, q, null, v);
    else for (const [item, v] of Object.entries(a)) insertAnswer.run(id, q, item, v);
  }
});

const storeReport = client.transaction((form: URLSearchParams): string => {
  const receipt = randomBytes(16).toString('base64url');
  const place = namedPlaces.get(form.get('location') ?? '');
  const [lat, lon] = place ? [place.lat, place.lon] : (form.get('location__point') ?? '').split(',').map(Number);
  const weekday = form.get('weekday');
  const id = insertReport.run(
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
  ).lastInsertRowid;
  insertUpdate.run(id);
  return receipt;
});

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
  readBody(req).then(
    (body) => {
      const form = new URLSearchParams(body);
      let location: string;
      if (req.url === '/survey') {
        const answers = { ...template };
        for (const [name, value] of form) if (name.startsWith('q_')) answers[name.slice(2)] = value;
        storeResponse(answers);
        location = '/tak';
      } else {
        location = `/meld/${storeReport(form)}`;
      }
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
  process.stdout.write(`Minimal server on http://127.0.0.1:${values.port}/\n`);
});
process.on('SIGTERM', () => {
  server.close(() => {
    client.close();
    process.exit(0);
  });
  server.closeIdleConnections();
});
