/** The app's database handle, opened from the validated configuration. */
import { config } from '../platform/config.ts';
import { getDb, type Db } from './connection.ts';

export type { Db } from './connection.ts';

export function db(): Db {
  return getDb(config().databaseUrl);
}
