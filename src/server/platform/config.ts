/**
 * Validated run-time configuration.
 *
 * Validation uses Astro's own validators against the single schema in
 * env-schema.ts, so the Astro build and the plain-Node start script agree on
 * what a valid value is. A bad value throws a ConfigError naming the variable.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { validateEnvVariable } from 'astro/env/runtime';
import { envSchema } from './env-schema.ts';
import type { RetentionSettings } from '../privacy/retention.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface Config {
  /** SQLite file path (or `file:` URL). */
  databaseUrl: string;
  host: string;
  port: number;
  /** Whether demo content and demo staff logins are seeded into an empty database. */
  demoData: boolean;
  /** DEMO_DATA=on was asked for explicitly (demo accounts may then be served on any interface). */
  demoExplicit: boolean;
  /** Privacy threshold: no aggregate with fewer than K respondents or reports is shown. */
  privacyK: number;
  /** Days between scheduled releases of the public report figures (README "Privacy"). */
  releaseIntervalDays: number;
  logLevel: string;
  /** The public origin (https://…), used for absolute links in feeds; optional. */
  publicOrigin: string | undefined;
  /** The throttles' secret from the environment, or where a generated one is kept (see throttle.ts). */
  throttleSecret: { value: string } | { file: string };
  /** Whether X-Forwarded-Proto from a reverse proxy is believed (for HSTS). */
  trustProxy: boolean;
  /** Limits on residents' flags on comments: per client per 10 minutes, and from everyone per hour. */
  commentFlags: { perClient: number; perHour: number };
  /** Residents' e-mail subscriptions (README "Subscriptions"): request limits and the digest's hour (Copenhagen time). */
  subscriptions: SubscriptionSettings;
  /** Limits on residents' event sign-ups: per client per 10 minutes, and from everyone per hour. */
  eventSignups: { perClient: number; perHour: number };
  production: boolean;
  /** Outgoing mail for follow-up notices; undefined = the report form offers no e-mail. */
  mail: MailConfig | undefined;
  /** Base-map tiles, served from our own origin; none by default (the map draws areas and streets). */
  mapTiles: MapTiles | undefined;
  /** Who residents can write to (shown on /om, /privatliv and /tilgaengelighed). */
  contacts: ContactPoints;
  /** How long data is kept (README "Retention"; src/server/privacy/retention.ts). */
  retention: RetentionSettings;
  /** The folder of the partnership's marks (src/server/platform/brand.ts), or none. */
  brandDir: string | undefined;
}

export interface SubscriptionSettings {
  /** Requests per client per 10 minutes. */
  perClient: number;
  /** Requests from all clients together per hour. */
  perHour: number;
  /** The hour (0–23, Copenhagen time) of the daily digest. */
  digestHour: number;
}

export interface ContactPoints {
  /** General questions to the partnership. */
  general: string;
  /** The data protection officer. */
  dpo: string;
  /** Feedback on the site's accessibility. */
  accessibility: string;
  /** The supervisory authority's complaint route for accessibility (an https:// page, linked, never fetched). */
  accessibilityComplaintUrl: string;
}

/** The domain every demo contact address is under: reserved, no mail reaches it (RFC 2606). */
export const DEMO_CONTACT_DOMAIN = '.invalid';

export interface MailConfig {
  /** smtp:// or smtps:// URL (nodemailer's connection URL). */
  smtpUrl: string;
  from: string;
}

export interface MapTiles {
  /** A Leaflet URL template on this origin: starts with one "/", has {z}, {x} and {y}. */
  url: string;
  /** Plain text, shown on the map (HTML-escaped before Leaflet sees it). */
  attribution: string;
}

type Env = Record<string, string | undefined>;

/** Values that may hold a password: never repeated in an error message (it ends up in logs). */
const SECRET_KEYS = new Set<string>(['SMTP_URL', 'THROTTLE_SECRET']);

function read(env: Env, key: keyof typeof envSchema): unknown {
  const raw = env[key] === '' ? undefined : env[key];
  const result = validateEnvVariable(raw, envSchema[key]);
  if (!result.ok) {
    const what = result.errors.join(', ');
    throw new ConfigError(
      `Invalid environment variable ${key}=${SECRET_KEYS.has(key) ? '(hidden)' : JSON.stringify(raw)} (${what}). See README "Configuration".`,
    );
  }
  return result.value;
}

