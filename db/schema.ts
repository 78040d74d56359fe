/**
 * The database schema, written once for both databases: SQLite (the
 * default, one file) and PostgreSQL (DATABASE_URL postgres://…, for several
 * app instances on one database). The schema is the documentation: every
 * column says what it holds and why; enumerations are CHECK-constrained so a
 * bad value cannot be stored by any code path, and each such CHECK is
 * generated (`oneOf`, db/columns.ts) from the enumeration in
 * src/lib/domain.ts that also types the column.
 *
 * Privacy rule for every table here: nothing identifies a resident. No IP
 * address, user agent, account or tracking identifier is ever stored.
 *
 * The tables are written with the kit of db/dialect.ts (`table`, `text`,
 * `integer`, `check`, `index`…, and the column kinds of db/columns.ts), which
 * builds each table in both dialects and exports the one of the database
 * this process runs on: PostgreSQL's when DATABASE_URL is postgres://…,
 * otherwise SQLite's (TABLES_DIALECT, fixed when this module loads; a process
 * runs on one database, and src/server/db/connection.ts refuses to open the
 * other kind). Either way they are typed as the SQLite tables, since both
 * give the same row types, so no module outside src/server/db knows which
 * database it runs on. The app imports its tables, row types and
 * enumerations from here only; `tablesIn(dialect, schema)` (db/dialect.ts)
 * gives one dialect's tables where a process needs it in particular.
 *
 * Where the two databases spell the same SQL differently, a kit helper says
 * it once: `startsWithOneOf` and `onlyCharsOf` (SQLite `glob` patterns,
 * PostgreSQL regular expressions), `now()` (SQLite `(unixepoch())`,
 * PostgreSQL `now()`). Everything else in a CHECK must be SQL both read the
 * same way.
 *
 * Adding or changing a table: edit it here, run `npm run db:generate` (it
 * generates the migrations of both databases, db/migrations and
 * db/migrations-pg, through the entry modules in db/drizzle-kit/), and commit
 * both new migrations (generated migrations are never edited).
 * tests/unit/schema-parity.test.ts compares the two dialects' tables.
 */
import { sql } from 'drizzle-orm';
import { LOCALES, AREA_KINDS, CATEGORY_AUDIENCES, COMMENT_STATUSES, COMMENT_TARGETS, EVENT_KINDS, EVENT_NOTICE_KINDS, FLAG_REASONS, GOAL_DIRECTIONS, INITIATIVE_STATUSES, MILESTONE_STATES, NOTICE_RECIPIENTS, PLACE_KINDS, PLAN_CHANGE_KINDS, PUBLICATION_STATES, QUESTION_TYPES, RELEASE_KINDS, REPORTER_TYPES, REPORT_STATUSES, RESPONSE_CHANNELS, ROLES, SUBSCRIPTION_LOCALES, SUBSCRIPTION_MAIL_KINDS, SUBSCRIPTION_TOPICS, SURVEY_MODES, SURVEY_STATUSES, TAKEDOWN_REASONS, TIMES_OF_DAY, TRACKS, TRANSLATION_LOCALES, TRANSLATION_STATES, CONSULTATION_SCALES, CONSULTATION_OUTCOMES, PROPOSAL_ILLUSTRATIONS, STANCES, type TranslationLocale, type AnalysisPlanContent, type AreaGeometry, type PlannedGoal, type QuestionConfig, type ShowIf } from '../src/lib/domain.ts';
import { oneOf } from './columns.ts';
import { bigInteger, bytes, check, createdAt, double, flag, id, index, integer, json, now, onlyCharsOf, primaryKey, randomId, startsWithOneOf, table, tablesDialect, text, timestamp, uniqueIndex, updatedAt, type Dialect } from './dialect.ts';

export * from '../src/lib/domain.ts';

/** Whose tables this module exports: PostgreSQL's when DATABASE_URL is postgres://…, otherwise SQLite's (see above). */
export const TABLES_DIALECT: Dialect = tablesDialect();

/**
 * Named areas that surveys, reports and goals are tied to. Areas are data:
 * an admin can replace the (approximate) seeded polygons by uploading GeoJSON.
 */
export const areas = table(
  'areas',
  {
    /** Surrogate key. */
    id: id(),
    /** Stable URL-safe identifier, e.g. `indre-norrebro`; used in links and exports. */
    slug: text('slug').notNull().unique(),
    /** Danish display name. */
    nameDa: text('name_da').notNull(),
    /** English display name. */
    nameEn: text('name_en').notNull(),
    /** `target` (the partnership's area) or `adjacent` (watched for displacement). */
    kind: text('kind', { enum: AREA_KINDS }).notNull(),
    /** Order in lists and legends; lower first. */
    displayOrder: integer('display_order').notNull().default(0),
    /** The boundary as GeoJSON (Polygon or MultiPolygon, lon/lat). */
    geometry: json('geometry').$type<AreaGeometry>().notNull(),
    /** True while the boundary is hand-drawn from known points rather than official. */
    approximate: flag('approximate', true),
    /**
     * When admins retired the area (no longer offered for new reports,
     * surveys, initiatives, events or subscriptions; its history stays in
     * the dashboard and the results). Null while it is in use.
     */
    retiredAt: timestamp('retired_at'),
    /** When the row last changed (Unix seconds). */
    updatedAt: updatedAt(),
  },
  (t) => [
    check('areas_kind_check', oneOf(t.kind, AREA_KINDS)),
    check('areas_slug_check', sql`${startsWithOneOf(t.slug, 'a-z0-9')} and ${onlyCharsOf(t.slug, 'a-z0-9-')}`),
  ],
);

/**
 * Named places and streets residents can choose instead of a map (the
 * non-map alternative of every place question), that describe a pin in
 * words, and that event minutes link to. Data kept by admins at
 * /staff/places (src/server/partnership/places.ts); the first ones come from a
 * migration. Housing estates are deliberately not listed: naming them in a
 * safety survey would point at their residents.
 */
export const places = table(
  'places',
  {
    /** URL-safe and stable (submitted as a form value and stored with answers and reports), e.g. `blaagaards-plads`. */
    id: text('id').primaryKey(),
    nameDa: text('name_da').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind', { enum: PLACE_KINDS }).notNull(),
    /** An approximate WGS84 point (within a block or so) inside an area; a street is a point on its part inside the area. */
    lat: double('lat').notNull(),
    lon: double('lon').notNull(),
    /** When admins retired it: no longer offered, still named where it was chosen. Null while in use. */
    retiredAt: timestamp('retired_at'),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('places_kind_check', sql`${t.kind} is not null and ${oneOf(t.kind, PLACE_KINDS)}`),
    check('places_id_check', sql`${startsWithOneOf(t.id, 'a-z0-9')} and ${onlyCharsOf(t.id, 'a-z0-9-')}`),
  ],
);

export type Area = typeof areas.$inferSelect;
export type NewArea = typeof areas.$inferInsert;
export type PlaceRow = typeof places.$inferSelect;

// ---------------------------------------------------------------------------
// Partners and staff
// ---------------------------------------------------------------------------

/**
 * The partnership's parties. Initiatives name their responsible partners, and
 * staff replies to residents are signed with the partner's name.
 */
export const partners = table(
  'partners',
  {
    id: id(),
    /** Stable identifier, e.g. `politi`; used in filters and URLs. */
    slug: text('slug').notNull().unique(),
    /** Danish name, e.g. "Københavns Politi". */
    nameDa: text('name_da').notNull(),
    /** English name. */
    nameEn: text('name_en').notNull(),
    /** Order in lists. */
    displayOrder: integer('display_order').notNull().default(0),
    /**
     * The partner's functional mailbox (a team address such as the local
     * police's, never a person's): notices of reports forwarded to the
     * partner go here through the outbox. Null: no notices, the partner
     * reads its queue at /staff/reports. Set by admins at /staff/partners.
     */
    mailbox: text('mailbox'),
    /**
     * Whether the mailbox is shown to everyone on /om (under Kontakt), so
     * residents can write to the partner. Off until an admin turns it on at
     * /staff/partners: an address typed in for notices is not published
     * without that choice.
     */
    mailboxPublic: flag('mailbox_public', false),
  },
  (t) => [check('partners_slug_check', sql`${onlyCharsOf(t.slug, 'a-z0-9-')} and length(${t.slug}) > 0`)],
);

/**
 * Staff accounts (never residents: residents have no accounts). Every staff
 * role must use two-factor authentication (TOTP).
 */
