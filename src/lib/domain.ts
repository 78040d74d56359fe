/**
 * The platform's closed vocabularies and stored JSON shapes, written once.
 *
 * Every enumeration a column stores is defined here and nowhere else: the
 * forms and pages validate against these constants, and the database
 * schema (db/schema.ts, for SQLite and PostgreSQL alike) types its columns
 * with them and generates its CHECK constraints from them (`oneOf` in
 * db/columns.ts), so adding a value here and running `npm run db:generate`
 * is the whole change. Pure data: no database, no environment, safe to
 * import from anywhere (src/lib, islands, the schema).
 */

/**
 * The site's languages (their catalogues are in src/lib/i18n); stored with a
 * comment, a sign-up or a subscription. Danish first (no URL prefix), then
 * English, Arabic, Turkish, Somali and Urdu (README "Languages").
 */
export const LOCALES = ['da', 'en', 'ar', 'tr', 'so', 'ur'] as const;
export type Locale = (typeof LOCALES)[number];

/** The languages a questionnaire is translated into (Danish is its source, English has its own columns). */
export const TRANSLATION_LOCALES = ['ar', 'tr', 'so', 'ur'] as const satisfies readonly Locale[];
export type TranslationLocale = (typeof TRANSLATION_LOCALES)[number];

/**
 * Where a translation stands: a draft is not offered to respondents; one
 * that needs review (by a native speaker) and one that is reviewed are
 * offered once complete. Staff see the state beside each language.
 */
export const TRANSLATION_STATES = ['draft', 'needs_review', 'reviewed'] as const;
export type TranslationState = (typeof TRANSLATION_STATES)[number];

/** The languages of staff pages; a staff page asked for in another language is shown in English. */
export const STAFF_LOCALES = ['da', 'en'] as const satisfies readonly Locale[];
export type StaffLocale = (typeof STAFF_LOCALES)[number];

/** Area kinds: the partnership's target area, or a neighbouring area watched for displacement. */
export const AREA_KINDS = ['target', 'adjacent'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** A GeoJSON Polygon or MultiPolygon geometry in WGS84 longitude/latitude. */
export type AreaGeometry =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] };

