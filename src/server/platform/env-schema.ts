/**
 * The platform's configuration, declared once as Astro's env schema.
 *
 * astro.config.mjs hands this to Astro (`env.schema`), and `config.ts` validates
 * process.env against it with Astro's own validators, so that the start script
 * refuses to start before anything is opened, naming the bad variable.
 * Everything is server-only and secret: read at run time, never inlined in a bundle.
 *
 * These are plain objects in the shape `envField.*()` returns: importing
 * astro/config here would pull Astro's build tooling into the server bundle.
 */
import type { AstroUserConfig } from 'astro';

type EnvSchema = NonNullable<NonNullable<AstroUserConfig['env']>['schema']>;

const server = { context: 'server', access: 'secret', optional: true } as const;

export const envSchema = {
  /** SQLite file path or `file:` URL. */
  DATABASE_URL: { ...server, type: 'string', default: './data/tryghed.sqlite', min: 1 },
  HOST: { ...server, type: 'string', default: 'localhost', min: 1 },
  PORT: { ...server, type: 'number', default: 4321, int: true, gt: 0, lt: 65536 },
  /** `auto`: demo data on, except when NODE_ENV=production. */
  DEMO_DATA: { ...server, type: 'enum', values: ['auto', 'on', 'off'], default: 'auto' },
  /** The privacy threshold K: never below 3. */
  PRIVACY_K: { ...server, type: 'number', default: 5, int: true, min: 3, max: 100 },
  RELEASE_INTERVAL_DAYS: { ...server, type: 'number', default: 7, int: true, min: 1, max: 92 },
  LOG_LEVEL: {
    ...server,
    type: 'enum',
    values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    default: 'info',
  },
  /** The public https origin, for absolute links in feeds and calendars. */
  PUBLIC_ORIGIN: { ...server, type: 'string', url: true },
  /**
   * The secret the throttles' client keys are derived from (at least 32 characters; every
   * instance on one database needs the same). Unset: a random one is generated on first start
   * into THROTTLE_SECRET_FILE. Never stored in the database, so a copy of it cannot reverse a key.
   */
  THROTTLE_SECRET: { ...server, type: 'string', min: 32 },
  /** Where the generated throttle secret is kept; default: `throttle-secret` next to the SQLite file (`./data/` on PostgreSQL). */
  THROTTLE_SECRET_FILE: { ...server, type: 'string', min: 1 },
  /** Residents' flags on comments from one client per 10 minutes (each further flag is refused with 429). */
  COMMENT_FLAGS_PER_CLIENT: { ...server, type: 'number', default: 10, int: true, min: 1, max: 1000 },
  /** Residents' flags on comments from all clients together per hour: a flood beyond it is refused with 429. */
  COMMENT_FLAGS_PER_HOUR: { ...server, type: 'number', default: 300, int: true, min: 1, max: 100000 },
  /** Subscription requests (README "Subscriptions") from one client per 10 minutes; more are refused with 429. */
  SUBSCRIPTIONS_PER_CLIENT: { ...server, type: 'number', default: 5, int: true, min: 1, max: 1000 },
  /** Subscription requests from all clients together per hour: a flood beyond it is refused with 429. */
  SUBSCRIPTIONS_PER_HOUR: { ...server, type: 'number', default: 200, int: true, min: 1, max: 100000 },
  /** The hour (Copenhagen time, 0–23) at which subscribers' daily digests are put together and sent. */
  SUBSCRIPTION_DIGEST_HOUR: { ...server, type: 'number', default: 7, int: true, min: 0, max: 23 },
  /** Residents' event sign-ups from one client per 10 minutes (each further one is refused with 429). */
  EVENT_SIGNUPS_PER_CLIENT: { ...server, type: 'number', default: 5, int: true, min: 1, max: 1000 },
  /** Event sign-ups from all clients together per hour: a flood beyond it is refused with 429. */
  EVENT_SIGNUPS_PER_HOUR: { ...server, type: 'number', default: 500, int: true, min: 1, max: 100000 },
  /** Believe X-Forwarded-Proto from a reverse proxy (for HSTS). */
  TRUST_PROXY: { ...server, type: 'boolean', default: false },
  /** SMTP server for reporters' follow-up notices, e.g. `smtps://user:pass@mail.example.dk:465`; unset = no e-mail offered. */
  SMTP_URL: { ...server, type: 'string', url: true },
  /** Sender of the notices, e.g. `Tryghed Indre Nørrebro <noreply@tryghed.example.dk>`. */
  MAIL_FROM: { ...server, type: 'string', max: 200 },
  /** Map tiles on our own origin, e.g. `/tiles/{z}/{x}/{y}.png` (a caching proxy; see README). */
  MAP_TILE_URL: { ...server, type: 'string', max: 200 },
  /** The tiles' attribution as plain text, e.g. `© OpenStreetMap contributors`. */
  MAP_TILE_ATTRIBUTION: { ...server, type: 'string', max: 200 },
  /**
   * Contact points shown on /om, /privatliv and /tilgaengelighed (README "Configuration").
   * The defaults are demo addresses under `.invalid`, which no mail can reach: set real ones.
   */
  CONTACT_EMAIL: { ...server, type: 'string', default: 'kontakt@tryghed.invalid', max: 200 },
  /** The data protection officer (GDPR art. 13: residents must be told how to reach them). */
  CONTACT_DPO_EMAIL: { ...server, type: 'string', default: 'databeskyttelse@tryghed.invalid', max: 200 },
  /** Feedback on accessibility (the Web Accessibility Act's feedback mechanism). */
  CONTACT_ACCESSIBILITY_EMAIL: { ...server, type: 'string', default: 'tilgaengelighed@tryghed.invalid', max: 200 },
  /** Where to complain about accessibility: the Agency for Digital Government's page (a plain link, never fetched). */
  ACCESSIBILITY_COMPLAINT_URL: { ...server, type: 'string', url: true, default: 'https://www.digst.dk/digitale-loesninger/webtilgaengelighed/', max: 300 },
  /**
   * A folder of the partnership's own marks (README "Identity"): `<partner slug>.svg|png|webp`
   * for the partners shown in the footer, `site.svg|png|webp` for the header. Read at start;
   * served from our own origin at /brand/<file>. Unset: the partners are named in text.
   */
  BRAND_DIR: { ...server, type: 'string', max: 500 },
  // Retention (README "Retention", src/server/privacy/retention.ts): how long data is kept before the daily job deletes it.
  /** Months after a report is closed before its description, exact point, place text and internal notes are erased. */
  RETENTION_REPORT_DETAILS_MONTHS: { ...server, type: 'number', default: 6, int: true, min: 1, max: 60 },
  /** Days after a report is rejected before it is deleted entirely. */
  RETENTION_REJECTED_REPORT_DAYS: { ...server, type: 'number', default: 30, int: true, min: 1, max: 365 },
  /** Months after the initiative or event it is about has ended before an approved comment is deleted. */
  RETENTION_COMMENT_MONTHS: { ...server, type: 'number', default: 24, int: true, min: 1, max: 120 },
  /** Days after a comment is rejected before it is deleted. */
  RETENTION_REJECTED_COMMENT_DAYS: { ...server, type: 'number', default: 30, int: true, min: 1, max: 365 },
  /** Days after a notice is queued before the mail outbox row is deleted, sent or not (at least 3: notices are retried for 2). */
  RETENTION_OUTBOX_DAYS: { ...server, type: 'number', default: 7, int: true, min: 3, max: 90 },
  /** Years an audit log entry is kept. */
  RETENTION_AUDIT_YEARS: { ...server, type: 'number', default: 5, int: true, min: 1, max: 10 },
} satisfies EnvSchema;
