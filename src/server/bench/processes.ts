/**
 * Child processes for the benchmark: a free loopback port, a Node script
 * started with its output in a log file, waiting until it answers HTTP, its
 * resident memory, and stopping it again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { ROOT } from '../cli/built-server.ts';


export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

export interface NodeProcess {
  url: string;
  pid: number;
  logPath: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `node <script> …args` from the project root with stdout and stderr
 * in `logPath` (a file, so the benchmark spends no time reading a pipe), and
 * waits until `healthPath` answers 2xx.
 */
export async function startNode(options: {
  script: string;
  /** Node's own options (before the script), e.g. serveCommand().nodeFlags. */
  nodeFlags?: string[];
  args?: string[];
  env: Record<string, string>;
  port: number;
  logPath: string;
  healthPath: string;
  timeoutMs?: number;
}): Promise<NodeProcess> {
  const log = openSync(options.logPath, 'a');
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), options.script, ...(options.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const url = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${options.script} exited with ${child.exitCode}:\n${tail(options.logPath)}`);
    try {
      const res = await fetch(url + options.healthPath);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.script} did not answer on ${url} in time:\n${tail(options.logPath)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    logPath: options.logPath,
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(killer);
      }
    },
  };
}

function tail(path: string): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '';
  }
}

/** Resident memory of a process now and at its peak, in bytes (Linux /proc). */
export function residentMemory(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return undefined;
  }
}