/** Reads and validates the configuration from an environment (process.env by default). */
export function loadConfig(env: Env = process.env): Config {
  const production = env['NODE_ENV'] === 'production';
  const demo = read(env, 'DEMO_DATA') as 'auto' | 'on' | 'off';
  const host = read(env, 'HOST') as string;
  const publicOrigin = read(env, 'PUBLIC_ORIGIN') as string | undefined;
  // Absolute links (feeds, calendars, Open311, receipt links) never come from the Host header,
  // which any client sets: off this machine, the origin must be configured.
  if (publicOrigin === undefined && !isLoopback(host)) {
    throw new ConfigError(
      `HOST=${host} is reachable from other machines: set PUBLIC_ORIGIN to the site's public https:// origin (absolute links are never taken from the Host header). See README "Configuration".`,
    );
  }
  return {
    databaseUrl: read(env, 'DATABASE_URL') as string,
    host,
    port: read(env, 'PORT') as number,
    // Demo staff have published passwords: `auto` seeds them only for a
    // server that listens on this machine alone and is not in production.
    demoData: demo === 'on' || (demo === 'auto' && !production && isLoopback(host)),
    demoExplicit: demo === 'on',
    privacyK: read(env, 'PRIVACY_K') as number,
    releaseIntervalDays: read(env, 'RELEASE_INTERVAL_DAYS') as number,
    logLevel: read(env, 'LOG_LEVEL') as string,
    publicOrigin,
    trustProxy: read(env, 'TRUST_PROXY') as boolean,
    commentFlags: { perClient: read(env, 'COMMENT_FLAGS_PER_CLIENT') as number, perHour: read(env, 'COMMENT_FLAGS_PER_HOUR') as number },
    subscriptions: {
      perClient: read(env, 'SUBSCRIPTIONS_PER_CLIENT') as number,
      perHour: read(env, 'SUBSCRIPTIONS_PER_HOUR') as number,
      digestHour: read(env, 'SUBSCRIPTION_DIGEST_HOUR') as number,
    },
    eventSignups: { perClient: read(env, 'EVENT_SIGNUPS_PER_CLIENT') as number, perHour: read(env, 'EVENT_SIGNUPS_PER_HOUR') as number },
    throttleSecret: readThrottleSecret(env),
    production,
    mail: readMail(env),
    mapTiles: readMapTiles(env),
    contacts: readContacts(env),
    brandDir: readBrandDir(env),
    retention: {
      reportDetailsMonths: read(env, 'RETENTION_REPORT_DETAILS_MONTHS') as number,
      rejectedReportDays: read(env, 'RETENTION_REJECTED_REPORT_DAYS') as number,
      commentMonths: read(env, 'RETENTION_COMMENT_MONTHS') as number,
      rejectedCommentDays: read(env, 'RETENTION_REJECTED_COMMENT_DAYS') as number,
      outboxDays: read(env, 'RETENTION_OUTBOX_DAYS') as number,
      auditYears: read(env, 'RETENTION_AUDIT_YEARS') as number,
    },
  };
}

