/**
 * Rule: every path-based rule (compression filter, staff gate, origin-check
 * exemption, cache headers, request log) sees the same normalised path, so a
 * spelling Astro routes to a staff page is a staff path to them too.
 */
import { describe, expect, it } from 'vitest';
import { isStaffRequest, normalisePath, requestPath } from '../../src/lib/request-path.ts';

describe('normalisePath: one spelling per page', () => {
  it('decodes, collapses slashes, resolves dot segments and drops the query', () => {
    expect(normalisePath('/%73taff/users')).toBe('/staff/users');
    expect(normalisePath('//staff/users')).toBe('/staff/users');
    expect(normalisePath('/en//staff/account?x=1#y')).toBe('/en/staff/account');
    expect(normalisePath('/kort/../staff/./audit')).toBe('/staff/audit');
    expect(normalisePath('/%2573taff/')).toBe('/staff/');
    expect(normalisePath('/\\staff\\login')).toBe('/staff/login');
    expect(normalisePath('http://evil.example//staff')).toBe('/staff');
    expect(normalisePath('/')).toBe('/');
    expect(normalisePath('/../..')).toBe('/');
    expect(normalisePath('/kort/')).toBe('/kort/');
  });

  it('a malformed escape does not throw', () => {
    expect(normalisePath('/%E0%A4%A/%73taff')).toBe('/%E0%A4%A/staff');
  });
});

describe('isStaffRequest: staff pages however they are spelt', () => {
  it.each(['/staff', '/staff/', '/staff/login', '/%73taff/login', '//staff/login', '/en//staff/login', '/en/%73taff/', '/STAFF/login', '/x/../staff/mfa/setup', '/en/../en/staff/'])('%s is a staff request', (p) => {
    expect(isStaffRequest(p)).toBe(true);
  });

  it.each(['/', '/kort', '/staffing', '/en/', '/api/open311/v2/discovery.json', '/meld/staff'])('%s is not', (p) => {
    expect(isStaffRequest(p)).toBe(false);
  });

  it('the locale is split from the normalised path', () => {
    expect(requestPath('/en//staff/login')).toEqual({ locale: 'en', path: '/staff/login' });
    expect(requestPath('//en/kort')).toEqual({ locale: 'en', path: '/kort' });
  });
});
