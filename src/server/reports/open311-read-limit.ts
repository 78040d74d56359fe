/**
 * Open311 GET requests are throttled per client (60 a minute) and all
 * together (600 a minute), so that readers polling the API cannot take the
 * server from residents using the site. Refused reads get 429 with
 * Retry-After, in the spec's error format.
 */
import type { Queryable } from '../db/connection.ts';
import { open311Error, type Open311Format } from './open311.ts';
import { throttles } from '../platform/throttle.ts';

/** A 429 response when this read is over a limit, else undefined. */
export async function open311ReadRefusal(db: Queryable, client: string, format: Open311Format): Promise<Response | undefined> {
  const mine = await throttles.open311ReadClient.hit(db, client);
  if (!mine.ok) return open311Error(format, 429, 'Too many requests from this client; try again later', { 'Retry-After': String(mine.retryAfter) });
  const all = await throttles.open311ReadAll.hit(db, 'all');
  if (!all.ok) return open311Error(format, 429, 'The service is busy; try again later', { 'Retry-After': String(all.retryAfter) });
  return undefined;
}
