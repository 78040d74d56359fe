import { describe, expect, it } from 'vitest';
import { ROLES } from '../../db/schema.ts';
import { can, requiredPermission, ROLE_PERMISSIONS } from '../../src/lib/permissions.ts';
import { checkPassword } from '../../src/lib/password-policy.ts';

describe('the permission table', () => {
  it('admins can do everything', () => {
    for (const p of ROLE_PERMISSIONS.admin) expect(can('admin', p)).toBe(true);
  });
  it('editors and moderators see none of the dashboard; viewers cannot export', () => {
    expect(can('editor', 'dashboard.read')).toBe(false);
    expect(can('moderator', 'dashboard.read')).toBe(false);
    expect(can('viewer', 'dashboard.read')).toBe(true);
    expect(can('viewer', 'dashboard.export')).toBe(false);
  });
  it('every role has a row', () => {
    for (const r of ROLES) expect(ROLE_PERMISSIONS[r]).toBeDefined();
  });
});

describe('requiredPermission', () => {
  it('the longest matching route prefix wins', () => {
    expect(requiredPermission('/staff/users')).toBe('users.manage');
    expect(requiredPermission('/staff/initiatives/12')).toBe('content.edit');
    expect(requiredPermission('/staff')).toBeNull();
  });
  it('a staff path missing from the table needs admin rights (fails closed)', () => {
    expect(requiredPermission('/staff/something-new')).toBe('users.manage');
  });
});

describe('password policy', () => {
  const common = new Set(['password', 'qwerty', 'letmein']);
  it('12 to 256 characters, counted as people count them', () => {
    expect(checkPassword('short pass', common)).toBe('too_short');
    expect(checkPassword('rødgrød med f', common)).toBeNull(); // 13 characters, 16 bytes
    expect(checkPassword('x'.repeat(257), common)).toBe('too_long');
  });
  it('no composition rules: a long phrase of lower-case words is fine', () => {
    expect(checkPassword('cykler ved søerne om morgenen', common)).toBeNull();
  });
  it('a common password, padded or repeated, is refused', () => {
    expect(checkPassword('password2024!', common)).toBe('common');
    expect(checkPassword('qwertyqwertyqwerty', common)).toBe('common');
    expect(checkPassword('aaaaaaaaaaaaaa', common)).toBe('common');
  });
  it('the e-mail name is refused inside the password', () => {
    expect(checkPassword('hannah-jensen-rocks', common, { email: 'hannah-jensen@kk.dk' })).toBe('contains_email');
  });
});
