/**
 * Validated run-time configuration.
 *
 * Validation uses Astro's own validators against the single schema in
 * env-schema.ts, so the Astro build and the plain-Node start script agree on
 * what a valid value is. A bad value throws a ConfigError naming the variable.
 */
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
  logLevel: string;
  /** The public origin (https://…), used for absolute links in feeds; optional. */
  publicOrigin: string | undefined;
  /** Whether X-Forwarded-Proto from a reverse proxy is believed (for HSTS). */
  trustProxy: boolean;
  production: boolean;
}

type Env = Record<string, string | undefined>;

function read(env: Env, key: keyof typeof envSchema): unknown {
  const raw = env[key] === '' ? undefined : env[key];
  const result = validateEnvVariable(raw, envSchema[key]);
  if (!result.ok) {
    const what = result.errors.join(', ');
    throw new ConfigError(
      `Invalid environment variable ${key}=${JSON.stringify(raw)} (${what}). See README "Configuration".`,
    );
  }
  return result.value;
}

/** Reads and validates the configuration from an environment (process.env by default). */
export function loadConfig(env: Env = process.env): Config {
  const production = env['NODE_ENV'] === 'production';
  const demo = read(env, 'DEMO_DATA') as 'auto' | 'on' | 'off';
  const host = read(env, 'HOST') as string;
  return {
    databaseUrl: read(env, 'DATABASE_URL') as string,
    host,
    port: read(env, 'PORT') as number,
    // Demo staff have published passwords: `auto` seeds them only for a
    // server that listens on this machine alone and is not in production.
    demoData: demo === 'on' || (demo === 'auto' && !production && isLoopback(host)),
    demoExplicit: demo === 'on',
    privacyK: read(env, 'PRIVACY_K') as number,
    logLevel: read(env, 'LOG_LEVEL') as string,
    publicOrigin: read(env, 'PUBLIC_ORIGIN') as string | undefined,
    trustProxy: read(env, 'TRUST_PROXY') as boolean,
    production,
  };
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
