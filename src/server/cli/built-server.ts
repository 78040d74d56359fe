/**
 * The built site as `npm run serve` (and so `npm start`) runs it, and that
 * site started as a child process on a free loopback port for the
 * command-line tools that drive it in Chromium (`npm run report`,
 * `npm run screenshots`), with the given database, stopped with SIGTERM.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const ENTRY = resolve(ROOT, 'dist/server/entry.mjs');

/**
 * How `npm run serve` (and so `npm start`) runs the server, read from
 * package.json so that it has one home: the environment it sets before
 * `node` (MALLOC_ARENA_MAX, MALLOC_MMAP_THRESHOLD_), Node's own options (the heap limits,
 * --expose-gc) and the script, the built start (dist/node/cli/start.mjs,
 * written by `npm run build`: src/server/cli/bundle.ts). The benchmark, the
 * tests and the tools below start the server this way, so they measure and
 * test what is served (README "Performance").
 */
export function serveCommand(): { env: Record<string, string>; nodeFlags: string[]; script: string } {
  const scripts = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const words = (scripts['serve'] ?? '').split(/\s+/);
  const node = words.indexOf('node');
  const env = Object.fromEntries(words.slice(0, Math.max(node, 0)).flatMap((w) => (/^[A-Z_][A-Z0-9_]*=/.test(w) ? [[w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]] : [])));
  const after = words.slice(node + 1);
  return { env, nodeFlags: after.filter((w) => w.startsWith('--')), script: after.find((w) => !w.startsWith('--')) ?? '' };
}
/** Debian's Chromium; CHROME_PATH overrides it, as for the browser tests. */
export const CHROMIUM = process.env['CHROME_PATH'] || '/usr/bin/chromium';
const SERVER_START_TIMEOUT_MS = 30_000;

export interface BuiltServer {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((ok, ko) => {
    const srv = createServer();
    srv.on('error', ko);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? ok(address.port) : ko(new Error('no free port'))));
    });
  });
}

/** Starts the built site on `databaseUrl`; `env` adds settings (e.g. DEMO_DATA). */
export async function startBuiltServer(databaseUrl: string, env: Record<string, string> = {}): Promise<BuiltServer> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', ...env };
  // A second process must not send reporters' notices alongside the real server.
  delete childEnv['SMTP_URL'];
  delete childEnv['MAIL_FROM'];
  const child = spawn(process.execPath, [resolve(ROOT, serveCommand().script)], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  const server: BuiltServer = {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server stopped at start-up:\n${log}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`The server did not start within ${SERVER_START_TIMEOUT_MS / 1000} s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}
