/**
 * SQLite's WAL is emptied after residents' writes without the server
 * waiting for the disk (src/server/db/checkpoint-worker.ts, remnants.ts):
 * a large WAL's pages are copied into the database file by a worker
 * thread's own connection, and the WAL is then truncated to nothing on the
 * main one.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backgroundCopies, copyWalInBackground } from '../../src/server/db/checkpoint-worker.ts';
import { BACKGROUND_COPY_BYTES, eraseRemnants, ERASE_WITHIN_MS } from '../../src/server/db/remnants.ts';
import { sqliteClientOf } from '../../src/server/db/transaction.ts';
import { closeDatabase } from '../../src/server/db/connection.ts';
import { ROOT } from '../../src/server/cli/built-server.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { ON_POSTGRES } from '../support/postgres.ts';

const run = promisify(execFile);
let t: TestDb | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Writes a row holding `marker` with the driver's own statement, so only the WAL has it. */
async function writeMarked(marker: string): Promise<void> {
  const client = sqliteClientOf(t!.db)!;
  client.exec('create table if not exists notes (body text)');
  client.prepare('insert into notes (body) values (?)').run(marker);
}

const holds = (file: string, marker: string) => existsSync(file) && readFileSync(file).includes(Buffer.from(marker, 'utf8'));

describe.skipIf(ON_POSTGRES)('emptying the WAL after a write (SQLite)', () => {
  it('copies the WAL into the database file from a worker thread, leaving the WAL for the main connection to reset', async () => {
    t = await createTestDb();
    const marker = `worker-copy-${Date.now()}`;
    await writeMarked(marker);
    expect(holds(t.path, marker), 'before: only the WAL has the new page').toBe(false);
    expect(holds(`${t.path}-wal`, marker)).toBe(true);

    expect(await copyWalInBackground(t.path)).toBe(true);

    expect(holds(t.path, marker), 'the page is in the database file').toBe(true);
    // The worker only copies: the main connection still has to reset the WAL (remnants.ts does).
    expect(statSync(`${t.path}-wal`).size).toBeGreaterThan(0);
    const [state] = sqliteClientOf(t.db)!.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    expect(state!.busy).toBe(0);
    expect(statSync(`${t.path}-wal`).size).toBe(0);
  });

  it('a WAL of a load (over 1 MiB) is copied by the worker before the main connection truncates it; a few writes are not', async () => {
    t = await createTestDb();
    const wal = `${t.path}-wal`;
    const emptied = async () => {
      const deadline = Date.now() + ERASE_WITHIN_MS + 2_000;
      while (statSync(wal).size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return statSync(wal).size;
    };
    // A few writes: copied and truncated on the main connection.
    let before = backgroundCopies();
    await writeMarked('small');
    expect(statSync(wal).size).toBeLessThan(BACKGROUND_COPY_BYTES);
    eraseRemnants(t.db);
    expect(await emptied()).toBe(0);
    expect(backgroundCopies()).toBe(before);
    // A load's worth: the worker copies first.
    before = backgroundCopies();
    const client = sqliteClientOf(t.db)!;
    const insert = client.prepare('insert into notes (body) values (?)');
    client.transaction(() => {
      for (let i = 0; i < 400; i++) insert.run(`${i} ${'x'.repeat(4000)}`);
    })();
    expect(statSync(wal).size).toBeGreaterThanOrEqual(BACKGROUND_COPY_BYTES);
    eraseRemnants(t.db);
    expect(await emptied()).toBe(0);
    expect(backgroundCopies()).toBe(before + 1);
    expect((client.prepare('select count(*) n from notes').get() as { n: number }).n).toBe(401);
  });

  it('leaves nothing of a write in the WAL within the promised time, and the database keeps it', async () => {
    t = await createTestDb();
    const marker = `erased-${Date.now()}`;
    await writeMarked(marker);
    eraseRemnants(t.db);
    const wal = `${t.path}-wal`;
    const deadline = Date.now() + ERASE_WITHIN_MS + 1_500;
    while (statSync(wal).size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(statSync(wal).size).toBe(0);
    expect(holds(wal, marker)).toBe(false);
    const rows = sqliteClientOf(t.db)!.prepare('select body from notes').all() as { body: string }[];
    expect(rows).toEqual([{ body: marker }]);
    // Writes go on as before once it is done.
    sqliteClientOf(t.db)!.exec("insert into notes (body) values ('after')");
    expect((sqliteClientOf(t.db)!.prepare('select count(*) n from notes').get() as { n: number }).n).toBe(2);
  });

  it('a reader on another connection holding old pages never holds up the server: the truncation answers busy at once and is done once the reader is', async () => {
    t = await createTestDb();
    await writeMarked('before the reader');
    // Another connection (a backup, `npm run report`, the worker's copy) reading a snapshot older than the next write.
    const reader = new Database(t.path, { fileMustExist: true });
    try {
      reader.exec('begin');
      reader.prepare('select count(*) n from notes').get();
      await writeMarked('after the reader');
      const wal = `${t.path}-wal`;
      // The event loop's longest pause while the truncation is due and the reader holds the WAL.
      let last = performance.now();
      let longest = 0;
      const ticks = setInterval(() => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
      }, 10);
      eraseRemnants(t.db);
      await new Promise((r) => setTimeout(r, ERASE_WITHIN_MS + 300));
      clearInterval(ticks);
      // Waiting in SQLite's busy handler would have stopped everything for the connection's busy timeout (5 s).
      expect(longest).toBeLessThan(250);
      expect(statSync(wal).size, 'the reader still holds the WAL').toBeGreaterThan(0);
      reader.exec('commit');
      const deadline = Date.now() + 3_000;
      while (statSync(wal).size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(statSync(wal).size).toBe(0);
    } finally {
      reader.close();
    }
  });

  it('closing a database waits for a copy under way, so no WAL outlives it', async () => {
    t = await createTestDb();
    await writeMarked('closing');
    const copying = copyWalInBackground(t.path);
    await closeDatabase(t.db);
    const wal = `${t.path}-wal`;
    expect(!existsSync(wal) || statSync(wal).size === 0, 'the WAL is gone or empty once closed').toBe(true);
    expect(await copying).toBe(true);
    expect(holds(t.path, 'closing')).toBe(true);
  });

  it('keeps a process alive only while it copies: a script that had a WAL copied ends at once', async () => {
    t = await createTestDb();
    await writeMarked('alive');
    const worker = resolve(ROOT, 'src/server/db/checkpoint-worker.ts');
    const script = `import { copyWalInBackground } from ${JSON.stringify(worker)}; console.log(await copyWalInBackground(${JSON.stringify(t.path)}));`;
    const started = performance.now();
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, timeout: 30_000 });
    // Another process's copy may find the file busy (this test's connection has it open): the answer is what matters, not which.
    expect(['true', 'false']).toContain(stdout.trim());
    // The worker stops after a quiet minute: a process it kept alive would take that long.
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('answers false, without throwing, for a file that is not there (the main connection then does it all)', async () => {
    t = await createTestDb();
    expect(await copyWalInBackground(join(t.path, '..', 'missing.sqlite'))).toBe(false);
    expect(existsSync(join(t.path, '..', 'missing.sqlite'))).toBe(false);
  });
});
