/**
 * A report's receipt page over plain HTTP (no JavaScript): thanks, a short
 * receipt number derived from the secret receipt, what happens next, the link
 * as text, and "send me the link", whose address is used for one mail and then
 * is nowhere: not in any table, not in the database files, not in the log.
 *
 * This file starts its own two servers (one with a mail server, one without),
 * so that it can read their logs and database files alone. In http-pg the
 * tables are PostgreSQL's; the scan of the database files is SQLite's alone
 * (a PostgreSQL server's files belong to its operator: README "Privacy").
 */
import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiptNumber } from '../../src/lib/receipt-number.ts';
import { rawRows } from '../../src/server/db/raw.ts';
import { ON_POSTGRES } from '../support/postgres.ts';
import { closeServerDatabase, serverDatabase } from '../support/server-db.ts';
import { startMailbox, waitForMail, type Mailbox } from '../support/mailbox.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { postForm, someClient } from '../support/staff-login.ts';

let mailbox: Mailbox;
let withMail: RunningServer;
let withoutMail: RunningServer;

beforeAll(async () => {
  mailbox = await startMailbox();
  withMail = await startServer({ TRUST_PROXY: 'true', LOG_LEVEL: 'debug', SMTP_URL: mailbox.smtpUrl, MAIL_FROM: 'Tryghed test <noreply@tryghed.invalid>' });
  withoutMail = await startServer({ TRUST_PROXY: 'true' });
  // Two servers: each may take up to startServer's deadline on a loaded machine.
}, 150_000);

afterAll(async () => {
  for (const server of [withMail, withoutMail]) if (server) await closeServerDatabase(server.dbPath);
  await withMail?.stop();
  await withoutMail?.stop();
  await mailbox?.close();
});

/** The rows of a query on a test server's database (SQLite or PostgreSQL). */
const rows = <T>(dbPath: string, query: ReturnType<typeof sql>) => rawRows<T>(serverDatabase(dbPath), query);

let submissions = 0;
/** Files a report on `base` and returns its receipt path (`/meld/<receipt>`). */
async function fileReport(base: string): Promise<string> {
  const res = await postForm(base, '/meld', {
    submission: `receipt-test-${Date.now()}-${++submissions}`,
    category: 'drug_dealing',
    location: 'blaagaards-plads',
    timeOfDay: 'evening',
    weekday: '5',
    description: '',
    reporterType: 'resident',
    email: '',
    website: '',
  });
  expect(res.status).toBe(303);
  return res.headers.get('location')!;
}

/** Posts the "send me the link" form from one client (its own address unless given). */
function sendLink(base: string, path: string, email: string, client = someClient()) {
  return fetch(base + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': client },
    body: new URLSearchParams({ email }).toString(),
  });
}

/** Every column of every table of a test server's database that holds `needle` in some row (text, or bytes on PostgreSQL). */
async function findInTables(dbPath: string, needle: string): Promise<string[]> {
  const columns = await rows<{ table_name: string; column_name: string; data_type: string }>(
    dbPath,
    ON_POSTGRES
      ? sql`select table_name, column_name, data_type from information_schema.columns where table_schema = 'public'`
      : sql`select m.name as table_name, c.name as column_name, c.type as data_type from sqlite_master m join pragma_table_info(m.name) c where m.type = 'table'`,
  );
  expect(columns.length).toBeGreaterThan(50);
  const found: string[] = [];
  for (const { table_name: table, column_name: column, data_type: type } of columns) {
    const where =
      ON_POSTGRES && type === 'bytea'
        ? sql`position(convert_to(${needle}, 'UTF8') in ${sql.identifier(column)}) > 0`
        : sql`cast(${sql.identifier(column)} as text) like ${`%${needle}%`}`;
    const [hit] = await rows<{ n: number }>(dbPath, sql`select count(*) n from ${sql.identifier(table)} where ${where}`);
    if (Number(hit!.n) > 0) found.push(`${table}.${column}`);
  }
  return found;
}

/** Whether a SQLite database's files (main file and write-ahead log) hold `needle` anywhere, deleted rows included. */
function inDatabaseFiles(dbPath: string, needle: string): boolean {
  return [dbPath, `${dbPath}-wal`].some((file) => existsSync(file) && readFileSync(file).includes(Buffer.from(needle, 'utf8')));
}

