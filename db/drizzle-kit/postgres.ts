/**
 * drizzle-kit's schema for PostgreSQL (db/drizzle.pg.config.ts): the tables
 * of db/schema.ts as PostgreSQL's, whatever DATABASE_URL says. The choice
 * must be made before db/schema.ts loads, and imports run before a module's
 * own code, in order: hence its own module, imported first.
 */
import './choose-postgres.ts';

export * from '../schema.ts';
