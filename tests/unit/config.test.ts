import { describe, expect, it } from 'vitest';
import { ConfigError, demoContacts, loadConfig, siteOrigin } from '../../src/server/platform/config.ts';

describe('loadConfig', () => {
  it('has working defaults for a newcomer: ./data, port 4321, demo data on, K = 5', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBe('./data/tryghed.sqlite');
    expect(c.port).toBe(4321);
    expect(c.demoData).toBe(true);
    expect(c.privacyK).toBe(5);
  });

  it('turns demo data off in production unless asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).demoData).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', DEMO_DATA: 'on' }).demoData).toBe(true);
    expect(loadConfig({ DEMO_DATA: 'off' }).demoData).toBe(false);
  });

  it('a bad value stops with a message that names the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DEMO_DATA: 'maybe' })).toThrow(/DEMO_DATA/);
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'not a url' })).toThrow(/PUBLIC_ORIGIN/);
  });

  it('the privacy threshold K can never be set below 3', () => {
    expect(() => loadConfig({ PRIVACY_K: '2' })).toThrow(/PRIVACY_K/);
    expect(loadConfig({ PRIVACY_K: '3' }).privacyK).toBe(3);
  });
});

describe('demo data and the listen address', () => {
  it('demo staff (published passwords) are seeded by default only for a loopback server', () => {
    expect(loadConfig({ HOST: 'localhost' }).demoData).toBe(true);
    expect(loadConfig({ HOST: '127.0.0.1' }).demoData).toBe(true);
    expect(loadConfig({ HOST: '0.0.0.0', PUBLIC_ORIGIN: 'https://tryghed.example.dk' }).demoData).toBe(false);
    expect(loadConfig({ HOST: '0.0.0.0', PUBLIC_ORIGIN: 'https://tryghed.example.dk', DEMO_DATA: 'on' }).demoData).toBe(true);
  });
});

describe('absolute links never come from the Host header', () => {
  it('a server reachable from other machines needs PUBLIC_ORIGIN', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/PUBLIC_ORIGIN/);
    expect(() => loadConfig({ HOST: '192.0.2.10' })).toThrow(/PUBLIC_ORIGIN/);
    expect(siteOrigin(loadConfig({ HOST: '0.0.0.0', PUBLIC_ORIGIN: 'https://tryghed.example.dk/' }))).toBe('https://tryghed.example.dk');
  });

  it('on loopback without PUBLIC_ORIGIN the origin is the listening address', () => {
    expect(siteOrigin(loadConfig({ HOST: '127.0.0.1', PORT: '4400' }))).toBe('http://127.0.0.1:4400');
    expect(siteOrigin(loadConfig({ HOST: '::1', PORT: '4400' }))).toBe('http://[::1]:4400');
  });
});

describe('map tiles', () => {
  it('there are no tiles by default: the map draws the areas and streets itself', () => {
    expect(loadConfig({}).mapTiles).toBeUndefined();
  });

  it('tiles come from a path on our own origin, with their attribution', () => {
    const c = loadConfig({ MAP_TILE_URL: '/tiles/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© OpenStreetMap contributors' });
    expect(c.mapTiles).toEqual({ url: '/tiles/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' });
  });

  it('a third-party tile server is refused: residents would be sending it their addresses', () => {
    for (const url of ['https://tile.openstreetmap.org/{z}/{x}/{y}.png', '//tiles.example/{z}/{x}/{y}.png']) {
      expect(() => loadConfig({ MAP_TILE_URL: url, MAP_TILE_ATTRIBUTION: 'x' })).toThrow(/MAP_TILE_URL/);
    }
  });

  it('a tile URL without {z}, {x} and {y}, or without attribution, is refused', () => {
    expect(() => loadConfig({ MAP_TILE_URL: '/tiles/{z}/{x}.png', MAP_TILE_ATTRIBUTION: 'x' })).toThrow(/MAP_TILE_URL/);
    expect(() => loadConfig({ MAP_TILE_URL: '/tiles/{z}/{x}/{y}.png' })).toThrow(/MAP_TILE_ATTRIBUTION/);
  });
  it('contact points default to demo addresses under .invalid, and the complaint route to the Agency for Digital Government', () => {
    const c = loadConfig({}).contacts;
    expect(c).toEqual({
      general: 'kontakt@tryghed.invalid',
      dpo: 'databeskyttelse@tryghed.invalid',
      accessibility: 'tilgaengelighed@tryghed.invalid',
      accessibilityComplaintUrl: 'https://www.digst.dk/digitale-loesninger/webtilgaengelighed/',
    });
    expect(demoContacts(c)).toEqual(['CONTACT_EMAIL', 'CONTACT_DPO_EMAIL', 'CONTACT_ACCESSIBILITY_EMAIL']);
  });

  it('contact points are configurable; a value that is not an address, or a complaint route that is not https, is refused', () => {
    const c = loadConfig({ CONTACT_EMAIL: ' tryghed@kk.example ', CONTACT_DPO_EMAIL: 'dpo@kk.example', CONTACT_ACCESSIBILITY_EMAIL: 'web@kk.example' }).contacts;
    expect(c.general).toBe('tryghed@kk.example');
    expect(demoContacts(c)).toEqual([]);
    expect(() => loadConfig({ CONTACT_DPO_EMAIL: 'not an address' })).toThrow(/CONTACT_DPO_EMAIL/);
    expect(() => loadConfig({ CONTACT_EMAIL: 'a@b.dk"><script>' })).toThrow(ConfigError);
    expect(() => loadConfig({ ACCESSIBILITY_COMPLAINT_URL: 'http://www.digst.dk/' })).toThrow(/ACCESSIBILITY_COMPLAINT_URL/);
    expect(() => loadConfig({ ACCESSIBILITY_COMPLAINT_URL: 'javascript:alert(1)' })).toThrow(ConfigError);
  });
});
