/**
 * Concern reports over plain HTTP (no JavaScript): a resident reports a named
 * place and lands on the receipt; a double post stores one report; every bad
 * input is a 400 that keeps the values and stores nothing; a moderator
 * forwards the report with a public note the receipt then shows.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { serverRows } from '../support/server-db.ts';
import { waitForMail } from '../support/mailbox.ts';
import { SIGN_IN_TIMEOUT_MS, postForm } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const mailDir = inject('mailDir');

const countReports = async () => (await serverRows<{ n: number }>(sql`select count(*) n from reports`))[0]!.n;

let tokens = 0;
/** A fresh submission token, as the form would render it. */
const token = () => `test-submission-${Date.now()}-${++tokens}`;

function valid(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    submission: token(),
    category: 'drug_dealing',
    location: 'blaagaards-plads',
    timeOfDay: 'evening',
    weekday: '5',
    description: 'Handel hver aften ved bænkene. Ring 12 34 56 78.',
    reporterType: 'resident',
    email: '',
    website: '',
    ...overrides,
  };
}

describe('a resident reports a concern without an account', () => {
  it('the form shows the 112/114 notice, the rules, the categories from the database and a submission token', async () => {
    const res = await fetch(`${base}/meld`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('tel:112');
    expect(html).toContain('En melding er ikke en politianmeldelse');
    expect(html).toContain('Åbent salg af stoffer');
    expect(html).toMatch(/name="submission" value="[A-Za-z0-9_-]{16,}"/);
    expect(html).toContain('name="website"');
    const en = await (await fetch(`${base}/en/meld`)).text();
    expect(en).toContain('Open drug dealing');
    expect(en).toContain('Report a concern');
  });

  it('the form is kept whole between views (page-cache.ts), yet every view has its own submission token, and a token from a kept copy stores one report', async () => {
    const tokenOf = (html: string) => /name="submission" value="([a-z2-7]+)"/.exec(html)![1]!;
    // The first view renders and keeps the page (if no earlier test did); the next three come from the kept copy.
    await (await fetch(`${base}/meld`)).text();
    const pages: string[] = [];
    for (let i = 0; i < 3; i++) pages.push(await (await fetch(`${base}/meld`)).text());
    const seen = pages.map(tokenOf);
    expect(new Set(seen).size).toBe(3);
    for (const t of seen) expect(t).toMatch(/^[a-z2-7]{26}$/);
    // Apart from the token the kept copies are the page itself.
    expect(new Set(pages.map((html, i) => html.replace(seen[i]!, 'TOKEN'))).size).toBe(1);
    const before = await countReports();
    const first = await postForm(base, '/meld', valid({ submission: seen[2]! }));
    const again = await postForm(base, '/meld', valid({ submission: seen[2]! }));
    expect(first.status).toBe(303);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(await countReports()).toBe(before + 1);
  });

  it('a valid report with a named place redirects to its receipt and is stored with a masked description', async () => {
    const res = await postForm(base, '/meld', valid({ email: 'nabo@example.dk', notify: '1' }));
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/meld\/[A-Za-z0-9_-]{16,}$/);
    const receipt = location.split('/').pop()!;
    const [stored] = (await serverRows<{ description: string; place_name: string; email: string | null; status: string }>(sql`select description, place_name, email, status from reports where receipt = ${receipt}`));
    expect(stored!.description).not.toContain('12 34 56 78');
    expect(stored!.place_name).toBe('blaagaards-plads');
    // Sealed at rest (src/server/privacy/sealed.ts): the database holds no readable address.
    expect(stored!.email).toMatch(/^sealed1:[A-Za-z0-9_-]+$/);
    expect(stored!.email).not.toContain('nabo');
    expect(stored!.status).toBe('received');

    const page = await fetch(base + location);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Gem et bogmærke');
    expect(html).toContain('Modtaget');
    expect(html).not.toContain('Handel hver aften');
    expect(html).not.toContain('nabo@example.dk');
  });

  it('an e-mail without the notice box ticked is not stored', async () => {
    const res = await postForm(base, '/meld', valid({ email: 'ikke@example.dk' }));
    expect(res.status).toBe(303);
    const receipt = res.headers.get('location')!.split('/').pop()!;
    expect((await serverRows<{ email: string | null }>(sql`select email from reports where receipt = ${receipt}`))[0]!.email).toBeNull();
  });

  it('a double post with the same submission token stores one report and leads to the same receipt', async () => {
    const fields = valid();
    const before = await countReports();
    const first = await postForm(base, '/meld', fields);
    const second = await postForm(base, '/meld', fields);
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(await countReports()).toBe(before + 1);
  });

  it('a typed place with its area is stored at that area, masked', async () => {
    const res = await postForm(base, '/meld', valid({ location: [], location__text: 'Porten ved nr. 7', area: 'skt-hans-torv' }));
    expect(res.status).toBe(303);
    const receipt = res.headers.get('location')!.split('/').pop()!;
    const [r] = (await serverRows<{ place_name: string; slug: string }>(sql`select place_name, areas.slug from reports join areas on areas.id = reports.area_id where receipt = ${receipt}`));
    expect(r).toEqual({ place_name: 'Porten ved nr. 7', slug: 'skt-hans-torv' });
  });

  const BAD: [string, Record<string, string | string[]>, string][] = [
    ['no category', { category: '' }, 'Vælg, hvad det drejer sig om.'],
    ['an unknown category', { category: 'aliens' }, 'Vælg, hvad det drejer sig om.'],
    ['no place', { location: [] }, 'Vælg et sted, sæt en nål på kortet, eller skriv stedet.'],
    ['two places', { location: ['blaagaards-plads', 'folkets-park'] }, 'Angiv kun ét sted'],
    ['a place and a pin', { location__point: '55.68640,12.55720' }, 'Angiv kun ét sted'],
    ['an unknown named place', { location: 'atlantis' }, 'Stedet findes ikke.'],
    ['a malformed pin', { location: [], location__point: '55.6,abc' }, 'Stedet findes ikke.'],
    ['a pin outside all areas', { location: [], location__point: '55.72000,12.60000' }, 'Stedet ligger uden for områderne.'],
    ['a typed place without an area', { location: [], location__text: 'Ved kiosken' }, 'Vælg det område, det skrevne sted ligger i.'],
    ['a typed place that is too long', { location: [], location__text: 'x'.repeat(201), area: 'indre-norrebro' }, 'Det skrevne sted kan højst være 200 tegn.'],
    ['no time of day', { timeOfDay: '' }, 'Vælg, hvornår på dagen det sker.'],
    ['an unknown time of day', { timeOfDay: 'teatime' }, 'Vælg, hvornår på dagen det sker.'],
    ['weekday 8', { weekday: '8' }, 'Vælg en ugedag på listen.'],
    ['a description over 1,000 characters', { description: 'x'.repeat(1001) }, 'Beskrivelsen kan højst være 1.000 tegn.'],
    ['no reporter type', { reporterType: '' }, 'Vælg, hvem du er.'],
    ['an unknown reporter type', { reporterType: 'police' }, 'Vælg, hvem du er.'],
    ['a malformed e-mail', { email: 'nabo@', notify: '1' }, 'Skriv en gyldig e-mailadresse'],
    ['an e-mail over 254 characters', { email: `${'a'.repeat(250)}@example.dk`, notify: '1' }, 'Skriv en gyldig e-mailadresse'],
    ['a notice without an e-mail', { notify: '1' }, 'Skriv din e-mail, hvis du vil have besked.'],
  ];
  for (const [what, overrides, message] of BAD) {
    it(`${what} gives 400 with the Danish message, keeps the values and stores nothing`, async () => {
      const before = await countReports();
      const res = await postForm(base, '/meld', valid({ description: 'Bevar denne tekst', ...overrides }));
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain(message);
      expect(html).toContain('Meldingen blev ikke sendt');
      if (!('description' in overrides)) expect(html).toContain('Bevar denne tekst');
      expect(await countReports()).toBe(before);
    });
  }

  it('a bot that fills the honeypot is told "thanks" but nothing is stored', async () => {
    const before = await countReports();
    const res = await postForm(base, '/meld', valid({ website: 'http://spam.example' }));
    expect(res.status).toBe(303);
    expect(await countReports()).toBe(before);
  });

  it('an unknown receipt is a localized 404', async () => {
    const da = await fetch(`${base}/meld/findes-ikke-1234567890`);
    expect(da.status).toBe(404);
    expect(await da.text()).toContain('Siden findes ikke');
    const en = await fetch(`${base}/en/meld/findes-ikke-1234567890`);
    expect(en.status).toBe(404);
  });
});

