/**
 * The retention schedule (src/server/privacy/retention.ts) names every table of the
 * schema, by a rule or with the reason it has none; its settings come from
 * the one env schema with the documented defaults; periods count calendar
 * months and years.
 */
import { getTableName, is, Table } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema.ts';
import { ConfigError, loadConfig } from '../../src/server/platform/config.ts';
import { envSchema } from '../../src/server/platform/env-schema.ts';
import { coveredTables, cutoff, KEPT, RETENTION_DEFAULTS, RETENTION_ENV, RETENTION_RULES, RULE_IDS } from '../../src/server/privacy/retention.ts';

const tables = (Object.values(schema) as unknown[])
  .filter((v): v is Table => is(v, Table))
  .map((t) => getTableName(t))
  .sort();

describe('the retention schedule', () => {
  it('gives every table of the schema a rule or a documented reason for none', () => {
    expect(tables.length).toBeGreaterThan(30);
    const covered = coveredTables();
    expect(tables.filter((t) => !covered.has(t))).toEqual([]);
    // …and names no table that does not exist.
    expect([...covered].filter((t) => !tables.includes(t))).toEqual([]);
    for (const reason of Object.values(KEPT)) expect(reason.length).toBeGreaterThan(10);
  });

  it('has one rule per id, each saying what goes and from when', () => {
    expect(RETENTION_RULES.map((r) => r.id).sort()).toEqual([...RULE_IDS].sort());
    for (const r of RETENTION_RULES) {
      expect(r.what.length, r.id).toBeGreaterThan(10);
      expect(r.from.length, r.id).toBeGreaterThan(10);
      expect(r.tables.length, r.id).toBeGreaterThan(0);
    }
  });

  it('reads its periods from the environment, with the documented defaults, and refuses bad ones', () => {
    expect(loadConfig({}).retention).toEqual(RETENTION_DEFAULTS);
    for (const [key, name] of Object.entries(RETENTION_ENV)) {
      expect((envSchema as Record<string, { default?: unknown }>)[name]?.default, name).toBe(RETENTION_DEFAULTS[key as keyof typeof RETENTION_DEFAULTS]);
    }
    expect(loadConfig({ RETENTION_REPORT_DETAILS_MONTHS: '12', RETENTION_AUDIT_YEARS: '3' }).retention).toMatchObject({ reportDetailsMonths: 12, auditYears: 3 });
    // The outbox keeps undelivered notices for 2 days of retries: a shorter period would cut them off.
    expect(() => loadConfig({ RETENTION_OUTBOX_DAYS: '2' })).toThrow(/RETENTION_OUTBOX_DAYS/);
    expect(() => loadConfig({ RETENTION_REPORT_DETAILS_MONTHS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ RETENTION_AUDIT_YEARS: '1.5' })).toThrow(/RETENTION_AUDIT_YEARS/);
  });

  it('counts months and years on the calendar, clamped to the end of a shorter month', () => {
    const now = new Date('2026-07-10T10:00:00Z');
    expect(cutoff(now, { n: 6, unit: 'months' }).toISOString()).toBe('2026-01-10T10:00:00.000Z');
    expect(cutoff(now, { n: 5, unit: 'years' }).toISOString()).toBe('2021-07-10T10:00:00.000Z');
    expect(cutoff(now, { n: 30, unit: 'days' }).toISOString()).toBe('2026-06-10T10:00:00.000Z');
    expect(cutoff(now, { n: 48, unit: 'hours' }).toISOString()).toBe('2026-07-08T10:00:00.000Z');
    expect(cutoff(new Date('2026-03-31T12:00:00Z'), { n: 1, unit: 'months' }).toISOString()).toBe('2026-02-28T12:00:00.000Z');
    expect(cutoff(new Date('2028-02-29T12:00:00Z'), { n: 1, unit: 'years' }).toISOString()).toBe('2027-02-28T12:00:00.000Z');
  });
});