/** A deliberately plain check, as for reporters' addresses: one @, no spaces or markup, a dot in the domain. */
const CONTACT_EMAIL_PATTERN = /^[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[^\s@<>"'(),;:]+$/;

function readContacts(env: Env): ContactPoints {
  const email = (key: 'CONTACT_EMAIL' | 'CONTACT_DPO_EMAIL' | 'CONTACT_ACCESSIBILITY_EMAIL'): string => {
    const value = (read(env, key) as string).trim();
    if (!CONTACT_EMAIL_PATTERN.test(value)) {
      throw new ConfigError(`Invalid environment variable ${key}=${JSON.stringify(value)} (an e-mail address, e.g. kontakt@example.dk). See README "Configuration".`);
    }
    return value;
  };
  const complaint = read(env, 'ACCESSIBILITY_COMPLAINT_URL') as string;
  if (new URL(complaint).protocol !== 'https:') {
    throw new ConfigError(`Invalid environment variable ACCESSIBILITY_COMPLAINT_URL=${JSON.stringify(complaint)} (an https:// address). See README "Configuration".`);
  }
  return {
    general: email('CONTACT_EMAIL'),
    dpo: email('CONTACT_DPO_EMAIL'),
    accessibility: email('CONTACT_ACCESSIBILITY_EMAIL'),
    accessibilityComplaintUrl: complaint,
  };
}

/** The contact settings still at their demo (.invalid) addresses: a live site must set them. */
function readBrandDir(env: NodeJS.ProcessEnv): string | undefined {
  const dir = read(env, 'BRAND_DIR') as string | undefined;
  if (dir === undefined || dir === '') return undefined;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ConfigError(`Invalid environment variable BRAND_DIR=${JSON.stringify(dir)} (not a folder). See README "Identity".`);
  }
  return dir;
}

export function demoContacts(contacts: ContactPoints): string[] {
  const keys = { general: 'CONTACT_EMAIL', dpo: 'CONTACT_DPO_EMAIL', accessibility: 'CONTACT_ACCESSIBILITY_EMAIL' } as const;
  return (Object.keys(keys) as (keyof typeof keys)[]).filter((k) => contacts[k].endsWith(DEMO_CONTACT_DOMAIN)).map((k) => keys[k]);
}

/**
 * The throttle secret: THROTTLE_SECRET, or a file generated on first start.
 * The file sits next to the SQLite database (not inside it), or under ./data
 * for PostgreSQL, unless THROTTLE_SECRET_FILE says where.
 */
function readThrottleSecret(env: Env): Config['throttleSecret'] {
  const value = read(env, 'THROTTLE_SECRET') as string | undefined;
  if (value !== undefined) return { value };
  const file = read(env, 'THROTTLE_SECRET_FILE') as string | undefined;
  if (file !== undefined) return { file: resolve(file) };
  const databaseUrl = read(env, 'DATABASE_URL') as string;
  if (/^postgres(ql)?:/i.test(databaseUrl) || databaseUrl === ':memory:') return { file: resolve('data', 'throttle-secret') };
  const path = databaseUrl.startsWith('file:') ? databaseUrl.slice('file:'.length) : databaseUrl;
  return { file: join(dirname(resolve(path)), 'throttle-secret') };
}

function readMail(env: Env): MailConfig | undefined {
  const smtpUrl = read(env, 'SMTP_URL') as string | undefined;
  const from = (read(env, 'MAIL_FROM') as string | undefined)?.trim();
  if (smtpUrl === undefined) return undefined;
  if (!/^smtps?:$/.test(new URL(smtpUrl).protocol)) {
    throw new ConfigError('Invalid environment variable SMTP_URL (smtp:// or smtps://). See README "Configuration".');
  }
  if (!from) throw new ConfigError('SMTP_URL needs MAIL_FROM (the sender address). See README "Configuration".');
  return { smtpUrl, from };
}

/**
 * Tiles come from our own origin only: a browser asking a tile server
 * directly would hand residents' addresses to a third party, which the
 * platform promises never happens. Operators put a caching proxy for
 * OpenStreetMap or Dataforsyningen tiles under a path of the site.
 */
function readMapTiles(env: Env): MapTiles | undefined {
  const url = read(env, 'MAP_TILE_URL') as string | undefined;
  const attribution = (read(env, 'MAP_TILE_ATTRIBUTION') as string | undefined)?.trim();
  if (url === undefined) return undefined;
  if (!url.startsWith('/') || url.startsWith('//') || !['{z}', '{x}', '{y}'].every((p) => url.includes(p)) || /[\s"'<>]/.test(url)) {
    throw new ConfigError(
      `Invalid environment variable MAP_TILE_URL=${JSON.stringify(url)} (a path on this site with {z}, {x} and {y}, e.g. /tiles/{z}/{x}/{y}.png). See README "Configuration".`,
    );
  }
  if (!attribution) {
    throw new ConfigError('MAP_TILE_URL needs MAP_TILE_ATTRIBUTION (the tiles\' licence requires it). See README "Configuration".');
  }
  return { url, attribution };
}

/**
 * The origin for absolute links: PUBLIC_ORIGIN, or on a loopback server the
 * address it listens on. Never the request's Host header (a client could
 * name any site there and have it echoed into feeds and links).
 */
export function siteOrigin(cfg: Config = config()): string {
  if (cfg.publicOrigin) return new URL(cfg.publicOrigin).origin;
  const host = cfg.host.includes(':') ? `[${cfg.host}]` : cfg.host;
  return `http://${host}:${cfg.port}`;
}

/** Whether a listen address is this machine only. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

let cached: Config | undefined;

/** The process-wide configuration, validated once. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
