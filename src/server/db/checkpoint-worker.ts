/**
 * The slow half of truncating SQLite's WAL, done off the event loop.
 *
 * A checkpoint copies the WAL's pages into the database file and syncs it.
 * The sync is most of its time (42–44 ms against 3.5 ms without it, on the
 * 100,000-row benchmark database), and better-sqlite3 runs everything on the
 * thread that calls it, so every request waited for the disk each time the
 * WAL was truncated (README "Performance", session 19). A PASSIVE checkpoint
 * takes no lock that writers wait for, so it can run on a second connection
 * in a worker thread while requests go on; the TRUNCATE after it, on the
 * main connection (remnants.ts), then has only the pages written meanwhile
 * to copy before it resets the file.
 *
 * One worker per process, started on first use and stopped after a quiet
 * minute (an idle server keeps no thread for it). It keeps a process alive
 * only while a copy is under way, and closing a database waits for that
 * copy, then truncates the WAL on the main thread (connection.ts). It opens
 * the file for each checkpoint and closes it after, so it holds nothing
 * between checkpoints, and it only copies: it never writes content of its own.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** The worker's code (CommonJS, run with `eval`: the build has no file of its own for it). */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
parentPort.on('message', ({ id, file }) => {
  let copied = false;
  let db;
  try {
    db = new Database(file, { fileMustExist: true });
    db.pragma('busy_timeout = 0');
    db.pragma('synchronous = NORMAL');
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    copied = result !== undefined && result.busy === 0;
  } catch {
    copied = false;
  } finally {
    try { db?.close(); } catch {}
  }
  parentPort.postMessage({ id, copied });
});
`;

/** A worker that has had nothing to do for this long is stopped. */
const IDLE_MS = 60_000;

interface Pool {
  worker: Worker;
  next: number;
  waiting: Map<number, (copied: boolean) => void>;
  idle: NodeJS.Timeout | undefined;
  /** Whether it has answered once (it works). */
  answered: boolean;
  /** Who waits for the copies under way to end (drainBackgroundCopies). */
  drained: (() => void)[];
}

// One per process, also when the module is loaded in more than one module graph (Astro's and the start's).
const KEY = Symbol.for('tryghed.checkpointWorker');
type Holder = { [KEY]?: Pool | null };

function pool(): Pool | undefined {
  const holder = globalThis as Holder;
  if (holder[KEY] === null) return undefined; // could not start once: the main thread does it all
  if (holder[KEY]) return holder[KEY];
  try {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(SOURCE, { eval: true, workerData: { driver } });
    const p: Pool = { worker, next: 0, waiting: new Map(), idle: undefined, answered: false, drained: [] };
    const settleAll = () => {
      for (const resolve of p.waiting.values()) resolve(false);
      p.waiting.clear();
    };
    worker.on('message', ({ id, copied }: { id: number; copied: boolean }) => {
      p.answered = true;
      if (copied) (globalThis as Counted)[COPIES] = backgroundCopies() + 1;
      p.waiting.get(id)?.(copied);
      p.waiting.delete(id);
      if (p.waiting.size === 0) {
        worker.unref();
        for (const resolve of p.drained.splice(0)) resolve();
        p.idle = setTimeout(() => void worker.terminate(), IDLE_MS).unref();
      }
    });
    worker.on('error', () => {
      settleAll();
      // A worker that failed before its first answer (the driver would not load) is not started again.
      if (holder[KEY] !== p) return;
      if (p.answered) delete holder[KEY];
      else holder[KEY] = null;
    });
    worker.on('exit', () => {
      settleAll();
      for (const resolve of p.drained.splice(0)) resolve();
      if (holder[KEY] === p) delete holder[KEY];
    });
    // After the listeners: adding a 'message' listener refs the worker's port again.
    worker.unref();
    holder[KEY] = p;
    return p;
  } catch {
    holder[KEY] = null;
    return undefined;
  }
}

const COPIES = Symbol.for('tryghed.checkpointWorker.copies');
type Counted = { [COPIES]?: number };

/** How many WALs the worker has copied in this process (the tests see from it which way a WAL went). */
export function backgroundCopies(): number {
  return (globalThis as Counted)[COPIES] ?? 0;
}

/**
 * Copies the WAL of the SQLite file into the database in a worker thread
 * (PASSIVE: no writer waits for it). Resolves true when every page was
 * copied, false when it could not be (then the caller's TRUNCATE does the
 * whole work, as it did before).
 */
export function copyWalInBackground(file: string): Promise<boolean> {
  const p = pool();
  if (!p) return Promise.resolve(false);
  clearTimeout(p.idle);
  // Held while a copy is under way (tens of milliseconds), so that a process that is closing waits for it.
  p.worker.ref();
  const id = ++p.next;
  return new Promise((resolve) => {
    p.waiting.set(id, resolve);
    p.worker.postMessage({ id, file });
  });
}

/**
 * Resolves when no copy is under way in this process: closing a database
 * waits for it, since a TRUNCATE answers busy while the worker holds the
 * checkpoint, and the WAL would then outlive the process (connection.ts).
 */
export function drainBackgroundCopies(): Promise<void> {
  const p = (globalThis as Holder)[KEY];
  if (!p || p.waiting.size === 0) return Promise.resolve();
  return new Promise((resolve) => p.drained.push(resolve));
}
