/**
 * Issue #15 on the built site with the demo data: the front page's results
 * card links to the published results; /resultater tells each goal in plain
 * words with the three-state verdicts and the rule; the dashboard writes the
 * rule next to the verdicts, shows the outside figure as context only and
 * marks a switched view as a sensitivity view.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { SIGN_IN_TIMEOUT_MS } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');

async function page(path: string, cookie?: string): Promise<string> {
  const res = await fetch(base + path, { redirect: 'manual', ...(cookie ? { headers: { cookie } } : {}) });
  expect(res.status, path).toBe(200);
  return res.text();
}
const text = (html: string): string =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\s+/g, ' ');

let analyst: string;
beforeAll(async () => {
  analyst = await staffSession(dbPath, 'analyst');
}, SIGN_IN_TIMEOUT_MS);

describe('front page card', () => {
  it('results are published, so the results card links to /resultater and is not "coming soon"', async () => {
    const html = await page('/');
    expect(html).toMatch(/<a href="\/resultater">Resultater<\/a>/);
    expect(text(html)).not.toContain('Kommer snart');
    expect(text(await page('/en'))).not.toContain('Coming soon');
  });
});

describe('/resultater in plain words', () => {
  it('says what was asked, who counts, what changed and how sure we are, with three-state verdicts and no jargon', async () => {
    const t = text(await page('/resultater'));
    expect(t).toContain('Det spurgte vi om');
    expect(t).toContain('Kun dem, der bor i området.');
    expect(t).toContain('Hvor sikre er vi?');
    expect(t).toMatch(/Ingen klar ændring|Det er blevet bedre|Det er blevet værre/);
    expect(t).toMatch(/Det kan vi ikke sige endnu|Ja\. Selv i den mindst gunstige|Nej\. Selv i den mest gunstige/);
    // The outside figure is context, never the "before".
    expect(t).toContain('kan ikke sammenlignes direkte');
    expect(t).not.toContain('procentpoint');
    // The interval is said in words; the term appears only where it is explained.
    expect(t).not.toMatch(/95 %-interval: \d/);
    expect(t).toContain('i 95 af 100 målinger');
  });
});

describe('the dashboard', () => {
  it('writes the verdict rule next to the verdicts and shows the planned view by default', async () => {
    const t = text(await page('/staff/dashboard', analyst));
    expect(t).toContain('Sådan læses vurderingerne');
    expect(t).toContain('Planlagt analyse');
    expect(t).toContain('Til sammenligning (anden undersøgelse, ikke testet)');
    expect(t).toMatch(/Endnu uklart, om målet er nået|Målet er nået|Målet er ikke nået/);
    expect(t).toContain('p-værdi, Holm-justeret');
  });

  it('a switched view is marked as a sensitivity view', async () => {
    for (const q of ['vaegtet=0', 'mistaenkelige=med', 'population=alle']) {
      expect(text(await page(`/staff/dashboard?${q}`, analyst)), q).toContain('Følsomhedsberegning');
    }
  });
});
