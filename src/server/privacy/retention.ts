/**
 * Retention: how long each kind of data is kept, in one place (README
 * "Retention"). The schedule below is what the server enforces (daily, and at
 * start-up: src/server/cli/serve.ts), what `npm run retention` runs by hand,
 * and what /privatliv states (src/components/RetentionSchedule.astro), so the
 * page cannot promise a period the code does not keep.
 *
 * Every table of db/schema.ts is either acted on by a rule here or
 * listed in KEPT with the reason it has none (tests/unit/retention-schedule.test.ts
 * fails for a table that is neither).
 *
 * Each rule runs in a transaction of its own: it deletes or erases all that
 * is due, or nothing. A run (not a dry run) ends with one audit entry that
 * holds the counts per rule and nothing else. With `dryRun` the same
 * conditions are counted and nothing is changed.
 *
 * What "closed" means for a report: its status is one of the closed statuses
 * and no step was recorded after the cutoff, i.e. its last step (the one that
 * closed it) is at least the period old. A report that is reopened and closed
 * again starts its period anew.
 *
 * The map after erasure: a released report is counted by the H3 hexagon of
 * its point (src/server/disclosure/releases.ts), computed at every release.
 * So the exact point is not emptied but coarsened to the centre of its
 * hexagon at MAP_RESOLUTION (about 0.1 km²): it stays in the same hexagon and
 * area, every later release holds the same tuple for it, and the public map,
 * Open311 and the dashboard's heat map count it as before. A typed place's
 * point is already its area's centre (it is in no hexagon); its text is
 * replaced by ERASED_PLACE, which keeps it a typed place.
 */
