/**
 * Event sign-up as residents and editors meet it over plain HTTP (no
 * JavaScript), on a built server of its own (SQLite in the http project,
 * PostgreSQL in http-pg) with its own real SMTP server on loopback
 * (tests/support/mailbox.ts) and small sign-up limits, so the flood is
 * reached quickly.
 *
 * The journey: an editor creates, publishes and opens an event for 3; a
 * resident signs up with an address and gets the cancel link by mail; bad
 * input (a wrong number, a bad address, an oversized form, the honeypot) is
 * refused in the resident's language with nothing stored; the event fills
 * up; one sign-up is cancelled with its link, and the replayed and a forged
 * link change nothing; sign-ups sent at the same moment never overbook; the
 * editor cancels the event, the resident with an address gets the notice,
 * the page and the calendar say cancelled; an event under way refuses
 * sign-up; minutes with places are published after an event; a flood is
 * refused.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/server/db/raw.ts';
import { getWithHost } from '../support/forged-host.ts';
import { startMailbox, waitForMail, type Mailbox } from '../support/mailbox.ts';
import { ON_POSTGRES } from '../support/postgres.ts';
import { closeServerDatabase, serverDatabase } from '../support/server-db.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { postForm, SIGN_IN_TIMEOUT_MS, signInDemo, someClient } from '../support/staff-login.ts';

const HOUR = 3_600_000;
const FLOOD_PER_HOUR = 30;
const name = ON_POSTGRES ? 'PostgreSQL' : 'SQLite';

/** A time as the editors' form takes it: Copenhagen local time, `YYYY-MM-DDTHH:MM`. */
function copenhagen(d: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .format(d)
    .replace(' ', 'T');
}

