/**
 * Starts the built site the way `npm start` serves it (the built start,
 * dist/node/cli/start.mjs, on the real dist/ build) on a free loopback port with its own temporary
 * database (a SQLite file, or in the -pg projects a new PostgreSQL database,
 * dropped when the server stops), and stops it again.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { serveCommand } from '../../src/server/cli/built-server.ts';
import { createScratchDatabase, ON_POSTGRES } from './postgres.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

export interface RunningServer {
  url: string;
  /** The server's DATABASE_URL: a SQLite file, or a PostgreSQL database's URL. */
  dbPath: string;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  process: ChildProcess;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * `onPostgres`: give the server a new PostgreSQL database rather than a SQLite
 * file (default: when this process runs on PostgreSQL; Vitest's global setup
 * runs outside the project's environment and says so itself).
 */
export async function startServer(env: Record<string, string> = {}, dbPath?: string, onPostgres = ON_POSTGRES): Promise<RunningServer> {
  const scratch = !dbPath && onPostgres ? await createScratchDatabase() : undefined;
  // Migrating and seeding a new PostgreSQL database can take longer than the
  // health deadline below on a busy machine: do it first, with the command
  // `npm run db:migrate` runs.
  if (scratch) await run(process.execPath, ['src/server/cli/migrate.ts'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: scratch.url }, timeout: 120_000 });
  const dir = dbPath || scratch ? undefined : mkdtempSync(join(tmpdir(), 'tryghed-test-'));
  const database = dbPath ?? scratch?.url ?? join(dir!, 'test.sqlite');
  const port = await freePort();
  const child = spawn(process.execPath, [serveCommand().script], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: database, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  let stopping = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => {
      // A server that dies under the tests says why, instead of leaving only ECONNREFUSED behind.
      if (!stopping) process.stderr.write(`\nThe test server ${url} exited unexpectedly (code ${code}, signal ${signal}). Its output:\n${out.slice(-20_000)}\n`);
      resolve(code);
    }),
  );

  // Migrating and seeding the demo data takes seconds; on a busy machine much longer.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Server exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      stopping = true;
      child.kill('SIGKILL');
      throw new Error(`Server did not become healthy in time:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    dbPath: database,
    output: () => out,
    process: child,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      stopping = true;
      if (child.exitCode === null) child.kill(signal);
      const code = await exited;
      if (dir) rmSync(dir, { recursive: true, force: true });
      await scratch?.drop();
      return code;
    },
  };
}
