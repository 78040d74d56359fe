/**
 * The database schema for PostgreSQL (drizzle pg-core), for deployments that
 * run several app instances against one database. It mirrors db/schema.sqlite.ts
 * table for table: the same export names, SQL table and column names,
 * nullability, defaults, keys, foreign keys, indexes and CHECK names, and the
 * same `$inferSelect` / `$inferInsert` types, because the app is typed
 * against the SQLite tables and is handed these at run time when
 * DATABASE_URL is postgres://. What each table and column holds, and why, is
 * documented once, in db/schema.sqlite.ts; enumerations and JSON shapes are imported
 * from there, and the column kinds both repeat come from db/columns.ts.
 * tests/unit/schema-parity.test.ts fails while the two schemas differ.
 *
 * Only the SQL that SQLite spells its own way is translated: a `glob` pattern
 * in a CHECK becomes a regular expression (`~`, `!~`), and the default
 * `(unixepoch())` becomes `now()` (in db/columns.ts).
 *
 * After changing this file run
 * `drizzle-kit generate --config db/drizzle.pg.config.ts` and commit the new
 * migration in db/migrations-pg (generated migrations are never edited).
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { oneOf, pgColumns } from './columns.ts';
import {
  LOCALES,
  AREA_KINDS,
  PLACE_KINDS,
  COMMENT_STATUSES,
  COMMENT_TARGETS,
  FLAG_REASONS,
  TAKEDOWN_REASONS,
  EVENT_KINDS,
  EVENT_NOTICE_KINDS,
  GOAL_DIRECTIONS,
  INITIATIVE_STATUSES,
  MILESTONE_STATES,
  NOTICE_RECIPIENTS,
  PUBLICATION_STATES,
  QUESTION_TYPES,
  RELEASE_KINDS,
  REPORT_STATUSES,
  REPORTER_TYPES,
  CATEGORY_AUDIENCES,
  PLAN_CHANGE_KINDS,
  RESPONSE_CHANNELS,
  type AnalysisPlanContent,
  type PlannedGoal,
  ROLES,
  SURVEY_MODES,
  SURVEY_STATUSES,
  SUBSCRIPTION_LOCALES,
  TRANSLATION_LOCALES,
  TRANSLATION_STATES,
  CONSULTATION_SCALES,
  CONSULTATION_OUTCOMES,
  PROPOSAL_ILLUSTRATIONS,
  STANCES,
  type TranslationLocale,
  SUBSCRIPTION_MAIL_KINDS,
  SUBSCRIPTION_TOPICS,
  TIMES_OF_DAY,
  TRACKS,
  type AreaGeometry,
  type QuestionConfig,
  type ShowIf,
} from '../src/lib/domain.ts';

const { id, randomId, bigInteger, timestamp, now, createdAt, updatedAt, flag, json, bytes, double } = pgColumns;

/** See `areas` in schema.sqlite.ts. */
export const areas = pgTable(
  'areas',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    nameDa: text('name_da').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind', { enum: AREA_KINDS }).notNull(),
    displayOrder: integer('display_order').notNull().default(0),
    geometry: json('geometry').$type<AreaGeometry>().notNull(),
    approximate: flag('approximate', true),
    retiredAt: timestamp('retired_at'),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('areas_kind_check', oneOf(t.kind, AREA_KINDS)),
    check('areas_slug_check', sql`${t.slug} ~ '^[a-z0-9]' and ${t.slug} !~ '[^a-z0-9-]'`),
  ],
);

/** See `places` in schema.sqlite.ts. */
export const places = pgTable(
  'places',
  {
    id: text('id').primaryKey(),
    nameDa: text('name_da').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind', { enum: PLACE_KINDS }).notNull(),
    lat: double('lat').notNull(),
    lon: double('lon').notNull(),
    retiredAt: timestamp('retired_at'),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('places_kind_check', sql`${t.kind} is not null and ${oneOf(t.kind, PLACE_KINDS)}`),
    check('places_id_check', sql`${t.id} ~ '^[a-z0-9]' and ${t.id} !~ '[^a-z0-9-]'`),
  ],
);

