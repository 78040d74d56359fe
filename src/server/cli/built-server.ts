/**
 * The built site started as a child process on a free loopback port, for the
 * command-line tools that drive it in Chromium (`npm run report`,
 * `npm run screenshots`): src/server/cli/start.ts on the dist/ build, with
 * the given database, stopped with SIGTERM.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const ENTRY = resolve(ROOT, 'dist/server/entry.mjs');
const START = resolve(ROOT, 'src/server/cli/start.ts');
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
  const child = spawn(process.execPath, [START], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
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
