/**
 * (axe runs only in contexts with JavaScript: it is injected as a script.)
 *
 * Staff in Chromium: every role signs in with password and TOTP through the
 * real forms; the moderator approves and answers a resident's comment that
 * was posted with JavaScript turned off; axe checks the staff pages.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROLES, type Role } from '../../db/schema.ts';
import { axeViolations, hasChromium, launchBrowser, newContext } from '../support/browser.ts';
import { signInWithForms } from '../support/staff-browser.ts';

const base = inject('baseUrl');
const ROLE_NAMES: Record<Role, string> = {
  admin: 'Administrator',
  editor: 'Redaktør',
  moderator: 'Moderator',
  analyst: 'Analytiker',
  viewer: 'Læser',
};

const signIn = (page: Page, role: Role): Promise<void> => signInWithForms(page, base, role);

describe.skipIf(!hasChromium)('staff in Chromium', () => {
  let browser: Browser;
  const contexts = new Map<Role, BrowserContext>();
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the login page has no axe violations', async () => {
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${base}/staff/login`);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it.each(ROLES)('%s signs in with password and a TOTP code and sees only its own tools', async (role) => {
    const { context } = await newContext(browser);
    contexts.set(role, context);
    const page = await context.newPage();
    await signIn(page, role);
    await expect(page.locator('h1').textContent()).resolves.toBe('Oversigt');
    await expect(page.getByText(`(${ROLE_NAMES[role]})`).count()).resolves.toBe(1);
    const nav = page.getByRole('navigation', { name: 'Medarbejdere' });
    await expect(nav.getByRole('link', { name: 'Brugere' }).count()).resolves.toBe(role === 'admin' ? 1 : 0);
    await expect(nav.getByRole('link', { name: 'Kommentarer' }).count()).resolves.toBe(['admin', 'moderator'].includes(role) ? 1 : 0);
    await expect(nav.getByRole('link', { name: 'Indsatser' }).count()).resolves.toBe(['admin', 'editor'].includes(role) ? 1 : 0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('a viewer who opens the user admin page gets "no access"', async () => {
    const page = await contexts.get('viewer')!.newPage();
    const res = await page.goto(`${base}/staff/users`);
    expect(res?.status()).toBe(403);
    await expect(page.locator('h1').textContent()).resolves.toBe('Ingen adgang');
    await page.close();
  });

  // One test per page: fourteen pages in one test outgrew its time on a busy machine.
  it.each([
    '/staff/users',
    '/staff/audit',
    '/staff/account',
    '/staff/open311',
    '/en/staff/users',
    '/staff/areas',
    '/staff/surveys',
    '/staff/surveys/2',
    '/staff/surveys/2/paper',
    '/en/staff/surveys/1',
    '/staff/categories',
    '/staff/reports',
    '/staff/surveys/1/questions',
    '/staff/surveys/new',
  ])('the admin page %s passes axe', async (path) => {
    const page = await contexts.get('admin')!.newPage();
    await page.goto(base + path);
    expect(await axeViolations(page), path).toEqual([]);
    await page.close();
  });

  it('the partners page (mailboxes and routing) passes axe, in Danish and English', async () => {
    const page = await contexts.get('admin')!.newPage();
    for (const path of ['/staff/partners', '/en/staff/partners']) {
      await page.goto(base + path);
      await expect(page.locator('h1').textContent()).resolves.toMatch(/Partnere og postkasser|Partners and mailboxes/);
      expect(await axeViolations(page), path).toEqual([]);
    }
    await page.close();
  });

  it('a comment posted without JavaScript is masked, approved and answered by the moderator, then shown', async () => {
    const { context: resident } = await newContext(browser, { javaScriptEnabled: false });
    const page = await resident.newPage();
    await page.goto(`${base}/indsatser/din-betjent-i-indre-noerrebro`);
    await page.getByLabel('Din kommentar eller dit spørgsmål').fill('Ring til mig på 22 33 44 55 om mørket ved Blågårds Plads.');
    await page.getByRole('button', { name: 'Send til moderation' }).click();
    await expect(page.locator('h1').textContent()).resolves.toContain('venter på moderation');

    const mod = await contexts.get('moderator')!.newPage();
    await mod.goto(`${base}/staff/comments`);
    const item = mod.getByRole('article').filter({ hasText: 'Din Betjent i Indre Nørrebro' }).last();
    await expect(item.getByText('Skjult automatisk: telefonnummer').count()).resolves.toBe(1);
    await expect(item.locator('textarea').inputValue()).resolves.toContain('[telefonnummer skjult]');
    expect(await axeViolations(mod)).toEqual([]);
    await item.getByRole('button', { name: 'Godkend og offentliggør' }).click();
    await expect(mod.getByRole('status').textContent()).resolves.toContain('godkendt');

    await mod.goto(`${base}/staff/comments?status=approved`);
    const approved = mod.getByRole('article').filter({ hasText: 'Din Betjent i Indre Nørrebro' }).filter({ hasText: 'mørket ved Blågårds Plads' });
    await approved.getByLabel('Officielt svar').fill('Nærbetjentene kigger forbi i aften.');
    await approved.getByRole('button', { name: 'Offentliggør svar' }).click();
    await expect(mod.getByRole('status').textContent()).resolves.toContain('offentliggjort');

    await page.goto(`${base}/indsatser/din-betjent-i-indre-noerrebro`);
    const comment = page.locator('.comment').filter({ hasText: 'mørket ved Blågårds Plads' });
    await expect(comment.textContent()).resolves.toContain('[telefonnummer skjult]');
    await expect(comment.textContent()).resolves.toContain('Svar fra Områdefornyelsen Indre Nørrebro');
    await expect(comment.textContent()).resolves.toContain('Nærbetjentene kigger forbi i aften.');
    await resident.close();
  });

  it('an editor writes an initiative in Danish and English, publishes it, and residents see it; a script in the Markdown does nothing', async () => {
    const page = await contexts.get('editor')!.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${base}/staff/initiatives/new`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Titel på dansk').fill('Lys i gårdene');
    await page.getByLabel('Titel på engelsk').fill('Light in the courtyards');
    await page.getByLabel('Resumé på dansk').fill('Bedre belysning i gårdene omkring Blågårds Plads.');
    await page.getByLabel('Resumé på engelsk').fill('Better lighting in the courtyards around Blågårds Plads.');
    await page.getByLabel('Tekst på dansk').fill('Vi sætter **nye lamper** op.\n\n<script>alert("xss")</script>\n\n<img src=x onerror="alert(1)">');
    await page.getByLabel('Tekst på engelsk').fill('We are putting up **new lamps**.');
    await page.getByLabel('Spor').selectOption({ label: 'Byfornyelse' });
    await page.getByRole('group', { name: 'Områder' }).getByLabel('Indre Nørrebro').check();
    await page.getByRole('button', { name: 'Opret som kladde' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Rediger indsats: Lys i gårdene');
    expect(await axeViolations(page)).toEqual([]);

    // Not public while it is a draft.
    const { context: resident } = await newContext(browser);
    const pub = await resident.newPage();
    await pub.goto(`${base}/indsatser`);
    await expect(pub.getByText('Lys i gårdene').count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Offentliggør', exact: true }).click();
    await page.waitForLoadState('load');

    await pub.goto(`${base}/indsatser`);
    await pub.getByRole('link', { name: 'Lys i gårdene' }).click();
    await expect(pub.locator('h1').textContent()).resolves.toBe('Lys i gårdene');
    await expect(pub.locator('.prose strong').textContent()).resolves.toBe('nye lamper');
    await expect(pub.locator('.prose script, .prose img').count()).resolves.toBe(0);
    await expect(pub.locator('.prose').innerHTML()).resolves.not.toContain('alert');
    expect(await axeViolations(pub)).toEqual([]);

    await pub.goto(`${base}/en/indsatser`);
    await expect(pub.getByRole('link', { name: 'Light in the courtyards' }).count()).resolves.toBe(1);
    const feed = await (await fetch(`${base}/feed.xml`)).text();
    expect(feed).toContain('<title>Lys i gårdene</title>');
    expect(dialogs).toEqual([]);
    await resident.close();
    await page.close();
  });

  it('a comment form with an error passes axe and keeps what was typed (with JavaScript)', async () => {
    const { context } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${base}/en/indsatser/exitprogrammer`);
    await page.getByLabel('Name (optional)').fill('Sam');
    await page.getByRole('button', { name: 'Send for moderation' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Write a comment or a question.');
    await expect(page.getByLabel('Name (optional)').inputValue()).resolves.toBe('Sam');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
