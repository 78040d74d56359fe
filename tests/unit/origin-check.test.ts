import { describe, expect, it } from 'vitest';
import { isForbiddenCrossSite } from '../../src/lib/origin-check.ts';

const url = new URL('https://tryghed.example/indsatser/x');
const form = (origin?: string) => new Headers({ 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}) });

describe('isForbiddenCrossSite', () => {
  it('a form post from another site, or with no Origin, is refused', () => {
    expect(isForbiddenCrossSite('POST', form('https://evil.example'), url, '/indsatser/x')).toBe(true);
    expect(isForbiddenCrossSite('POST', form(), url, '/indsatser/x')).toBe(true);
    expect(isForbiddenCrossSite('POST', new Headers({ 'content-type': 'text/plain' }), url, '/staff/logout')).toBe(true);
    expect(isForbiddenCrossSite('POST', new Headers(), url, '/staff/logout')).toBe(true);
  });
  it('a form post from our own origin passes; reading never needs an origin', () => {
    expect(isForbiddenCrossSite('POST', form('https://tryghed.example'), url, '/indsatser/x')).toBe(false);
    expect(isForbiddenCrossSite('GET', new Headers(), url, '/indsatser')).toBe(false);
  });
  it('only the cookie-less Open311 API takes posts from other servers', () => {
    expect(isForbiddenCrossSite('POST', form(), url, '/api/open311/v2/requests.json')).toBe(false);
    expect(isForbiddenCrossSite('POST', form('https://evil.example'), url, '/api/open311-fake')).toBe(true);
  });
});
