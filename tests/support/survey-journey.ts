/**
 * Answering the seeded questionnaire (tryghed-2026) in a browser page by its
 * visible Danish labels, the same with JavaScript on or off: the steps the
 * survey and journey tests share.
 */
import type { Page } from 'playwright-core';

export async function next(page: Page, label = 'Næste side') {
  await page.getByRole('button', { name: label }).click();
  await page.waitForLoadState('load');
}

/** Pages 1–3 and 5–6 of the seeded questionnaire, by their visible labels. */
export async function answerPages1to3(page: Page) {
  await page.getByLabel('Indre Nørrebro', { exact: true }).check();
  await page.getByRole('group', { name: /generelt i dit nabolag/ }).getByLabel('Tryg', { exact: true }).check();
  await next(page);
  await page.getByRole('group', { name: /om aftenen/ }).getByLabel('Utryg', { exact: true }).check();
  await page.getByRole('group', { name: /Og om natten/ }).getByLabel('Meget utryg', { exact: true }).check();
  await next(page);
  for (const row of await page.locator('fieldset.matrix-row').all()) await row.getByLabel('Et vist problem').check();
  await next(page);
}

export async function answerPages5and6(page: Page) {
  await page.getByRole('group', { name: /bekymret er du/ }).getByLabel('6', { exact: true }).check();
  await page.getByRole('group', { name: /politiet ville hjælpe/ }).getByLabel('4', { exact: true }).check();
  await page.getByRole('group', { name: /kommunen ville hjælpe/ }).getByLabel('Ved ikke').check();
  await next(page);
  await page.getByRole('group', { name: /Hvor gammel/ }).getByLabel('25–34 år').check();
  await page.getByLabel('Hvor mange år har du boet eller arbejdet i området?').fill('3');
  await page.getByRole('button', { name: 'Send mine svar' }).click();
  await page.waitForLoadState('load');
}
