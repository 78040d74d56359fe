import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');

describe('RSS feeds of initiatives', () => {
  it('/feed.xml lists every published initiative with absolute links', async () => {
    const res = await fetch(`${base}/feed.xml`);
    expect(res.headers.get('content-type')).toContain('application/rss+xml');
    const xml = await res.text();
    expect(xml).toContain('<rss version="2.0"');
    expect(xml).toContain('<title>Din Betjent i Indre Nørrebro</title>');
    expect(xml).toContain(`<link>${base}/indsatser/din-betjent-i-indre-noerrebro</link>`);
  });

  it('/en/feed.xml is in English', async () => {
    const xml = await (await fetch(`${base}/en/feed.xml`)).text();
    expect(xml).toContain('<language>en</language>');
    expect(xml).toContain('Your local police officer in Inner Nørrebro');
    expect(xml).toContain(`${base}/en/indsatser/din-betjent-i-indre-noerrebro`);
  });

  it('an area feed holds only that area\'s initiatives', async () => {
    const xml = await (await fetch(`${base}/feed/skt-hans-torv.xml`)).text();
    expect(xml).toContain('Fokuseret indsats ved Skt. Hans Torv');
    expect(xml).not.toContain('Opsøgende arbejde blandt unge');
  });

  it('an unknown area feed is 404', async () => {
    expect((await fetch(`${base}/feed/atlantis.xml`)).status).toBe(404);
  });

  it('the initiative pages announce their feeds with <link rel="alternate">', async () => {
    const html = await (await fetch(`${base}/indsatser/din-betjent-i-indre-noerrebro`)).text();
    expect(html).toMatch(/<link rel="alternate" type="application\/rss\+xml"[^>]*href="\/feed.xml"/);
    expect(html).toMatch(/href="\/feed\/indre-norrebro.xml"/);
  });

  it('a draft initiative is in no feed and has no public page', async () => {
    const res = await fetch(`${base}/indsatser/findes-ikke-endnu`);
    expect(res.status).toBe(404);
  });
});
