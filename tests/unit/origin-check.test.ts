import { describe, expect, it } from 'vitest';
import { isForbiddenCrossSite } from '../../src/lib/origin-check.ts';

const url = new URL('https://tryghed.example/indsatser/x');
const form = (origin?: string, referer?: string) =>
  new Headers({ 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}), ...(referer ? { referer } : {}) });

describe('isForbiddenCrossSite', () => {
  it('a form post from another site, or with neither Origin nor Referer, is refused', () => {
    expect(isForbiddenCrossSite('POST', form('https://evil.example'), url, '/indsatser/x')).toBe(true);
    expect(isForbiddenCrossSite('POST', form(), url, '/indsatser/x')).toBe(true);
    expect(isForbiddenCrossSite('POST', new Headers({ 'content-type': 'text/plain' }), url, '/staff/logout')).toBe(true);
    expect(isForbiddenCrossSite('POST', new Headers(), url, '/staff/logout')).toBe(true);
  });
  it('a form post from our own origin passes; reading never needs an origin', () => {
    expect(isForbiddenCrossSite('POST', form('https://tryghed.example'), url, '/indsatser/x')).toBe(false);
    expect(isForbiddenCrossSite('GET', new Headers(), url, '/indsatser')).toBe(false);
  });
  it('without an Origin header (text browsers), a Referer on our origin passes', () => {
    expect(isForbiddenCrossSite('POST', form(undefined, 'https://tryghed.example/indsatser/x'), url, '/indsatser/x')).toBe(false);
    expect(isForbiddenCrossSite('POST', form(undefined, 'https://tryghed.example/'), url, '/meld')).toBe(false);
    expect(isForbiddenCrossSite('POST', new Headers({ referer: 'https://tryghed.example/staff' }), url, '/staff/logout')).toBe(false);
  });
  it('a Referer on another origin, or one that is not a URL, is refused', () => {
    expect(isForbiddenCrossSite('POST', form(undefined, 'https://evil.example/indsatser/x'), url, '/indsatser/x')).toBe(true);
    // Same host, other scheme or port: another origin.
    expect(isForbiddenCrossSite('POST', form(undefined, 'http://tryghed.example/indsatser/x'), url, '/indsatser/x')).toBe(true);
    expect(isForbiddenCrossSite('POST', form(undefined, 'https://tryghed.example:8443/'), url, '/indsatser/x')).toBe(true);
    expect(isForbiddenCrossSite('POST', form(undefined, 'https://tryghed.example.evil.example/'), url, '/indsatser/x')).toBe(true);
    expect(isForbiddenCrossSite('POST', form(undefined, 'not a url'), url, '/indsatser/x')).toBe(true);
  });
  it('an Origin header always decides: a cross-site (or null) Origin is refused even with our Referer', () => {
    expect(isForbiddenCrossSite('POST', form('https://evil.example', 'https://tryghed.example/meld'), url, '/meld')).toBe(true);
    expect(isForbiddenCrossSite('POST', form('null', 'https://tryghed.example/meld'), url, '/meld')).toBe(true);
  });
  it('only the cookie-less Open311 API takes posts from other servers', () => {
    expect(isForbiddenCrossSite('POST', form(), url, '/api/open311/v2/requests.json'), 'open311').toBe(false);
    expect(isForbiddenCrossSite('POST', form('https://evil.example'), url, '/api/open311-fake')).toBe(true);
  });
});