function decoded(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  return Buffer.from(joined.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}

/** HTML text without tags, entities for quotes undone, whitespace collapsed. */
function text(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

describe(`event sign-up on ${name}`, () => {
  let mailbox: Mailbox;
  let server: RunningServer;
  let base: string;
  let editor: string;

  /** Rows from the server's database (read-only use). Ids are numbers, inlined. */
  const rows = <T>(query: string) => rawRows<T>(serverDatabase(server.dbPath), sql.raw(query));
  const signups = async (eventId: number) => (await rows<{ people: number; email: string | null }>(`select people, email from event_signups where event_id = ${eventId}`)).map((r) => ({ people: Number(r.people), email: r.email }));
  const signedUp = async (eventId: number) => Number((await rows<{ n: number }>(`select signed_up as n from event_registrations where event_id = ${eventId}`))[0]?.n);

  beforeAll(async () => {
    mailbox = await startMailbox();
    server = await startServer(
      {
        TRUST_PROXY: 'true',
        SMTP_URL: mailbox.smtpUrl,
        MAIL_FROM: 'Tryghed test <noreply@tryghed.invalid>',
        EVENT_SIGNUPS_PER_CLIENT: '3',
        EVENT_SIGNUPS_PER_HOUR: String(FLOOD_PER_HOUR),
      },
    );
    base = server.url;
    editor = await signInDemo(base, 'editor');
  }, SIGN_IN_TIMEOUT_MS + 180_000);

  afterAll(async () => {
    if (server) await closeServerDatabase(server.dbPath);
    await server?.stop();
    await mailbox?.close();
  });

  const get = async (path: string, init?: RequestInit) => {
    const res = await fetch(base + path, { redirect: 'manual', ...init });
    return { res, body: await res.text() };
  };
  const staffPost = (path: string, fields: Record<string, string | string[]>) => postForm(base, path, fields, editor);

  /** An event made and published through the editors' forms; returns its id and slug. */
  async function makeEvent(title: string, startsIn: number, hours = 2, kind = 'citizen_meeting'): Promise<{ id: number; slug: string }> {
    const startsAt = new Date(Date.now() + startsIn);
    const [partner] = await rows<{ id: number }>('select id from partners order by id limit 1');
    const res = await staffPost('/staff/events/new', {
      kind,
      titleDa: title,
      titleEn: `${title} (en)`,
      descriptionDa: 'Alle er velkomne.',
      descriptionEn: '',
      place: 'Nørrebro Bibliotek',
      lat: '',
      lon: '',
      startsAt: copenhagen(startsAt),
      endsAt: copenhagen(new Date(startsAt.getTime() + hours * HOUR)),
      areaId: '',
      partnerId: String(partner!.id),
      initiativeId: '',
    });
    expect(res.status).toBe(303);
    const id = Number(/\/staff\/events\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
    expect((await staffPost(`/staff/events/${id}`, { intent: 'publish' })).status).toBe(303);
    const [row] = await rows<{ slug: string }>(`select slug from events where id = ${id}`);
    return { id, slug: row!.slug };
  }

  async function openSignup(id: number, capacity: string): Promise<Response> {
    return staffPost(`/staff/events/${id}`, { intent: 'signup', open: 'yes', capacity });
  }

  /** A resident's sign-up post from a fresh client (or the given one). */
  function signUp(slug: string, fields: Record<string, string>, options: { locale?: 'da' | 'en'; client?: string } = {}) {
    const path = `${options.locale === 'en' ? '/en' : ''}/arrangementer/${slug}?tilmeld`;
    return fetch(base + path, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': options.client ?? someClient() },
      body: new URLSearchParams({ people: '1', email: '', website: '', ...fields }).toString(),
    });
  }

  function cancelWith(path: string) {
    return fetch(base + path, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': someClient() },
      body: 'cancel=1',
    });
  }

  let event: { id: number; slug: string };
  /** The resident with an address: their cancel page. */
  let withMail: string;

  it('an editor opens sign-up for 3; the public page offers the form in both languages', async () => {
    event = await makeEvent(`Borgermøde om tilmelding ${name}`, 3 * 24 * HOUR);
    const bad = await openSignup(event.id, 'tre');
    expect(bad.status).toBe(400);
    expect(text(await bad.text())).toContain('Antal pladser skal være et helt tal');
    expect(await rows(`select * from event_registrations where event_id = ${event.id}`)).toEqual([]);
    expect((await openSignup(event.id, '3')).status).toBe(303);

    const da = await get(`/arrangementer/${event.slug}`);
    expect(da.res.status).toBe(200);
    // Fewer than K (5) have signed up: the number left would tell how many, so the page says only that there are places.
    expect(text(da.body)).toContain('Der er ledige pladser.');
    expect(text(da.body)).not.toMatch(/Der er \d+ ledige/);
    expect(da.body).toMatch(/<form method="post" action="\?tilmeld#tilmelding"/);
    expect(da.body).toContain('name="email"');
    const en = await get(`/en/arrangementer/${event.slug}`);
    expect(text(en.body)).toContain('There are places left.');
    expect(text(en.body)).toContain('Number of people');
  });

  it('a resident signs up with an address: the page shows the cancel link, and the same link arrives by mail', async () => {
    const res = await signUp(event.slug, { people: '2', email: 'beboer@example.dk' });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/arrangementer\/tilmelding\/[a-z2-7]{52}\?ny=1$/);
    withMail = location.replace(/\?ny=1$/, '');
    const page = await get(location);
    expect(page.res.status).toBe(200);
    expect(page.res.headers.get('cache-control')).toBe('no-store');
    expect(page.res.headers.get('referrer-policy')).toBe('same-origin');
    expect(text(page.body)).toContain('Du er tilmeldt «Borgermøde om tilmelding');
    expect(text(page.body)).toContain('for 2 personer');
    expect(page.body).toContain(`${withMail}</a>`);
    // The link is built on the site's own origin, never on the request's Host header (which any client sets).
    const forged = await getWithHost(base, location, 'evil.example');
    expect(forged.status).toBe(200);
    expect(forged.body).not.toContain('evil.example');
    expect(forged.body).toContain(`${base}${withMail}</a>`);
    const [mail] = await waitForMail(mailbox.dir, 'beboer@example.dk');
    expect(decoded(mail!.raw)).toContain(withMail);
    const [stored] = await signups(event.id);
    expect(stored!.people).toBe(2);
    // Sealed at rest (src/server/privacy/sealed.ts): the database holds no readable address.
    expect(stored!.email).toMatch(/^sealed1:[A-Za-z0-9_-]+$/);
    expect(await signups(event.id)).toHaveLength(1);
    // The token itself is nowhere in the database, only its hash.
    const token = withMail.split('/').pop()!;
    expect(JSON.stringify(await rows('select * from event_signups'))).not.toContain(token);
  });

  it('bad input is refused with a clear message in the resident\'s language, storing nothing', async () => {
    const tooMany = await signUp(event.slug, { people: '9' });
    expect(tooMany.status).toBe(400);
    expect(text(await tooMany.text())).toContain('Skriv et antal personer mellem 1 og 6.');
    const tooManyEn = await signUp(event.slug, { people: '0' }, { locale: 'en' });
    expect(tooManyEn.status).toBe(400);
    expect(text(await tooManyEn.text())).toContain('Enter a number of people between 1 and 6.');
    const badMail = await signUp(event.slug, { email: 'ikke en adresse' });
    expect(badMail.status).toBe(400);
    expect(text(await badMail.text())).toContain('Skriv en gyldig e-mailadresse');
    const huge = await signUp(event.slug, { email: `${'x'.repeat(6000)}@example.dk` });
    expect(huge.status).toBe(413);
    expect(await huge.text()).toMatch(/<html lang="da"/);
    const bot = await signUp(event.slug, { website: 'http://spam.example' });
    expect(bot.status).toBe(303);
    expect(bot.headers.get('location')).toBe(`/arrangementer/${event.slug}`);
    expect(await signups(event.id)).toHaveLength(1);
    expect(await signedUp(event.id)).toBe(2);
  });

  let lastPlace: string;
  it('fills up: asking for more places than are left, then a full event, is refused and said so', async () => {
    const two = await signUp(event.slug, { people: '2' });
    expect(two.status).toBe(409);
    const refused = text(await two.text());
    expect(refused).toContain('Der er ikke plads til så mange. Skriv et mindre antal personer.');
    expect(refused).not.toContain('1 ledig plads');
    const one = await signUp(event.slug, { people: '1' });
    expect(one.status).toBe(303);
    lastPlace = one.headers.get('location')!.replace(/\?ny=1$/, '');
    const full = await signUp(event.slug, { people: '1' }, { locale: 'en' });
    expect(full.status).toBe(409);
    expect(text(await full.text())).toContain('There are no places left. Your sign-up was not saved.');
    const page = await get(`/arrangementer/${event.slug}`);
    expect(text(page.body)).toContain('Arrangementet er fuldt booket.');
    expect(page.body).not.toContain('action="?tilmeld');
    expect(await signedUp(event.id)).toBe(3);
    const staff = await get(`/staff/events/${event.id}`, { headers: { cookie: editor } });
    expect(text(staff.body)).toContain('3 af 3 pladser er taget.');
  });

  it('once K have signed up, the page and a refusal say how many places are left', async () => {
    const big = await makeEvent(`Stort borgermøde ${name}`, 4 * 24 * HOUR);
    expect((await openSignup(big.id, '12')).status).toBe(303);
    expect(text((await get(`/arrangementer/${big.slug}`)).body)).toContain('Der er ledige pladser.');
    expect((await signUp(big.slug, { people: '4' })).status).toBe(303);
    expect(text((await get(`/arrangementer/${big.slug}`)).body)).toContain('Der er ledige pladser.');
    expect((await signUp(big.slug, { people: '1' })).status).toBe(303);
    expect(text((await get(`/arrangementer/${big.slug}`)).body)).toContain('Der er 7 ledige pladser.');
    expect((await signUp(big.slug, { people: '6' })).status).toBe(303);
    const refused = await signUp(big.slug, { people: '2' });
    expect(refused.status).toBe(409);
    expect(text(await refused.text())).toContain('Der er kun 1 ledig plads tilbage.');
  });

  it('a resident cancels with their link; the replayed link and a forged one change nothing', async () => {
    const done = await cancelWith(lastPlace);
    expect(done.status).toBe(200);
    expect(text(await done.text())).toContain('Du er afmeldt');
    expect(await signedUp(event.id)).toBe(2);
    const replay = await cancelWith(lastPlace);
    expect(replay.status).toBe(404);
    expect(text(await replay.text())).toContain('Linket virker ikke');
    const forged = await cancelWith(`/en/arrangementer/tilmelding/${'a'.repeat(52)}`);
    expect(forged.status).toBe(404);
    expect(text(await forged.text())).toContain('This link does not work');
    expect((await get('/arrangementer/tilmelding/not-a-token')).res.status).toBe(404);
    expect(await signedUp(event.id)).toBe(2);
    expect(text((await get(`/arrangementer/${event.slug}`)).body)).toContain('Der er ledige pladser.');
  });

  it('sign-ups sent at the same moment never take more places than there are', async () => {
    const rush = await makeEvent(`Tryghedsvandring med få pladser ${name}`, 4 * 24 * HOUR, 2, 'safety_walk');
    expect((await openSignup(rush.id, '3')).status).toBe(303);
    const results = await Promise.all(Array.from({ length: 8 }, () => signUp(rush.slug, { people: '1' })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([303, 303, 303, 409, 409, 409, 409, 409]);
    expect(await signedUp(rush.id)).toBe(3);
    expect(await signups(rush.id)).toHaveLength(3);
  });

  it('the same form sent twice (a double click, a resend, both at once) is one sign-up, with one cancel link', async () => {
    const twice = await makeEvent(`Borgermøde om dobbeltklik ${name}`, 5 * 24 * HOUR);
    expect((await openSignup(twice.id, '20')).status).toBe(303);
    const page = await get(`/arrangementer/${twice.slug}`);
    expect(page.res.headers.get('cache-control')).toBe('private, no-store');
    const submission = page.body.match(/name="submission" value="([A-Za-z0-9_-]{16,64})"/)![1]!;
    const first = await signUp(twice.slug, { people: '2', submission });
    const again = await signUp(twice.slug, { people: '2', submission });
    expect(first.status).toBe(303);
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    const together = await Promise.all([0, 1].map(() => signUp(twice.slug, { people: '1', submission: `${submission}x` })));
    expect(together.map((r) => r.status)).toEqual([303, 303]);
    expect(together[1]!.headers.get('location')).toBe(together[0]!.headers.get('location'));
    expect(await signedUp(twice.id)).toBe(3);
    expect(await signups(twice.id)).toHaveLength(2);
    // A fresh form is a new sign-up.
    expect((await signUp(twice.slug, { people: '1' })).headers.get('location')).not.toBe(first.headers.get('location'));
    expect(await signedUp(twice.id)).toBe(4);
  });

  it('the editor cancels the event: the resident with an address is told, the page and the calendar say cancelled', async () => {
    const unconfirmed = await staffPost(`/staff/events/${event.id}`, { intent: 'cancel', noteDa: 'Salen er lukket.', noteEn: 'The hall is closed.' });
    expect(unconfirmed.status).toBe(400);
    expect(text(await unconfirmed.text())).toContain('Sæt kryds ved «Ja, aflys arrangementet»');
    expect(await rows(`select id from events where id = ${event.id} and cancelled_at is not null`)).toEqual([]);

    const res = await staffPost(`/staff/events/${event.id}`, { intent: 'cancel', noteDa: 'Salen er lukket.', noteEn: 'The hall is closed.', confirm: 'yes' });
    expect(res.status).toBe(303);
    const mails = await waitForMail(mailbox.dir, 'beboer@example.dk', 2);
    const notice = decoded(mails[1]!.raw);
    expect(notice).toContain('er desværre aflyst');
    expect(notice).toContain(`Borgermøde om tilmelding ${name}`);
    expect(notice).toContain('Salen er lukket.');
    expect(await signups(event.id)).toEqual([]);
    expect(await signedUp(event.id)).toBe(2);

    const page = await get(`/arrangementer/${event.slug}`);
    expect(text(page.body)).toContain('Arrangementet er aflyst.');
    expect(text(page.body)).toContain('Salen er lukket.');
    expect(page.body).not.toContain('action="?tilmeld');
    const en = await get(`/en/arrangementer/${event.slug}`);
    expect(text(en.body)).toContain('The hall is closed.');
    const ics = (await get(`/arrangementer/${event.slug}.ics`)).body.replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('SUMMARY:Aflyst: Borgermøde om tilmelding');
    expect((await get('/arrangementer.ics')).body).toContain('STATUS:CANCELLED');
    expect(text((await get('/arrangementer')).body)).toMatch(/Borgermøde om tilmelding \w+ Aflyst/);

    const late = await signUp(event.slug, { people: '1' });
    expect(late.status).toBe(409);
    expect(text(await late.text())).toContain('Arrangementet er aflyst, så du kan ikke tilmelde dig.');
    const gone = await get(withMail);
    expect(gone.res.status).toBe(404);
    expect(await signups(event.id)).toEqual([]);
  });

  it('an event under way refuses sign-up, storing nothing', async () => {
    const ongoing = await makeEvent(`Træffetid i gang ${name}`, -HOUR, 3, 'office_hours');
    expect((await openSignup(ongoing.id, '')).status).toBe(303);
    const res = await signUp(ongoing.slug, { people: '1' }, { locale: 'en' });
    expect(res.status).toBe(409);
    expect(text(await res.text())).toContain('Sign-up is closed because the event has started');
    expect(await signups(ongoing.id)).toEqual([]);
    expect(text((await get(`/arrangementer/${ongoing.slug}`)).body)).toContain('Tilmeldingen er lukket.');
  });

  it('after an event the editor publishes the findings with named places; raw HTML is not passed through', async () => {
    const walk = await makeEvent(`Tryghedsvandring der er slut ${name}`, -5 * HOUR, 2, 'safety_walk');
    const empty = await staffPost(`/staff/events/${walk.id}`, { intent: 'minutes', bodyDa: '', bodyEn: '' });
    expect(empty.status).toBe(400);
    expect(text(await empty.text())).toContain('Skriv referatet på dansk.');
    const unknown = await staffPost(`/staff/events/${walk.id}`, { intent: 'minutes', bodyDa: 'Fund', bodyEn: '', places: ['et-sted-der-ikke-findes'] });
    expect(unknown.status).toBe(400);
    expect(await rows(`select event_id from event_minutes where event_id = ${walk.id}`)).toEqual([]);
    const ok = await staffPost(`/staff/events/${walk.id}`, {
      intent: 'minutes',
      bodyDa: '## Det så vi\n\n- Mørkt hjørne ved pladsen\n\n<script>alert(1)</script>',
      bodyEn: '## What we saw',
      places: ['blaagaards-plads', 'korsgade'],
    });
    expect(ok.status).toBe(303);
    const da = await get(`/arrangementer/${walk.slug}`);
    expect(da.body).toContain('Fund fra tryghedsvandringen');
    expect(da.body).toContain('<h2>Det så vi</h2>');
    expect(da.body).not.toContain('<script>alert(1)');
    expect(da.body).toMatch(/<ul[^>]*data-minutes-places[^>]*>\s*<li[^>]*>Blågårds Plads<\/li>\s*<li[^>]*>Korsgade<\/li>/);
    expect(da.body).toContain('href="/kort"');
    const en = await get(`/en/arrangementer/${walk.slug}`);
    expect(en.body).toContain('Findings from the safety walk');
    expect(en.body).toContain('What we saw');
    expect(en.body).toContain('Blågårds Plads (square)');
    const audits = await rows<{ action: string }>(`select action from audit_log where entity_type = 'event' and entity_id = ${walk.id}`);
    expect(audits.map((a) => a.action)).toContain('event.minutes_publish');
  });

  it('one client is held to its own limit (3 per 10 minutes here), with a message', async () => {
    const open = await makeEvent(`Åbent møde ${name}`, 6 * 24 * HOUR);
    expect((await openSignup(open.id, '')).status).toBe(303);
    const client = someClient();
    for (let i = 0; i < 3; i++) expect((await signUp(open.slug, { people: '1' }, { client })).status).toBe(303);
    const fourth = await signUp(open.slug, { people: '1' }, { client });
    expect(fourth.status).toBe(429);
    expect(text(await fourth.text())).toContain('Der er sendt mange tilmeldinger herfra på kort tid.');
    expect(await signedUp(open.id)).toBe(3);
  });

  it('a flood of sign-ups from many clients is refused with a message, and nothing more is stored', async () => {
    const big = await makeEvent(`Stort borgermøde ${name}`, 5 * 24 * HOUR);
    expect((await openSignup(big.id, '')).status).toBe(303);
    let refused: Response | undefined;
    for (let i = 0; i < FLOOD_PER_HOUR + 1 && !refused; i++) {
      const res = await signUp(big.slug, { people: '1' });
      if (res.status === 429) refused = res;
      else expect(res.status).toBe(303);
    }
    expect(refused).toBeDefined();
    expect(refused!.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(text(await refused!.text())).toContain('Der kommer lige nu usædvanligt mange tilmeldinger.');
    const stored = await signedUp(big.id);
    expect((await signUp(big.slug, { people: '1' })).status).toBe(429);
    expect(await signedUp(big.id)).toBe(stored);
    expect(await signups(big.id)).toHaveLength(stored);
  });
});
