import { describe, expect, it } from 'vitest';
import { applySecurityHeaders, FALLBACK_CSP, HSTS, isHttps } from '../../src/lib/security-headers.ts';

describe('applySecurityHeaders', () => {
  it('sets nosniff, referrer, permissions and opener policies on every response', () => {
    const h = new Headers();
    applySecurityHeaders(h, false);
    expect(h.get('X-Content-Type-Options')).toBe('nosniff');
    expect(h.get('Referrer-Policy')).toBe('same-origin');
    expect(h.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(h.get('Permissions-Policy')).toContain('geolocation=(self)');
    expect(h.get('Permissions-Policy')).toContain('camera=()');
  });

  it('keeps a page CSP from Astro and gives other responses a deny-all CSP', () => {
    const page = new Headers({ 'Content-Security-Policy': "script-src 'self'" });
    applySecurityHeaders(page, false);
    expect(page.get('Content-Security-Policy')).toBe("script-src 'self'");
    const json = new Headers();
    applySecurityHeaders(json, false);
    expect(json.get('Content-Security-Policy')).toBe(FALLBACK_CSP);
  });

  it('sends HSTS only over HTTPS', () => {
    const plain = new Headers();
    applySecurityHeaders(plain, false);
    expect(plain.has('Strict-Transport-Security')).toBe(false);
    const secure = new Headers();
    applySecurityHeaders(secure, true);
    expect(secure.get('Strict-Transport-Security')).toBe(HSTS);
  });
});

describe('isHttps', () => {
  const http = new URL('http://example.org/');
  it('believes X-Forwarded-Proto only behind a trusted proxy', () => {
    expect(isHttps(http, 'https', false)).toBe(false);
    expect(isHttps(http, 'https', true)).toBe(true);
    expect(isHttps(http, 'https, http', true)).toBe(true);
    expect(isHttps(http, 'http', true)).toBe(false);
  });
  it('an https URL is https', () => {
    expect(isHttps(new URL('https://example.org/'), null, false)).toBe(true);
  });
});
