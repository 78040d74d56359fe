import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['src/server/cli/start.ts'], {
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

  it('a privacy threshold below 3 is refused at start-up', () => {
    const r = start({ PRIVACY_K: '1' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PRIVACY_K');
  });
});
