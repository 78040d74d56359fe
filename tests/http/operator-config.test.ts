/**
 * What an operator's configuration changes on the public side, on a second
 * built server of its own: without SMTP_URL the report form offers no e-mail
 * and keeps none; MAP_TILE_URL gives the map island tiles from our own path.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServerDatabase, serverDatabase } from '../support/server-db.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { rawRows } from '../../src/server/db/raw.ts';
import { postForm } from '../support/staff-login.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ MAP_TILE_URL: '/tiles/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© OpenStreetMap <bidragydere>' });
}, 60_000);
afterAll(async () => {
  if (server) await closeServerDatabase(server.dbPath);
  await server?.stop();
});

describe('operator configuration', () => {
  it('without a mail server the report form offers no e-mail, and a posted address is not kept', async () => {
    const html = await (await fetch(`${server.url}/meld`)).text();
    expect(html).toContain('name="category"');
    expect(html).not.toContain('name="email"');
    expect(html).not.toContain('name="notify"');

    const res = await postForm(server.url, '/meld', {
      submission: `operator-config-${Date.now()}`,
      category: 'lighting',
      location: 'blaagaards-plads',
      timeOfDay: 'night',
      weekday: 'any',
      description: '',
      reporterType: 'resident',
      email: 'nabo@example.dk',
      notify: '1',
    });
    expect(res.status).toBe(303);
    expect(await rawRows(serverDatabase(server.dbPath), sql`select email from reports`)).toEqual([{ email: null }]);
  });

  it('configured tiles reach the map island from our own path, with the attribution as text', async () => {
    const html = await (await fetch(`${server.url}/meld`)).text();
    const props = /<astro-island[^>]*props="([^"]*)"/.exec(html)?.[1]?.replaceAll('&quot;', '"').replaceAll('&amp;', '&') ?? '';
    expect(props).toContain('/tiles/{z}/{x}/{y}.png');
    expect(props).toContain('© OpenStreetMap');
  });
});
