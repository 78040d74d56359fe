/**
 * E-mail subscriptions over plain HTTP (no JavaScript), with a real SMTP
 * server on loopback: the whole journey (subscribe on a page → confirmation
 * mail → look at the link → confirm → an editor publishes an event → the
 * digest command → the digest mail → one-click unsubscribe from the mail's
 * List-Unsubscribe header), and the bad inputs: missing and invalid fields,
 * an unknown area, a bot, an expired link, a replayed confirmation, unknown
 * and forged links, a cross-site post and a flood, each with a clear page in
 * the visitor's language and nothing half-stored. Without SMTP_URL the
 * feature is not there at all.
 *
 * This file starts its own servers, one with mail and one without, on SQLite
 * in the http project and on PostgreSQL in http-pg.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { count as countRows, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { subscriptions } from '../../db/schema.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/server/db/raw.ts';
import { readMailbox, startMailbox, waitForMail, type Mailbox } from '../support/mailbox.ts';
import { ON_POSTGRES } from '../support/postgres.ts';
import { closeServerDatabase, serverDatabase } from '../support/server-db.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { postForm, signIn, SIGN_IN_TIMEOUT_MS, someClient } from '../support/staff-login.ts';

const THROTTLE_SECRET = 'subscriptions-http-test-secret-0123456789abcdef';
/** The flood limit for these servers: low, so the flood test reaches it. */
const PER_HOUR = 25;

let mailbox: Mailbox;
let withoutMail: RunningServer;

beforeAll(async () => {
  mailbox = await startMailbox();
  withoutMail = await startServer({ TRUST_PROXY: 'true', THROTTLE_SECRET });
}, 60_000);

afterAll(async () => {
  if (withoutMail) await closeServerDatabase(withoutMail.dbPath);
  await withoutMail?.stop();
  await mailbox?.close();
});

function mailEnv(): Record<string, string> {
  return { TRUST_PROXY: 'true', SMTP_URL: mailbox.smtpUrl, MAIL_FROM: 'Tryghed test <noreply@tryghed.invalid>', THROTTLE_SECRET, SUBSCRIPTIONS_PER_HOUR: String(PER_HOUR) };
}

/** The text of a received mail, folded headers joined and quoted-printable undone. */
function decoded(raw: string): string {
  return raw.replace(/\r?\n[ \t]+/g, ' ').replace(/=\r?\n/g, '').replace(/(=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));
}

async function page(res: Response): Promise<string> {
  return (await res.text()).replace(/ data-astro-cid-[a-z0-9]+/g, '');
}

describe('without SMTP_URL', () => {
  it('there is no subscription page, form or link, and a post stores nothing', async () => {
    const base = withoutMail.url;
    for (const path of ['/abonnement', '/en/abonnement', `/abonnement/bekraeft/${'a'.repeat(43)}`, `/abonnement/afmeld/1-${'a'.repeat(43)}`]) {
      expect((await fetch(base + path)).status, path).toBe(404);
    }
    expect((await postForm(base, '/abonnement', { topic: 'events', email: 'nabo@example.dk' })).status).toBe(404);
    for (const path of ['/arrangementer', '/resultater', '/indsatser', '/indsatser?omraade=indre-norrebro', '/en/arrangementer']) {
      const html = await page(await fetch(base + path));
      expect(html, path).not.toContain('action="/abonnement"');
      expect(html, path).not.toContain('action="/en/abonnement"');
      expect(html, path).not.toContain('href="/abonnement"');
    }
    expect(await rawRows(serverDatabase(withoutMail.dbPath), sql`select count(*) as n from subscriptions`)).toEqual([{ n: 0 }]);
  });
});

