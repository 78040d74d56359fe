/**
 * Copenhagen wall-clock time ⇄ instants. Staff type event times as local
 * time (an <input type="datetime-local">); the database stores instants.
 */
const TZ = 'Europe/Copenhagen';

/**
 * Midnight UTC `days` days after the UTC day of `now`: the only time of day
 * kept on rows residents cause (README "Privacy"), e.g. a draft's expiry.
 */
export function dayBoundary(now: Date, days = 0): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days));
}

/** Made once: a formatter costs far more to make than to use. */
const COPENHAGEN_PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: TZ,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Minutes Copenhagen is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date): number {
  const parts = COPENHAGEN_PARTS.formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant of a Copenhagen local time given as `YYYY-MM-DDTHH:MM`; null if malformed. */
export function fromCopenhagenLocal(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(guess).getUTCDate() !== d) return null; // 31 February and the like
  // Two passes settle the offset also right after a daylight-saving switch.
  let instant = new Date(guess - offsetMinutes(new Date(guess)) * 60_000);
  instant = new Date(guess - offsetMinutes(instant) * 60_000);
  return instant;
}

/** An instant as Copenhagen local `YYYY-MM-DDTHH:MM`, for a datetime-local field. */
export function toCopenhagenLocal(instant: Date): string {
  const shifted = new Date(instant.getTime() + offsetMinutes(instant) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** A calendar date `YYYY-MM-DD` that exists. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Made once: building a formatter costs far more than using one, and every post asks for the day. */
const COPENHAGEN_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' });

/** The day in Copenhagen (YYYY-MM-DD) of an instant: what is stored where no time of day is kept (comments, reports, responses). */
export function copenhagenDay(now = new Date()): string {
  // Formatting with a time zone is slow for a value asked on every post: kept for the
  // minute (Copenhagen's day starts on a whole minute of UTC, so the minute has one day).
  const minute = Math.floor(now.getTime() / 60_000);
  if (lastDay.minute !== minute) {
    lastDay.minute = minute;
    lastDay.day = COPENHAGEN_DAY.format(now);
  }
  return lastDay.day;
}
const lastDay = { minute: Number.NaN, day: '' };
