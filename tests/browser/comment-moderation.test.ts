/**
 * Moderation for a busy dialogue (issue #19) in Chromium: a moderator
 * approves a comment with the bulk form, a resident flags it without
 * JavaScript, the moderator takes it down from the flagged queue, and the
 * page shows the placeholder. axe on the public comment with its open flag
 * form, after the flag, on the placeholder, and on the pending and flagged
 * queues.
 */
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, hasChromium, launchBrowser, newContext } from '../support/browser.ts';
import { serverRow } from '../support/server-db.ts';
import { addStaffSession } from '../support/staff-browser.ts';
import { someClient } from '../support/staff-login.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const PAGE = '/indsatser/borgerdialog-i-omraadefornyelsen';

async function commentId(body: string): Promise<number> {
  return (await serverRow<{ id: number }>(sql`select id from comments where body = ${body}`)).id;
}

describe.skipIf(!hasChromium)('comment moderation in Chromium', () => {
  let browser: Browser;
  let staff: Page;
  let id: number;
  const body = `Bænken ved legepladsen er gået i stykker (${Date.now()})`;

  beforeAll(async () => {
    browser = await launchBrowser();
    const posted = await fetch(base + PAGE, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': someClient() },
      body: new URLSearchParams({ name: '', body }).toString(),
    });
    expect(posted.status).toBe(303);
    id = await commentId(body);
    const { context } = await newContext(browser);
    await addStaffSession(context, base, dbPath, 'moderator');
    staff = await context.newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('the pending queue with its bulk form passes axe, and the bulk form approves the ticked comment', async () => {
    await staff.goto(`${base}/staff/comments`);
    expect(await axeViolations(staff)).toEqual([]);
    await staff.getByLabel(`Vælg kommentar #${id} til samlet behandling`).check();
    await staff.getByRole('button', { name: 'Godkend de valgte' }).click();
    await staff.waitForLoadState('load');
    await expect.poll(() => staff.getByRole('status').textContent()).toContain('1 kommentar er godkendt.');
  });

  it('the page with the open flag form passes axe; a resident flags the comment without JavaScript; the thank-you passes axe', async () => {
    // axe needs scripts: the open form and the thank-you are checked in a context with JavaScript.
    const { context: withJs } = await newContext(browser);
    const checked = await withJs.newPage();
    await checked.goto(base + PAGE);
    await checked.locator(`#kommentar-${id} summary`).click();
    expect(await checked.locator(`#kommentar-${id} select`).isVisible()).toBe(true);
    expect(await axeViolations(checked)).toEqual([]);

    const { context } = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(base + PAGE);
    const item = page.locator(`#kommentar-${id}`);
    expect(await item.locator('.body').textContent()).toContain('Bænken ved legepladsen');
    await item.locator('summary').click();
    await item.getByLabel('Hvorfor?').selectOption('offensive');
    await item.getByRole('button', { name: 'Send markering' }).click();
    await page.waitForLoadState('load');
    expect(page.url()).toContain(`?markeret=${id}#kommentar-${id}`);
    expect(await page.locator(`#kommentar-${id} [role="status"]`).textContent()).toBe('Tak. Redaktionen ser på kommentaren.');
    await context.close();

    await checked.goto(`${base}${PAGE}?markeret=${id}#kommentar-${id}`);
    expect(await axeViolations(checked)).toEqual([]);
    await withJs.close();
  });

  it('the flagged queue passes axe; the moderator takes the comment down and the page shows the placeholder', async () => {
    await staff.goto(`${base}/staff/comments?status=flagged`);
    expect(await axeViolations(staff)).toEqual([]);
    const article = staff.locator('article', { has: staff.locator(`#k-${id}`) });
    await expect.poll(() => article.textContent()).toContain('Krænkende eller truende: 1');
    await article.getByLabel('Begrundelse (vises offentligt i stedet for kommentaren)').selectOption('offensive');
    await article.getByRole('button', { name: 'Fjern kommentaren' }).click();
    await staff.waitForLoadState('load');
    await expect.poll(() => staff.getByRole('status').textContent()).toContain('Kommentaren er fjernet.');

    await staff.goto(`${base}/staff/comments?status=taken_down`);
    expect(await axeViolations(staff)).toEqual([]);

    const { context } = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${base}/en${PAGE}`);
    await expect.poll(() => page.locator(`#kommentar-${id}`).textContent()).toContain('The comment has been removed by the editors: offensive or threatening content.');
    expect(await page.content()).not.toContain('Bænken ved legepladsen');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
