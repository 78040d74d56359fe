/**
 * What the two minimal servers (minimal-server.ts on SQLite,
 * minimal-server-pg.ts on PostgreSQL) share: their arguments, reading a
 * posted form into a response's answers or a report's columns, and the
 * node:http server that answers 303 as the platform does. Each server only
 * says how it stores.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { parseArgs } from 'node:util';

export type TemplateAnswers = Record<string, string | string[] | Record<string, string>>;

export interface MinimalArgs {
  database: string;
  port: number;
  surveyId: number;
  /** Pages 1–5 of a prepared draft, to which each post adds the last page. */
  template: TemplateAnswers;
}

/** The command line both servers take, or a usage message and exit 2. */
export function minimalArgs(script: string): MinimalArgs {
  const { values } = parseArgs({
    options: { database: { type: 'string' }, port: { type: 'string' }, 'survey-id': { type: 'string' }, template: { type: 'string' } },
  });
  if (!values.database || !values.port || !values['survey-id'] || !values.template) {
    process.stderr.write(`Usage: node ${script} --database … --port N --survey-id ID --template ANSWERS.json\n`);
    process.exit(2);
  }
  return { database: values.database, port: Number(values.port), surveyId: Number(values['survey-id']), template: JSON.parse(readFileSync(values.template, 'utf8')) as TemplateAnswers };
}

/** A response's answer rows: (question, item, value) for every answer whose question the wave has. */
export function answerRows(answers: TemplateAnswers, questionId: ReadonlyMap<string, number>): [number, string | null, string][] {
  const rows: [number, string | null, string][] = [];
  for (const [key, a] of Object.entries(answers)) {
    const q = questionId.get(key);
    if (q === undefined) continue;
    if (typeof a === 'string') rows.push([q, null, a]);
    else if (Array.isArray(a)) for (const v of a) rows.push([q, null, v]);
    else for (const [item, v] of Object.entries(a)) rows.push([q, item, v]);
  }
  return rows;
}

/** A report's columns from the posted form, with the lookups the server made at start. */
export function reportColumns(
  form: URLSearchParams,
  lookups: { areaId: ReadonlyMap<string, number>; categoryId: ReadonlyMap<string, number>; namedPlaces: ReadonlyMap<string, { id: string; lat: number; lon: number }> },
): { categoryId: number; lat: number; lon: number; placeName: string | null; areaId: number; timeOfDay: string; weekday: number | null; description: string; reporterType: string } {
  const place = lookups.namedPlaces.get(form.get('location') ?? '');
  const [lat, lon] = place ? [place.lat, place.lon] : (form.get('location__point') ?? '').split(',').map(Number);
  const weekday = form.get('weekday');
  return {
    categoryId: lookups.categoryId.get(form.get('category') ?? '') ?? 1,
    lat: lat ?? 0,
    lon: lon ?? 0,
    placeName: place?.id ?? null,
    areaId: lookups.areaId.get(form.get('area') ?? '') ?? 1,
    timeOfDay: form.get('timeOfDay') ?? 'often',
    weekday: weekday && /^[1-7]$/.test(weekday) ? Number(weekday) : null,
    description: form.get('description') ?? '',
    reporterType: form.get('reporterType') ?? 'resident',
  };
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves POST /survey (the template's answers plus the posted `q_<key>`
 * fields) and POST /meld (the report form) on loopback, GET /healthz, and
 * stops on SIGTERM after `close`.
 */
export function serveMinimal(options: {
  args: MinimalArgs;
  storeResponse(answers: TemplateAnswers): void | Promise<void>;
  /** Stores the report; its receipt. */
  storeReport(form: URLSearchParams): string | Promise<string>;
  close(): void | Promise<void>;
}): void {
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
          const answers = { ...options.args.template };
          for (const [name, value] of form) if (name.startsWith('q_')) answers[name.slice(2)] = value;
          await options.storeResponse(answers);
          return '/tak';
        }
        return `/meld/${await options.storeReport(form)}`;
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
  server.listen(options.args.port, '127.0.0.1', () => {
    process.stdout.write(`Minimal server on http://127.0.0.1:${options.args.port}/\n`);
  });
  process.on('SIGTERM', () => {
    server.close(() => {
      void Promise.resolve(options.close()).then(() => process.exit(0));
    });
    server.closeIdleConnections();
  });
}
