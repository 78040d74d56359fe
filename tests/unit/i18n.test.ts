import { describe, expect, it } from 'vitest';
import { da } from '../../src/lib/i18n/da.ts';
import { en } from '../../src/lib/i18n/en.ts';
import { localePath, messages, splitLocale } from '../../src/lib/i18n/index.ts';

/** Every leaf path of a catalogue, with its value. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  return [[path, value]];
}

describe('message catalogues', () => {
  it('English has exactly the keys Danish has, array lengths included', () => {
    expect(leaves(en).map(([k]) => k)).toEqual(leaves(da).map(([k]) => k));
  });

  it('no message is empty in any locale', () => {
    for (const catalogue of [da, en]) {
      for (const [key, value] of leaves(catalogue)) {
        if (typeof value === 'string') expect(value.trim(), key).not.toBe('');
      }
    }
  });

  it('English text is not a copy of the Danish text', () => {
    expect(messages('en').home.lead).not.toBe(messages('da').home.lead);
  });
});

describe('splitLocale', () => {
  it('a path without prefix is Danish', () => {
    expect(splitLocale('/om')).toEqual({ locale: 'da', path: '/om' });
    expect(splitLocale('/')).toEqual({ locale: 'da', path: '/' });
  });

  it('/en and /en/... are English with the prefix removed', () => {
    expect(splitLocale('/en')).toEqual({ locale: 'en', path: '/' });
    expect(splitLocale('/en/')).toEqual({ locale: 'en', path: '/' });
    expect(splitLocale('/en/privatliv')).toEqual({ locale: 'en', path: '/privatliv' });
  });

  it('a path merely starting with "en" is not English', () => {
    expect(splitLocale('/enhed')).toEqual({ locale: 'da', path: '/enhed' });
  });
});

describe('localePath', () => {
  it('Danish paths have no prefix, English paths get /en', () => {
    expect(localePath('da', '/om')).toBe('/om');
    expect(localePath('en', '/om')).toBe('/en/om');
    expect(localePath('en', '/')).toBe('/en/');
  });

  it('round-trips with splitLocale', () => {
    for (const path of ['/', '/om', '/indsatser/x']) {
      expect(splitLocale(localePath('en', path))).toEqual({ locale: 'en', path });
    }
  });
});
