import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serveCommand } from '../../src/server/cli/built-server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, [serveCommand().script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('start-up configuration', () => {
  it('a bad variable stops start-up with exit 1 and a message naming it', () => {
    const r = start({ PORT: 'not-a-port' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PORT');
  });

  it('a server on a non-loopback HOST without PUBLIC_ORIGIN refuses to start (links never come from the Host header)', () => {
    const r = start({ HOST: '0.0.0.0', PORT: '45998', DATABASE_URL: ':memory:' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PUBLIC_ORIGIN');
  });

  it('a privacy threshold below 3 is refused at start-up', () => {
    const r = start({ PRIVACY_K: '1' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PRIVACY_K');
  });
});

describe('demo accounts on a reachable server', () => {
  it('a server listening beyond this machine refuses a database with demo staff accounts', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'tryghed-demo-'));
    const DATABASE_URL = join(dir, 'demo.sqlite');
    try {
      // Seed demo data as a local developer would…
      const seeded = spawnSync(process.execPath, ['src/server/cli/migrate.ts'], { cwd: ROOT, env: { ...process.env, DATABASE_URL }, encoding: 'utf8' });
      expect(seeded.status, seeded.stderr).toBe(0);
      // …then start it on every interface.
      const r = start({ DATABASE_URL, HOST: '0.0.0.0', PORT: '45999', PUBLIC_ORIGIN: 'https://tryghed.example.dk' });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('demo staff accounts');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