import { and, asc, eq, exists, gt, inArray, isNotNull, isNull, lte, notExists, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { cellToLatLng } from 'h3-js';
import {
  auditLog,
  comments,
  consultationPlaces,
  consultations,
  eventNotices,
  events,
  eventSignups,
  initiatives,
  reportNotices,
  reports,
  reportSubmissions,
  reportUpdates,
  sessions,
  subscriptionMails,
  subscriptions,
  surveyDrafts,
  throttleHits,
  type ReportStatus,
} from '../../../db/schema.ts';
import { RULE_IDS, type PeriodUnit, type RuleId } from '../../lib/domain.ts';
import type { PlaceBook } from '../../lib/places.ts';
import { listPlaces } from '../partnership/places.ts';
import { recordAudit } from '../staff/audit.ts';
import { ABSOLUTE_LIFETIME_MS, INACTIVITY_TIMEOUT_MS } from '../staff/auth/session.ts';
import { copenhagenDay } from '../../lib/time.ts';
import type { Queryable } from '../db/connection.ts';
import { inList } from '../db/in-list.ts';
import { eraseRemnants } from '../db/remnants.ts';
import { breathe, transaction } from '../db/transaction.ts';
import { reportCell } from '../reports/map.ts';

/** The periods operators may set (env variables in src/server/platform/env-schema.ts, README "Retention"). */
export interface RetentionSettings {
  /** RETENTION_REPORT_DETAILS_MONTHS: a closed report's description, exact point, place text and internal notes. */
  reportDetailsMonths: number;
  /** RETENTION_REJECTED_REPORT_DAYS: a rejected report, entirely. */
  rejectedReportDays: number;
  /** RETENTION_COMMENT_MONTHS: an approved comment, after the initiative or event it is about has ended. */
  commentMonths: number;
  /** RETENTION_REJECTED_COMMENT_DAYS: a rejected comment. */
  rejectedCommentDays: number;
  /** RETENTION_OUTBOX_DAYS: any row of the mail outbox, sent or not. */
  outboxDays: number;
  /** RETENTION_AUDIT_YEARS: an audit log entry. */
  auditYears: number;
}

/** The defaults (and the env variable of each), for a Danish municipality; see README "Retention" for why. */
export const RETENTION_DEFAULTS: RetentionSettings = {
  reportDetailsMonths: 6,
  rejectedReportDays: 30,
  commentMonths: 24,
  rejectedCommentDays: 30,
  outboxDays: 7,
  auditYears: 5,
};

export const RETENTION_ENV: Record<keyof RetentionSettings, string> = {
  reportDetailsMonths: 'RETENTION_REPORT_DETAILS_MONTHS',
  rejectedReportDays: 'RETENTION_REJECTED_REPORT_DAYS',
  commentMonths: 'RETENTION_COMMENT_MONTHS',
  rejectedCommentDays: 'RETENTION_REJECTED_COMMENT_DAYS',
  outboxDays: 'RETENTION_OUTBOX_DAYS',
  auditYears: 'RETENTION_AUDIT_YEARS',
};

/** The text a typed place is replaced with: still a typed place (PlaceBook.isTyped), so it stays out of every hexagon. */
export const ERASED_PLACE = '-';

/** Closed statuses whose reports keep their row (category, area, day, status) once their details are erased. */
export const DETAIL_ERASED_STATUSES = ['handled', 'not_possible', 'merged'] as const satisfies readonly ReportStatus[];
/** All closed statuses (as src/server/reports/reports.ts CLOSED_STATUSES): the e-mail address is gone from these. */
const CLOSED = ['handled', 'not_possible', 'rejected', 'merged'] as const satisfies readonly ReportStatus[];

/** Comments nobody moderated are deleted after this many days (a queue that old is not worked any more). */
export const PENDING_COMMENT_DAYS = 90;

export { RULE_IDS, type PeriodUnit, type RuleId };

export interface Period {
  n: number;
  unit: PeriodUnit;
}


export interface RetentionRule {
  id: RuleId;
  /** The tables whose rows it deletes or changes (rows that cascade with them are named in `cascades`). */
  tables: readonly string[];
  /** Rows deleted with them through ON DELETE CASCADE. */
  cascades?: readonly string[];
  /** `delete`: the rows go; `erase`: some columns are emptied and the row stays. */
  action: 'delete' | 'erase';
  /** The setting that chooses the period, when operators may. */
  setting?: keyof RetentionSettings;
  /** How long after `from` the data goes. */
  period(s: RetentionSettings): Period;
  /** What the period counts from (for people: README, /privatliv). */
  from: string;
  /** What goes, and what (if anything) stays. */
  what: string;
  /** Counts what is due at `now` (the dry run). */
  due(q: Queryable, now: Date, s: RetentionSettings): Promise<number>;
  /** Deletes or erases what is due at `now`; call inside a transaction (unless `inPages`). Returns the rows acted on. */
  apply(q: Queryable, now: Date, s: RetentionSettings): Promise<number>;
  /**
   * The rule works through its rows a page at a time, each page in a
   * transaction of its own, letting other requests in between: `apply` is
   * given the database, not a transaction. For a rule whose every row can be
   * acted on alone (an erasure that re-checks its condition), so a failure
   * leaves the pages before it done and the rest as they were.
   */
  inPages?: true;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The instant `period` before `now`. Months and years are calendar ones (UTC), clamped to the month's end (31 March − 1 month = 28/29 February). */
export function cutoff(now: Date, period: Period): Date {
  if (period.unit === 'hours') return new Date(now.getTime() - period.n * HOUR_MS);
  if (period.unit === 'days') return new Date(now.getTime() - period.n * DAY_MS);
  const months = period.unit === 'years' ? period.n * 12 : period.n;
  const d = new Date(now.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** A rule that deletes the rows of one table matching a condition: counted by their key, deleted in one statement. */
function deleting(
  rule: Omit<RetentionRule, 'action' | 'due' | 'apply'>,
  table: SQLiteTable,
  key: AnyColumn,
  condition: (now: Date, s: RetentionSettings) => SQL | undefined,
): RetentionRule {
  return {
    ...rule,
    action: 'delete',
    async due(q, now, s) {
      const rows = await q.select({ key: sql`${key}` }).from(table).where(condition(now, s));
      return rows.length;
    },
    async apply(q, now, s) {
      const rows = await q.delete(table).where(condition(now, s)).returning({ key: sql`${key}` });
      return rows.length;
    },
  };
}

/** No step of the report after `before`: its last step (the closing one, for a closed report) is at least that old. */
function lastStepBy(before: Date): SQL {
  return notExists(
    sql`(select 1 from ${reportUpdates} where ${eq(reportUpdates.reportId, reports.id)} and ${gt(reportUpdates.createdAt, before)})`,
  );
}

/** Closed reports (handled, not possible, merged) whose last step is older than the period. */
function detailsDue(now: Date, s: RetentionSettings): SQL | undefined {
  return and(inArray(reports.status, [...DETAIL_ERASED_STATUSES]), lastStepBy(cutoff(now, { n: s.reportDetailsMonths, unit: 'months' })));
}

/** Where an erased report's point goes: its hexagon's centre, or (typed place) where it is. */
function coarsePoint(r: { lat: number; lon: number; placeName: string | null }, places: PlaceBook): { lat: number; lon: number } {
  if (places.isTyped(r.placeName)) return { lat: r.lat, lon: r.lon };
  const [lat, lon] = cellToLatLng(reportCell(r));
  return { lat, lon };
}

interface DetailRow {
  id: number;
  lat: number;
  lon: number;
  placeName: string | null;
  description: string;
  masks: string[];
  email: string | null;
  callback: string | null;
}

/** Whether a report still holds a detail the rule erases (so a second run finds nothing to do). */
function needsErasing(r: DetailRow, places: PlaceBook): boolean {
  if (r.description !== '' || r.masks.length > 0 || r.email !== null || r.callback !== null) return true;
  if (places.isTyped(r.placeName)) return r.placeName !== ERASED_PLACE;
  if (r.placeName !== null) return true;
  const p = coarsePoint(r, places);
  return p.lat !== r.lat || p.lon !== r.lon;
}

/**
 * Closed reports read per query by the details rule. Every run reads all
 * closed reports past the period, the ones already erased too (whether a
 * point still has to move is worked out here, not in SQL), so at 1,000,000
 * reports one query for them all held some 490,000 rows with their texts
 * at once: the first peak of the server's heap at start-up (README
 * "Performance", session 22). A page at a time keeps that to a few MB, and
 * between pages other requests go on: a query on SQLite runs synchronously,
 * so one run through them all held the event loop (and every resident's
 * post) for as long as it ran: it ended 58 s after the first start on that data.
 */
export const DETAIL_PAGE = 5_000;

/** Calls `each` with the reports whose details are due, from a page of DETAIL_PAGE closed reports at a time, in id order, returning to the event loop before each page. */
async function eachDetailPage(q: Queryable, now: Date, s: RetentionSettings, each: (due: DetailRow[], places: PlaceBook) => Promise<void>): Promise<void> {
  const places = await listPlaces(q);
  let after = 0;
  for (;;) {
    await breathe();
    const rows = await q
      .select({ id: reports.id, lat: reports.lat, lon: reports.lon, placeName: reports.placeName, description: reports.description, masks: reports.masks, email: reports.email, callback: reports.callback })
      .from(reports)
      .where(and(detailsDue(now, s), gt(reports.id, after)))
      .orderBy(asc(reports.id))
      .limit(DETAIL_PAGE);
    const due = rows.filter((r) => needsErasing(r, places));
    if (due.length > 0) await each(due, places);
    if (rows.length < DETAIL_PAGE) return;
    after = rows.at(-1)!.id;
  }
}

const reportDetails: RetentionRule = {
  id: 'report_details',
  tables: ['reports', 'report_updates'],
  action: 'erase',
  setting: 'reportDetailsMonths',
  period: (s) => ({ n: s.reportDetailsMonths, unit: 'months' }),
  from: 'the report was closed (handled, not possible, or merged as a duplicate): its last status step',
  inPages: true,
  what:
    'the description (and its masks), the typed place text (replaced by "-"), the named place, the exact point (moved to the centre of its H3 hexagon at MAP_RESOLUTION), any e-mail, and the internal notes of its steps; the receipt, category, area, day, time of day, weekday, reporter type, status, public notes and linked initiative stay, so it counts in the same hexagon and area as before',
  async due(q, now, s) {
    let n = 0;
    await eachDetailPage(q, now, s, (due) => {
      n += due.length;
      return Promise.resolve();
    });
    return n;
  },
  async apply(q, now, s) {
    let erased = 0;
    await eachDetailPage(q, now, s, async (due, places) => {
      erased += await transaction(q, (tx) => eraseDetails(tx, now, s, due, places));
    });
    return erased;
  },
};

/** Erases one page of due reports' details; returns how many were erased. */
async function eraseDetails(q: Queryable, now: Date, s: RetentionSettings, due: readonly DetailRow[], places: PlaceBook): Promise<number> {
  // One statement per target point (reports of one hexagon share it; typed places keep theirs).
  const groups = new Map<string, { point: { lat: number; lon: number }; typed: boolean; ids: number[] }>();
  for (const r of due) {
    const typed = places.isTyped(r.placeName);
    const point = coarsePoint(r, places);
    const key = typed ? 'typed' : `${point.lat},${point.lon}`;
    const group = groups.get(key) ?? { point, typed, ids: [] };
    group.ids.push(r.id);
    groups.set(key, group);
  }
  let erased = 0;
  for (const g of groups.values()) {
    const rows = await q
      .update(reports)
      .set({
        description: '',
        masks: [],
        email: null,
        callback: null,
        placeName: g.typed ? ERASED_PLACE : null,
        ...(g.typed ? {} : { lat: g.point.lat, lon: g.point.lon }),
      })
      // The condition again: a report reopened meanwhile (another instance) is left alone.
      .where(and(inList(q, reports.id, g.ids), detailsDue(now, s)))
      .returning({ id: reports.id });
    erased += rows.length;
    if (rows.length > 0) {
      await q
        .update(reportUpdates)
        .set({ internalNote: null })
        .where(and(inList(q, reportUpdates.reportId, rows.map((r) => r.id)), isNotNull(reportUpdates.internalNote)));
    }
  }
  return erased;
}

const rejectedReports = deleting(
  {
    id: 'rejected_reports',
    tables: ['reports'],
    cascades: ['report_updates', 'report_notices', 'report_submissions'],
    setting: 'rejectedReportDays',
    period: (s) => ({ n: s.rejectedReportDays, unit: 'days' }),
    from: 'the report was rejected (its last status step)',
    what: 'the whole report with its steps; rejected reports are in no release, so no public figure changes',
  },
  reports,
  reports.id,
  (now, s) => and(eq(reports.status, 'rejected'), lastStepBy(cutoff(now, { n: s.rejectedReportDays, unit: 'days' }))),
);

const reportEmail: RetentionRule = {
  id: 'report_email',
  tables: ['reports'],
  action: 'erase',
  period: () => ({ n: 0, unit: 'days' }),
  from: 'the report was closed (closing deletes it at once; the rule catches any left behind)',
  what: "the reporter's e-mail address and a business's callback number",
  async due(q) {
    return (await q.select({ id: reports.id }).from(reports).where(and(inArray(reports.status, [...CLOSED]), or(isNotNull(reports.email), isNotNull(reports.callback))))).length;
  },
  async apply(q) {
    return (
      await q
        .update(reports)
        .set({ email: null, callback: null })
        .where(and(inArray(reports.status, [...CLOSED]), or(isNotNull(reports.email), isNotNull(reports.callback))))
        .returning({ id: reports.id })
    ).length;
  },
};

const reportOutbox = deleting(
  {
    id: 'report_outbox',
    tables: ['report_notices'],
    setting: 'outboxDays',
    period: (s) => ({ n: s.outboxDays, unit: 'days' }),
    from: 'the notice was queued',
    what: 'the notice with its address, sent or not (a sent notice is deleted at once, an undeliverable one after 2 days or 8 attempts; this catches the rest, e.g. when mail was switched off)',
  },
  reportNotices,
  reportNotices.id,
  (now, s) => lte(reportNotices.createdAt, cutoff(now, { n: s.outboxDays, unit: 'days' })),
);

const submissionTokens = deleting(
  {
    id: 'report_submissions',
    tables: ['report_submissions'],
    period: () => ({ n: 48, unit: 'hours' }),
    from: 'the report was sent (at most; the token expires at midnight UTC after the next day)',
    what: "the hash of the /meld form's one-time token",
  },
  reportSubmissions,
  reportSubmissions.tokenHash,
  (now) => lte(reportSubmissions.expiresAt, now),
);

const unconfirmedSubscriptions = deleting(
  {
    id: 'subscriptions_unconfirmed',
    tables: ['subscriptions'],
    cascades: ['subscription_mails'],
    period: () => ({ n: 48, unit: 'hours' }),
    from: 'the subscription was asked for (at most; an unconfirmed one expires at midnight UTC after the next day)',
    what: 'a subscription nobody confirmed, with its sealed address and any mail still waiting (a confirmed one is deleted when its subscriber unsubscribes, or with the area or initiative it follows)',
  },
  subscriptions,
  subscriptions.id,
  (now) => and(isNull(subscriptions.confirmedAt), lte(subscriptions.expiresAt, now)),
);

const subscriptionOutbox = deleting(
  {
    id: 'subscription_outbox',
    tables: ['subscription_mails'],
    setting: 'outboxDays',
    period: (s) => ({ n: s.outboxDays, unit: 'days' }),
    from: 'the mail was queued',
    what: 'a subscription mail not yet sent (a sent mail is deleted at once, an undeliverable one after 2 days or 8 attempts; this catches the rest, e.g. when mail was switched off)',
  },
  subscriptionMails,
  subscriptionMails.id,
  (now, s) => lte(subscriptionMails.createdAt, cutoff(now, { n: s.outboxDays, unit: 'days' })),
);

const drafts = deleting(
  {
    id: 'survey_drafts',
    tables: ['survey_drafts'],
    period: () => ({ n: 48, unit: 'hours' }),
    from: 'the survey was started (at most; a draft expires at midnight UTC after the next day)',
    what: 'the sealed draft answers, or the mark of a submitted draft',
  },
  surveyDrafts,
  surveyDrafts.tokenHash,
  (now) => lte(surveyDrafts.expiresAt, now),
);

/**
 * Residents' sign-ups for events that have ended: the number of people, the
 * optional address and the cancel token's hash. The count stays in
 * event_registrations. (Cancelling an event deletes its sign-ups at once.)
 */
const eventSignupRows = deleting(
  {
    id: 'event_signups',
    tables: ['event_signups'],
    cascades: ['event_notices'],
    period: () => ({ n: 0, unit: 'days' }),
    from: "the event's end (at the first daily run after it; cancelling the event or the sign-up deletes it at once)",
    what: 'the sign-up with its e-mail address and the hash of its cancel link, and an unsent confirmation; the number signed up stays',
  },
  eventSignups,
  eventSignups.id,
  (now) => exists(sql`(select 1 from ${events} where ${eq(events.id, eventSignups.eventId)} and ${lte(events.endsAt, now)})`),
);

const eventOutbox = deleting(
  {
    id: 'event_outbox',
    tables: ['event_notices'],
    setting: 'outboxDays',
    period: (s) => ({ n: s.outboxDays, unit: 'days' }),
    from: 'the notice was queued',
    what: 'a sign-up confirmation (with its cancel link) or cancellation notice with its address, sent or not (a sent notice is deleted at once, an undeliverable one after 2 days or 8 attempts)',
  },
  eventNotices,
  eventNotices.id,
  (now, s) => lte(eventNotices.createdAt, cutoff(now, { n: s.outboxDays, unit: 'days' })),
);

/**
 * Approved comments on an initiative marked completed, on an event, or on a
 * consultation's proposed place, whose end is older than the period (a
 * consultation's end is its closing day, its last day of answers).
 */
function approvedCommentsDue(now: Date, s: RetentionSettings): SQL | undefined {
  const before = cutoff(now, { n: s.commentMonths, unit: 'months' });
  const beforeDay = copenhagenDay(before);
  return and(
    eq(comments.status, 'approved'),
    or(
      and(
        eq(comments.targetType, 'event'),
        exists(sql`(select 1 from ${events} where ${eq(events.id, comments.targetId)} and ${lte(events.endsAt, before)})`),
      ),
      and(
        eq(comments.targetType, 'initiative'),
        exists(
          sql`(select 1 from ${initiatives} where ${eq(initiatives.id, comments.targetId)} and ${eq(initiatives.status, 'completed')} and ${or(lte(initiatives.endsOn, beforeDay), and(isNull(initiatives.endsOn), lte(initiatives.updatedAt, before)))})`,
        ),
      ),
      and(
        eq(comments.targetType, 'consultation_place'),
        exists(
          sql`(select 1 from ${consultationPlaces} inner join ${consultations} on ${eq(consultations.id, consultationPlaces.consultationId)} where ${eq(consultationPlaces.id, comments.targetId)} and ${lte(consultations.closesOn, beforeDay)})`,
        ),
      ),
    ),
  );
}

const approvedComments = deleting(
  {
    id: 'comments_approved',
    tables: ['comments'],
    cascades: ['comment_replies'],
    setting: 'commentMonths',
    period: (s) => ({ n: s.commentMonths, unit: 'months' }),
    from: "the initiative, event or consultation it is about ended (an event's end; an initiative marked completed: its last day, or when it was marked so without one; a consultation: its closing day); kept while the initiative runs",
    what: 'the comment with the official replies under it',
  },
  comments,
  comments.id,
  approvedCommentsDue,
);

const rejectedComments = deleting(
  {
    id: 'comments_rejected',
    tables: ['comments'],
    cascades: ['comment_replies'],
    setting: 'rejectedCommentDays',
    period: (s) => ({ n: s.rejectedCommentDays, unit: 'days' }),
    from: 'the comment was rejected (or taken down)',
    what: 'the comment, with the reason for rejecting it',
  },
  comments,
  comments.id,
  (now, s) => {
    const before = cutoff(now, { n: s.rejectedCommentDays, unit: 'days' });
    return and(
      eq(comments.status, 'rejected'),
      or(lte(comments.moderatedAt, before), and(isNull(comments.moderatedAt), lte(comments.postedOn, copenhagenDay(before)))),
    );
  },
);

const pendingComments = deleting(
  {
    id: 'comments_pending',
    tables: ['comments'],
    period: () => ({ n: PENDING_COMMENT_DAYS, unit: 'days' }),
    from: 'the comment was posted, if no moderator has approved or rejected it since',
    what: 'the comment, never shown',
  },
  comments,
  comments.id,
  (now) => and(eq(comments.status, 'pending'), lte(comments.postedOn, copenhagenDay(cutoff(now, { n: PENDING_COMMENT_DAYS, unit: 'days' })))),
);

const throttleRows = deleting(
  {
    id: 'throttle_hits',
    tables: ['throttle_hits'],
    period: () => ({ n: 24, unit: 'hours' }),
    from: 'the counter was started (at most: a counter lives until its window ends, 1 minute to 24 hours)',
    what: 'the counter (a keyed hash of the client address or account, a count and a time)',
  },
  throttleHits,
  throttleHits.scope,
  (now) => lte(throttleHits.resetAt, now),
);

const staffSessions = deleting(
  {
    id: 'sessions',
    tables: ['sessions'],
    period: () => ({ n: 12, unit: 'hours' }),
    from: 'the staff member signed in (at most: a session ends after 30 minutes unused or 12 hours in all)',
    what: 'the expired session',
  },
  sessions,
  sessions.id,
  (now) => or(lte(sessions.createdAt, new Date(now.getTime() - ABSOLUTE_LIFETIME_MS)), lte(sessions.lastVerifiedAt, new Date(now.getTime() - INACTIVITY_TIMEOUT_MS))),
);

const audit = deleting(
  {
    id: 'audit_log',
    tables: ['audit_log'],
    setting: 'auditYears',
    period: (s) => ({ n: s.auditYears, unit: 'years' }),
    from: 'the action was recorded',
    what: "the entry (who on the staff did what, when); entries name staff, never residents' data",
  },
  auditLog,
  auditLog.id,
  (now, s) => lte(auditLog.at, cutoff(now, { n: s.auditYears, unit: 'years' })),
);

/** The schedule, in the order it runs and is shown. */
export const RETENTION_RULES: readonly RetentionRule[] = [
  reportEmail,
  reportDetails,
  rejectedReports,
  reportOutbox,
  submissionTokens,
  unconfirmedSubscriptions,
  subscriptionOutbox,
  drafts,
  eventSignupRows,
  eventOutbox,
  approvedComments,
  rejectedComments,
  pendingComments,
  throttleRows,
  staffSessions,
  audit,
];

/**
 * Tables no rule deletes from, and why. Together with the rules' tables and
 * cascades this names every table of the schema.
 */
export const KEPT: Readonly<Record<string, string>> = {
  areas: 'reference data (area names and boundaries); nothing about people',
  places: 'reference data (named places, streets and their points); nothing about people',
  partners: "reference data (the partnership's parties)",
  report_categories: 'reference data',
  users:
    'staff accounts: kept while the person works with the platform; an admin disables an account (it cannot sign in) rather than deleting it, because the audit log and signed replies refer to it',
  recovery_codes: "hashes of a staff member's one-time codes; replaced at each enrolment, deleted with the account",
  initiatives: "the partnership's public initiatives, written by staff; no residents' data",
  initiative_partners: 'part of an initiative',
  initiative_areas: 'part of an initiative',
  initiative_updates: "part of an initiative's public timeline",
  initiative_update_versions: "earlier wordings of a corrected initiative update, shown publicly so a correction is visible; staff text, deleted with the update",
  initiative_milestones: "an initiative's planned and reached steps, written by staff",
  events: 'public events written by staff',
  event_registrations: "an event's sign-up settings and the number of people signed up (a count with nothing about who); kept with the event",
  event_minutes: "minutes or walk findings written by staff and published on the event's page",
  comment_flags:
    "residents' flags on a comment, a count per reason with nothing about who flagged; deleted when a moderator dismisses them or takes the comment down, and with the comment",
  comment_replies: 'official replies written by staff; deleted with the comment they answer',
  report_updates: 'the status history of a report, deleted with the report; internal notes are erased with the report details',
  survey_series: 'the survey instrument',
  surveys: 'the survey instrument',
  survey_areas: 'the survey instrument',
  survey_pages: 'the survey instrument',
  survey_translations: 'the survey instrument in Arabic, Turkish, Somali and Urdu (texts written by staff); deleted with its wave',
  questions: 'the survey instrument',
  responses:
    'anonymous by construction (no link to a person or to a code; the day, not the time; random id): the statistics of a series, compared wave to wave over the years',
  answers: 'part of an anonymous response; free text is masked for personal data before it is stored',
  invitation_codes: 'a printed code and whether it was used, with no link to a response or a person (the address list of the letters is not in the platform)',
  goals: 'analytical definitions written by staff',
  population_margins: 'published population figures (Statistics Denmark)',
  analysis_plans: 'the analysis plan fixed when a wave opens',
  plan_changes: 'the record of changes to a locked analysis plan',
  releases:
    'the dated public figures: per report only hexagon, area, category, year, reporter type, linked initiative and a random key (no id, point, day, text or status); every public figure names its release',
  open311_keys: 'hashes of API keys of Open311 client organisations',
  consultations: "the partnership's consultations on proposed measures, written by staff, with the decisions; no residents' data",
  consultation_places: 'part of a consultation: the proposed places, written by staff, with what was decided',
  consultation_responses:
    'one row per answer to a consultation (who answered and a random key; no time, nothing linking it to the answers): deleted when the consultation\'s results are released, the hour after it closes (src/server/consultations/consultations.ts)',
  consultation_stances:
    'one row per answer about one place (who answered, the stance and a random key; not linked to the response or the other places): deleted when the results are released, the hour after the consultation closes',
  consultation_codes: 'a printed code for a consultation and whether it was used, with no link to an answer or a person (the address list of the letters is not in the platform); deleted when the consultation\'s results are released',
};

export interface RetentionResult {
  rule: RuleId;
  /** Rows deleted or erased (in a dry run: that would be). */
  count: number;
  /** Set when the rule failed (its transaction rolled back): the error's type only. */
  error?: string;
}

export interface RetentionRun {
  at: Date;
  dryRun: boolean;
  results: RetentionResult[];
}

/**
 * Runs every rule at `now`: each in a transaction of its own (a rule `inPages`
 * in one per page), then one audit entry with the counts (not for a dry run).
 * A failing rule leaves its data as it was (a rule in pages: the pages before
 * the failure done), is reported by the type of its error, and the others
 * still run.
 */
export async function runRetention(db: Queryable, settings: RetentionSettings, options: { now?: Date; dryRun?: boolean } = {}): Promise<RetentionRun> {
  const now = options.now ?? new Date();
  const dryRun = options.dryRun ?? false;
  const results: RetentionResult[] = [];
  for (const rule of RETENTION_RULES) {
    try {
      const count = dryRun ? await rule.due(db, now, settings) : rule.inPages ? await rule.apply(db, now, settings) : await transaction(db, (tx) => rule.apply(tx, now, settings));
      results.push({ rule: rule.id, count });
    } catch (e) {
      results.push({ rule: rule.id, count: 0, error: e instanceof Error ? e.name : 'Error' });
    }
  }
  if (!dryRun) {
    await recordAudit(db, { userId: null, action: 'retention.run', entityType: 'retention', summary: summarise(results) });
    // SQLite: the deleted rows' pages are zeroed (secure_delete); fold the WAL into the file and empty it.
    eraseRemnants(db);
  }
  return { at: now, dryRun, results };
}

/** `report_details: 3; rejected_reports: 0; …` (and `failed` for a rule that failed): counts only. */
export function summarise(results: readonly RetentionResult[]): string {
  return results.map((r) => `${r.rule}: ${r.error ? 'failed' : r.count}`).join('; ');
}

/** Whether a rule's table list names a table (for the schedule's coverage check). */
export function coveredTables(): Set<string> {
  return new Set([...RETENTION_RULES.flatMap((r) => [...r.tables, ...(r.cascades ?? [])]), ...Object.keys(KEPT)]);
}

/** The point a report's exact point becomes when its details are erased (for tests and the staff pages). */
export const erasedPoint = coarsePoint;
