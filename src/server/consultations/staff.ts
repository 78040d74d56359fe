/**
 * What the editors' consultation pages need beyond consultations.ts (which
 * another module owns): whether a consultation's places and scale are
 * locked, so the page can say so before an editor tries. The rule is the one
 * consultations.ts applies when it refuses a change ('answers_exist'); the
 * server functions there still decide, this only informs the form.
 */
import { eq } from 'drizzle-orm';
import { consultationResponses, type Consultation } from '../../../db/schema.ts';
import { copenhagenDay } from '../../lib/time.ts';
import type { Queryable } from '../db/connection.ts';

/** Whether residents may already have answered: released, published and opened, or any answer stored. */
export async function consultationLocked(db: Queryable, c: Pick<Consultation, 'id' | 'state' | 'opensOn' | 'releaseId'>, today = copenhagenDay()): Promise<boolean> {
  if (c.releaseId !== null) return true;
  if (c.state === 'published' && today >= c.opensOn) return true;
  const [any] = await db.select({ id: consultationResponses.id }).from(consultationResponses).where(eq(consultationResponses.consultationId, c.id)).limit(1);
  return any !== undefined;
}