export const users = table(
  'users',
  {
    id: id(),
    /** Login name, stored lower-case. */
    email: text('email').notNull().unique(),
    /** Shown in the audit log and, with the partner, under official replies. */
    displayName: text('display_name').notNull(),
    /** One of ROLES. */
    role: text('role', { enum: ROLES }).notNull(),
    /**
     * The partner the person works for. Official replies and public notes are
     * signed with it and only with it (src/server/partnership/partners.ts signingPartner);
     * null: the person cannot sign. Set by admins at /staff/users.
     */
    partnerId: integer('partner_id').references(() => partners.id),
    /** argon2id hash (PHC string) of the password; never the password. */
    passwordHash: text('password_hash').notNull(),
    /** The TOTP key (20 random bytes) once enrolment has started; null before. */
    totpKey: bytes('totp_key'),
    /** When the person confirmed a TOTP code and so finished enrolment; null until then. */
    totpEnrolledAt: timestamp('totp_enrolled_at'),
    /** The last TOTP time step accepted, so a code cannot be replayed within its window. */
    totpLastStep: integer('totp_last_step'),
    /** When the account was disabled; a disabled account cannot sign in. */
    disabledAt: timestamp('disabled_at'),
    /** When the password was last set (created, changed or reset). */
    passwordChangedAt: timestamp('password_changed_at').notNull(),
    /** True for a temporary password (set by an admin or the command line): it must be changed at next sign-in. */
    passwordTemporary: flag('password_temporary', false),
    createdAt: createdAt(),
  },
  (t) => [
    check('users_role_check', oneOf(t.role, ROLES)),
    check('users_email_check', sql`${t.email} = lower(${t.email}) and ${t.email} like '%_@_%'`),
  ],
);

