/**
 * The tables the app queries, for the database this process runs on.
 *
 * The schema itself is written twice, side by side: db/schema.sqlite.ts
 * (the documentation of every table and column) and db/schema.pg.ts (the
 * same tables for PostgreSQL), from the shared column kinds in
 * db/columns.ts; tests/unit/schema-parity.test.ts keeps them equal. The app
 * imports its tables, types and enumerations from here only. When
 * DATABASE_URL is a postgres:// URL the table objects are PostgreSQL's,
 * otherwise SQLite's; they are typed as the SQLite tables either way, since
 * both give the same row types, so no module outside src/server/db knows
 * which database it runs on.
 *
 * Only types and the enumerations (src/lib/domain.ts) are re-exported
 * wholesale; the tables are exported by name below, so a table missing from
 * that list is a type error where it is used (never the SQLite table on
 * PostgreSQL), and tests/unit/schema-tables.test.ts checks the list against
 * both schema files.
 *
 * The choice is made once, when this module loads: a process runs on one
 * database (src/server/db/connection.ts refuses to open the other kind).
 */
import * as pg from './schema.pg.ts';
import * as sqlite from './schema.sqlite.ts';

export * from '../src/lib/domain.ts';
export type * from './schema.sqlite.ts';

/** Whether this process's tables are PostgreSQL's (DATABASE_URL is postgres://…). */
export const TABLES_DIALECT: 'postgres' | 'sqlite' = /^postgres(ql)?:\/\//i.test(process.env['DATABASE_URL'] ?? '') ? 'postgres' : 'sqlite';

const active = (TABLES_DIALECT === 'postgres' ? pg : sqlite) as unknown as typeof sqlite;

export const {
  areas,
  places,
  partners,
  users,
  recoveryCodes,
  sessions,
  auditLog,
  initiatives,
  initiativePartners,
  initiativeAreas,
  initiativeUpdates,
  initiativeUpdateVersions,
  initiativeMilestones,
  events,
  eventRegistrations,
  eventSignups,
  eventNotices,
  eventMinutes,
  comments,
  commentReplies,
  commentFlags,
  surveySeries,
  surveys,
  surveyAreas,
  surveyPages,
  surveyTranslations,
  questions,
  responses,
  answers,
  invitationCodes,
  surveyDrafts,
  reportCategories,
  reports,
  reportUpdates,
  reportNotices,
  goals,
  populationMargins,
  analysisPlans,
  planChanges,
  releases,
  consultations,
  consultationPlaces,
  consultationResponses,
  consultationStances,
  consultationCodes,
  throttleHits,
  reportSubmissions,
  open311Keys,
  subscriptions,
  subscriptionMails,
} = active;
