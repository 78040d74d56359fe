/**
 * Event sign-up in Chromium, in Danish and English: a resident signs up
 * without JavaScript with the keyboard-reachable form and lands on their
 * sign-up page; axe (WCAG 2.1 A/AA) finds nothing on the page states a
 * resident meets: the form, a refused sign-up with its errors, the signed-up
 * page, a full event, a cancelled event, the minutes with places, and a
 * forged cancel link. The events are made through the editors' forms over
 * HTTP (tests/support/staff-login.ts).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, axeWithoutJavaScript, hasChromium, launchBrowser, newContext } from '../support/browser.ts';
import { signInWithForms } from '../support/staff-browser.ts';
import { postForm, SIGN_IN_TIMEOUT_MS, signInDemo } from '../support/staff-login.ts';

const base = inject('baseUrl');
const HOUR = 3_600_000;

function copenhagen(d: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .format(d)
    .replace(' ', 'T');
}

describe.skipIf(!hasChromium)('event sign-up in Chromium', () => {
  let browser: Browser;
  let editor: string;
  const slugs: Record<'open' | 'full' | 'cancelled' | 'minutes', string> = { open: '', full: '', cancelled: '', minutes: '' };
  const ids: Record<'open' | 'minutes', number> = { open: 0, minutes: 0 };

  async function makeEvent(title: string, startsIn: number, kind: string): Promise<{ id: number; slug: string }> {
    const startsAt = new Date(Date.now() + startsIn);
    const form = await fetch(`${base}/staff/events/new`, { headers: { cookie: editor } });
    const partnerId = /<option value="(\d+)"[^>]*>Københavns Politi/.exec(await form.text())?.[1] ?? '';
    const res = await postForm(base, '/staff/events/new', {
      kind,
      titleDa: title,
      titleEn: `${title} (English)`,
      descriptionDa: 'Alle er velkomne.',
      descriptionEn: 'Everyone is welcome.',
      place: 'Nørrebro Bibliotek',
      lat: '',
      lon: '',
      startsAt: copenhagen(startsAt),
      endsAt: copenhagen(new Date(startsAt.getTime() + 2 * HOUR)),
      areaId: '',
      partnerId,
      initiativeId: '',
    }, editor);
    expect(res.status).toBe(303);
    const id = Number(/\/staff\/events\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
    expect((await postForm(base, `/staff/events/${id}`, { intent: 'publish' }, editor)).status).toBe(303);
    const page = await (await fetch(`${base}/staff/events/${id}`, { headers: { cookie: editor } })).text();
    const slug = /href="\/arrangementer\/([a-z0-9-]+)"/.exec(page)?.[1] ?? '';
    return { id, slug };
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    editor = await signInDemo(base, 'editor');
    const open = await makeEvent('Borgermøde med tilmelding', 5 * 24 * HOUR, 'citizen_meeting');
    expect((await postForm(base, `/staff/events/${open.id}`, { intent: 'signup', open: 'yes', capacity: '40' }, editor)).status).toBe(303);
    slugs.open = open.slug;
    ids.open = open.id;
    const full = await makeEvent('Fuldt booket tryghedsvandring', 6 * 24 * HOUR, 'safety_walk');
    expect((await postForm(base, `/staff/events/${full.id}`, { intent: 'signup', open: 'yes', capacity: '1' }, editor)).status).toBe(303);
    expect((await postForm(base, `/arrangementer/${full.slug}?tilmeld`, { people: '1', email: '', website: '' })).status).toBe(303);
    slugs.full = full.slug;
    const cancelled = await makeEvent('Aflyst træffetid', 7 * 24 * HOUR, 'office_hours');
    expect((await postForm(base, `/staff/events/${cancelled.id}`, { intent: 'cancel', noteDa: 'Vi mødes i stedet næste måned.', noteEn: 'We meet next month instead.', confirm: 'yes' }, editor)).status).toBe(303);
    slugs.cancelled = cancelled.slug;
    const walk = await makeEvent('Tryghedsvandring med fund', -5 * HOUR, 'safety_walk');
    expect(
      (await postForm(base, `/staff/events/${walk.id}`, { intent: 'minutes', bodyDa: '## Det så vi\n\n- Mørkt hjørne', bodyEn: '## What we saw\n\n- A dark corner', places: ['blaagaards-plads', 'korsgade'] }, editor)).status,
    ).toBe(303);
    slugs.minutes = walk.slug;
    ids.minutes = walk.id;
  }, SIGN_IN_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(['da', 'en'] as const)('a resident signs up without JavaScript and lands on their sign-up page (%s), both free of axe violations', async (locale) => {
    const prefix = locale === 'en' ? '/en' : '';
    const { context, requests } = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}${prefix}/arrangementer/${slugs.open}`);
    expect(await axeWithoutJavaScript(browser, page)).toEqual([]);
    const form = page.getByRole('region', { name: locale === 'da' ? 'Tilmelding' : 'Sign up' });
    await form.getByLabel(locale === 'da' ? 'Antal personer' : 'Number of people').fill('2');
    await form.getByRole('button', { name: locale === 'da' ? 'Tilmeld' : 'Sign up' }).click();
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^${prefix}/arrangementer/tilmelding/[a-z2-7]{52}$`));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(locale === 'da' ? 'Din tilmelding' : 'Your sign-up');
    await expect(page.getByRole('button', { name: locale === 'da' ? 'Afmeld mig' : 'Cancel my sign-up' }).count()).resolves.toBe(1);
    expect(await axeWithoutJavaScript(browser, page)).toEqual([]);
    for (const r of requests) expect(r.startsWith(base), r).toBe(true);
    await context.close();
  });

  it.each(['da', 'en'] as const)('a refused sign-up shows its errors accessibly (%s)', async (locale) => {
    const prefix = locale === 'en' ? '/en' : '';
    const { context } = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}${prefix}/arrangementer/${slugs.open}`);
    await page.getByLabel(locale === 'da' ? 'Antal personer' : 'Number of people').fill('9');
    await page.getByLabel(locale === 'da' ? 'Din e-mail (valgfri)' : 'Your e-mail (optional)').fill('ikke-en-adresse');
    await page.getByRole('button', { name: locale === 'da' ? 'Tilmeld' : 'Sign up' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain(locale === 'da' ? 'Tilmeldingen er ikke gemt' : 'Your sign-up was not saved');
    await expect(page.getByLabel(locale === 'da' ? 'Antal personer' : 'Number of people').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await axeWithoutJavaScript(browser, page)).toEqual([]);
    await context.close();
  });

  it.each([
    ['a full event', () => `/arrangementer/${slugs.full}`, 'Arrangementet er fuldt booket.', 'The event is fully booked.'],
    ['a cancelled event', () => `/arrangementer/${slugs.cancelled}`, 'Vi mødes i stedet næste måned.', 'We meet next month instead.'],
    ['the minutes with places', () => `/arrangementer/${slugs.minutes}`, 'Fund fra tryghedsvandringen', 'Findings from the safety walk'],
    ['a forged cancel link', () => `/arrangementer/tilmelding/${'a'.repeat(52)}`, 'Linket virker ikke', 'This link does not work'],
  ] as const)('%s has no axe violations in Danish and English', async (_, path, da, en) => {
    const { context } = await newContext(browser);
    const page = await context.newPage();
    for (const [prefix, expected] of [['', da], ['/en', en]] as const) {
      await page.goto(`${base}${prefix}${path()}`);
      await expect(page.locator('main').textContent()).resolves.toContain(expected);
      expect(await axeViolations(page), `${prefix}${path()}`).toEqual([]);
    }
    await context.close();
  });

  it('the editors\' sign-up, cancellation and minutes forms have no axe violations', async () => {
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await signInWithForms(page, base, 'editor');
    await page.goto(`${base}/staff/events/${ids.open}`);
    await expect(page.locator('[data-signup-status]').textContent()).resolves.toContain('af 40 pladser er taget');
    await expect(page.getByRole('heading', { name: 'Aflys arrangementet' }).count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Antal pladser').fill('0');
    await page.getByRole('button', { name: 'Gem tilmelding' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Antal pladser skal være et helt tal');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${base}/en/staff/events/${ids.minutes}`);
    await expect(page.getByRole('group', { name: 'Places the minutes concern' }).count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, SIGN_IN_TIMEOUT_MS + 90_000);
});
