/**
 * drizzle-kit's schema for SQLite (db/drizzle.config.ts): the tables of
 * db/schema.ts as SQLite's, whatever DATABASE_URL says. The choice must be
 * made before db/schema.ts loads, and imports run before a module's own
 * code, in order: hence its own module, imported first.
 */
import './choose-sqlite.ts';

export * from '../schema.ts';
