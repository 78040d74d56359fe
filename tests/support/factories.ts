/** Small factories for integration tests: real rows in a real (temporary) SQLite database. */
import type { Role } from '../../db/schema.ts';
import type { Db } from '../../src/server/db/connection.ts';
import { seedDatabase } from '../../src/server/seed/index.ts';
import { createInitiative, setInitiativeState } from '../../src/server/content/initiatives.ts';
import { listAreas } from '../../src/server/partnership/areas.ts';
import { listPartners } from '../../src/server/partnership/partners.ts';
import { insertUser } from '../../src/server/staff/users.ts';
import { createTotpKey } from '../../src/server/staff/auth/totp.ts';

/** Reference data only (areas and partners), no demo content. */
export async function seedReference(db: Db): Promise<void> {
  await seedDatabase(db, { demo: false });
}

let n = 0;
/** A staff user with a cheap placeholder hash (tests that sign in use createUser instead). */
export async function makeUser(db: Db, role: Role, options: { enrolled?: boolean } = {}) {
  n += 1;
  const key = createTotpKey();
  const user = await insertUser(
    db,
    {
      email: `${role}${n}@test.invalid`,
      displayName: `Test ${role} ${n}`,
      role,
      partnerId: (await listPartners(db))[0]?.id ?? null,
      passwordHash: 'not-a-hash',
      ...(options.enrolled === false ? {} : { totpKey: key }),
    },
    null,
  );
  return { user, key };
}

export async function makeInitiative(db: Db, options: { published?: boolean; title?: string; areaSlug?: string } = {}) {
  n += 1;
  const area = (await listAreas(db)).find((a) => a.slug === (options.areaSlug ?? 'indre-norrebro'))!;
  const row = await createInitiative(
    db,
    {
      titleDa: options.title ?? `Indsats ${n}`,
      titleEn: `Initiative ${n}`,
      summaryDa: 'Resumé',
      summaryEn: 'Summary',
      bodyDa: 'Tekst',
      bodyEn: null,
      track: 'preventive',
      status: 'active',
      startsOn: '2025-01-01',
      endsOn: null,
      partnerIds: [(await listPartners(db))[0]!.id],
      areaIds: [area.id],
    },
    null,
  );
  if (options.published !== false) await setInitiativeState(db, row.id, 'published', null);
  return row;
}
