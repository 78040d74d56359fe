/**
 * Businesses (issue #19) over plain HTTP, no JavaScript: the business form
 * (/meld?som=virksomhed) lists the business categories first, reports as a
 * business and takes an optional callback number, which is stored sealed,
 * shown only on the staff detail page, and deleted when the report is
 * closed; a bad number is refused in the reporter's language, storing
 * nothing; the residents' form leaves the business categories out; admins
 * choose which form offers a category; and /erhverv shows, per area and
 * category, exactly the figures the public map shows for businesses.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { serverRows } from '../support/server-db.ts';
import { postForm } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');

let tokens = 0;
const token = () => `business-submission-${Date.now()}-${++tokens}`;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const countReports = async () => Number((await serverRows<{ n: number }>(sql`select count(*) n from reports`))[0]!.n);

function businessReport(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    submission: token(),
    category: 'staff_threats',
    location: 'blaagaards-plads',
    timeOfDay: 'evening',
    weekday: 'any',
    description: 'Unge truer personalet ved kassen om aftenen.',
    reporterType: 'business',
    callback: '+45 33 12 34 56',
    website: '',
    ...overrides,
  };
}

let moderator: string;
let admin: string;
beforeAll(async () => {
  moderator = await staffSession(dbPath, 'moderator');
  admin = await staffSession(dbPath, 'admin');
}, 60_000);

describe('the business form', () => {
  it('lists the business categories first and asks for a callback number; the residents\' form leaves them out and links to it', async () => {
    const business = await (await fetch(`${base}/meld?som=virksomhed`)).text();
    expect(business).toMatch(/<h1[^>]*>Meld en bekymring som virksomhed<\/h1>/);
    const order = [...business.matchAll(/id="category-([a-z_]+)"/g)].map((m) => m[1]);
    expect(order.slice(0, 3)).toEqual(['break_in', 'staff_threats', 'entrance_loitering']);
    expect(order).toContain('drug_dealing');
    expect(business).toMatch(/<input type="hidden" name="reporterType" value="business"/);
    expect(business).toMatch(/<label for="report-callback"[^>]*>Telefonnummer, hvis I vil ringes op \(frivilligt\)<\/label>/);
    expect(business).not.toContain('name="reporterType" value="resident"');

    const resident = await (await fetch(`${base}/meld`)).text();
    const residentCategories = [...resident.matchAll(/id="category-([a-z_]+)"/g)].map((m) => m[1]);
    expect(residentCategories).not.toContain('break_in');
    expect(residentCategories).toContain('drug_dealing');
    expect(resident).not.toContain('name="callback"');
    expect(resident).toMatch(/href="\/meld\?som=virksomhed"/);
    const en = await (await fetch(`${base}/en/meld?som=virksomhed`)).text();
    expect(en).toContain('Report a concern as a business');
    expect(en).toContain('Threats against staff or customers');
  });

  it('a business report is stored as a business with its number sealed; the moderator sees the number; closing deletes it', async () => {
    const res = await postForm(base, '/meld?som=virksomhed', businessReport());
    expect(res.status).toBe(303);
    const receipt = res.headers.get('location')!.split('/').pop()!;
    const [row] = await serverRows<{ id: number; reporter_type: string; callback: string | null }>(sql`select id, reporter_type, callback from reports where receipt = ${receipt}`);
    expect(row!.reporter_type).toBe('business');
    expect(row!.callback).toMatch(/^sealed1:/);
    expect(row!.callback).not.toContain('33');

    const detail = await (await fetch(`${base}/staff/reports?report=${row!.id}`, { headers: { cookie: moderator } })).text();
    expect(detail).toMatch(/<a href="tel:\+4533123456" data-callback[^>]*>\+45 33 12 34 56<\/a>/);
    const receiptPage = await (await fetch(`${base}/meld/${receipt}`)).text();
    expect(receiptPage).not.toContain('33 12 34 56');

    const closed = await postForm(base, `/staff/reports?report=${row!.id}`, { intent: 'status', reportId: String(row!.id), status: 'handled', internalNote: 'ringet op' }, moderator);
    expect(closed.status).toBeLessThan(400);
    const [after] = await serverRows<{ status: string; callback: string | null }>(sql`select status, callback from reports where id = ${row!.id}`);
    expect(after).toEqual({ status: 'handled', callback: null });
  });

  it('a malformed number is refused with a message in the reporter\'s language, keeping the values and storing nothing', async () => {
    const before = await countReports();
    for (const [callback, locale, message] of [
      ['ring mig', 'da', 'Skriv et telefonnummer med 8 til 15 cifre'],
      ['123', 'da', 'Skriv et telefonnummer med 8 til 15 cifre'],
      ['+45 3312 3456 7890 1234', 'en', 'Enter a telephone number with 8 to 15 digits'],
      ['<script>alert(1)</script>', 'en', 'Enter a telephone number with 8 to 15 digits'],
    ] as const) {
      const res = await postForm(base, `${locale === 'en' ? '/en' : ''}/meld?som=virksomhed`, businessReport({ callback }));
      expect(res.status, callback).toBe(400);
      const html = await res.text();
      expect(text(html), callback).toContain(message);
      expect(html).toContain('aria-invalid="true"');
      // Kept in the field's value (where "<" is text, and a quote would be escaped), never as markup.
      expect(html.replace(/ [a-z-]+="[^"]*"/g, '')).not.toContain('<script>alert(1)</script>');
      expect(html).toContain(`value="${callback.replace(/"/g, '&quot;')}"`);
    }
    expect(await countReports()).toBe(before);
  });

  it('a number sent with a resident\'s report (a hand-made post) is not kept', async () => {
    const res = await postForm(base, '/meld', businessReport({ reporterType: 'resident', category: 'lighting' }));
    expect(res.status).toBe(303);
    const receipt = res.headers.get('location')!.split('/').pop()!;
    expect(await serverRows(sql`select reporter_type, callback from reports where receipt = ${receipt}`)).toEqual([{ reporter_type: 'resident', callback: null }]);
  });
});

describe('which form offers a category (admins)', () => {
  it('a new business category is on the business form only, and moves to both when the admin says so', async () => {
    const slug = `test_business_${Date.now().toString(36)}`;
    const added = await postForm(base, '/staff/categories', { intent: 'add', slug, nameDa: 'Tyveri fra butik', nameEn: 'Shoplifting', audience: 'business' }, admin);
    expect(added.status).toBe(200);
    const [category] = await serverRows<{ id: number; audience: string }>(sql`select id, audience from report_categories where slug = ${slug}`);
    expect(category!.audience).toBe('business');
    expect(await (await fetch(`${base}/meld?som=virksomhed`)).text()).toContain(`id="category-${slug}"`);
    expect(await (await fetch(`${base}/meld`)).text()).not.toContain(`id="category-${slug}"`);

    const bad = await postForm(base, '/staff/categories', { intent: 'audience', id: String(category!.id), audience: 'partners' }, admin);
    expect(bad.status).toBe(400);
    expect((await serverRows<{ audience: string }>(sql`select audience from report_categories where id = ${category!.id}`))[0]!.audience).toBe('business');

    const moved = await postForm(base, '/staff/categories', { intent: 'audience', id: String(category!.id), audience: 'everyone' }, admin);
    expect(moved.status).toBe(200);
    expect(await (await fetch(`${base}/meld`)).text()).toContain(`id="category-${slug}"`);
    const audit = await serverRows<{ summary: string }>(sql`select summary from audit_log where action = 'category.audience' and entity_id = ${category!.id}`);
    expect(audit.map((a) => a.summary)).toEqual([`${slug}: business → everyone`]);
    expect((await postForm(base, '/staff/categories', { intent: 'retire', id: String(category!.id) }, admin)).status).toBe(200);
  });
});

describe('the overview for businesses (/erhverv)', () => {
  /** The area figures of a page's table rows (`data-area`), in order: the cell texts. */
  const rowsOf = (html: string) =>
    Object.fromEntries(
      [...html.matchAll(/<tr data-area="([a-z0-9-]+)"[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => [m[1]!, [...m[2]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1]!.trim())]),
    );

  it('shows per area and category exactly the figures the public map shows for reports by businesses', async () => {
    const res = await fetch(`${base}/erhverv`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<h1[^>]*>Virksomheder og tryghed<\/h1>/);
    expect(html).toMatch(/href="\/meld\?som=virksomhed"/);
    expect(html).toContain('tel:112');
    const overview = rowsOf(html);
    const categories = [...html.matchAll(/<th scope="col" data-category="([a-z_]+)"/g)].map((m) => m[1]!);
    expect(categories.slice(0, 3)).toEqual(['break_in', 'staff_threats', 'entrance_loitering']);
    expect(Object.keys(overview).length).toBeGreaterThan(0);

    const mapAll = rowsOf(await (await fetch(`${base}/kort?melder=business`)).text());
    for (const [area, cells] of Object.entries(overview)) expect(cells[0], area).toBe(mapAll[area]![0]);
    for (const [j, slug] of categories.entries()) {
      const map = rowsOf(await (await fetch(`${base}/kort?melder=business&kategori=${slug}`)).text());
      for (const [area, cells] of Object.entries(overview)) expect(cells[j + 1], `${area} ${slug}`).toBe(map[area]![0]);
    }
    for (const cells of Object.values(overview)) for (const c of cells) expect(c).toMatch(/^(\d+|for få)$/);
  });

  it('takes a year, ignores a period that names nothing, and speaks English', async () => {
    const odd = await fetch(`${base}/erhverv?periode=%3Cscript%3E`);
    expect(odd.status).toBe(200);
    expect(await odd.text()).not.toContain('<script>');
    const en = await (await fetch(`${base}/en/erhverv`)).text();
    expect(en).toContain('Businesses and safety');
    expect(en).toContain('Reports from businesses by area and category');
  });
});
