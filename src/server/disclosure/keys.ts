/**
 * Record keys for the cell key method (src/lib/disclosure/perturbation.ts):
 * drawn when a report or a response is stored, and summed by the queries
 * that count them for display.
 */
import { randomInt } from 'node:crypto';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { KEY_RANGE } from '../../lib/disclosure/index.ts';

/** A fresh record key in [1, 2³¹), from the system's random source. */
export function newRecordKey(): number {
  return randomInt(1, KEY_RANGE);
}

/** The cell key of a group of rows, in SQL: the sum of their record keys modulo 2³¹ (both databases). */
export function cellKeySum(column: SQLWrapper): SQL<number> {
  return sql<number>`cast(coalesce(sum(${column}), 0) % ${KEY_RANGE} as integer)`.mapWith(Number);
}
