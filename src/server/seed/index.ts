/**
 * Seeding an empty database: reference data always (partners and areas),
 * demo staff and content only when demo data is enabled and there are no
 * staff accounts yet. Each part only runs when its table is empty, so
 * seeding twice changes nothing.
 */
import { count, eq } from 'drizzle-orm';
import { areas, partners, reportCategories, users } from '../../../db/schema.ts';
import { fromCopenhagenLocal } from '../../lib/time.ts';
import { insertAreas, listAreas } from '../partnership/areas.ts';
import { moderateComment, replyToComment, submitComment } from '../content/comments.ts';
import type { Queryable } from '../db/connection.ts';
import { transaction } from '../db/transaction.ts';
import { createEvent, setEventState } from '../content/events.ts';
import { addInitiativeUpdate, createInitiative, setInitiativeState } from '../content/initiatives.ts';
import { listPartners } from '../partnership/partners.ts';
import { hashPassword } from '../staff/auth/password.ts';
import { insertUser } from '../staff/users.ts';
import { seedAreaRows } from './areas.ts';
import { DEMO_EVENTS, DEMO_INITIATIVES } from './demo-content.ts';
import { DEMO_ACCOUNTS, demoTotpKey, type DemoAccount } from './demo-staff.ts';
import { seedDemoGoals } from './demo-goals.ts';
import { seedDemoWaves } from './demo-waves.ts';
import { seedDemoConsultations } from './demo-consultations.ts';
import { createOpen311Key, DEMO_OPEN311_KEY, DEMO_OPEN311_KEY_NAME } from '../reports/open311-keys.ts';
import { DEMO_PARTNER_MAILBOXES, PARTNER_ROWS } from './partners.ts';
import { REPORT_CATEGORY_ROWS } from './report-categories.ts';

export interface SeedOptions {
  demo: boolean;
  /** The seed date for demo events (defaults to now). */
  now?: Date;
  /** The privacy threshold the demo consultation's results are released with (the configured K; 5 when not given). */
  privacyK?: number;
}

export interface SeedReport {
  /** How many reference areas were inserted (0 when areas existed). */
  areas: number;
  partners: number;
  /** Demo accounts created now (empty when none). */
  demoAccounts: DemoAccount[];
}

export async function seedDatabase(db: Queryable, options: SeedOptions): Promise<SeedReport> {
  const rowsIn = async (q: Queryable, table: typeof areas | typeof partners | typeof reportCategories | typeof users): Promise<number> =>
    (await q.select({ n: count() }).from(table).limit(1))[0]?.n ?? 0;
  const reference = await transaction(db, async (tx) => {
    const areaRows = (await rowsIn(tx, areas)) === 0 ? seedAreaRows() : [];
    await insertAreas(tx, areaRows);
    const partnerRows = (await rowsIn(tx, partners)) === 0 ? [...PARTNER_ROWS] : [];
    if (partnerRows.length) await tx.insert(partners).values(partnerRows);
    if ((await rowsIn(tx, reportCategories)) === 0) {
      // Each category routed to its usual partner (when that partner exists).
      const partnerIds = new Map((await listPartners(tx)).map((p) => [p.slug, p.id]));
      await tx.insert(reportCategories).values(REPORT_CATEGORY_ROWS.map(({ partner, ...c }) => ({ ...c, partnerId: partner ? (partnerIds.get(partner) ?? null) : null })));
    }
    return { areas: areaRows.length, partners: partnerRows.length };
  });
  const noStaff = (await rowsIn(db, users)) === 0;
  if (!options.demo || !noStaff) return { ...reference, demoAccounts: [] };
  await seedDemo(db, options.now ?? new Date(), options);
  await createOpen311Key(db, DEMO_OPEN311_KEY_NAME, null, DEMO_OPEN311_KEY);
  return { ...reference, demoAccounts: [...DEMO_ACCOUNTS] };
}

