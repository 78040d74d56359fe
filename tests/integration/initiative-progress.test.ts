/**
 * Initiatives with progress (issue #19), on a real SQLite file or PostgreSQL
 * database: milestones and the progress they add up to, updates corrected
 * with their earlier wording kept, and updates withdrawn with a reason.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, initiativeUpdates } from '../../db/schema.ts';
import {
  addInitiativeUpdate,
  addMilestone,
  editInitiativeUpdate,
  findInitiative,
  progressOf,
  retractInitiativeUpdate,
  updateMilestone,
} from '../../src/server/content/initiatives.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { makeInitiative, seedReference } from '../support/factories.ts';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
  await seedReference(t.db);
});
afterEach(() => t.close());

const ms = (titleDa: string, state: 'planned' | 'in_progress' | 'done' | 'dropped', doneOn: string | null = null) => ({ titleDa, titleEn: null, dueOn: null, state, doneOn });

describe('milestones', () => {
  it('progress is the milestones reached of those not dropped, in the order they were added', async () => {
    const i = await makeInitiative(t.db);
    const a = await addMilestone(t.db, i.id, ms('Bestilt', 'done', '2026-03-01'), null);
    await addMilestone(t.db, i.id, ms('Sat op', 'planned'), null);
    await addMilestone(t.db, i.id, ms('Kameraer', 'dropped'), null);
    const found = (await findInitiative(t.db, i.id))!;
    expect(found.milestones.map((m) => m.titleDa)).toEqual(['Bestilt', 'Sat op', 'Kameraer']);
    expect(progressOf(found.milestones)).toEqual({ done: 1, of: 2 });
    expect(progressOf([])).toBeUndefined();
    // Another initiative's milestone is not changed through this one.
    const other = await makeInitiative(t.db);
    expect(await updateMilestone(t.db, other.id, a.id, ms('X', 'dropped'), null)).toBe(false);
    expect(await updateMilestone(t.db, i.id, a.id, ms('Bestilt', 'in_progress'), null)).toBe(true);
    expect(progressOf((await findInitiative(t.db, i.id))!.milestones)).toEqual({ done: 0, of: 2 });
  });
});

describe('corrected and withdrawn updates', () => {
  it('a correction keeps the earlier wording, in order, and is audited', async () => {
    const i = await makeInitiative(t.db);
    const u = await addInitiativeUpdate(t.db, i.id, { happenedOn: '2026-04-02', textDa: 'Uge 41', textEn: null }, null);
    expect(await editInitiativeUpdate(t.db, i.id, u.id, { happenedOn: '2026-04-02', textDa: 'Uge 42', textEn: null }, null)).toBe('ok');
    expect(await editInitiativeUpdate(t.db, i.id, u.id, { happenedOn: '2026-04-03', textDa: 'Uge 43', textEn: 'Week 43' }, null)).toBe('ok');
    // The same words again change nothing and keep no version.
    expect(await editInitiativeUpdate(t.db, i.id, u.id, { happenedOn: '2026-04-03', textDa: 'Uge 43', textEn: 'Week 43' }, null)).toBe('ok');
    const found = (await findInitiative(t.db, i.id))!;
    expect(found.updates[0]).toMatchObject({ textDa: 'Uge 43', textEn: 'Week 43', happenedOn: '2026-04-03' });
    expect(found.updates[0]!.editedAt).toBeInstanceOf(Date);
    expect(found.versions.get(u.id)!.map((v) => v.textDa)).toEqual(['Uge 41', 'Uge 42']);
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, i.id))).map((a) => a.action);
    expect(actions.filter((a) => a === 'initiative.edit_update')).toHaveLength(2);
  });

  it('a withdrawn update keeps its reason, cannot be corrected or withdrawn again, and another initiative cannot touch it', async () => {
    const i = await makeInitiative(t.db);
    const other = await makeInitiative(t.db);
    const u = await addInitiativeUpdate(t.db, i.id, { happenedOn: '2026-04-02', textDa: 'Mandag', textEn: null }, null);
    expect(await retractInitiativeUpdate(t.db, other.id, u.id, 'Forkert', null)).toBe('not_found');
    expect(await editInitiativeUpdate(t.db, other.id, u.id, { happenedOn: '2026-04-02', textDa: 'X', textEn: null }, null)).toBe('not_found');
    expect(await retractInitiativeUpdate(t.db, i.id, u.id, 'Datoen var forkert', null)).toBe('ok');
    expect(await retractInitiativeUpdate(t.db, i.id, u.id, 'Igen', null)).toBe('retracted');
    expect(await editInitiativeUpdate(t.db, i.id, u.id, { happenedOn: '2026-04-02', textDa: 'X', textEn: null }, null)).toBe('retracted');
    const [row] = await t.db.select().from(initiativeUpdates).where(eq(initiativeUpdates.id, u.id));
    expect(row).toMatchObject({ retractionReason: 'Datoen var forkert', textDa: 'Mandag' });
    expect(row!.retractedAt).toBeInstanceOf(Date);
  });
});
