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
import { openDatabase } from '../db/connection.ts';
import { answerRows, minimalArgs, reportColumns, serveMinimal, today, type TemplateAnswers } from './minimal-http.ts';

const args = minimalArgs('src/server/bench/minimal-server.ts');

// The same connection settings as the platform (WAL, synchronous=NORMAL, foreign keys, busy timeout).
const client = openDatabase(args.database).$client;
const questionId = new Map(
  (client.prepare('select key, id from questions where survey_id = ?').all(args.surveyId) as { key: string; id: number }[]).map((q) => [q.key, q.id]),
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

const storeResponse = client.transaction((answers: TemplateAnswers) => {
  const area = typeof answers['area'] === 'string' ? (areaId.get(answers['area']) ?? null) : null;
  const id = insertResponse.run(args.surveyId, today(), area).lastInsertRowid;
  for (const [q, item, value] of answerRows(answers, questionId)) insertAnswer.run(id, q, item, value);
});

const storeReport = client.transaction((form: URLSearchParams): string => {
  const receipt = randomBytes(16).toString('base64url');
  const r = reportColumns(form, { areaId, categoryId, namedPlaces });
  const id = insertReport.run(receipt, r.categoryId, r.lat, r.lon, r.placeName, r.areaId, r.timeOfDay, r.weekday, r.description, r.reporterType, today()).lastInsertRowid;
  insertUpdate.run(id);
  return receipt;
});

serveMinimal({ args, storeResponse, storeReport, close: () => void client.close() });
