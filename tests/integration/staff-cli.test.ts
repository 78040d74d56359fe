import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tryghed-cli-'));
const DATABASE_URL = join(dir, 'cli.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function staff(...args: string[]) {
  return spawnSync(process.execPath, ['src/server/cli/staff.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL, DEMO_DATA: 'off' },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

function user(email: string) {
  const db = new Database(DATABASE_URL, { readonly: true });
  try {
    return db.prepare('select email, role, disabled_at, totp_enrolled_at from users where email = ?').get(email) as
      | { email: string; role: string; disabled_at: number | null; totp_enrolled_at: number | null }
      | undefined;
  } finally {
    db.close();
  }
}

describe('npm run staff', () => {
  it('create makes an account with a printed temporary password and no second factor yet', () => {
    const r = staff('create', '--email', 'Ny.Leder@KK.dk', '--role', 'admin', '--name', 'Ny Leder');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Temporary password: [a-z2-9]{5}(-[a-z2-9]{5}){3}/);
    expect(user('ny.leder@kk.dk')).toMatchObject({ role: 'admin', disabled_at: null, totp_enrolled_at: null });
  });

  it('an unknown role is refused with the list of roles', () => {
    const r = staff('create', '--email', 'x@kk.dk', '--role', 'superuser');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('admin, editor, moderator, analyst, viewer');
    expect(user('x@kk.dk')).toBeUndefined();
  });

  it('the same e-mail cannot be created twice', () => {
    const r = staff('create', '--email', 'ny.leder@kk.dk', '--role', 'viewer');
    expect(r.status).toBe(1);
    expect(user('ny.leder@kk.dk')?.role).toBe('admin');
  });

  it('disable and reset-password work on existing accounts', () => {
    expect(staff('disable', '--email', 'ny.leder@kk.dk').status).toBe(0);
    expect(user('ny.leder@kk.dk')?.disabled_at).not.toBeNull();
    const reset = staff('reset-password', '--email', 'ny.leder@kk.dk');
    expect(reset.status).toBe(0);
    expect(reset.stdout).toContain('New temporary password');
  });

  it('the audit log records the command line as the actor', () => {
    const db = new Database(DATABASE_URL, { readonly: true });
    const rows = db.prepare('select action, user_id from audit_log order by id').all() as { action: string; user_id: number | null }[];
    db.close();
    expect(rows.map((r) => r.action)).toEqual(['user.create', 'user.disable', 'user.reset_password']);
    expect(rows.every((r) => r.user_id === null)).toBe(true);
  });
});

describe('npm run staff: Open311 API keys', () => {
  it('open311-key prints a new key once and keeps only its hash; open311-revoke stops it', () => {
    const made = staff('open311-key', '--name', 'Kommunens app');
    expect(made.status, made.stderr).toBe(0);
    const key = /\n(o311_[A-Za-z0-9_-]+)\n/.exec(made.stdout)?.[1];
    expect(key).toBeDefined();
    const db = new Database(DATABASE_URL, { readonly: true });
    try {
      const rows = db.prepare('select id, name, key_hash, revoked_at from open311_keys').all() as { id: number; name: string; key_hash: string; revoked_at: number | null }[];
      expect(rows).toMatchObject([{ name: 'Kommunens app', revoked_at: null }]);
      expect(JSON.stringify(rows)).not.toContain(key!);
    } finally {
      db.close();
    }
    const listed = staff('open311-keys');
    expect(listed.stdout).toContain('Kommunens app');
    expect(listed.stdout).toContain('active');
    expect(staff('open311-revoke', '--id', '1').status).toBe(0);
    expect(staff('open311-keys').stdout).toContain('revoked');
    expect(staff('open311-revoke', '--id', '1').status).toBe(2);
  }, 150_000);
});
