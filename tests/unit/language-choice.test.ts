import { describe, expect, it } from 'vitest';
import { languageChoicePath, languageChoiceTarget, rememberedLanguageRedirect } from '../../src/lib/language-choice.ts';

describe('the language menu’s links', () => {
  it('lead through /sprog/<locale> with the page and its query', () => {
    expect(languageChoicePath('ar', '/kort', '?periode=2025')).toBe('/sprog/ar?side=%2Fkort%3Fperiode%3D2025');
  });

  it('land on the same page in the chosen language', () => {
    expect(languageChoiceTarget('ar', '/kort?periode=2025')).toBe('/ar/kort?periode=2025');
    expect(languageChoiceTarget('da', '/meld')).toBe('/meld');
    expect(languageChoiceTarget('ur', '/')).toBe('/ur/');
  });

  it('never lead off the site', () => {
    for (const side of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', '', null, '/%0d%0aSet-Cookie:x', '\t//evil.example']) {
      const target = languageChoiceTarget('tr', side);
      expect(target.startsWith('/tr/'), String(side)).toBe(true);
      expect(target.startsWith('//'), String(side)).toBe(false);
    }
  });

  it('show staff pages in English to a reader who chose a residents’ language', () => {
    expect(languageChoiceTarget('so', '/staff/reports')).toBe('/en/staff/reports');
    expect(languageChoiceTarget('da', '/staff')).toBe('/staff');
  });
});

describe('the remembered language', () => {
  it('sends a page asked for without a prefix to the chosen language', () => {
    expect(rememberedLanguageRedirect('ar', 'GET', '/meld', '?som=virksomhed')).toBe('/ar/meld?som=virksomhed');
    expect(rememberedLanguageRedirect('en', 'HEAD', '/', '')).toBe('/en/');
  });

  it('leaves Danish, unknown cookies, form posts, feeds, the API and files alone', () => {
    expect(rememberedLanguageRedirect(undefined, 'GET', '/meld', '')).toBeUndefined();
    expect(rememberedLanguageRedirect('da', 'GET', '/meld', '')).toBeUndefined();
    expect(rememberedLanguageRedirect('xx', 'GET', '/meld', '')).toBeUndefined();
    expect(rememberedLanguageRedirect('ar', 'POST', '/meld', '')).toBeUndefined();
    expect(rememberedLanguageRedirect('ar', 'GET', '/api/open311/v2/requests.json', '')).toBeUndefined();
    expect(rememberedLanguageRedirect('ar', 'GET', '/feed/indre-norrebro.xml', '')).toBeUndefined();
    expect(rememberedLanguageRedirect('ar', 'GET', '/sprog/da', '')).toBeUndefined();
    expect(rememberedLanguageRedirect('ar', 'GET', '/healthz', '')).toBeUndefined();
  });

  it('keeps staff pages in Danish for a reader who chose a residents’ language, and in English for one who chose English', () => {
    expect(rememberedLanguageRedirect('ar', 'GET', '/staff/login', '')).toBeUndefined();
    expect(rememberedLanguageRedirect('en', 'GET', '/staff/login', '')).toBe('/en/staff/login');
  });
});