async function seedDemo(db: Queryable, now: Date, options: SeedOptions): Promise<void> {
  const partnerId = new Map((await listPartners(db)).map((p) => [p.slug, p.id]));
  const areaId = new Map((await listAreas(db)).map((a) => [a.slug, a.id]));
  const ids = (slugs: readonly string[], map: Map<string, number>) => slugs.map((s) => map.get(s)).filter((x): x is number => x !== undefined);

  // Hash first (async), then write everything in one transaction: all or nothing.
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password)));

  await transaction(db, async (tx) => {
    for (const [slug, mailbox] of Object.entries(DEMO_PARTNER_MAILBOXES)) await tx.update(partners).set({ mailbox, mailboxPublic: true }).where(eq(partners.slug, slug));
    const staff = new Map<string, number>();
    for (const [i, a] of DEMO_ACCOUNTS.entries()) {
      const user = await insertUser(
        tx,
        {
          email: a.email,
          displayName: a.displayName,
          role: a.role,
          partnerId: a.partnerSlug ? (partnerId.get(a.partnerSlug) ?? null) : null,
          passwordHash: hashes[i]!,
          totpKey: demoTotpKey(),
        },
        null,
      );
      staff.set(a.role, user.id);
    }
    const editor = staff.get('editor') ?? null;
    const moderator = staff.get('moderator')!;

    const initiativeIds: number[] = [];
    for (const d of DEMO_INITIATIVES) {
      const row = await createInitiative(
        tx,
        {
          titleDa: d.titleDa,
          titleEn: d.titleEn,
          summaryDa: d.summaryDa,
          summaryEn: d.summaryEn,
          bodyDa: d.bodyDa,
          bodyEn: d.bodyEn,
          track: d.track,
          status: d.status,
          startsOn: d.startsOn,
          endsOn: d.endsOn,
          partnerIds: ids(d.partners, partnerId),
          areaIds: ids(d.areas, areaId),
        },
        editor,
      );
      for (const u of d.updates) await addInitiativeUpdate(tx, row.id, u, editor);
      await setInitiativeState(tx, row.id, 'published', editor);
      initiativeIds.push(row.id);
    }

    for (const e of DEMO_EVENTS) {
      const day = new Date(now.getTime() + e.dayOffset * 86_400_000).toISOString().slice(0, 10);
      const hh = String(Math.floor(e.hour)).padStart(2, '0');
      const startsAt = fromCopenhagenLocal(`${day}T${hh}:00`)!;
      const row = await createEvent(
        tx,
        {
          kind: e.kind,
          titleDa: e.titleDa,
          titleEn: e.titleEn,
          descriptionDa: e.descriptionDa,
          descriptionEn: e.descriptionEn,
          place: e.place,
          lat: e.lat,
          lon: e.lon,
          startsAt,
          endsAt: new Date(startsAt.getTime() + e.durationHours * 3_600_000),
          areaId: areaId.get(e.area) ?? null,
          partnerId: partnerId.get(e.partner) ?? null,
          initiativeId: e.initiativeIndex === null ? null : (initiativeIds[e.initiativeIndex] ?? null),
        },
        editor,
      );
      await setEventState(tx, row.id, 'published', editor);
    }

    await seedDemoWaves(tx, areaId, now);
    // The camera and lighting consultations belong to the initiative on lighting and passages, when the demo has it.
    const target = areaId.get('indre-norrebro');
    if (target !== undefined) await seedDemoConsultations(tx, { areaId: target, initiativeId: initiativeIds[4] ?? null, editor, now, privacyK: options.privacyK ?? 5 });
    await seedDemoGoals(tx, areaId, null);

    // One answered question, so the public dialogue is visible in the demo.
    const first = initiativeIds[4]!;
    const question = await submitComment(tx, {
      targetType: 'initiative',
      targetId: first,
      authorName: 'Beboer på Blågårdsgade',
      body: 'Hvornår kommer der bedre lys i passagen ved skolen? Den er meget mørk om vinteren.',
      locale: 'da',
    });
    await moderateComment(tx, question.id, { kind: 'approve' }, moderator);
    // Signed with the demo moderator's own partner (Områdefornyelsen).
    const reply = await replyToComment(
      tx,
      { commentId: question.id, body: 'Tak for forslaget. Passagen er med i planen for ny belysning, som sættes op i løbet af foråret.' },
      moderator,
    );
    if (!reply.ok) throw new Error(`demo reply not stored: ${reply.reason}`);
  });
}