describe('a moderator handles a report', () => {
  let moderator: string;
  beforeAll(async () => {
    moderator = await staffSession(dbPath, 'moderator');
  }, SIGN_IN_TIMEOUT_MS);

  it('forwards it to a partner with a public note, which the receipt page then shows (never the description)', async () => {
    const posted = await postForm(base, '/meld', valid({ description: 'Hemmelig beskrivelse med 010203-1234' }));
    const location = posted.headers.get('location')!;
    const receipt = location.split('/').pop()!;
    const id = (await serverRows<{ id: number }>(sql`select id from reports where receipt = ${receipt}`))[0]!.id;

    // The list: a row with the place's name (never the raw point) and the start of the masked text.
    const queue = await (await fetch(`${base}/staff/reports?status=received&sort=newest`, { headers: { cookie: moderator } })).text();
    expect(queue).toContain(`id="report-${id}"`);
    expect(queue).toContain(`#${id}`);
    expect(queue).toContain('Hemmelig beskrivelse');
    expect(queue).toContain('Blågårds Plads');
    expect(queue).not.toContain('010203-1234');
    expect(queue).not.toContain('55.68640');
    // The detail view: the whole text, the point and its map.
    const detail = await (await fetch(`${base}/staff/reports?report=${id}`, { headers: { cookie: moderator } })).text();
    expect(detail).toContain('Hemmelig beskrivelse');
    expect(detail).not.toContain('010203-1234');
    expect(detail).toContain('55.68640,12.55720');
    expect(detail).toMatch(/<svg[^>]*role="img"/);

    const unknownPartner = await postForm(base, '/staff/reports', { intent: 'status', reportId: String(id), status: 'forwarded', forwardTo: '999999' }, moderator);
    expect(unknownPartner.status).toBe(400);
    expect(await unknownPartner.text()).toContain('Partneren findes ikke.');

    const partnerId = (await serverRows<{ id: number }>(sql`select id from partners order by id limit 1`))[0]!.id;
    const forward = await postForm(
      base,
      '/staff/reports',
      { intent: 'status', reportId: String(id), status: 'forwarded', forwardTo: String(partnerId), publicNote: 'Politiet er orienteret og holder øje.', internalNote: '' },
      moderator,
    );
    expect(forward.status).toBe(303);
    const back = forward.headers.get('location')!;
    expect(back).toMatch(new RegExp(`^/staff/reports\\?report=${id}&status=received&done=forwarded&to=${partnerId}$`));
    expect(await (await fetch(base + back, { headers: { cookie: moderator } })).text()).toContain('Meldingen er sendt videre til');
    expect((await serverRows<{ status: string; forwarded_to: number }>(sql`select status, forwarded_to from reports where id = ${id}`))[0]).toEqual({
      status: 'forwarded',
      forwarded_to: partnerId,
    });

    const page = await (await fetch(base + location)).text();
    expect(page).toContain('Politiet er orienteret og holder øje.');
    expect(page).toContain('Sendt videre til en partner');
    expect(page).not.toContain('Hemmelig beskrivelse');

    const actions = (await serverRows<{ action: string }>(sql`select action from audit_log where entity_type = 'report' and entity_id = ${id}`)).map((a) => a.action);
    expect(actions).toEqual(['report.status']);
  });

  it('rejects a report only with an internal reason, which stays off the receipt, and deletes the e-mail', async () => {
    const posted = await postForm(base, '/meld', valid({ email: 'slet@example.dk', notify: '1' }));
    const location = posted.headers.get('location')!;
    const id = (await serverRows<{ id: number }>(sql`select id from reports where receipt = ${location.split('/').pop()!}`))[0]!.id;
    const noReason = await postForm(base, '/staff/reports', { intent: 'status', reportId: String(id), status: 'rejected', internalNote: '' }, moderator);
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('Skriv den interne grund til afvisningen.');
    const reject = await postForm(
      base,
      '/staff/reports',
      { intent: 'status', reportId: String(id), status: 'rejected', internalNote: 'Beskriver en navngiven person' },
      moderator,
    );
    expect(reject.status).toBe(303);
    expect((await serverRows<{ status: string; email: string | null }>(sql`select status, email from reports where id = ${id}`))[0]).toEqual({ status: 'rejected', email: null });
    // The reporter is told, over SMTP, without the internal reason; then the outbox keeps no address.
    const [mail] = await waitForMail(mailDir, 'slet@example.dk');
    expect(mail!.raw).toContain(`/meld/${location.split('/').pop()}`);
    expect(mail!.raw).not.toContain('navngiven');
    await expect.poll(async () => (await serverRows<{ n: number }>(sql`select count(*) n from report_notices where report_id = ${id}`))[0]!.n).toBe(0);
    const page = await (await fetch(base + location)).text();
    expect(page).toContain('Afvist');
    expect(page).not.toContain('navngiven person');
  });
});
