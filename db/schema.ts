/**
 * The database schema (SQLite, drizzle sqlite-core). The schema is the
 * documentation: every column says what it holds and why; enumerations are
 * CHECK-constrained so a bad value cannot be stored by any code path.
 *
 * Privacy rule for every table here: nothing identifies a resident. No IP
 * address, user agent, account or tracking identifier is ever stored.
 *
 * After changing this file run `npm run db:generate` and commit the new
 * migration in db/migrations (generated migrations are never edited).
 */
import { sql } from 'drizzle-orm';
import { blob, check, index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Area kinds: the partnership's target area, or a neighbouring area watched for displacement. */
export const AREA_KINDS = ['target', 'adjacent'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** A GeoJSON Polygon or MultiPolygon geometry in WGS84 longitude/latitude. */
export type AreaGeometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

/**
 * Named areas that surveys, reports and goals are tied to. Areas are data:
 * an admin can replace the (approximate) seeded polygons by uploading GeoJSON.
 */
export const areas = sqliteTable(
  'areas',
  {
    /** Surrogate key. */
    id: integer('id').primaryKey({ autoIncrement: true }),
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
    geometry: text('geometry', { mode: 'json' }).$type<AreaGeometry>().notNull(),
    /** True while the boundary is hand-drawn from known points rather than official. */
    approximate: integer('approximate', { mode: 'boolean' }).notNull().default(true),
    /** When the row last changed (Unix seconds). */
    updatedAt: integer('updated_at', { mode: 'timestamp' })
      .notNull()
      .default(sql`(unixepoch())`),
  },
  (t) => [
    check('areas_kind_check', sql`${t.kind} in ('target', 'adjacent')`),
    check('areas_slug_check', sql`${t.slug} glob '[a-z0-9]*' and ${t.slug} not glob '*[^a-z0-9-]*'`),
  ],
);

export type Area = typeof areas.$inferSelect;
export type NewArea = typeof areas.$inferInsert;

// ---------------------------------------------------------------------------
// Partners and staff
// ---------------------------------------------------------------------------

/**
 * The partnership's parties. Initiatives name their responsible partners, and
 * staff replies to residents are signed with the partner's name.
 */
export const partners = sqliteTable(
  'partners',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Stable identifier, e.g. `politi`; used in filters and URLs. */
    slug: text('slug').notNull().unique(),
    /** Danish name, e.g. "Københavns Politi". */
    nameDa: text('name_da').notNull(),
    /** English name. */
    nameEn: text('name_en').notNull(),
    /** Order in lists. */
    displayOrder: integer('display_order').notNull().default(0),
  },
  (t) => [check('partners_slug_check', sql`${t.slug} not glob '*[^a-z0-9-]*' and length(${t.slug}) > 0`)],
);

/** Staff roles; what each may do is the permission table in src/lib/permissions.ts. */
export const ROLES = ['admin', 'editor', 'moderator', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Staff accounts (never residents: residents have no accounts). Every staff
 * role must use two-factor authentication (TOTP).
 */
export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Login name, stored lower-case. */
    email: text('email').notNull().unique(),
    /** Shown in the audit log and, with the partner, under official replies. */
    displayName: text('display_name').notNull(),
    /** One of ROLES. */
    role: text('role', { enum: ROLES }).notNull(),
    /** The partner the person works for; official replies are signed with it. */
    partnerId: integer('partner_id').references(() => partners.id),
    /** argon2id hash (PHC string) of the password; never the password. */
    passwordHash: text('password_hash').notNull(),
    /** The TOTP key (20 random bytes) once enrolment has started; null before. */
    totpKey: blob('totp_key', { mode: 'buffer' }),
    /** When the person confirmed a TOTP code and so finished enrolment; null until then. */
    totpEnrolledAt: integer('totp_enrolled_at', { mode: 'timestamp' }),
    /** The last TOTP time step accepted, so a code cannot be replayed within its window. */
    totpLastStep: integer('totp_last_step'),
    /** When the account was disabled; a disabled account cannot sign in. */
    disabledAt: integer('disabled_at', { mode: 'timestamp' }),
    /** When the password was last set (created, changed or reset). */
    passwordChangedAt: integer('password_changed_at', { mode: 'timestamp' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull().default(sql`(unixepoch())`),
  },
  (t) => [
    check('users_role_check', sql`${t.role} in ('admin', 'editor', 'moderator', 'analyst', 'viewer')`),
    check('users_email_check', sql`${t.email} = lower(${t.email}) and ${t.email} like '%_@_%'`),
  ],
);

/** One-time recovery codes for a lost authenticator: ten per enrolment, each usable once. */
export const recoveryCodes = sqliteTable(
  'recovery_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the normalised code; the code itself is shown once and never stored. */
    codeHash: blob('code_hash', { mode: 'buffer' }).notNull(),
    /** When it was used; a used code is never accepted again. */
    usedAt: integer('used_at', { mode: 'timestamp' }),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/**
 * Staff sessions, after the Lucia author's session guide: the cookie holds
 * `<id>.<secret>`; only the SHA-256 of the secret is stored, so a leaked
 * database does not leak usable sessions.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    /** Random public part of the token (looked up by). */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token's secret part, compared in constant time. */
    secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
    /** Whether the second factor has been passed in this session; until then only MFA pages open. */
    twoFactorVerified: integer('two_factor_verified', { mode: 'boolean' }).notNull().default(false),
    /** Creation time: the absolute lifetime (7 days) counts from here. */
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
    /** Last time the session was used (written at most once a minute): the inactivity timeout (8 h) counts from here. */
    lastVerifiedAt: integer('last_verified_at', { mode: 'timestamp' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Every staff write: who, when, what, and a short before/after summary.
 * Rows are only ever inserted. Summaries never hold passwords, codes or
 * resident e-mail addresses.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** When it happened. */
    at: integer('at', { mode: 'timestamp' }).notNull().default(sql`(unixepoch())`),
    /** Who did it; null for the command line and the system. */
    userId: integer('user_id').references(() => users.id),
    /** What was done, verb-noun, e.g. `initiative.publish`. */
    action: text('action').notNull(),
    /** What kind of thing it was done to, e.g. `initiative`. */
    entityType: text('entity_type').notNull(),
    /** Which one (its id), when there is one. */
    entityId: integer('entity_id'),
    /** A short human-readable before → after summary. */
    summary: text('summary').notNull().default(''),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);

// ---------------------------------------------------------------------------
// Initiatives (indsatser)
// ---------------------------------------------------------------------------

/** The police's three tracks, plus the city's social and urban-renewal work. */
export const TRACKS = ['investigative', 'operational', 'preventive', 'social', 'urban_renewal'] as const;
export type Track = (typeof TRACKS)[number];
export const INITIATIVE_STATUSES = ['planned', 'active', 'completed'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];
/** Publication state of anything staff write for the public. */
export const PUBLICATION_STATES = ['draft', 'published'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/**
 * The partnership's general safety initiatives. Never about individuals.
 * Text is per locale: Danish is required, English falls back to Danish.
 */
export const initiatives = sqliteTable(
  'initiatives',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
    publishedAt: integer('published_at', { mode: 'timestamp' }),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull().default(sql`(unixepoch())`),
    updatedAt: integer('updated_at', { mode: 'timestamp' }).notNull().default(sql`(unixepoch())`),
  },
  (t) => [
    check('initiatives_track_check', sql`${t.track} in ('investigative', 'operational', 'preventive', 'social', 'urban_renewal')`),
    check('initiatives_status_check', sql`${t.status} in ('planned', 'active', 'completed')`),
    check('initiatives_state_check', sql`${t.state} in ('draft', 'published')`),
    check('initiatives_slug_check', sql`${t.slug} not glob '*[^a-z0-9-]*' and length(${t.slug}) > 0`),
    check('initiatives_dates_check', sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** Which partners are responsible for an initiative. */
export const initiativePartners = sqliteTable(
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
export const initiativeAreas = sqliteTable(
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
export const initiativeUpdates = sqliteTable(
  'initiative_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    initiativeId: integer('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    /** The day the update is about (YYYY-MM-DD). */
    happenedOn: text('happened_on').notNull(),
    /** Plain text. */
    textDa: text('text_da').notNull(),
    textEn: text('text_en'),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull().default(sql`(unixepoch())`),
  },
  (t) => [index('initiative_updates_initiative_idx').on(t.initiativeId, t.happenedOn)],
);

// ---------------------------------------------------------------------------
// Events (arrangementer)
// ---------------------------------------------------------------------------

export const EVENT_KINDS = ['citizen_meeting', 'safety_walk', 'office_hours', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Citizen meetings, safety walks and open office hours. */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
    lat: real('lat'),
    lon: real('lon'),
    startsAt: integer('starts_at', { mode: 'timestamp' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp' }).notNull(),
    areaId: integer('area_id').references(() => areas.id),
    /** The organising partner. */
    partnerId: integer('partner_id').references(() => partners.id),
    /** An initiative the event belongs to, if any. */
    initiativeId: integer('initiative_id').references(() => initiatives.id, { onDelete: 'set null' }),
    publishedAt: integer('published_at', { mode: 'timestamp' }),
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull().default(sql`(unixepoch())`),
    updatedAt: integer('updated_at', { mode: 'timestamp' }).notNull().default(sql`(unixepoch())`),
  },
  (t) => [
    check('events_kind_check', sql`${t.kind} in ('citizen_meeting', 'safety_walk', 'office_hours', 'other')`),
    check('events_state_check', sql`${t.state} in ('draft', 'published')`),
    check('events_slug_check', sql`${t.slug} not glob '*[^a-z0-9-]*' and length(${t.slug}) > 0`),
    check('events_time_check', sql`${t.endsAt} >= ${t.startsAt}`),
    check('events_point_check', sql`(${t.lat} is null) = (${t.lon} is null)`),
    index('events_starts_idx').on(t.startsAt),
  ],
);

// ---------------------------------------------------------------------------
// Moderated public dialogue
// ---------------------------------------------------------------------------

export const COMMENT_TARGETS = ['initiative', 'event'] as const;
export type CommentTarget = (typeof COMMENT_TARGETS)[number];
export const COMMENT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/**
 * Residents' questions and comments on initiatives and events. Anonymous
 * (name optional, nothing else about the poster); personal data in the text
 * is masked before storage; nothing is public before a moderator approves.
 */
export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** What it is about: `initiative` or `event`. */
    targetType: text('target_type', { enum: COMMENT_TARGETS }).notNull(),
    /** The initiative's or event's id. */
    targetId: integer('target_id').notNull(),
    /** The name the poster chose to give, if any (masked like the text). */
    authorName: text('author_name'),
    /** The text after personal-data masking; moderators may edit it further. */
    body: text('body').notNull(),
    /** The kinds of personal data that were masked (JSON array, e.g. ["cpr"]). */
    masks: text('masks', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /** The locale the poster wrote in. */
    locale: text('locale', { enum: ['da', 'en'] }).notNull(),
    /** pending → approved or rejected. */
    status: text('status', { enum: COMMENT_STATUSES }).notNull().default('pending'),
    /** The day it was posted (YYYY-MM-DD): no time of day, for the poster's privacy. */
    postedOn: text('posted_on').notNull(),
    /** The moderator's reason when rejected (internal). */
    rejectReason: text('reject_reason'),
    moderatedBy: integer('moderated_by').references(() => users.id),
    moderatedAt: integer('moderated_at', { mode: 'timestamp' }),
  },
  (t) => [
    check('comments_target_check', sql`${t.targetType} in ('initiative', 'event')`),
    check('comments_status_check', sql`${t.status} in ('pending', 'approved', 'rejected')`),
    check('comments_locale_check', sql`${t.locale} in ('da', 'en')`),
    check('comments_body_check', sql`length(${t.body}) between 1 and 2000`),
    index('comments_target_idx').on(t.targetType, t.targetId, t.status),
    index('comments_status_idx').on(t.status),
  ],
);

/** Official replies from staff under a resident's comment, shown with the partner's name. */
export const commentReplies = sqliteTable(
  'comment_replies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    commentId: integer('comment_id')
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
    createdAt: integer('created_at', { mode: 'timestamp' }).notNull().default(sql`(unixepoch())`),
  },
  (t) => [index('comment_replies_comment_idx').on(t.commentId)],
);

export type Partner = typeof partners.$inferSelect;
export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Initiative = typeof initiatives.$inferSelect;
export type InitiativeUpdate = typeof initiativeUpdates.$inferSelect;
export type Event = typeof events.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type CommentReply = typeof commentReplies.$inferSelect;
