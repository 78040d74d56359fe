/** The partnership's parties. */
import { asc } from 'drizzle-orm';
import { partners, type Partner } from '../../db/schema.ts';
import type { Queryable } from './db/connection.ts';

export function listPartners(db: Queryable): Partner[] {
  return db.select().from(partners).orderBy(asc(partners.displayOrder), asc(partners.id)).all();
}
