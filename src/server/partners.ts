/** The partnership's parties. */
import { asc } from 'drizzle-orm';
import { partners, type Partner } from '../../db/schema.ts';
import type { Queryable } from './db/connection.ts';

export async function listPartners(db: Queryable): Promise<Partner[]> {
  return db.select().from(partners).orderBy(asc(partners.displayOrder), asc(partners.id));
}