// ---------------------------------------------------------------------------
// Partners and staff
// ---------------------------------------------------------------------------

/** See `partners` in schema.sqlite.ts. */
export const partners = pgTable(
  'partners',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    nameDa: text('name_da').notNull(),
    nameEn: text('name_en').notNull(),
    displayOrder: integer('display_order').notNull().default(0),
    mailbox: text('mailbox'),
  },
  (t) => [check('partners_slug_check', sql`${t.slug} !~ '[^a-z0-9-]' and length(${t.slug}) > 0`)],
);

/** See `users` in schema.sqlite.ts. */
export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    partnerId: integer('partner_id').references(() => partners.id),
    passwordHash: text('password_hash').notNull(),
    totpKey: bytes('totp_key'),
    totpEnrolledAt: timestamp('totp_enrolled_at'),
    totpLastStep: integer('totp_last_step'),
    disabledAt: timestamp('disabled_at'),
    passwordChangedAt: timestamp('password_changed_at').notNull(),
    passwordTemporary: flag('password_temporary', false),
    createdAt: createdAt(),
  },
  (t) => [
    check('users_role_check', oneOf(t.role, ROLES)),
    check('users_email_check', sql`${t.email} = lower(${t.email}) and ${t.email} like '%_@_%'`),
  ],
);

