/**
 * The public events (arrangementer) over HTTP: the list, an event's page, its
 * calendar file, the calendar feed and the moderated comment form. Expected
 * values are read from the server's own SQLite file (read-only).
 *
 * The comment throttle allows 5 comments per client per 10 minutes and the
 * server is shared with other test files, so this file stores one comment only.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { epochSeconds, jsonValue, serverRow, serverRows } from '../support/server-db.ts';

const base = inject('baseUrl');
// Calendars link to PUBLIC_ORIGIN when it is set, else to the origin of the request.
const origin = process.env['PUBLIC_ORIGIN'] ? new URL(process.env['PUBLIC_ORIGIN']).origin : base;
const BLAAGAARD = 'Tryghedsvandring omkring Blågårds Plads';
const BLAAGAARD_EN = 'Safety walk around Blågårds Plads';
const PAST = 'Tryghedsvandring ved Skt. Hans Torv';
const PAST_EN = 'Safety walk at Skt. Hans Torv';

interface EventRow {
  id: number;
  slug: string;
  place: string;
  starts_at: number;
}

interface CommentRow {
  body: string;
  status: string;
  masks: string;
  target_type: string;
  target_id: number;
}

let event: EventRow;

beforeAll(async () => {
  event = await serverRow<EventRow>(sql`select id, slug, place, ${epochSeconds('starts_at')} as starts_at from events where title_da = ${BLAAGAARD} and state = 'published'`);
});

async function get(path: string, init?: RequestInit) {
  const res = await fetch(base + path, { redirect: 'manual', ...init });
  return { res, body: await res.text() };
}

function postComment(fields: Record<string, string>) {
  return get(`/arrangementer/${event.slug}`, {
    method: 'POST',
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

function commentsContaining(marker: string): Promise<CommentRow[]> {
  return serverRows<CommentRow>(sql`select body, status, masks, target_type, target_id from comments where body like ${`%${marker}%`} or author_name like ${`%${marker}%`}`);
}

/** Content lines with folding undone (RFC 5545 §3.1). */
function icsLines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

