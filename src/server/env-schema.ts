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
} satisfies EnvSchema;