describe('the receipt page', () => {
  it('thanks the reporter, gives a short receipt number derived from the receipt, and says what happens next', async () => {
    const path = await fileReport(withMail.url);
    const receipt = path.split('/').pop()!;
    const res = await fetch(withMail.url + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const html = await res.text();
    expect(html).toMatch(/<h1[^>]*>Tak, vi har modtaget din melding<\/h1>/);
    const number = receiptNumber(receipt);
    expect(number).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(html).toContain(`Kvitteringsnummer: <strong`);
    expect(html).toContain(number);
    expect(html).toContain('Det sker nu');
    // From the configuration: the release interval (7 days) and K (5).
    expect(html).toContain('Tallene bliver udgivet hver 7. dag');
    expect(html).toContain('mindst 5 meldinger');
    expect(html).toContain('får du også en e-mail, hver gang status ændrer sig');
    // The link as text in a read-only field, so it can be copied without JavaScript.
    expect(html).toMatch(new RegExp(`<input[^>]*id="receipt-link"[^>]*readonly[^>]*value="${withMail.url}/meld/${receipt}"`));
    expect(html).toContain('Gem et bogmærke');
    // Copy and print buttons are hidden until the script shows them.
    expect(html).toMatch(/<div[^>]*data-keep-actions[^>]*hidden/);
    expect(html).toContain('Send mig linket');

    const en = await (await fetch(`${withMail.url}/en${path}`)).text();
    expect(en).toContain('Thank you, we have received your report');
    expect(en).toContain(`Receipt number: <strong`);
    expect(en).toContain(number);
    expect(en).toContain(`value="${withMail.url}/en/meld/${receipt}"`);
  });

  it('the receipt number is not a way in: it finds no report', async () => {
    const path = await fileReport(withMail.url);
    const number = receiptNumber(path.split('/').pop()!);
    for (const guess of [number, number.replace('-', ''), number.replace('-', '').toLowerCase()]) {
      expect((await fetch(`${withMail.url}/meld/${guess}`)).status, guess).toBe(404);
    }
  });

  it('without SMTP_URL there is no "send me the link" form, and a post gets 404', async () => {
    const path = await fileReport(withoutMail.url);
    const html = await (await fetch(withoutMail.url + path)).text();
    expect(html).toContain('Tak, vi har modtaget din melding');
    expect(html).not.toContain('Send mig linket');
    expect(html).not.toContain('name="email"');
    expect(html).not.toContain('får du også en e-mail');
    expect(html).toContain('Du kan kopiere linket eller udskrive siden.');
    expect((await sendLink(withoutMail.url, path, 'ingen@example.dk')).status).toBe(404);
    expect(await findInTables(withoutMail.dbPath, 'ingen@example.dk')).toEqual([]);
  });
});

describe('"send me the link"', () => {
  it('sends one mail with the link and the number, and then the address is nowhere: no table, no database file, no log line', async () => {
    const path = await fileReport(withMail.url);
    const receipt = path.split('/').pop()!;
    const address = `kvittering-${Date.now()}@example.dk`;
    const res = await sendLink(withMail.url, path, address);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${path}?sendt=1#send-link`);
    const after = await (await fetch(`${withMail.url}${path}?sendt=1`)).text();
    expect(after).toContain('Linket er på vej til din e-mail');
    expect(after).not.toContain(address);

    const [mail] = await waitForMail(mailbox.dir, address);
    // Quoted-printable: soft line breaks joined.
    const text = mail!.raw.replace(/=\r?\n/g, '');
    expect(text).toContain(`${withMail.url}/meld/${receipt}`);
    expect(text).toContain(`Kvitteringsnummer: ${receiptNumber(receipt)}`);
    expect(text).toContain('Status: Modtaget');

    // The outbox row is deleted once sent, and the report never held the address.
    await expect.poll(() => findInTables(withMail.dbPath, address), { timeout: 5_000 }).toEqual([]);
    expect(await rows<{ email: string | null }>(withMail.dbPath, sql`select email from reports where receipt = ${receipt}`)).toEqual([{ email: null }]);
    if (!ON_POSTGRES) {
      // Nor in the files: secure_delete zeroed the row, and the write-ahead log was truncated after sending.
      expect(inDatabaseFiles(withMail.dbPath, 'blaagaards-plads'), 'the scan reads the files').toBe(true);
      await expect.poll(() => inDatabaseFiles(withMail.dbPath, address), { timeout: 5_000 }).toBe(false);
    }
    // Never logged (the server logs at debug level here).
    expect(withMail.output()).not.toContain(address);
    expect(withMail.output()).not.toContain(receipt);
  });

  it('an empty or invalid address is a 400 that says what to do, and queues nothing', async () => {
    const path = await fileReport(withMail.url);
    const empty = await sendLink(withMail.url, path, '');
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Skriv den e-mailadresse, linket skal sendes til.');
    const bad = await sendLink(withMail.url, path, 'ikke-en-adresse');
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Skriv en gyldig e-mailadresse');
    expect(html).toMatch(/aria-invalid="true"/);
    expect((await rows<{ n: number }>(withMail.dbPath, sql`select count(*) n from report_notices`))[0]!.n).toBe(0);
  });

  it('is throttled per report: a fourth link in a day is refused with 429', async () => {
    const path = await fileReport(withMail.url);
    for (let i = 1; i <= 3; i++) expect((await sendLink(withMail.url, path, `gentag-${i}@example.dk`)).status).toBe(303);
    const fourth = await sendLink(withMail.url, path, 'gentag-4@example.dk');
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await fourth.text()).toContain('Der er sendt mange links på kort tid');
    await waitForMail(mailbox.dir, 'gentag-3@example.dk');
    await expect.poll(() => findInTables(withMail.dbPath, 'gentag-'), { timeout: 5_000 }).toEqual([]);
  });

  it('is throttled per client: a sixth link from one address in ten minutes is refused with 429', async () => {
    const client = someClient();
    const paths = await Promise.all(Array.from({ length: 6 }, () => fileReport(withMail.url)));
    for (let i = 0; i < 5; i++) expect((await sendLink(withMail.url, paths[i]!, `klient-${i}@example.dk`, client)).status).toBe(303);
    expect((await sendLink(withMail.url, paths[5]!, 'klient-5@example.dk', client)).status).toBe(429);
  });
});