/** See `recoveryCodes` in schema.sqlite.ts. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: bytes('code_hash').notNull(),
    usedAt: timestamp('used_at'),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** See `sessions` in schema.sqlite.ts. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    secretHash: bytes('secret_hash').notNull(),
    twoFactorVerified: flag('two_factor_verified', false),
    createdAt: timestamp('created_at').notNull(),
    lastVerifiedAt: timestamp('last_verified_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** See `auditLog` in schema.sqlite.ts. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    at: timestamp('at').notNull().default(now()),
    userId: integer('user_id').references(() => users.id),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: bigInteger('entity_id'),
    summary: text('summary').notNull().default(''),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);

// ---------------------------------------------------------------------------
// Initiatives (indsatser)
// ---------------------------------------------------------------------------

/** See `initiatives` in schema.sqlite.ts. */
export const initiatives = pgTable(
  'initiatives',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    track: text('track', { enum: TRACKS }).notNull(),
    status: text('status', { enum: INITIATIVE_STATUSES }).notNull(),
    state: text('state', { enum: PUBLICATION_STATES }).notNull().default('draft'),
    startsOn: text('starts_on'),
    endsOn: text('ends_on'),
    titleDa: text('title_da').notNull(),
    titleEn: text('title_en'),
    summaryDa: text('summary_da').notNull(),
    summaryEn: text('summary_en'),
    bodyDa: text('body_da').notNull().default(''),
    bodyEn: text('body_en'),
    publishedAt: timestamp('published_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('initiatives_track_check', oneOf(t.track, TRACKS)),
    check('initiatives_status_check', oneOf(t.status, INITIATIVE_STATUSES)),
    check('initiatives_state_check', oneOf(t.state, PUBLICATION_STATES)),
    check('initiatives_slug_check', sql`${t.slug} !~ '[^a-z0-9-]' and length(${t.slug}) > 0`),
    check('initiatives_dates_check', sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** See `initiativePartners` in schema.sqlite.ts. */
export const initiativePartners = pgTable(
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

/** See `initiativeAreas` in schema.sqlite.ts. */
export const initiativeAreas = pgTable(
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

/** See `initiativeUpdates` in schema.sqlite.ts. */
export const initiativeUpdates = pgTable(
  'initiative_updates',
  {
    id: id(),
    initiativeId: integer('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    happenedOn: text('happened_on').notNull(),
    textDa: text('text_da').notNull(),
    textEn: text('text_en'),
    createdAt: createdAt(),
    editedAt: timestamp('edited_at'),
    retractedAt: timestamp('retracted_at'),
    retractionReason: text('retraction_reason'),
  },
  (t) => [index('initiative_updates_initiative_idx').on(t.initiativeId, t.happenedOn)],
);

export const initiativeUpdateVersions = pgTable(
  'initiative_update_versions',
  {
    id: id(),
    updateId: integer('update_id')
      .notNull()
      .references(() => initiativeUpdates.id, { onDelete: 'cascade' }),
    happenedOn: text('happened_on').notNull(),
    textDa: text('text_da').notNull(),
    textEn: text('text_en'),
    replacedAt: timestamp('replaced_at').notNull().default(now()),
  },
  (t) => [index('initiative_update_versions_update_idx').on(t.updateId)],
);

export const initiativeMilestones = pgTable(
  'initiative_milestones',
  {
    id: id(),
    initiativeId: integer('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    titleDa: text('title_da').notNull(),
    titleEn: text('title_en'),
    dueOn: text('due_on'),
    state: text('state', { enum: MILESTONE_STATES }).notNull().default('planned'),
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

/** See `events` in schema.sqlite.ts. */
export const events = pgTable(
  'events',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    kind: text('kind', { enum: EVENT_KINDS }).notNull(),
    state: text('state', { enum: PUBLICATION_STATES }).notNull().default('draft'),
    titleDa: text('title_da').notNull(),
    titleEn: text('title_en'),
    descriptionDa: text('description_da').notNull().default(''),
    descriptionEn: text('description_en'),
    place: text('place').notNull(),
    lat: double('lat'),
    lon: double('lon'),
    startsAt: timestamp('starts_at').notNull(),
    endsAt: timestamp('ends_at').notNull(),
    areaId: integer('area_id').references(() => areas.id),
    partnerId: integer('partner_id').references(() => partners.id),
    initiativeId: integer('initiative_id').references(() => initiatives.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    cancelledAt: timestamp('cancelled_at'),
    cancelNoteDa: text('cancel_note_da'),
    cancelNoteEn: text('cancel_note_en'),
  },
  (t) => [
    check('events_kind_check', oneOf(t.kind, EVENT_KINDS)),
    check('events_state_check', oneOf(t.state, PUBLICATION_STATES)),
    check('events_slug_check', sql`${t.slug} !~ '[^a-z0-9-]' and length(${t.slug}) > 0`),
    check('events_time_check', sql`${t.endsAt} >= ${t.startsAt}`),
    check('events_point_check', sql`(${t.lat} is null) = (${t.lon} is null)`),
    index('events_starts_idx').on(t.startsAt),
  ],
);

/** See `eventRegistrations` in schema.sqlite.ts. */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    open: flag('open', true),
    capacity: integer('capacity'),
    signedUp: integer('signed_up').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId] }),
    check('event_registrations_capacity_check', sql`${t.capacity} is null or ${t.capacity} between 1 and 10000`),
    check('event_registrations_count_check', sql`${t.signedUp} >= 0 and (${t.capacity} is null or ${t.signedUp} <= ${t.capacity})`),
  ],
);

/** See `eventSignups` in schema.sqlite.ts. */
export const eventSignups = pgTable(
  'event_signups',
  {
    id: randomId(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    people: integer('people').notNull(),
    email: text('email'),
    tokenHash: text('token_hash').notNull().unique(),
    locale: text('locale', { enum: LOCALES }).notNull(),
  },
  (t) => [
    check('event_signups_people_check', sql`${t.people} between 1 and 20`),
    check('event_signups_locale_check', sql`${t.locale} is not null and ${oneOf(t.locale, LOCALES)}`),
    index('event_signups_event_idx').on(t.eventId),
  ],
);

/** See `eventNotices` in schema.sqlite.ts. */
export const eventNotices = pgTable(
  'event_notices',
  {
    id: id(),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    signupId: bigInteger('signup_id').references(() => eventSignups.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: EVENT_NOTICE_KINDS }).notNull(),
    email: text('email').notNull(),
    locale: text('locale', { enum: LOCALES }).notNull(),
    cancelToken: text('cancel_token'),
    attempts: integer('attempts').notNull().default(0),
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

/** See `eventMinutes` in schema.sqlite.ts. */
export const eventMinutes = pgTable(
  'event_minutes',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    bodyDa: text('body_da').notNull(),
    bodyEn: text('body_en'),
    places: json('places').$type<string[]>().notNull().default([]),
    publishedAt: timestamp('published_at').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.eventId] }), check('event_minutes_body_check', sql`length(${t.bodyDa}) between 1 and 20000`)],
);

// ---------------------------------------------------------------------------
// Moderated public dialogue
// ---------------------------------------------------------------------------

/** See `comments` in schema.sqlite.ts. */
export const comments = pgTable(
  'comments',
  {
    id: randomId(),
    targetType: text('target_type', { enum: COMMENT_TARGETS }).notNull(),
    targetId: integer('target_id').notNull(),
    authorName: text('author_name'),
    body: text('body').notNull(),
    masks: json('masks').$type<string[]>().notNull().default([]),
    locale: text('locale', { enum: LOCALES }).notNull(),
    status: text('status', { enum: COMMENT_STATUSES }).notNull().default('pending'),
    postedOn: text('posted_on').notNull(),
    rejectReason: text('reject_reason'),
    moderatedBy: integer('moderated_by').references(() => users.id),
    moderatedAt: timestamp('moderated_at'),
    takenDownAt: timestamp('taken_down_at'),
    takedownReason: text('takedown_reason', { enum: TAKEDOWN_REASONS }),
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

/** See `commentReplies` in schema.sqlite.ts. */
export const commentReplies = pgTable(
  'comment_replies',
  {
    id: id(),
    commentId: bigInteger('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('comment_replies_comment_idx').on(t.commentId)],
);

/** See `commentFlags` in schema.sqlite.ts. */
export const commentFlags = pgTable(
  'comment_flags',
  {
    commentId: bigInteger('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    reason: text('reason', { enum: FLAG_REASONS }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.commentId, t.reason] }),
    check('comment_flags_reason_check', oneOf(t.reason, FLAG_REASONS)),
    check('comment_flags_count_check', sql`${t.count} >= 1`),
  ],
);

// ---------------------------------------------------------------------------
// Perceived-safety surveys
// ---------------------------------------------------------------------------

/** See `surveySeries` in schema.sqlite.ts. */
export const surveySeries = pgTable('survey_series', {
  id: id(),
  slug: text('slug').notNull().unique(),
  titleDa: text('title_da').notNull(),
  titleEn: text('title_en'),
  createdAt: createdAt(),
});

/** See `surveys` in schema.sqlite.ts. */
export const surveys = pgTable(
  'surveys',
  {
    id: id(),
    seriesId: integer('series_id')
      .notNull()
      .references(() => surveySeries.id),
    slug: text('slug').notNull().unique(),
    waveDa: text('wave_da').notNull(),
    waveEn: text('wave_en'),
    titleDa: text('title_da').notNull(),
    titleEn: text('title_en'),
    introDa: text('intro_da').notNull().default(''),
    introEn: text('intro_en'),
    mode: text('mode', { enum: SURVEY_MODES }).notNull().default('open'),
    status: text('status', { enum: SURVEY_STATUSES }).notNull().default('draft'),
    opensAt: timestamp('opens_at'),
    closesAt: timestamp('closes_at'),
    resultsPublished: flag('results_published', false),
    resultsPublishedAt: timestamp('results_published_at'),
    clonedFromId: integer('cloned_from_id'),
    demo: flag('demo', false),
    createdAt: createdAt(),
  },
  (t) => [
    check('surveys_mode_check', oneOf(t.mode, SURVEY_MODES)),
    check('surveys_status_check', oneOf(t.status, SURVEY_STATUSES)),
    check('surveys_slug_check', sql`${t.slug} !~ '[^a-z0-9-]' and length(${t.slug}) > 0`),
    check('surveys_window_check', sql`${t.closesAt} is null or ${t.opensAt} is null or ${t.closesAt} > ${t.opensAt}`),
  ],
);

/** See `surveyAreas` in schema.sqlite.ts. */
export const surveyAreas = pgTable(
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

/** See `surveyPages` in schema.sqlite.ts. */
export const surveyPages = pgTable(
  'survey_pages',
  {
    id: id(),
    surveyId: integer('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    titleDa: text('title_da').notNull(),
    titleEn: text('title_en'),
  },
  (t) => [uniqueIndex('survey_pages_position_idx').on(t.surveyId, t.position)],
);

/** See `surveyTranslations` in schema.sqlite.ts. */
export const surveyTranslations = pgTable(
  'survey_translations',
  {
    id: id(),
    surveyId: integer('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    locale: text('locale', { enum: TRANSLATION_LOCALES }).notNull(),
    state: text('state', { enum: TRANSLATION_STATES }).notNull().default('draft'),
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

/** See `questions` in schema.sqlite.ts. */
export const questions = pgTable(
  'questions',
  {
    id: id(),
    surveyId: integer('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    pageId: integer('page_id')
      .notNull()
      .references(() => surveyPages.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    key: text('key').notNull(),
    type: text('type', { enum: QUESTION_TYPES }).notNull(),
    textDa: text('text_da').notNull(),
    textEn: text('text_en'),
    helpDa: text('help_da'),
    helpEn: text('help_en'),
    required: flag('required', false),
    allowDontKnow: flag('allow_dont_know', false),
    allowPreferNot: flag('allow_prefer_not', false),
    config: json('config').$type<QuestionConfig>().notNull(),
    showIf: json('show_if').$type<ShowIf>(),
  },
  (t) => [
    check('questions_type_check', oneOf(t.type, QUESTION_TYPES)),
    check('questions_key_check', sql`${t.key} !~ '[^a-z0-9_]' and length(${t.key}) > 0`),
    uniqueIndex('questions_key_idx').on(t.surveyId, t.key),
    index('questions_page_idx').on(t.pageId, t.position),
  ],
);

/** See `responses` in schema.sqlite.ts. */
export const responses = pgTable(
  'responses',
  {
    id: randomId(),
    surveyId: integer('survey_id')
      .notNull()
      .references(() => surveys.id),
    channel: text('channel', { enum: RESPONSE_CHANNELS }).notNull(),
    cellKey: integer('cell_key').notNull().default(0),
    submittedOn: text('submitted_on').notNull(),
    areaId: integer('area_id').references(() => areas.id),
    suspicious: flag('suspicious', false),
    flags: json('flags').$type<string[]>().notNull().default([]),
    locale: text('locale', { enum: LOCALES }).notNull().default('da'),
    demo: flag('demo', false),
  },
  (t) => [
    check('responses_channel_check', oneOf(t.channel, RESPONSE_CHANNELS)),
    check('responses_locale_check', sql`${t.locale} is not null and ${oneOf(t.locale, LOCALES)}`),
    index('responses_survey_idx').on(t.surveyId, t.submittedOn),
    index('responses_area_idx').on(t.surveyId, t.areaId),
  ],
);

/** See `answers` in schema.sqlite.ts. */
export const answers = pgTable(
  'answers',
  {
    id: randomId(),
    responseId: bigInteger('response_id')
      .notNull()
      .references(() => responses.id, { onDelete: 'cascade' }),
    questionId: integer('question_id')
      .notNull()
      .references(() => questions.id),
    item: text('item'),
    value: text('value').notNull(),
  },
  (t) => [index('answers_question_idx').on(t.questionId, t.item, t.value), index('answers_response_idx').on(t.responseId)],
);

/** See `invitationCodes` in schema.sqlite.ts. */
export const invitationCodes = pgTable(
  'invitation_codes',
  {
    id: id(),
    surveyId: integer('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    code: text('code').notNull().unique(),
    batch: integer('batch').notNull(),
    used: flag('used', false),
  },
  (t) => [index('invitation_codes_survey_idx').on(t.surveyId, t.used)],
);

/** See `surveyDrafts` in schema.sqlite.ts. */
export const surveyDrafts = pgTable(
  'survey_drafts',
  {
    tokenHash: text('token_hash').primaryKey(),
    surveyId: integer('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    sealed: bytes('sealed'),
    expiresAt: timestamp('expires_at').notNull(),
    submittedAt: timestamp('submitted_at'),
  },
  (t) => [index('survey_drafts_expires_idx').on(t.expiresAt)],
);

// ---------------------------------------------------------------------------
// Concern reports (meldinger)
// ---------------------------------------------------------------------------

/** See `reportCategories` in schema.sqlite.ts. */
export const reportCategories = pgTable(
  'report_categories',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    nameDa: text('name_da').notNull(),
    nameEn: text('name_en'),
    names: json('names').$type<Partial<Record<TranslationLocale, string>>>().notNull().default({}),
    displayOrder: integer('display_order').notNull().default(0),
    active: flag('active', true),
    partnerId: integer('partner_id').references(() => partners.id),
    audience: text('audience', { enum: CATEGORY_AUDIENCES }).notNull().default('everyone'),
  },
  (t) => [
    check('report_categories_slug_check', sql`${t.slug} !~ '[^a-z0-9_]' and length(${t.slug}) > 0`),
    check('report_categories_audience_check', sql`${t.audience} is not null and ${oneOf(t.audience, CATEGORY_AUDIENCES)}`),
  ],
);

/** See `reports` in schema.sqlite.ts. */
export const reports = pgTable(
  'reports',
  {
    id: randomId(),
    receipt: text('receipt').notNull().unique(),
    cellKey: integer('cell_key').notNull().default(0),
    categoryId: integer('category_id')
      .notNull()
      .references(() => reportCategories.id),
    lat: double('lat').notNull(),
    lon: double('lon').notNull(),
    placeName: text('place_name'),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
    timeOfDay: text('time_of_day', { enum: TIMES_OF_DAY }).notNull(),
    weekday: integer('weekday'),
    description: text('description').notNull().default(''),
    masks: json('masks').$type<string[]>().notNull().default([]),
    reporterType: text('reporter_type', { enum: REPORTER_TYPES }).notNull(),
    email: text('email'),
    callback: text('callback'),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('received'),
    forwardedTo: integer('forwarded_to').references(() => partners.id),
    mergedInto: bigInteger('merged_into'),
    initiativeId: integer('initiative_id').references(() => initiatives.id, { onDelete: 'set null' }),
    createdOn: text('created_on').notNull(),
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

/** See `reportUpdates` in schema.sqlite.ts. */
export const reportUpdates = pgTable(
  'report_updates',
  {
    id: randomId(),
    reportId: bigInteger('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    status: text('status', { enum: REPORT_STATUSES }).notNull(),
    publicNote: text('public_note'),
    internalNote: text('internal_note'),
    userId: integer('user_id').references(() => users.id),
    partnerId: integer('partner_id').references(() => partners.id),
    createdAt: createdAt(),
  },
  (t) => [index('report_updates_report_idx').on(t.reportId)],
);

/** See `reportNotices` in schema.sqlite.ts. */
export const reportNotices = pgTable(
  'report_notices',
  {
    id: id(),
    reportId: bigInteger('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    recipient: text('recipient', { enum: NOTICE_RECIPIENTS }).notNull().default('reporter'),
    status: text('status', { enum: REPORT_STATUSES }).notNull(),
    publicNote: text('public_note'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at').notNull().default(now()),
    createdAt: createdAt(),
  },
  (t) => [
    check('report_notices_status_check', oneOf(t.status, REPORT_STATUSES)),
    check('report_notices_recipient_check', oneOf(t.recipient, NOTICE_RECIPIENTS)),
    index('report_notices_due_idx').on(t.nextAttemptAt),
  ],
);

/** See `goals` in schema.sqlite.ts. */
export const goals = pgTable(
  'goals',
  {
    id: id(),
    titleDa: text('title_da').notNull(),
    titleEn: text('title_en'),
    seriesId: integer('series_id')
      .notNull()
      .references(() => surveySeries.id),
    questionKey: text('question_key').notNull(),
    item: text('item'),
    successValues: json('success_values').$type<string[]>().notNull(),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
    direction: text('direction', { enum: GOAL_DIRECTIONS }).notNull().default('decrease'),
    baselineSurveyId: integer('baseline_survey_id').references(() => surveys.id),
    baselineValue: double('baseline_value'),
    baselineN: integer('baseline_n'),
    baselineSource: text('baseline_source'),
    targetValue: double('target_value').notNull(),
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

/** See `populationMargins` in schema.sqlite.ts. */
export const populationMargins = pgTable(
  'population_margins',
  {
    id: id(),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    variable: text('variable').notNull(),
    category: text('category').notNull(),
    population: integer('population').notNull(),
    source: text('source').notNull(),
  },
  (t) => [
    uniqueIndex('population_margins_idx').on(t.areaId, t.variable, t.category),
    check('population_margins_population_check', sql`${t.population} >= 0`),
  ],
);

/** See `analysisPlans` in schema.sqlite.ts. */
export const analysisPlans = pgTable('analysis_plans', {
  id: id(),
  surveyId: integer('survey_id')
    .notNull()
    .unique()
    .references(() => surveys.id, { onDelete: 'cascade' }),
  plan: json('plan').$type<AnalysisPlanContent>().notNull(),
  lockedAt: timestamp('locked_at').notNull().default(now()),
  lockedBy: integer('locked_by').references(() => users.id),
});

/** See `planChanges` in schema.sqlite.ts. */
export const planChanges = pgTable(
  'plan_changes',
  {
    id: id(),
    planId: integer('plan_id')
      .notNull()
      .references(() => analysisPlans.id, { onDelete: 'cascade' }),
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

// ---------------------------------------------------------------------------
// State that several app instances share
// ---------------------------------------------------------------------------

export const releases = pgTable(
  'releases',
  {
    id: id(),
    kind: text('kind', { enum: RELEASE_KINDS }).notNull(),
    madeOn: text('made_on').notNull(),
    madeBy: integer('made_by').references(() => users.id),
    payload: json('payload').$type<unknown>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [check('releases_kind_check', oneOf(t.kind, RELEASE_KINDS)), index('releases_kind_idx').on(t.kind, t.id)],
);

/** See `consultations` in schema.sqlite.ts. */
export const consultations = pgTable(
  'consultations',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    areaId: integer('area_id')
      .notNull()
      .references(() => areas.id),
    initiativeId: integer('initiative_id').references(() => initiatives.id, { onDelete: 'set null' }),
    titleDa: text('title_da').notNull(),
    titleEn: text('title_en'),
    summaryDa: text('summary_da').notNull(),
    summaryEn: text('summary_en'),
    bodyDa: text('body_da').notNull().default(''),
    bodyEn: text('body_en'),
    scale: text('scale', { enum: CONSULTATION_SCALES }).notNull(),
    opensOn: text('opens_on').notNull(),
    closesOn: text('closes_on').notNull(),
    state: text('state', { enum: PUBLICATION_STATES }).notNull().default('draft'),
    releaseId: integer('release_id').references(() => releases.id),
    decidedOn: text('decided_on'),
    decisionDa: text('decision_da'),
    decisionEn: text('decision_en'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('consultations_scale_check', oneOf(t.scale, CONSULTATION_SCALES)),
    check('consultations_state_check', oneOf(t.state, PUBLICATION_STATES)),
    check('consultations_slug_check', sql`${t.slug} !~ '[^a-z0-9-]' and length(${t.slug}) > 0`),
    check('consultations_dates_check', sql`${t.closesOn} >= ${t.opensOn}`),
  ],
);

/** See `consultationPlaces` in schema.sqlite.ts. */
export const consultationPlaces = pgTable(
  'consultation_places',
  {
    id: id(),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    nameDa: text('name_da').notNull(),
    nameEn: text('name_en'),
    descriptionDa: text('description_da').notNull(),
    descriptionEn: text('description_en'),
    lat: double('lat').notNull(),
    lon: double('lon').notNull(),
    illustration: text('illustration', { enum: PROPOSAL_ILLUSTRATIONS }),
    outcome: text('outcome', { enum: CONSULTATION_OUTCOMES }),
    reasonDa: text('reason_da'),
    reasonEn: text('reason_en'),
  },
  (t) => [
    check('consultation_places_illustration_check', sql`${t.illustration} is null or ${oneOf(t.illustration, PROPOSAL_ILLUSTRATIONS)}`),
    check('consultation_places_outcome_check', sql`(${t.outcome} is null and ${t.reasonDa} is null) or (${t.outcome} is not null and ${t.reasonDa} is not null and ${oneOf(t.outcome, CONSULTATION_OUTCOMES)})`),
    uniqueIndex('consultation_places_position_idx').on(t.consultationId, t.position),
  ],
);

/** See `consultationResponses` in schema.sqlite.ts. */
export const consultationResponses = pgTable(
  'consultation_responses',
  {
    id: randomId(),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    respondent: text('respondent', { enum: REPORTER_TYPES }).notNull(),
    cellKey: integer('cell_key').notNull(),
  },
  (t) => [check('consultation_responses_respondent_check', oneOf(t.respondent, REPORTER_TYPES)), index('consultation_responses_idx').on(t.consultationId)],
);

/** See `consultationStances` in schema.sqlite.ts. */
export const consultationStances = pgTable(
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
    stance: text('stance', { enum: STANCES }).notNull(),
    cellKey: integer('cell_key').notNull(),
  },
  (t) => [
    check('consultation_stances_respondent_check', oneOf(t.respondent, REPORTER_TYPES)),
    check('consultation_stances_stance_check', oneOf(t.stance, STANCES)),
    index('consultation_stances_idx').on(t.consultationId, t.placeId),
  ],
);

/** See `consultationCodes` in schema.sqlite.ts. */
export const consultationCodes = pgTable(
  'consultation_codes',
  {
    id: id(),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    code: text('code').notNull().unique(),
    batch: integer('batch').notNull(),
    used: flag('used', false),
  },
  (t) => [index('consultation_codes_idx').on(t.consultationId, t.used)],
);

/** See `throttleHits` in schema.sqlite.ts. */
export const throttleHits = pgTable(
  'throttle_hits',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    count: integer('count').notNull(),
    resetAt: timestamp('reset_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('throttle_hits_reset_idx').on(t.resetAt)],
);

/** See `reportSubmissions` in schema.sqlite.ts. */
export const reportSubmissions = pgTable(
  'report_submissions',
  {
    tokenHash: text('token_hash').primaryKey(),
    reportId: bigInteger('report_id').references(() => reports.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at').notNull(),
  },
  (t) => [index('report_submissions_expires_idx').on(t.expiresAt)],
);

/** See `open311Keys` in schema.sqlite.ts. */
export const open311Keys = pgTable('open311_keys', {
  id: id(),
  name: text('name').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  createdAt: createdAt(),
  revokedAt: timestamp('revoked_at'),
});

/** See `subscriptions` in schema.sqlite.ts. */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: randomId(),
    topic: text('topic', { enum: SUBSCRIPTION_TOPICS }).notNull(),
    areaId: integer('area_id').references(() => areas.id, { onDelete: 'cascade' }),
    initiativeId: integer('initiative_id').references(() => initiatives.id, { onDelete: 'cascade' }),
    locale: text('locale', { enum: SUBSCRIPTION_LOCALES }).notNull(),
    addressSealed: bytes('address_sealed').notNull(),
    lookupKey: text('lookup_key').notNull().unique(),
    confirmHash: text('confirm_hash').notNull().unique(),
    expiresAt: timestamp('expires_at'),
    confirmedAt: timestamp('confirmed_at'),
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

/** See `subscriptionMails` in schema.sqlite.ts. */
export const subscriptionMails = pgTable(
  'subscription_mails',
  {
    id: id(),
    subscriptionId: bigInteger('subscription_id')
      .notNull()
      .references(() => subscriptions.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: SUBSCRIPTION_MAIL_KINDS }).notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at').notNull().default(now()),
    createdAt: createdAt(),
  },
  (t) => [
    check('subscription_mails_kind_check', sql`${t.kind} is not null and ${oneOf(t.kind, SUBSCRIPTION_MAIL_KINDS)}`),
    index('subscription_mails_due_idx').on(t.nextAttemptAt),
    index('subscription_mails_subscription_idx').on(t.subscriptionId),
  ],
);