/** What a named place is (for its label and the staff list). */
export const PLACE_KINDS = ['square', 'street', 'park', 'station', 'passage', 'other'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** Staff roles; what each may do is the permission table in src/lib/permissions.ts. */
export const ROLES = ['admin', 'editor', 'moderator', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** The police's three tracks, plus the city's social and urban-renewal work. */
export const TRACKS = ['investigative', 'operational', 'preventive', 'social', 'urban_renewal'] as const;
export type Track = (typeof TRACKS)[number];

export const INITIATIVE_STATUSES = ['planned', 'active', 'completed'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/** Publication state of anything staff write for the public. */
export const PUBLICATION_STATES = ['draft', 'published'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

export const MILESTONE_STATES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];

export const EVENT_KINDS = ['citizen_meeting', 'safety_walk', 'office_hours', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** What an event notice is: a sign-up's confirmation with its cancel link, or the event's cancellation. */
export const EVENT_NOTICE_KINDS = ['confirmation', 'cancellation'] as const;
export type EventNoticeKind = (typeof EVENT_NOTICE_KINDS)[number];

/** What a comment is about: an initiative, an event, or one proposed place of a consultation. */
export const COMMENT_TARGETS = ['initiative', 'event', 'consultation_place'] as const;
export type CommentTarget = (typeof COMMENT_TARGETS)[number];

export const COMMENT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

/** Why a moderator took an approved comment down (shown publicly in the placeholder). */
export const TAKEDOWN_REASONS = ['personal', 'offensive', 'crime', 'spam', 'off_topic', 'other'] as const;
export type TakedownReason = (typeof TAKEDOWN_REASONS)[number];

/** Why a resident flagged a comment (the reason select under each comment). */
export const FLAG_REASONS = ['personal', 'offensive', 'crime', 'spam', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

/** Who may answer: anyone, only holders of an invitation code, or both. */
export const SURVEY_MODES = ['open', 'invitation', 'both'] as const;
export type SurveyMode = (typeof SURVEY_MODES)[number];

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const QUESTION_TYPES = ['single', 'multi', 'scale', 'matrix', 'text', 'number', 'area', 'places'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/**
 * How a response came, coarsely: through an invitation code (the invited
 * sample), through the open link (self-selected), or on paper or by phone,
 * typed in by staff (the invitation letter offers paper; see README
 * "The authority dashboard"). Coarse on purpose: it says that a code was
 * used, never which one.
 */
export const RESPONSE_CHANNELS = ['invitation', 'open', 'paper'] as const;
export type ResponseChannel = (typeof RESPONSE_CHANNELS)[number];

/** A question's options and limits, by type (validated by src/lib/survey/instrument.ts). */
export type QuestionConfig = Record<string, unknown>;

/** Show a question only when an earlier question's answer is one of `anyOf`. */
export type ShowIf = { question: string; anyOf: string[] } | null;

/** Who a report category is offered to (see `report_categories.audience`). */
export const CATEGORY_AUDIENCES = ['everyone', 'business'] as const;
export type CategoryAudience = (typeof CATEGORY_AUDIENCES)[number];

export const REPORTER_TYPES = ['resident', 'business', 'works_here', 'visitor'] as const;
export type ReporterType = (typeof REPORTER_TYPES)[number];

/** When it happens: a time of day, or "often" (no particular time). */
export const TIMES_OF_DAY = ['morning', 'daytime', 'evening', 'night', 'often'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

export const REPORT_STATUSES = ['received', 'forwarded', 'in_progress', 'handled', 'not_possible', 'rejected', 'merged'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Who an outbox notice is for: the reporter who asked for news, or the partner a report was forwarded to. */
export const NOTICE_RECIPIENTS = ['reporter', 'partner'] as const;
export type NoticeRecipient = (typeof NOTICE_RECIPIENTS)[number];

/** Which way a goal wants its indicator to move. */
export const GOAL_DIRECTIONS = ['decrease', 'increase'] as const;
export type GoalDirection = (typeof GOAL_DIRECTIONS)[number];

/** One goal as the analysis plan fixes it (src/server/dashboard/plans.ts). */
export interface PlannedGoal {
  goalId: number;
  titleDa: string;
  titleEn: string | null;
  questionKey: string;
  item: string | null;
  successValues: string[];
  areaId: number;
  direction: GoalDirection;
  baselineSurveyId: number | null;
  baselineValue: number | null;
  baselineN: number | null;
  baselineSource: string | null;
  targetValue: number;
  targetDate: string;
}

/** A wave's analysis plan: its goals and how they are estimated and tested. */
export interface AnalysisPlanContent {
  goals: PlannedGoal[];
  /** `invited` where the wave has invitation codes (invitation and paper answers), else `everyone`. */
  sample: 'invited' | 'everyone';
  population: 'residents';
  weighting: { margins: { areaId: number; variable: string; categories: Record<string, number>; source: string }[]; trim: { min: number; max: number }; marginGapLimit: number };
  test: 'two-proportion z-test on Kish effective n, Newcombe interval, 95 %';
  multiplicity: 'Holm across the goals whose latest figure comes from this wave';
  suspicious: 'excluded';
}

export const PLAN_CHANGE_KINDS = ['edit', 'add', 'remove'] as const;
export type PlanChangeKind = (typeof PLAN_CHANGE_KINDS)[number];

/** What a release holds: the public report figures, or one closed consultation's results. */
export const RELEASE_KINDS = ['reports', 'consultation'] as const;
export type ReleaseKind = (typeof RELEASE_KINDS)[number];

/** How residents weigh in on a consultation's places: for / against / no opinion, or a scale from 1 (a very bad idea) to 5 (a very good idea). */
export const CONSULTATION_SCALES = ['stance', 'five'] as const;
export type ConsultationScale = (typeof CONSULTATION_SCALES)[number];

/**
 * Every answer a place can get; which ones a consultation offers depends on
 * its scale (src/lib/consultations.ts): `for`, `against`, `no_opinion`, or
 * the five steps from `very_bad` (1) to `very_good` (5).
 */
export const STANCES = ['for', 'against', 'no_opinion', 'very_bad', 'bad', 'neutral', 'good', 'very_good'] as const;
export type Stance = (typeof STANCES)[number];

/** What the partners decided about a proposed place, published with the reasons ("what we heard and what we decided"). */
export const CONSULTATION_OUTCOMES = ['adopted', 'changed', 'dropped'] as const;
export type ConsultationOutcome = (typeof CONSULTATION_OUTCOMES)[number];

/** The illustrations an editor can give a proposed place (SVG files in public/consultations/, served from our own origin). */
export const PROPOSAL_ILLUSTRATIONS = ['camera', 'lighting', 'path', 'square', 'other'] as const;
export type ProposalIllustration = (typeof PROPOSAL_ILLUSTRATIONS)[number];

/** What a subscription follows: an area's initiatives, one initiative, new events, published survey results. */
export const SUBSCRIPTION_TOPICS = ['area', 'initiative', 'events', 'results'] as const;
export type SubscriptionTopic = (typeof SUBSCRIPTION_TOPICS)[number];

/** The language a subscriber's mails are written in (the page they subscribed on). */
export const SUBSCRIPTION_LOCALES = LOCALES;

/** What a queued subscription mail is: the double opt-in link, "you are already subscribed", or a digest. */
export const SUBSCRIPTION_MAIL_KINDS = ['confirm', 'already', 'digest'] as const;
export type SubscriptionMailKind = (typeof SUBSCRIPTION_MAIL_KINDS)[number];

/** The unit of a retention period (src/server/privacy/retention.ts). */
export type PeriodUnit = 'hours' | 'days' | 'months' | 'years';

/** The retention rules, each a kind of personal or residual data deleted on time (src/server/privacy/retention.ts; named on /privatliv). */
export const RULE_IDS = [
  'report_details',
  'rejected_reports',
  'report_email',
  'report_outbox',
  'report_submissions',
  'subscriptions_unconfirmed',
  'subscription_outbox',
  'survey_drafts',
  'event_signups',
  'event_outbox',
  'comments_approved',
  'comments_rejected',
  'comments_pending',
  'throttle_hits',
  'sessions',
  'audit_log',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