/** One-time recovery codes for a lost authenticator: ten per enrolment, each usable once. */
export const recoveryCodes = table(
  'recovery_codes',
  {
    id: id(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the normalised code; the code itself is shown once and never stored. */
    codeHash: bytes('code_hash').notNull(),
    /** When it was used; a used code is never accepted again. */
    usedAt: timestamp('used_at'),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/**
 * Staff sessions, after the Lucia author's session guide: the cookie holds
 * `<id>.<secret>`; only the SHA-256 of the secret is stored, so a leaked
 * database does not leak usable sessions.
 */
export const sessions = table(
  'sessions',
  {
    /** Random public part of the token (looked up by). */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token's secret part, compared in constant time. */
    secretHash: bytes('secret_hash').notNull(),
    /** Whether the second factor has been passed in this session; until then only MFA pages open. */
    twoFactorVerified: flag('two_factor_verified', false),
    /** Creation time: the absolute lifetime (7 days) counts from here. */
    createdAt: timestamp('created_at').notNull(),
    /** Last time the session was used (written at most once a minute): the inactivity timeout (8 h) counts from here. */
    lastVerifiedAt: timestamp('last_verified_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Every staff write: who, when, what, and a short before/after summary.
 * Rows are only ever inserted. Summaries never hold passwords, codes or
 * resident e-mail addresses.
 */
export const auditLog = table(
  'audit_log',
  {
    id: id(),
    /** When it happened. */
    at: timestamp('at').notNull().default(now()),
    /** Who did it; null for the command line and the system. */
    userId: integer('user_id').references(() => users.id),
    /** What was done, verb-noun, e.g. `initiative.publish`. */
    action: text('action').notNull(),
    /** What kind of thing it was done to, e.g. `initiative`. */
    entityType: text('entity_type').notNull(),
    /** Which one (its id), when there is one. */
    entityId: bigInteger('entity_id'),
    /** A short human-readable before → after summary. */
    summary: text('summary').notNull().default(''),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);

// ---------------------------------------------------------------------------
// Initiatives (indsatser)
// ---------------------------------------------------------------------------

/**
 * The partnership's general safety initiatives. Never about individuals.
 * Text is per locale: Danish is required, English falls back to Danish.
 */
export const initiatives = table(
  'initiatives',
  {
    id: id(),
    /** URL identifier: /indsatser/<slug>. */
    slug: text('slug').notNull().unique(),
    /** One of TRACKS. */
    track: text('track', { enum: TRACKS }).notNull(),
    /** One of INITIATIVE_STATUSES. */
    status: text('status', { enum: INITIATIVE_STATUSES }).notNull(),
    /** draft (staff only) or published (public). */
    state: text('state', { enum: PUBLICATION_STATES }).notNull().default('draft'),
    /** First day (YYYY-MM-DD), if known. */
    startsOn: text('starts_on'),
    /** Last day (YYYY-MM-DD), if known. */
    endsOn: text('ends_on'),
    titleDa: text('title_da').notNull(),
    titleEn: text('title_en'),
    /** One or two plain sentences for lists and feeds. */
    summaryDa: text('summary_da').notNull(),
    summaryEn: text('summary_en'),
    /** Markdown, rendered server-side through an allow-list sanitiser. */
    bodyDa: text('body_da').notNull().default(''),
    bodyEn: text('body_en'),
    /** When it was first published; feeds are ordered by it. */
    publishedAt: timestamp('published_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('initiatives_track_check', oneOf(t.track, TRACKS)),
    check('initiatives_status_check', oneOf(t.status, INITIATIVE_STATUSES)),
    check('initiatives_state_check', oneOf(t.state, PUBLICATION_STATES)),
    check('initiatives_slug_check', sql`${onlyCharsOf(t.slug, 'a-z0-9-')} and length(${t.slug}) > 0`),
    check('initiatives_dates_check', sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** Which partners are responsible for an initiative. */
export const initiativePartners = table(
  'initiative_partners',
  {
    initiativeId: integer('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.partnerId] })],
);

/** Which areas an initiative works in. */
export const initiativeAreas = table(
  'initiative_areas',
  {
    initiativeId: integer('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.areaId] }), index('initiative_areas_area_idx').on(t.areaId)],
);

/** Dated progress updates on an initiative: its public timeline. */
export const initiativeUpdates = table(
  'initiative_updates',
  {
    id: id(),
    initiativeId: integer('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    /** The day the update is about (YYYY-MM-DD). */
    happenedOn: text('happened_on').notNull(),
    /** Plain text. */
    textDa: text('text_da').notNull(),
    textEn: text('text_en'),
    createdAt: createdAt(),
    /** When it was last corrected; earlier wordings are kept in initiative_update_versions and shown. */
    editedAt: timestamp('edited_at'),
    /** When it was withdrawn: the public page then shows that it was, when and why, not the text. */
    retractedAt: timestamp('retracted_at'),
    retractionReason: text('retraction_reason'),
  },
  (t) => [index('initiative_updates_initiative_idx').on(t.initiativeId, t.happenedOn)],
);

/** Earlier wordings of a corrected update, so a correction is visible rather than silent. */
export const initiativeUpdateVersions = table(
  'initiative_update_versions',
  {
    id: id(),
    updateId: integer('update_id')
      .notNull()
      .references(() => initiativeUpdates.id, { onDelete: 'cascade' }),
    happenedOn: text('happened_on').notNull(),
    textDa: text('text_da').notNull(),
    textEn: text('text_en'),
    /** When this wording was replaced. */
    replacedAt: timestamp('replaced_at').notNull().default(now()),
  },
  (t) => [index('initiative_update_versions_update_idx').on(t.updateId)],
);

/**
 * An initiative's milestones (delmål): what is to happen, by when, and how
 * far it has come. The initiative's progress is the share of its milestones
 * that are done, of those not dropped.
 */
export const initiativeMilestones = table(
  'initiative_milestones',
  {
    id: id(),
    initiativeId: integer('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    titleDa: text('title_da').notNull(),
    titleEn: text('title_en'),
    /** The day it is planned for (YYYY-MM-DD), if any. */
    dueOn: text('due_on'),
    /** One of MILESTONE_STATES. */
    state: text('state', { enum: MILESTONE_STATES }).notNull().default('planned'),
    /** The day it was done (YYYY-MM-DD), when done. */
    doneOn: text('done_on'),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('initiative_milestones_initiative_idx').on(t.initiativeId, t.position),
    check('initiative_milestones_state_check', oneOf(t.state, MILESTONE_STATES)),
  ],
);

// ---------------------------------------------------------------------------
// Events (arrangementer)
// ---------------------------------------------------------------------------

/** Citizen meetings, safety walks and open office hours. */
export const events = table(
  'events',
  {
    id: id(),
    /** URL identifier: /arrangementer/<slug>. */
    slug: text('slug').notNull().unique(),
    /** One of EVENT_KINDS. */
    kind: text('kind', { enum: EVENT_KINDS }).notNull(),
    state: text('state', { enum: PUBLICATION_STATES }).notNull().default('draft'),
    titleDa: text('title_da').notNull(),
    titleEn: text('title_en'),
    /** Plain text. */
    descriptionDa: text('description_da').notNull().default(''),
    descriptionEn: text('description_en'),
    /** Where, in words (address or a named place). */
    place: text('place').notNull(),
    /** Optional map point (WGS84). */
    lat: double('lat'),
    lon: double('lon'),
    startsAt: timestamp('starts_at').notNull(),
    endsAt: timestamp('ends_at').notNull(),
    areaId: integer('area_id').references(() => areas.id),
    /** The organising partner. */
    partnerId: integer('partner_id').references(() => partners.id),
    /** An initiative the event belongs to, if any. */
    initiativeId: integer('initiative_id').references(() => initiatives.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /**
     * When an editor cancelled the event (null: it takes place). Final: the
     * public page, the lists and the calendars say it is cancelled, sign-up
     * closes, and everyone signed up with an e-mail address is sent a notice.
     */
    cancelledAt: timestamp('cancelled_at'),
    /** The public note with the cancellation (why, what instead), in Danish; plain text. */
    cancelNoteDa: text('cancel_note_da'),
    /** The same in English (optional; Danish is shown otherwise). */
    cancelNoteEn: text('cancel_note_en'),
  },
  (t) => [
    check('events_kind_check', oneOf(t.kind, EVENT_KINDS)),
    check('events_state_check', oneOf(t.state, PUBLICATION_STATES)),
    check('events_slug_check', sql`${onlyCharsOf(t.slug, 'a-z0-9-')} and length(${t.slug}) > 0`),
    check('events_time_check', sql`${t.endsAt} >= ${t.startsAt}`),
    check('events_point_check', sql`(${t.lat} is null) = (${t.lon} is null)`),
    index('events_starts_idx').on(t.startsAt),
  ],
);

/**
 * Sign-up for an event (one row per event whose editors turned it on): the
 * capacity and how many people are signed up. The count is a counter kept
 * in the same transaction as each sign-up and cancellation (a conditional
 * update, so two residents cannot take the last place), and it stays after
 * the event when the sign-ups themselves are deleted.
 */
export const eventRegistrations = table(
  'event_registrations',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** Whether residents can sign up now (editors can close it; a cancelled event closes it). */
    open: flag('open', true),
    /** The most people who can come (null: no limit, sign-up only to know how many). */
    capacity: integer('capacity'),
    /** People signed up (the sum of event_signups.people while they exist). */
    signedUp: integer('signed_up').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId] }),
    check('event_registrations_capacity_check', sql`${t.capacity} is null or ${t.capacity} between 1 and 10000`),
    // The last guard against overbooking, under the conditional update in src/server/content/event-signups.ts.
    check('event_registrations_count_check', sql`${t.signedUp} >= 0 and (${t.capacity} is null or ${t.signedUp} <= ${t.capacity})`),
  ],
);

/**
 * One resident's sign-up: how many people, and optionally an e-mail address
 * for a cancellation notice and the link to cancel. No name, no time. The
 * cancel link's token is kept only as its SHA-256. Deleted after the event
 * (src/server/privacy/retention.ts), when the event is cancelled (after the notices
 * are queued), or when the resident cancels; the count stays.
 */
export const eventSignups = table(
  'event_signups',
  {
    id: randomId(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** How many people the sign-up is for (1 to EVENT_SIGNUP_MAX_PEOPLE in the app). */
    people: integer('people').notNull(),
    /** The resident's address for a cancellation notice, if given (only when mail is configured). Never shown, never logged. */
    email: text('email'),
    /** SHA-256 (hex) of the cancel link's token. */
    tokenHash: text('token_hash').notNull().unique(),
    /** The language the resident signed up in: the notices and links use it. */
    locale: text('locale', { enum: LOCALES }).notNull(),
  },
  (t) => [
    check('event_signups_people_check', sql`${t.people} between 1 and 20`),
    check('event_signups_locale_check', sql`${t.locale} is not null and ${oneOf(t.locale, LOCALES)}`),
    index('event_signups_event_idx').on(t.eventId),
  ],
);

/**
 * The events' part of the mail outbox (delivered with report_notices by
 * src/server/reports/notices.ts: the same lease, retry and deletion once sent
 * or given up). A confirmation holds the raw cancel token for its one mail
 * (the sign-up keeps only its hash) and goes with the sign-up; a
 * cancellation notice is queued in the transaction that cancels the event.
 */
export const eventNotices = table(
  'event_notices',
  {
    id: id(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** The sign-up a confirmation is for (deleted with it); null for a cancellation notice. */
    signupId: bigInteger('signup_id').references(() => eventSignups.id, { onDelete: 'cascade' }),
    /** One of EVENT_NOTICE_KINDS. */
    kind: text('kind', { enum: EVENT_NOTICE_KINDS }).notNull(),
    /** The resident's address (copied, since the sign-up is deleted). Never shown, never logged. */
    email: text('email').notNull(),
    locale: text('locale', { enum: LOCALES }).notNull(),
    /** The cancel link's token, for a confirmation only; gone with the row once sent. */
    cancelToken: text('cancel_token'),
    /** Failed delivery attempts so far. */
    attempts: integer('attempts').notNull().default(0),
    /** Not before this time: back-off after a failed attempt, or a deliverer's lease. */
    nextAttemptAt: timestamp('next_attempt_at').notNull().default(now()),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      'event_notices_kind_check',
      sql`(${t.kind} = 'confirmation' and ${t.cancelToken} is not null and ${t.signupId} is not null) or (${t.kind} = 'cancellation' and ${t.cancelToken} is null)`,
    ),
    check('event_notices_locale_check', sql`${t.locale} is not null and ${oneOf(t.locale, LOCALES)}`),
    index('event_notices_due_idx').on(t.nextAttemptAt),
  ],
);

/**
 * Minutes of a meeting or the findings of a safety walk, published by
 * editors after the event (Markdown, sanitised when shown, like initiative
 * bodies), with the named places they concern (src/lib/places.ts ids).
 */
export const eventMinutes = table(
  'event_minutes',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** Markdown, in Danish. */
    bodyDa: text('body_da').notNull(),
    /** Markdown, in English (optional). */
    bodyEn: text('body_en'),
    /** Named places the minutes or findings concern (ids from NAMED_PLACES), in the editor's order. */
    places: json('places').$type<string[]>().notNull().default([]),
    publishedAt: timestamp('published_at').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.eventId] }), check('event_minutes_body_check', sql`length(${t.bodyDa}) between 1 and 20000`)],
);

// ---------------------------------------------------------------------------
// Moderated public dialogue
// ---------------------------------------------------------------------------

/**
 * Residents' questions and comments on initiatives and events. Anonymous
 * (name optional, nothing else about the poster); personal data in the text
 * is masked before storage; nothing is public before a moderator approves.
 */
export const comments = table(
  'comments',
  {
    id: randomId(),
    /** What it is about: `initiative` or `event`. */
    targetType: text('target_type', { enum: COMMENT_TARGETS }).notNull(),
    /** The initiative's or event's id. */
    targetId: integer('target_id').notNull(),
    /** The name the poster chose to give, if any (masked like the text). */
    authorName: text('author_name'),
    /** The text after personal-data masking; moderators may edit it further. */
    body: text('body').notNull(),
    /** The kinds of personal data that were masked (JSON array, e.g. ["cpr"]). */
    masks: json('masks').$type<string[]>().notNull().default([]),
    /** The locale the poster wrote in. */
    locale: text('locale', { enum: LOCALES }).notNull(),
    /** pending → approved or rejected. */
    status: text('status', { enum: COMMENT_STATUSES }).notNull().default('pending'),
    /** The day it was posted (YYYY-MM-DD): no time of day, for the poster's privacy. */
    postedOn: text('posted_on').notNull(),
    /** The moderator's reason when rejected (internal). */
    rejectReason: text('reject_reason'),
    moderatedBy: integer('moderated_by').references(() => users.id),
    moderatedAt: timestamp('moderated_at'),
    /**
     * When a moderator took the approved comment down (null: it is shown).
     * Its status stays `approved`: the public page shows a placeholder with
     * the reason in its place; who did it is in the audit log.
     */
    takenDownAt: timestamp('taken_down_at'),
    /** The take-down's reason, one of TAKEDOWN_REASONS (also a CHECK), shown in the placeholder. */
    takedownReason: text('takedown_reason', { enum: TAKEDOWN_REASONS }),
    /** The moderator's free-text note on the take-down (internal, masked). */
    takedownNote: text('takedown_note'),
  },
  (t) => [
    check('comments_target_check', oneOf(t.targetType, COMMENT_TARGETS)),
    check('comments_status_check', oneOf(t.status, COMMENT_STATUSES)),
    check('comments_locale_check', oneOf(t.locale, LOCALES)),
    check('comments_body_check', sql`length(${t.body}) between 1 and 2000`),
    // A take-down has a reason from TAKEDOWN_REASONS, and only a take-down has one.
    check(
      'comments_takedown_check',
      sql`(${t.takenDownAt} is null and ${t.takedownReason} is null) or (${t.takenDownAt} is not null and ${t.takedownReason} is not null and ${oneOf(t.takedownReason, TAKEDOWN_REASONS)})`,
    ),
    index('comments_target_idx').on(t.targetType, t.targetId, t.status),
    index('comments_status_idx').on(t.status),
  ],
);

/** Official replies from staff under a resident's comment, shown with the partner's name. */
export const commentReplies = table(
  'comment_replies',
  {
    id: id(),
    commentId: bigInteger('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    /** The partner the reply is signed with. */
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    /** The staff member who wrote it (not shown publicly; kept for the audit trail). */
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('comment_replies_comment_idx').on(t.commentId)],
);

/**
 * Residents' flags on an approved comment: only a count per reason, nothing
 * about who flagged (one flag per comment and client a day is enforced with
 * the keyed throttle counters, src/server/platform/throttle.ts). Deleted when a
 * moderator dismisses the flags.
 */
export const commentFlags = table(
  'comment_flags',
  {
    commentId: bigInteger('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    /** One of FLAG_REASONS. */
    reason: text('reason', { enum: FLAG_REASONS }).notNull(),
    /** How many flags with this reason since the last dismissal. */
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.commentId, t.reason] }),
    check('comment_flags_reason_check', oneOf(t.reason, FLAG_REASONS)),
    check('comment_flags_count_check', sql`${t.count} >= 1`),
  ],
);

export type Partner = typeof partners.$inferSelect;
export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Initiative = typeof initiatives.$inferSelect;
export type InitiativeUpdate = typeof initiativeUpdates.$inferSelect;
export type InitiativeUpdateVersion = typeof initiativeUpdateVersions.$inferSelect;
export type InitiativeMilestone = typeof initiativeMilestones.$inferSelect;
export type Event = typeof events.$inferSelect;
export type EventRegistration = typeof eventRegistrations.$inferSelect;
export type EventSignup = typeof eventSignups.$inferSelect;
export type EventNotice = typeof eventNotices.$inferSelect;
export type EventMinutes = typeof eventMinutes.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type CommentReply = typeof commentReplies.$inferSelect;

// ---------------------------------------------------------------------------
// Perceived-safety surveys
// ---------------------------------------------------------------------------

/** A series of comparable survey waves, e.g. "Tryghedsmåling Indre Nørrebro". */
export const surveySeries = table('survey_series', {
  id: id(),
  /** Stable identifier used by goals and trends. */
  slug: text('slug').notNull().unique(),
  titleDa: text('title_da').notNull(),
  titleEn: text('title_en'),
  createdAt: createdAt(),
});

/**
 * One wave of a series (e.g. "Baseline 2013"). Cloning a wave copies its
 * instrument unchanged; once a wave has responses its questions are frozen.
 */
export const surveys = table(
  'surveys',
  {
    id: id(),
    seriesId: integer('series_id')
      .notNull()
      .references(() => surveySeries.id),
    /** URL identifier: /undersoegelser/<slug>. */
    slug: text('slug').notNull().unique(),
    /** The wave's name within its series, e.g. "Baseline 2013". */
    waveDa: text('wave_da').notNull(),
    waveEn: text('wave_en'),
    titleDa: text('title_da').notNull(),
    titleEn: text('title_en'),
    /** Introduction shown before the first page (plain text). */
    introDa: text('intro_da').notNull().default(''),
    introEn: text('intro_en'),
    /** One of SURVEY_MODES. */
    mode: text('mode', { enum: SURVEY_MODES }).notNull().default('open'),
    /** One of SURVEY_STATUSES: draft (staff only), open (answerable), closed. */
    status: text('status', { enum: SURVEY_STATUSES }).notNull().default('draft'),
    /** Answering is possible from this instant (if set) … */
    opensAt: timestamp('opens_at'),
    /** … until this instant (if set). */
    closesAt: timestamp('closes_at'),
    /** Whether an analyst has published the (closed) wave's results on /resultater. */
    resultsPublished: flag('results_published', false),
    /** When the results were last published (seconds), for the subscribers' digest; null while unpublished. */
    resultsPublishedAt: timestamp('results_published_at'),
    /** The wave this one was cloned from, if any (its instrument is identical). */
    clonedFromId: integer('cloned_from_id'),
    /** Demo data: synthetic waves are marked so they are never mistaken for real ones. */
    demo: flag('demo', false),
    createdAt: createdAt(),
  },
  (t) => [
    check('surveys_mode_check', oneOf(t.mode, SURVEY_MODES)),
    check('surveys_status_check', oneOf(t.status, SURVEY_STATUSES)),
    check('surveys_slug_check', sql`${onlyCharsOf(t.slug, 'a-z0-9-')} and length(${t.slug}) > 0`),
    check('surveys_window_check', sql`${t.closesAt} is null or ${t.opensAt} is null or ${t.closesAt} > ${t.opensAt}`),
  ],
);

/** The areas a wave is about (its target areas). */
export const surveyAreas = table(
  'survey_areas',
  {
    surveyId: integer('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.areaId] })],
);

/** Pages of a wave's questionnaire, in order. */
export const surveyPages = table(
  'survey_pages',
  {
    id: id(),
    surveyId: integer('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    /** 1-based order. */
    position: integer('position').notNull(),
    titleDa: text('title_da').notNull(),
    titleEn: text('title_en'),
  },
  (t) => [uniqueIndex('survey_pages_position_idx').on(t.surveyId, t.position)],
);

/**
 * A wave's questionnaire in Arabic, Turkish, Somali or Urdu: the texts by
 * their keys (src/lib/survey/translation.ts), and where the translation
 * stands (draft, needs review by a native speaker, reviewed). Respondents are
 * offered a language once its translation is complete and not a draft.
 */
export const surveyTranslations = table(
  'survey_translations',
  {
    id: id(),
    surveyId: integer('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    /** One of TRANSLATION_LOCALES. */
    locale: text('locale', { enum: TRANSLATION_LOCALES }).notNull(),
    /** One of TRANSLATION_STATES. */
    state: text('state', { enum: TRANSLATION_STATES }).notNull().default('draft'),
    /** Translated text by key, e.g. { "q.safety_evening.text": "…" }. */
    texts: json('texts').$type<Record<string, string>>().notNull().default({}),
    updatedAt: timestamp('updated_at').notNull().default(now()),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (t) => [
    check('survey_translations_locale_check', sql`${t.locale} is not null and ${oneOf(t.locale, TRANSLATION_LOCALES)}`),
    check('survey_translations_state_check', sql`${t.state} is not null and ${oneOf(t.state, TRANSLATION_STATES)}`),
    uniqueIndex('survey_translations_locale_idx').on(t.surveyId, t.locale),
  ],
);

/**
 * Questions. `key` is stable across the waves of a series (a clone keeps it),
 * so answers stay comparable from wave to wave.
 */
export const questions = table(
  'questions',
  {
    id: id(),
    surveyId: integer('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    pageId: integer('page_id')
      .notNull()
      .references(() => surveyPages.id, { onDelete: 'cascade' }),
    /** Order within the page, 1-based. */
    position: integer('position').notNull(),
    /** Stable code within the series, e.g. `safety_evening`. */
    key: text('key').notNull(),
    /** One of QUESTION_TYPES. */
    type: text('type', { enum: QUESTION_TYPES }).notNull(),
    textDa: text('text_da').notNull(),
    textEn: text('text_en'),
    /** Help shown under the question. */
    helpDa: text('help_da'),
    helpEn: text('help_en'),
    required: flag('required', false),
    /** Offer "don't know". */
    allowDontKnow: flag('allow_dont_know', false),
    /** Offer "prefer not to say". */
    allowPreferNot: flag('allow_prefer_not', false),
    /** Options, scale, matrix items, limits (JSON, by type). */
    config: json('config').$type<QuestionConfig>().notNull(),
    /** Skip logic (JSON) or null for always shown. */
    showIf: json('show_if').$type<ShowIf>(),
  },
  (t) => [
    check('questions_type_check', oneOf(t.type, QUESTION_TYPES)),
    check('questions_key_check', sql`${onlyCharsOf(t.key, 'a-z0-9_')} and length(${t.key}) > 0`),
    uniqueIndex('questions_key_idx').on(t.surveyId, t.key),
    index('questions_page_idx').on(t.pageId, t.position),
  ],
);

/**
 * A submitted questionnaire. Anonymous by construction: no IP address, user
 * agent, cookie, account or invitation code is linked to it, and its time is
 * kept to the day.
 */
export const responses = table(
  'responses',
  {
    id: randomId(),
    surveyId: integer('survey_id')
      .notNull()
      .references(() => surveys.id),
    /** invitation, open or paper (RESPONSE_CHANNELS); set when it is stored. */
    channel: text('channel', { enum: RESPONSE_CHANNELS }).notNull(),
    /** Random record key in [1, 2³¹) for the cell key method (src/lib/disclosure/perturbation.ts); 0 only until the start-up backfill. */
    cellKey: integer('cell_key').notNull().default(0),
    /** The day it was submitted (YYYY-MM-DD, Copenhagen); never the time. */
    submittedOn: text('submitted_on').notNull(),
    /** The area the respondent chose in the area question, if any (for fast breakdowns). */
    areaId: integer('area_id').references(() => areas.id),
    /** Flagged for the analyst to consider excluding (not dropped): see `flags`. */
    suspicious: flag('suspicious', false),
    /** Why it was flagged: e.g. ["too_fast", "straight_lining"]. */
    flags: json('flags').$type<string[]>().notNull().default([]),
    /** The language it was answered in (a coarse attribute: analysts see who answered in which language, under the disclosure rules). */
    locale: text('locale', { enum: LOCALES }).notNull().default('da'),
    /** Synthetic demo response. */
    demo: flag('demo', false),
  },
  (t) => [
    check('responses_channel_check', oneOf(t.channel, RESPONSE_CHANNELS)),
    check('responses_locale_check', sql`${t.locale} is not null and ${oneOf(t.locale, LOCALES)}`),
    index('responses_survey_idx').on(t.surveyId, t.submittedOn),
    // The dashboard reads a wave's respondents area by area.
    index('responses_area_idx').on(t.surveyId, t.areaId),
  ],
);

/**
 * Answers, one row per chosen value: a single choice is one row, a multiple
 * choice one row per option, a matrix one row per item (with `item`), map
 * places one row per place. Free text is masked for personal data on submit.
 */
export const answers = table(
  'answers',
  {
    id: randomId(),
    responseId: bigInteger('response_id')
      .notNull()
      .references(() => responses.id, { onDelete: 'cascade' }),
    questionId: integer('question_id')
      .notNull()
      .references(() => questions.id),
    /** For matrix questions: which item (row) this is the answer to. */
    item: text('item'),
    /** The option value, scale point, number, area slug, place, or (masked) text; `dont_know` / `prefer_not` for those. */
    value: text('value').notNull(),
  },
  (t) => [index('answers_question_idx').on(t.questionId, t.item, t.value), index('answers_response_idx').on(t.responseId)],
);

/**
 * Single-use invitation codes for letters. A code is marked used in the same
 * transaction that stores a response, but nothing links the two.
 */
export const invitationCodes = table(
  'invitation_codes',
  {
    id: id(),
    surveyId: integer('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    /** The code as printed (upper-case, no look-alike characters). */
    code: text('code').notNull().unique(),
    /** Which generated batch it belongs to (for printing runs). */
    batch: integer('batch').notNull(),
    /** Whether it has been used: no time, so it cannot be matched to a response's day. */
    used: flag('used', false),
  },
  (t) => [index('invitation_codes_survey_idx').on(t.surveyId, t.used)],
);

/**
 * Answers in progress, keyed by a random token in a strictly necessary
 * cookie. What the respondent has typed (answers, the invitation code's id,
 * the start time) is sealed (AES-256-GCM) under a key derived from that
 * token, of which only a hash is stored: the database files alone cannot
 * read a draft, nor link it to the response stored from it. Times to the day.
 * After submitting, the draft keeps only `submittedAt` (sealed content
 * erased) so a repeated submit is recognised and stores nothing twice.
 */
export const surveyDrafts = table(
  'survey_drafts',
  {
    /** SHA-256 (hex) of the cookie token; the token itself is not stored. */
    tokenHash: text('token_hash').primaryKey(),
    surveyId: integer('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    /** Nonce + ciphertext of the draft (see src/server/surveys/answering.ts); null once submitted. */
    sealed: bytes('sealed'),
    /** Midnight (UTC) of the day it is deleted: a day or two after it was started. */
    expiresAt: timestamp('expires_at').notNull(),
    /** Set once submitted (to the day); the sealed content is then erased. */
    submittedAt: timestamp('submitted_at'),
  },
  (t) => [index('survey_drafts_expires_idx').on(t.expiresAt)],
);

export type SurveySeries = typeof surveySeries.$inferSelect;
export type Survey = typeof surveys.$inferSelect;
export type SurveyPage = typeof surveyPages.$inferSelect;
export type Question = typeof questions.$inferSelect;
export type SurveyResponse = typeof responses.$inferSelect;
export type SurveyDraft = typeof surveyDrafts.$inferSelect;

// ---------------------------------------------------------------------------
// Concern reports (meldinger)
// ---------------------------------------------------------------------------

/** What kind of concern: data that admins edit (seeded with the usual ones). */

export const reportCategories = table(
  'report_categories',
  {
    id: id(),
    /** Stable identifier, e.g. `drug_dealing`; used in filters, exports and Open311 service codes. */
    slug: text('slug').notNull().unique(),
    nameDa: text('name_da').notNull(),
    nameEn: text('name_en'),
    /** The name in Arabic, Turkish, Somali and Urdu, by locale (src/lib/localized.ts's nameIn); a language without one shows the Danish name. */
    names: json('names').$type<Partial<Record<TranslationLocale, string>>>().notNull().default({}),
    /** Order in lists. */
    displayOrder: integer('display_order').notNull().default(0),
    /** Retired categories stay on old reports but are not offered for new ones. */
    active: flag('active', true),
    /** The partner reports of this category are forwarded to by default (routing, set by admins at /staff/partners); null: staff choose. */
    partnerId: integer('partner_id').references(() => partners.id),
    /**
     * Who the form offers it to: `everyone` (both forms) or `business` (the
     * business form, /meld?som=virksomhed, lists these first; the residents'
     * form leaves them out).
     */
    audience: text('audience', { enum: CATEGORY_AUDIENCES }).notNull().default('everyone'),
  },
  (t) => [
    check('report_categories_slug_check', sql`${onlyCharsOf(t.slug, 'a-z0-9_')} and length(${t.slug}) > 0`),
    check('report_categories_audience_check', sql`${t.audience} is not null and ${oneOf(t.audience, CATEGORY_AUDIENCES)}`),
  ],
);

/**
 * A resident's or business's concern about a place. Anonymous: no IP address,
 * user agent or account; the optional e-mail is only for a follow-up notice,
 * never shown, and deleted when the report is closed. Exact points never leave
 * the staff pages; the public sees only aggregates above K.
 */
export const reports = table(
  'reports',
  {
    id: randomId(),
    /** Random, unguessable id of the public receipt page: /meld/<receipt>. */
    receipt: text('receipt').notNull().unique(),
    /** Random record key in [1, 2³¹) for the cell key method (src/lib/disclosure/perturbation.ts); 0 only until the start-up backfill. */
    cellKey: integer('cell_key').notNull().default(0),
    categoryId: integer('category_id')
      .notNull()
      .references(() => reportCategories.id),
    /** The point (WGS84), from the map or the chosen named place. */
    lat: double('lat').notNull(),
    lon: double('lon').notNull(),
    /** How the place was given: a pin, a named place (its id), or typed text (masked). */
    placeName: text('place_name'),
    /** The area the point lies in, assigned on submit. */
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
    /** One of TIMES_OF_DAY. */
    timeOfDay: text('time_of_day', { enum: TIMES_OF_DAY }).notNull(),
    /** ISO weekday 1–7 (Monday 1), or null for "any day" / often. */
    weekday: integer('weekday'),
    /** The description after personal-data masking (moderators may edit it further). */
    description: text('description').notNull().default(''),
    /** The kinds of personal data masked in the description (JSON array). */
    masks: json('masks').$type<string[]>().notNull().default([]),
    /** Who reports: one of REPORTER_TYPES. */
    reporterType: text('reporter_type', { enum: REPORTER_TYPES }).notNull(),
    /** Only if the reporter asked for a follow-up notice; sealed (src/server/privacy/sealed.ts); deleted when closed. Never shown. */
    email: text('email'),
    /**
     * A business's telephone number for a call back, if it gave one (the
     * business form only); sealed like the e-mail, shown only to staff on the
     * report's detail page, and deleted when the report is closed.
     */
    callback: text('callback'),
    /** One of REPORT_STATUSES. */
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('received'),
    /** The partner it was forwarded to, when forwarded: whose queue it is in. */
    forwardedTo: integer('forwarded_to').references(() => partners.id),
    /** When merged as a duplicate: the report it was merged into. */
    mergedInto: bigInteger('merged_into'),
    /** An initiative this report led to, if any. */
    initiativeId: integer('initiative_id').references(() => initiatives.id, { onDelete: 'set null' }),
    /** The day it was made (YYYY-MM-DD, Copenhagen): no time, for the reporter's privacy. */
    createdOn: text('created_on').notNull(),
    /** Synthetic demo report. */
    demo: flag('demo', false),
  },
  (t) => [
    check('reports_status_check', oneOf(t.status, REPORT_STATUSES)),
    check('reports_time_check', oneOf(t.timeOfDay, TIMES_OF_DAY)),
    check('reports_reporter_check', oneOf(t.reporterType, REPORTER_TYPES)),
    check('reports_weekday_check', sql`${t.weekday} is null or ${t.weekday} between 1 and 7`),
    check('reports_description_check', sql`length(${t.description}) <= 1000`),
    index('reports_status_idx').on(t.status),
    index('reports_area_idx').on(t.areaId, t.createdOn),
    index('reports_forwarded_idx').on(t.forwardedTo, t.status),
  ],
);

/** Every status change of a report, with its public note ("you said, we did"). */
export const reportUpdates = table(
  'report_updates',
  {
    id: randomId(),
    reportId: bigInteger('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    /** The status set by this change. */
    status: text('status', { enum: REPORT_STATUSES }).notNull(),
    /** Shown on the receipt page; no personal data. */
    publicNote: text('public_note'),
    /** Internal reason (e.g. for a rejection); not shown publicly. */
    internalNote: text('internal_note'),
    /** The staff member who made the change (never shown publicly). */
    userId: integer('user_id').references(() => users.id),
    /**
     * The partner that handled the change: the staff member's own partner at
     * the time, shown on the receipt as "Fra: <partner>" with the public note.
     * Null for the resident's own step and for staff without a partner.
     */
    partnerId: integer('partner_id').references(() => partners.id),
    /** A staff step's time; the resident's own "received" step keeps midnight (UTC) of its day only. */
    createdAt: createdAt(),
  },
  (t) => [index('report_updates_report_idx').on(t.reportId)],
);

/**
 * Notices waiting to be e-mailed (an outbox): follow-up notices to a reporter
 * who asked for them, and notices to a partner's functional mailbox when a
 * report is forwarded to it. Written in the same transaction as the status change, so a
 * notice is neither lost when the mail server is down nor sent for a change
 * that did not happen. The address is copied here because closing a report
 * deletes it from the report; the row itself is deleted once sent, or given
 * up after MAX_NOTICE_ATTEMPTS, so no address outlives its last notice by long.
 */
export const reportNotices = table(
  'report_notices',
  {
    id: id(),
    reportId: bigInteger('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    /** The reporter's address, or the partner's mailbox (copied when queued). Never shown, never logged. */
    email: text('email').notNull(),
    /** One of NOTICE_RECIPIENTS: what the mail says (a partner's notice has no public note and links to the staff page). */
    recipient: text('recipient', { enum: NOTICE_RECIPIENTS }).notNull().default('reporter'),
    /** The status the notice tells about. */
    status: text('status', { enum: REPORT_STATUSES }).notNull(),
    /** The public note of the change (already masked), if any. */
    publicNote: text('public_note'),
    /** Failed delivery attempts so far. */
    attempts: integer('attempts').notNull().default(0),
    /** Not before this time (seconds): back-off after a failed attempt. */
    nextAttemptAt: timestamp('next_attempt_at').notNull().default(now()),
    createdAt: createdAt(),
  },
  (t) => [
    check('report_notices_status_check', oneOf(t.status, REPORT_STATUSES)),
    check('report_notices_recipient_check', oneOf(t.recipient, NOTICE_RECIPIENTS)),
    index('report_notices_due_idx').on(t.nextAttemptAt),
  ],
);

export type ReportCategory = typeof reportCategories.$inferSelect;
export type Report = typeof reports.$inferSelect;
export type ReportUpdate = typeof reportUpdates.$inferSelect;

/**
 * A goal the partnership tracks, defined by an analyst: an indicator (the
 * share of respondents in an area whose answer to a question of a survey
 * series is one of `successValues`), a baseline and a target. The baseline
 * is either a wave of the series or a reference value entered by hand (with
 * its sample size and source, e.g. the city's own survey). The indicator's
 * denominator is everyone who gave a substantive answer: "don't know" and
 * "prefer not to say" are left out.
 */
export const goals = table(
  'goals',
  {
    id: id(),
    titleDa: text('title_da').notNull(),
    titleEn: text('title_en'),
    /** The survey series whose waves measure the indicator. */
    seriesId: integer('series_id')
      .notNull()
      .references(() => surveySeries.id),
    /** The question's stable key within the series, e.g. `safety_evening`. */
    questionKey: text('question_key').notNull(),
    /** For a matrix question: the item (row), e.g. `drug_dealing`. */
    item: text('item'),
    /** Answer values counted as the indicator (JSON array), e.g. ["unsafe", "very_unsafe"]. */
    successValues: json('success_values').$type<string[]>().notNull(),
    /** The area whose respondents are measured. */
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
    /** decrease (e.g. insecurity) or increase (e.g. trust). */
    direction: text('direction', { enum: GOAL_DIRECTIONS }).notNull().default('decrease'),
    /** Baseline: a wave of the series … */
    baselineSurveyId: integer('baseline_survey_id').references(() => surveys.id),
    /** … or a reference share (0–1) entered by hand, with its sample size and source. */
    baselineValue: double('baseline_value'),
    baselineN: integer('baseline_n'),
    baselineSource: text('baseline_source'),
    /** The share (0–1) to reach … */
    targetValue: double('target_value').notNull(),
    /** … by this day (YYYY-MM-DD). */
    targetDate: text('target_date').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('goals_direction_check', oneOf(t.direction, GOAL_DIRECTIONS)),
    check(
      'goals_baseline_check',
      sql`(${t.baselineSurveyId} is not null and ${t.baselineValue} is null) or (${t.baselineSurveyId} is null and ${t.baselineValue} between 0 and 1 and ${t.baselineN} > 0 and length(${t.baselineSource}) > 0)`,
    ),
    check('goals_target_check', sql`${t.targetValue} between 0 and 1`),
    check('goals_item_check', sql`${t.item} is null or length(${t.item}) > 0`),
  ],
);

/**
 * Population margins an analyst enters for an area (e.g. age band by gender
 * from Statistics Denmark), used to weight survey estimates by raking. The
 * variable is a question key of the series (`age_band`, `gender`) and the
 * category one of its answer values.
 */
export const populationMargins = table(
  'population_margins',
  {
    id: id(),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    /** A question key, e.g. `age_band`. */
    variable: text('variable').notNull(),
    /** One of that question's answer values, e.g. `30_44`. */
    category: text('category').notNull(),
    /** Number of inhabitants (or any count proportional to it). */
    population: integer('population').notNull(),
    /** Where the figure comes from, e.g. "Danmarks Statistik, FOLK1A, 1. kvt. 2026". */
    source: text('source').notNull(),
  },
  (t) => [
    uniqueIndex('population_margins_idx').on(t.areaId, t.variable, t.category),
    check('population_margins_population_check', sql`${t.population} >= 0`),
  ],
);

export type Goal = typeof goals.$inferSelect;
export type PopulationMargin = typeof populationMargins.$inferSelect;

/**
 * The analysis plan of a wave, fixed when the wave opens: a snapshot of its
 * series' goals with indicator, population, baseline, target, the weighting
 * margins and trimming bounds, the test and the multiplicity correction.
 * Never updated: changes made later are rows of `plan_changes`.
 */
export const analysisPlans = table('analysis_plans', {
  id: id(),
  surveyId: integer('survey_id')
    .notNull()
    .unique()
    .references(() => surveys.id, { onDelete: 'cascade' }),
  plan: json('plan').$type<AnalysisPlanContent>().notNull(),
  lockedAt: timestamp('locked_at').notNull().default(now()),
  lockedBy: integer('locked_by').references(() => users.id),
});

/**
 * A change to a goal after an analysis plan that covers it was locked: who,
 * when, what (before and after) and why (required). Shown on every page
 * that uses the goal. Only ever inserted.
 */
export const planChanges = table(
  'plan_changes',
  {
    id: id(),
    planId: integer('plan_id')
      .notNull()
      .references(() => analysisPlans.id, { onDelete: 'cascade' }),
    /** The goal (no foreign key: a removed goal's change stays). */
    goalId: integer('goal_id').notNull(),
    kind: text('kind', { enum: PLAN_CHANGE_KINDS }).notNull(),
    before: json('before').$type<PlannedGoal | null>(),
    after: json('after').$type<PlannedGoal | null>(),
    reason: text('reason').notNull(),
    changedAt: timestamp('changed_at').notNull().default(now()),
    changedBy: integer('changed_by').references(() => users.id),
  },
  (t) => [
    check('plan_changes_kind_check', oneOf(t.kind, PLAN_CHANGE_KINDS)),
    check('plan_changes_reason_check', sql`length(${t.reason}) > 0`),
    index('plan_changes_goal_idx').on(t.goalId),
  ],
);

export type AnalysisPlan = typeof analysisPlans.$inferSelect;
export type PlanChange = typeof planChanges.$inferSelect;

// ---------------------------------------------------------------------------
// State that several app instances share (see README "Running on PostgreSQL")
// ---------------------------------------------------------------------------

/**
 * A dated release of public figures (README "Privacy"): what the public map,
 * Open311, initiative pages and the front page show is computed from the
 * newest release, never from live data, so moderating, linking or merging a
 * report changes nothing public until the next release. A release is written
 * once and never changed. It holds, per moderated report, only what the
 * public figures are made of: hexagon, area, category, year, reporter type,
 * linked initiative and record key; no id, point, date, text or status.
 */
export const releases = table(
  'releases',
  {
    id: id(),
    /** One of RELEASE_KINDS. */
    kind: text('kind', { enum: RELEASE_KINDS }).notNull(),
    /** The day the release was made (YYYY-MM-DD, Copenhagen): what every public figure says. */
    madeOn: text('made_on').notNull(),
    /** The staff member who asked for it ("publish now"), or null for the schedule. */
    madeBy: integer('made_by').references(() => users.id),
    /** The released records (see above), as written. */
    payload: json('payload').$type<unknown>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [check('releases_kind_check', oneOf(t.kind, RELEASE_KINDS)), index('releases_kind_idx').on(t.kind, t.id)],
);

// ---------------------------------------------------------------------------
// Consultations on proposed measures (cameras, lighting…), place by place
// ---------------------------------------------------------------------------

/**
 * A consultation an editor runs for an area: residents weigh in on each
 * proposed place between `opensOn` and `closesOn` (both days included,
 * Copenhagen). When it closes its results are released once through the
 * disclosure engine (`releaseId`) and the raw answers are deleted; the
 * editor then publishes, per place, what was decided and why.
 */
export const consultations = table(
  'consultations',
  {
    id: id(),
    /** URL identifier: /hoeringer/<slug>. */
    slug: text('slug').notNull().unique(),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
    /** The initiative it belongs to, if any (the initiative's page links to it). */
    initiativeId: integer('initiative_id').references(() => initiatives.id, { onDelete: 'set null' }),
    titleDa: text('title_da').notNull(),
    titleEn: text('title_en'),
    /** One or two plain sentences for lists. */
    summaryDa: text('summary_da').notNull(),
    summaryEn: text('summary_en'),
    /** The explanation: Markdown, rendered through the allow-list sanitiser. */
    bodyDa: text('body_da').notNull().default(''),
    bodyEn: text('body_en'),
    /** One of CONSULTATION_SCALES: which answers each place offers. */
    scale: text('scale', { enum: CONSULTATION_SCALES }).notNull(),
    /** First and last day residents can answer (YYYY-MM-DD, Copenhagen). */
    opensOn: text('opens_on').notNull(),
    closesOn: text('closes_on').notNull(),
    /** draft (staff only) or published (public). */
    state: text('state', { enum: PUBLICATION_STATES }).notNull().default('draft'),
    /** The release of its results, made once after it closes (null until then). */
    releaseId: integer('release_id').references(() => releases.id),
    /** The day the decisions were published (YYYY-MM-DD), or null before. */
    decidedOn: text('decided_on'),
    /** The decisions' general note ("what we heard"), Markdown. */
    decisionDa: text('decision_da'),
    decisionEn: text('decision_en'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('consultations_scale_check', oneOf(t.scale, CONSULTATION_SCALES)),
    check('consultations_state_check', oneOf(t.state, PUBLICATION_STATES)),
    check('consultations_slug_check', sql`${onlyCharsOf(t.slug, 'a-z0-9-')} and length(${t.slug}) > 0`),
    check('consultations_dates_check', sql`${t.closesOn} >= ${t.opensOn}`),
  ],
);

/** The proposed places or measures of a consultation, each with its point and, once decided, the outcome. */
export const consultationPlaces = table(
  'consultation_places',
  {
    id: id(),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    /** Order on the page and the number on the map (1, 2, …). */
    position: integer('position').notNull(),
    nameDa: text('name_da').notNull(),
    nameEn: text('name_en'),
    /** A short plain description of the proposal at this place. */
    descriptionDa: text('description_da').notNull(),
    descriptionEn: text('description_en'),
    /** The point (WGS84). */
    lat: double('lat').notNull(),
    lon: double('lon').notNull(),
    /** One of PROPOSAL_ILLUSTRATIONS, or null for none. */
    illustration: text('illustration', { enum: PROPOSAL_ILLUSTRATIONS }),
    /** One of CONSULTATION_OUTCOMES once decided. */
    outcome: text('outcome', { enum: CONSULTATION_OUTCOMES }),
    /** Why, published with the outcome. */
    reasonDa: text('reason_da'),
    reasonEn: text('reason_en'),
  },
  (t) => [
    check('consultation_places_illustration_check', sql`${t.illustration} is null or ${oneOf(t.illustration, PROPOSAL_ILLUSTRATIONS)}`),
    check('consultation_places_outcome_check', sql`(${t.outcome} is null and ${t.reasonDa} is null) or (${t.outcome} is not null and ${t.reasonDa} is not null and ${oneOf(t.outcome, CONSULTATION_OUTCOMES)})`),
    uniqueIndex('consultation_places_position_idx').on(t.consultationId, t.position),
  ],
);

/**
 * One row per response, only so that responses can be counted: who answered
 * (a REPORTER_TYPES value) and a record key. Random ids, no time, nothing
 * that links it to its answers. Deleted when the results are released.
 */
export const consultationResponses = table(
  'consultation_responses',
  {
    id: randomId(),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    respondent: text('respondent', { enum: REPORTER_TYPES }).notNull(),
    /** Random record key for the cell key method (src/lib/disclosure/perturbation.ts). */
    cellKey: integer('cell_key').notNull(),
  },
  (t) => [check('consultation_responses_respondent_check', oneOf(t.respondent, REPORTER_TYPES)), index('consultation_responses_idx').on(t.consultationId)],
);

/**
 * One answer about one place: who answered and the stance, with a record
 * key. Deliberately not linked to the response or to the same person's other
 * places (each row has its own random id and key), so a copy of the database
 * holds no one's profile across places. Deleted when the results are released.
 */
export const consultationStances = table(
  'consultation_stances',
  {
    id: randomId(),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    placeId: integer('place_id')
      .notNull()
      .references(() => consultationPlaces.id, { onDelete: 'cascade' }),
    respondent: text('respondent', { enum: REPORTER_TYPES }).notNull(),
    /** One of STANCES allowed by the consultation's scale. */
    stance: text('stance', { enum: STANCES }).notNull(),
    cellKey: integer('cell_key').notNull(),
  },
  (t) => [
    check('consultation_stances_respondent_check', oneOf(t.respondent, REPORTER_TYPES)),
    check('consultation_stances_stance_check', oneOf(t.stance, STANCES)),
    index('consultation_stances_idx').on(t.consultationId, t.placeId),
  ],
);

/**
 * Invitation codes for a consultation, printed on letters to households so
 * that each letter answers once (optional: anyone may answer without one).
 * Like the surveys' codes: no time, and nothing links a code to what was
 * answered; a used code only has `used` set, in the transaction that stores
 * the answer.
 */
export const consultationCodes = table(
  'consultation_codes',
  {
    id: id(),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    /** The code as printed (upper-case, no look-alike characters; src/lib/survey/codes.ts). */
    code: text('code').notNull().unique(),
    /** Which generated batch it belongs to (for printing runs). */
    batch: integer('batch').notNull(),
    /** Whether it has been used: no time, so it cannot be matched to an answer. */
    used: flag('used', false),
  },
  (t) => [index('consultation_codes_idx').on(t.consultationId, t.used)],
);

export type Consultation = typeof consultations.$inferSelect;
export type ConsultationPlace = typeof consultationPlaces.$inferSelect;

/**
 * Throttle counters: at most a throttle's limit of hits per key per window
 * (fixed windows). A row lives until its window ends; it holds a keyed hash,
 * a count and a time, nothing that leads back to a person, and nothing links
 * it to what the client posted.
 */
export const throttleHits = table(
  'throttle_hits',
  {
    /** Which throttle, e.g. `reportClient` (src/server/platform/throttle.ts). */
    scope: text('scope').notNull(),
    /** HMAC of the client address or account with the key of the day (base64url). */
    key: text('key').notNull(),
    /** Hits in the current window. */
    count: integer('count').notNull(),
    /** When the window ends (seconds); the row is deleted after. */
    resetAt: timestamp('reset_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('throttle_hits_reset_idx').on(t.resetAt)],
);

/**
 * /meld submissions already stored: a double click, a resent form or a retry
 * after a lost answer finds its token here and leads to the same receipt,
 * whichever instance it reaches. Written in the report's transaction, so a
 * token is stored exactly when its report is; kept for a day.
 */
export const reportSubmissions = table(
  'report_submissions',
  {
    /** sha256 of the form's hidden `submission` token (base64url). */
    tokenHash: text('token_hash').primaryKey(),
    /**
     * The report stored for it. Null only inside the storing transaction: the
     * token is claimed first (a concurrent repeat waits for that claim and
     * then finds the receipt), the report inserted, and this set.
     */
    reportId: bigInteger('report_id').references(() => reports.id, { onDelete: 'cascade' }),
    /** When the token is forgotten: midnight (UTC) one or two days after the report, no time of day. */
    expiresAt: timestamp('expires_at').notNull(),
  },
  (t) => [index('report_submissions_expires_idx').on(t.expiresAt)],
);

/**
 * API keys of Open311 clients: POST requests.json needs one (GeoReport v2's
 * api_key), so a page on another site cannot make visitors' browsers file
 * reports. Made by admins at /staff/open311 or with `npm run staff --
 * open311-key`; the key is shown once and only its SHA-256 is kept.
 */
export const open311Keys = table('open311_keys', {
  id: id(),
  /** Who the key is for, e.g. "Københavns Kommune app". */
  name: text('name').notNull(),
  /** SHA-256 of the key (base64url), looked up by. */
  keyHash: text('key_hash').notNull().unique(),
  createdAt: createdAt(),
  /** When an admin revoked it; a revoked key is refused. */
  revokedAt: timestamp('revoked_at'),
});

// ---------------------------------------------------------------------------
// Subscriptions (residents' e-mail alerts; src/server/subscriptions/subscriptions.ts)
// ---------------------------------------------------------------------------

/**
 * A resident's e-mail subscription, held for this purpose alone. The
 * address is sealed (AES-256-GCM, key derived from the throttle secret,
 * which is never in the database) and deleted with the row on
 * unsubscribing. Unconfirmed rows expire after 48 hours and are deleted
 * (src/server/privacy/retention.ts). No creation time, no client key, nothing about
 * the device.
 */
export const subscriptions = table(
  'subscriptions',
  {
    /** Random: the unsubscribe link carries it with a keyed MAC. */
    id: randomId(),
    /** One of SUBSCRIPTION_TOPICS. */
    topic: text('topic', { enum: SUBSCRIPTION_TOPICS }).notNull(),
    /** The area followed (topic `area`). */
    areaId: integer('area_id').references(() => areas.id, { onDelete: 'cascade' }),
    /** The initiative followed (topic `initiative`); deleted with it. */
    initiativeId: integer('initiative_id').references(() => initiatives.id, { onDelete: 'cascade' }),
    /** `da` or `en`: the language of the mails. */
    locale: text('locale', { enum: SUBSCRIPTION_LOCALES }).notNull(),
    /** The address, sealed: nonce, tag and ciphertext. Never shown, never logged. */
    addressSealed: bytes('address_sealed').notNull(),
    /** Keyed hash (HMAC, the subscriptions' key) of the normalised address and what is followed: one row per address and topic. */
    lookupKey: text('lookup_key').notNull().unique(),
    /** SHA-256 of the confirmation link's token (base64url). Kept after confirming, so a second click is told it is done. */
    confirmHash: text('confirm_hash').notNull().unique(),
    /** Until when an unconfirmed subscription can be confirmed (seconds); null once confirmed. */
    expiresAt: timestamp('expires_at'),
    /** When the link was followed; null until then (nothing is sent but the confirmation mail). */
    confirmedAt: timestamp('confirmed_at'),
    /** The digest covers what was published from this instant on; moved forward by each digest run. */
    digestFrom: timestamp('digest_from'),
  },
  (t) => [
    check('subscriptions_topic_check', sql`${t.topic} is not null and ${oneOf(t.topic, SUBSCRIPTION_TOPICS)}`),
    check('subscriptions_locale_check', sql`${t.locale} is not null and ${oneOf(t.locale, SUBSCRIPTION_LOCALES)}`),
    check('subscriptions_target_check', sql`(${t.topic} = 'area') = (${t.areaId} is not null) and (${t.topic} = 'initiative') = (${t.initiativeId} is not null)`),
    check('subscriptions_confirmed_check', sql`(${t.confirmedAt} is null) = (${t.expiresAt} is not null) and (${t.confirmedAt} is null) = (${t.digestFrom} is null)`),
    index('subscriptions_expires_idx').on(t.expiresAt),
  ],
);

/**
 * The subscriptions' outbox: one mail per row, sent by
 * src/server/subscriptions/mail.ts and deleted once sent or given up. The
 * address is not copied here (it is read from the subscription when
 * sending), and the unsubscribe link is added when sending, so only a
 * confirmation mail holds a secret (its link) while it waits.
 */
export const subscriptionMails = table(
  'subscription_mails',
  {
    id: id(),
    subscriptionId: bigInteger('subscription_id')
      .notNull()
      .references(() => subscriptions.id, { onDelete: 'cascade' }),
    /** One of SUBSCRIPTION_MAIL_KINDS. */
    kind: text('kind', { enum: SUBSCRIPTION_MAIL_KINDS }).notNull(),
    subject: text('subject').notNull(),
    /** The text without the unsubscribe footer. */
    body: text('body').notNull(),
    /** Failed delivery attempts so far. */
    attempts: integer('attempts').notNull().default(0),
    /** Not before this time (seconds): back-off after a failed attempt. */
    nextAttemptAt: timestamp('next_attempt_at').notNull().default(now()),
    createdAt: createdAt(),
  },
  (t) => [
    check('subscription_mails_kind_check', sql`${t.kind} is not null and ${oneOf(t.kind, SUBSCRIPTION_MAIL_KINDS)}`),
    index('subscription_mails_due_idx').on(t.nextAttemptAt),
    index('subscription_mails_subscription_idx').on(t.subscriptionId),
  ],
);

export type Subscription = typeof subscriptions.$inferSelect;
