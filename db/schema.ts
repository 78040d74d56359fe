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
 * The choice is made once, when this module loads: a process runs on one
 * database (src/server/db/connection.ts refuses to open the other kind).
 */
import * as pg from './schema.pg.ts';
import * as sqlite from './schema.sqlite.ts';

export * from './schema.sqlite.ts';

/** Whether this process's tables are PostgreSQL's (DATABASE_URL is postgres://…). */
export const TABLES_DIALECT: 'postgres' | 'sqlite' = /^postgres(ql)?:\/\//i.test(process.env['DATABASE_URL'] ?? '') ? 'postgres' : 'sqlite';

const active = (TABLES_DIALECT === 'postgres' ? pg : sqlite) as unknown as typeof sqlite;

export const areas = active.areas as typeof sqlite.areas;
export const places = active.places as typeof sqlite.places;
export const partners = active.partners as typeof sqlite.partners;
export const users = active.users as typeof sqlite.users;
export const recoveryCodes = active.recoveryCodes as typeof sqlite.recoveryCodes;
export const sessions = active.sessions as typeof sqlite.sessions;
export const auditLog = active.auditLog as typeof sqlite.auditLog;
export const initiatives = active.initiatives as typeof sqlite.initiatives;
export const initiativePartners = active.initiativePartners as typeof sqlite.initiativePartners;
export const initiativeAreas = active.initiativeAreas as typeof sqlite.initiativeAreas;
export const initiativeUpdates = active.initiativeUpdates as typeof sqlite.initiativeUpdates;
export const initiativeUpdateVersions = active.initiativeUpdateVersions as typeof sqlite.initiativeUpdateVersions;
export const initiativeMilestones = active.initiativeMilestones as typeof sqlite.initiativeMilestones;
export const events = active.events as typeof sqlite.events;
export const eventRegistrations = active.eventRegistrations as typeof sqlite.eventRegistrations;
export const eventSignups = active.eventSignups as typeof sqlite.eventSignups;
export const eventNotices = active.eventNotices as typeof sqlite.eventNotices;
export const eventMinutes = active.eventMinutes as typeof sqlite.eventMinutes;
export const comments = active.comments as typeof sqlite.comments;
export const commentReplies = active.commentReplies as typeof sqlite.commentReplies;
export const commentFlags = active.commentFlags as typeof sqlite.commentFlags;
export const surveySeries = active.surveySeries as typeof sqlite.surveySeries;
export const surveys = active.surveys as typeof sqlite.surveys;
export const surveyAreas = active.surveyAreas as typeof sqlite.surveyAreas;
export const surveyPages = active.surveyPages as typeof sqlite.surveyPages;
export const questions = active.questions as typeof sqlite.questions;
export const responses = active.responses as typeof sqlite.responses;
export const answers = active.answers as typeof sqlite.answers;
export const invitationCodes = active.invitationCodes as typeof sqlite.invitationCodes;
export const surveyDrafts = active.surveyDrafts as typeof sqlite.surveyDrafts;
export const reportCategories = active.reportCategories as typeof sqlite.reportCategories;
export const reports = active.reports as typeof sqlite.reports;
export const reportUpdates = active.reportUpdates as typeof sqlite.reportUpdates;
export const reportNotices = active.reportNotices as typeof sqlite.reportNotices;
export const goals = active.goals as typeof sqlite.goals;
export const populationMargins = active.populationMargins as typeof sqlite.populationMargins;
export const analysisPlans = active.analysisPlans as typeof sqlite.analysisPlans;
export const planChanges = active.planChanges as typeof sqlite.planChanges;
export const releases = active.releases as typeof sqlite.releases;
export const throttleHits = active.throttleHits as typeof sqlite.throttleHits;
export const reportSubmissions = active.reportSubmissions as typeof sqlite.reportSubmissions;
export const open311Keys = active.open311Keys as typeof sqlite.open311Keys;
export const subscriptions = active.subscriptions as typeof sqlite.subscriptions;
export const subscriptionMails = active.subscriptionMails as typeof sqlite.subscriptionMails;
