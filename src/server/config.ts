/**
 * Validated run-time configuration.
 *
 * Validation uses Astro's own validators against the single schema in
 * env-schema.ts, so the Astro build and the plain-Node start script agree on
 * what a valid value is. A bad value throws a ConfigError naming the variable.
 */
import { dirname, join, resolve } from 'node:path';
import { validateEnvVariable } from 'astro/env/runtime';
import { envSchema } from './env-schema.ts';

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
  production: boolean;
  /** Outgoing mail for follow-up notices; undefined = the report form offers no e-mail. */
  mail: MailConfig | undefined;
  /** Base-map tiles, served from our own origin; none by default (the map draws areas and streets). */
  mapTiles: MapTiles | undefined;
}

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
    throttleSecret: readThrottleSecret(env),
    production,
    mail: readMail(env),
    mapTiles: readMapTiles(env),
  };
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