describe(`subscriptions on ${ON_POSTGRES ? 'PostgreSQL' : 'SQLite'}`, () => {
  let server: RunningServer;
  let base: string;
  let editor: string;

  beforeAll(async () => {
    server = await startServer(mailEnv());
    base = server.url;
    editor = await signIn(base, 'editor@demo.tryghed.invalid', 'tryghed-demo-cykelsti');
  }, 120_000 + SIGN_IN_TIMEOUT_MS);

  afterAll(async () => {
    if (server) await closeServerDatabase(server.dbPath);
    await server?.stop();
  });

  /** How many subscriptions the server's database holds (those matching `where`). */
  async function count(where?: SQL): Promise<number> {
    const [row] = await serverDatabase(server.dbPath).select({ n: countRows() }).from(subscriptions).where(where);
    return row?.n ?? 0;
  }
  const confirmedCount = () => count(isNotNull(subscriptions.confirmedAt));

  let n = 0;
  /** An address of its own for each test, so their mails and rows do not mix. */
  const address = (label: string) => `${label}-${++n}-${ON_POSTGRES ? 'postgresql' : 'sqlite'}@example.dk`;

  function subscribe(fields: Record<string, string>, locale: 'da' | 'en' = 'da', client = someClient()) {
    return fetch(`${base}${locale === 'en' ? '/en' : ''}/abonnement`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': client },
      body: new URLSearchParams({ website: '', ...fields }).toString(),
    });
  }

  /** Subscribes through the form and returns the confirmation link from the mail. */
  async function subscribeAndReadLink(email: string, fields: Record<string, string>, locale: 'da' | 'en' = 'da'): Promise<string> {
    const before = readMailbox(mailbox.dir).filter((m) => m.to === email).length;
    const res = await subscribe({ email, ...fields }, locale);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${locale === 'en' ? '/en' : ''}/abonnement?sendt=1`);
    const mails = await waitForMail(mailbox.dir, email, before + 1);
    const body = decoded(mails.at(-1)!.raw);
    const link = new RegExp(`${base}${locale === 'en' ? '/en' : ''}/abonnement/bekraeft/[A-Za-z0-9_-]{43}`).exec(body);
    expect(link, body).not.toBeNull();
    return link![0];
  }

  it('offers the form on the events list, /resultater, an area\'s initiatives and an initiative, in Danish and English', async () => {
    const events = await page(await fetch(`${base}/arrangementer`));
    expect(events).toContain('Få nyt på e-mail');
    expect(events).toMatch(/<form method="post" action="\/abonnement"[^>]*>\s*<input type="hidden" name="topic" value="events">/);
    expect(await page(await fetch(`${base}/resultater`))).toContain('name="topic" value="results"');
    const area = await page(await fetch(`${base}/indsatser?omraade=indre-norrebro`));
    expect(area).toContain('name="area" value="indre-norrebro"');
    const list = await page(await fetch(`${base}/indsatser`));
    const slug = /href="\/indsatser\/([a-z0-9-]+)"/.exec(list)![1]!;
    expect(await page(await fetch(`${base}/indsatser/${slug}`))).toContain(`name="initiative" value="${slug}"`);
    const en = await page(await fetch(`${base}/en/arrangementer`));
    expect(en).toContain('Get news by e-mail');
    expect(en).toContain('action="/en/abonnement"');
    const full = await page(await fetch(`${base}/en/abonnement`));
    expect(full).toContain('<h1>Get news by e-mail</h1>');
    expect(full).toContain('stored encrypted and deleted when you unsubscribe');
  });

  it('subscribe → look at the link → confirm → an editor publishes an event → digest → one-click unsubscribe', async () => {
    const email = address('journey');
    const link = await subscribeAndReadLink(email, { topic: 'events' });
    const sent = await page(await fetch(`${base}/abonnement?sendt=1`));
    expect(sent).toContain('Tjek din e-mail');
    // Opening the link (as a mail scanner would) confirms nothing.
    const look = await fetch(link);
    expect(look.status).toBe(200);
    expect(look.headers.get('cache-control')).toBe('private, no-store');
    const lookHtml = await page(look);
    expect(lookHtml).toContain('Du er ved at abonnere på: nye arrangementer.');
    expect(lookHtml).toContain('Bekræft abonnementet</button>');
    expect(await confirmedCount()).toBe(0);
    const path = new URL(link).pathname;
    const confirm = await postForm(base, path, {});
    expect(confirm.status).toBe(200);
    expect(await page(confirm)).toContain('Dit abonnement er bekræftet');
    expect(await confirmedCount()).toBe(1);
    // A replayed confirmation is told it is done, and changes nothing.
    const replay = await postForm(base, path, {});
    expect(replay.status).toBe(200);
    expect(await page(replay)).toContain('Abonnementet er allerede bekræftet');
    expect(await count()).toBe(1);

    // An editor publishes an event (a second later: the digest covers what came before its own second).
    const form = await (await fetch(`${base}/staff/events/new`, { headers: { cookie: editor } })).text();
    const firstOption = (name: string) => new RegExp(`name="${name}"[^>]*>[\\s\\S]*?<option value="(\\d+)"`).exec(form)?.[1] ?? '';
    const created = await postForm(
      base,
      '/staff/events/new',
      {
        kind: 'citizen_meeting',
        titleDa: 'Borgermøde om tryghed i Blågårdskvarteret',
        titleEn: 'Residents\u2019 meeting on safety in the Blågård quarter',
        descriptionDa: 'Kom og vær med.',
        descriptionEn: '',
        place: 'Blågårds Plads',
        lat: '',
        lon: '',
        startsAt: '2031-05-12T17:00',
        endsAt: '2031-05-12T19:00',
        areaId: firstOption('areaId'),
        partnerId: firstOption('partnerId'),
        initiativeId: '',
      },
      editor,
    );
    expect(created.status, await created.clone().text()).toBe(303);
    const eventPath = created.headers.get('location')!.replace(/\?.*$/, '');
    expect((await postForm(base, eventPath, { intent: 'publish' }, editor)).status).toBe(303);
    await new Promise((r) => setTimeout(r, 1100));

    const cli = await promisify(execFile)(process.execPath, ['src/server/cli/digest.ts', '--force'], {
      env: { ...process.env, ...mailEnv(), DATABASE_URL: server.dbPath, HOST: '127.0.0.1', PORT: new URL(base).port },
    });
    expect(cli.stdout).toMatch(/digests queued/);
    expect(cli.stdout).not.toContain(email);
    const mails = await waitForMail(mailbox.dir, email, 2);
    const digest = decoded(mails[1]!.raw);
    expect(digest).toContain('Nyt arrangement: Borgermøde om tryghed i Blågårdskvarteret');
    expect(digest).toMatch(new RegExp(`${base}/arrangementer/[a-z0-9-]+-2031-05-12`));
    expect(digest).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    const unsubscribeUrl = /^List-Unsubscribe: <([^>]+)>/m.exec(digest)![1]!;
    expect(digest).toContain(`Afmeld med ét klik: ${unsubscribeUrl}`);

    // Looking at the unsubscribe link unsubscribes nobody.
    const ask = await fetch(unsubscribeUrl);
    expect(ask.status).toBe(200);
    expect(await page(ask)).toContain('Vil du afmelde abonnementet på: nye arrangementer?');
    expect(await count()).toBe(1);
    // A mail client's one-click POST (RFC 8058): from its own server, no Origin or Referer, no cookie.
    const oneClick = await fetch(unsubscribeUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(oneClick.status).toBe(200);
    expect(await page(oneClick)).toContain('Du er afmeldt');
    expect(await count()).toBe(0);
    const again = await fetch(unsubscribeUrl);
    expect(again.status).toBe(404);
    expect(await page(again)).toContain('Afmeldingslinket er ukendt');

    // The address was never stored as text, and is in no log line.
    if (!ON_POSTGRES) {
      for (const file of [server.dbPath, `${server.dbPath}-wal`]) {
        if (existsSync(file)) expect(readFileSync(file).includes(Buffer.from(email)), file).toBe(false);
      }
    }
    expect(server.output()).not.toContain(email);
  });

  it('answers an address already subscribed exactly as a new one, and stores nothing more', async () => {
    const email = address('twice');
    const link = await subscribeAndReadLink(email, { topic: 'results' });
    expect((await postForm(base, new URL(link).pathname, {})).status).toBe(200);
    const rows = await count();
    const res = await subscribe({ topic: 'results', email });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/abonnement?sendt=1');
    expect(await count()).toBe(rows);
    const mails = await waitForMail(mailbox.dir, email, 2);
    expect(decoded(mails[1]!.raw)).toContain('Du abonnerer allerede');
  });

  it('refuses missing and invalid fields and an unknown area with a message in the visitor\'s language, storing nothing', async () => {
    const before = await count();
    const missing = await subscribe({ topic: 'area', area: '', email: '' });
    expect(missing.status).toBe(400);
    const html = await page(missing);
    expect(html).toContain('Vælg et område.');
    expect(html).toContain('Skriv din e-mailadresse.');
    expect(html).toMatch(/<input[^>]*id="subscribe-email"[^>]*aria-invalid="true"/);
    const invalid = await subscribe({ topic: 'events', email: 'not-an-address' }, 'en');
    expect(invalid.status).toBe(400);
    const invalidHtml = await page(invalid);
    expect(invalidHtml).toContain('The e-mail address does not look right.');
    expect(invalidHtml).toContain('value="not-an-address"');
    const unknown = await subscribe({ topic: 'area', area: 'atlantis', email: address('unknown') });
    expect(unknown.status).toBe(400);
    expect(await page(unknown)).toContain('Det, du ville abonnere på, findes ikke (længere).');
    const noTopic = await subscribe({ email: address('notopic') }, 'en');
    expect(noTopic.status).toBe(400);
    expect(await page(noTopic)).toContain('Choose what you would like to hear about.');
    const draftInitiative = await subscribe({ topic: 'initiative', initiative: 'findes-ikke', email: address('draft') });
    expect(draftInitiative.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('drops a bot (honeypot) with the usual answer, and refuses a cross-site post', async () => {
    const before = await count();
    const bot = await subscribe({ topic: 'events', email: address('bot'), website: 'https://spam.example' });
    expect(bot.status).toBe(303);
    const crossSite = await fetch(`${base}/abonnement`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ topic: 'events', email: address('csrf') }).toString(),
    });
    expect(crossSite.status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('an expired confirmation link says so and deletes the address; unknown and forged links get a clear page', async () => {
    const email = address('expired');
    const link = await subscribeAndReadLink(email, { topic: 'area', area: 'skt-hans-torv' }, 'en');
    expect(await count(isNull(subscriptions.confirmedAt))).toBeGreaterThan(0);
    const before = await count();
    // The clock cannot be moved in a running server: the row's expiry is moved instead.
    await serverDatabase(server.dbPath).update(subscriptions).set({ expiresAt: new Date(1000) }).where(isNull(subscriptions.confirmedAt));
    const expired = await fetch(link);
    expect(expired.status).toBe(410);
    expect(await page(expired)).toContain('The link is too old, and your e-mail address has now been deleted.');
    const confirm = await postForm(base, new URL(link).pathname, {});
    expect(confirm.status).toBe(410);
    expect(await count()).toBe(before - 1);
    const gone = await fetch(link);
    expect(gone.status).toBe(404);
    expect(await page(gone)).toContain('The link does not work');

    const unknown = await fetch(`${base}/abonnement/bekraeft/${'Q'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(await page(unknown)).toContain('Linket er ukendt');
    const forged = await fetch(`${base}/en/abonnement/afmeld/1a2b3c-${'A'.repeat(43)}`);
    expect(forged.status).toBe(404);
    expect(await page(forged)).toContain('The unsubscribe link is unknown');
    const forgedPost = await fetch(`${base}/abonnement/afmeld/1a2b3c-${'A'.repeat(43)}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(forgedPost.status).toBe(404);
  });

  it('a flood from many clients is refused with 429, Retry-After and a message, and nothing is stored for it', async () => {
    const before = await count();
    let refused: Response | undefined;
    let accepted = 0;
    for (let i = 0; i < PER_HOUR + 2 && !refused; i++) {
      const res = await subscribe({ topic: 'events', email: address('flood') });
      if (res.status === 429) refused = res;
      else {
        expect(res.status).toBe(303);
        accepted++;
      }
    }
    expect(refused, 'no 429 within the hourly limit').toBeDefined();
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await page(refused!)).toContain('Der bliver lige nu bedt om usædvanligt mange abonnementer');
    expect(await count()).toBe(before + accepted);
    // The English page says the same in English.
    const en = await subscribe({ topic: 'events', email: address('flood') }, 'en');
    expect(en.status).toBe(429);
    expect(await page(en)).toContain('Unusually many subscriptions are being requested right now');
  });
});