/** 1767225600 → '20260101T000000Z' */
function icsUtc(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

describe('the list of events', () => {
  it('shows upcoming and past events in both locales', async () => {
    const da = await get('/arrangementer');
    expect(da.res.status).toBe(200);
    expect(da.body).toMatch(/<html lang="da"/);
    expect(da.body.match(/<h1[\s>]/g)).toHaveLength(1);
    const daPast = da.body.indexOf('Tidligere arrangementer');
    expect(da.body.indexOf('Kommende arrangementer')).toBeGreaterThan(-1);
    expect(daPast).toBeGreaterThan(da.body.indexOf('Kommende arrangementer'));
    // Upcoming ones come before the past section, in time order; the past one after it.
    expect(da.body.indexOf('Træffetid med nærbetjentene')).toBeLessThan(da.body.indexOf(BLAAGAARD));
    expect(da.body.indexOf(BLAAGAARD)).toBeLessThan(da.body.indexOf('Borgermøde om tryghed i Indre Nørrebro'));
    expect(da.body.indexOf('Borgermøde om tryghed i Indre Nørrebro')).toBeLessThan(daPast);
    expect(da.body.indexOf(PAST)).toBeGreaterThan(daPast);
    expect(da.body).toContain(`href="/arrangementer/${event.slug}"`);

    const en = await get('/en/arrangementer');
    expect(en.res.status).toBe(200);
    expect(en.body).toMatch(/<html lang="en"/);
    const enPast = en.body.indexOf('Past events');
    expect(en.body.indexOf('Upcoming events')).toBeGreaterThan(-1);
    expect(en.body.indexOf(BLAAGAARD_EN)).toBeGreaterThan(en.body.indexOf('Upcoming events'));
    expect(en.body.indexOf(BLAAGAARD_EN)).toBeLessThan(enPast);
    expect(en.body.indexOf(PAST_EN)).toBeGreaterThan(enPast);
    expect(en.body).not.toContain(BLAAGAARD);
    expect(en.body).toContain(`href="/en/arrangementer/${event.slug}"`);
  });

  it('offers the calendar feed as a link and as an alternate', async () => {
    const { body } = await get('/arrangementer');
    expect(body).toContain('<link rel="alternate" type="text/calendar"');
    expect(body).toMatch(/<a href="\/arrangementer\.ics"/);
  });
});

describe('an event page', () => {
  it('shows its title and the place', async () => {
    const da = await get(`/arrangementer/${event.slug}`);
    expect(da.res.status).toBe(200);
    expect(da.body).toMatch(new RegExp(`<h1[^>]*>${BLAAGAARD}</h1>`));
    expect(da.body).toContain(event.place);
    expect(da.body).toContain(`<time datetime="${new Date(event.starts_at * 1000).toISOString()}"`);
    expect(da.body).toContain(`href="/arrangementer/${event.slug}.ics"`);

    const en = await get(`/en/arrangementer/${event.slug}`);
    expect(en.res.status).toBe(200);
    expect(en.body).toMatch(new RegExp(`<h1[^>]*>${BLAAGAARD_EN}</h1>`));
    expect(en.body).toContain(event.place);
  });

  it('an unknown event slug is a localized 404', async () => {
    const da = await get('/arrangementer/findes-ikke');
    expect(da.res.status).toBe(404);
    expect(da.body).toContain('Siden findes ikke');
    const en = await get('/en/arrangementer/does-not-exist');
    expect(en.res.status).toBe(404);
    expect(en.body).toContain('Page not found');
    expect(en.body).toMatch(/<html lang="en"/);
    expect((await get('/arrangementer/findes-ikke.ics')).res.status).toBe(404);
  });
});

describe('calendars', () => {
  it('the .ics download is text/calendar with a VEVENT whose DTSTART is the event instant in UTC', async () => {
    const { res, body } = await get(`/arrangementer/${event.slug}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${event.slug}.ics"`);
    const lines = icsLines(body);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines).toContain(`DTSTART:${icsUtc(event.starts_at)}`);
    expect(lines).toContain(`SUMMARY:${BLAAGAARD}`);
    expect(lines).toContain(`URL:${origin}/arrangementer/${event.slug}`);
  });

  it('the .ics download is in the English title under /en/', async () => {
    const lines = icsLines((await get(`/en/arrangementer/${event.slug}.ics`)).body);
    expect(lines).toContain(`SUMMARY:${BLAAGAARD_EN}`);
    expect(lines).toContain(`URL:${origin}/en/arrangementer/${event.slug}`);
  });

  it('the calendar feed has one VEVENT per published event', async () => {
    const published = await serverRow<{ n: number }>(sql`select count(*) as n from events where state = 'published'`);
    const { res, body } = await get('/arrangementer.ics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const lines = icsLines(body);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(published.n);
    expect(lines).toContain('X-WR-CALNAME:Arrangementer · Tryghed i Indre Nørrebro');
  });
});

/** A unique marker of letters only: digits in a UUID can look like a phone number and be masked. */
function letterMarker(): string {
  return `mrk${randomUUID().replace(/[^a-f]/g, '')}${'abcdef'[Math.floor(Math.random() * 6)]}`;
}

describe('comments on an event', () => {
  it('a comment is stored as pending with a CPR number masked, and answered 303 to /kommentar-modtaget', async () => {
    const marker = letterMarker();
    const { res } = await postComment({ name: '', body: `Mit CPR er 010190-1234 (${marker})` });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      `/kommentar-modtaget?tilbage=${encodeURIComponent(`/arrangementer/${event.slug}`)}`,
    );
    const rows = await commentsContaining(marker);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.body).toContain('[CPR-nummer skjult]');
    expect(row.body).not.toContain('010190');
    expect(row.status).toBe('pending');
    expect(jsonValue(row.masks)).toContain('cpr');
    expect(row.target_type).toBe('event');
    expect(row.target_id).toBe(event.id);
  });

  it('an empty comment gets 400 with the Danish error message and nothing is stored', async () => {
    const marker = letterMarker();
    const { res, body } = await postComment({ name: marker, body: '   ' });
    expect(res.status).toBe(400);
    expect(body).toContain('Skriv en kommentar eller et spørgsmål.');
    expect(await commentsContaining(marker)).toHaveLength(0);
  });

  it('a post with the honeypot filled is answered 303 but nothing is stored', async () => {
    const marker = letterMarker();
    const { res } = await postComment({ website: 'https://spam.example', name: '', body: `Køb billigt ${marker}` });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/kommentar-modtaget\?/);
    expect(await commentsContaining(marker)).toHaveLength(0);
  });
});
