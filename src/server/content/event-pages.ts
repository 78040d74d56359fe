/**
 * What the public event pages and calendar endpoints need beyond the event
 * itself (src/server/content/events.ts): the published initiative an event belongs
 * to, its time span as display text, and its iCalendar form.
 */
import { nameIn } from '../../lib/localized.ts';
import { and, eq } from 'drizzle-orm';
import { initiatives } from '../../../db/schema.ts';
import type { CalendarEvent } from '../../lib/calendar.ts';
import { formatDateTime } from '../../lib/format.ts';
import { INTL_LOCALE, localePath, messages, type Locale } from '../../lib/i18n/index.ts';
import { pick } from '../../lib/localized.ts';
import { copenhagenDay } from '../../lib/time.ts';
import type { Queryable } from '../db/connection.ts';
import type { EventDetail } from './events.ts';

export interface InitiativeLink {
  slug: string;
  titleDa: string;
  titleEn: string | null;
}

/** The initiative an event belongs to, only while that initiative is published (a draft is never linked). */
export async function findEventInitiative(db: Queryable, initiativeId: number | null): Promise<InitiativeLink | undefined> {
  if (initiativeId === null) return undefined;
  const [link] = await db
    .select({ slug: initiatives.slug, titleDa: initiatives.titleDa, titleEn: initiatives.titleEn })
    .from(initiatives)
    .where(and(eq(initiatives.id, initiativeId), eq(initiatives.state, 'published')))
    .limit(1);
  return link;
}

export interface EventTimeSpan {
  start: { iso: string; text: string };
  end: { iso: string; text: string };
  /** Start and end fall on the same day in Copenhagen: the end is shown as a time of day only. */
  sameDay: boolean;
}

/**
 * An event's start and end for display in Copenhagen time, with ISO instants for `<time datetime>`:
 * "14. maj 2026 kl. 19.00" to "20.30" on one day, full dates on both ends otherwise.
 */
export function describeEventTimes(locale: Locale, start: Date, end: Date): EventTimeSpan {
  const sameDay = copenhagenDay(start) === copenhagenDay(end);
  const endText = sameDay
    ? new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeStyle: 'short', timeZone: 'Europe/Copenhagen' }).format(end)
    : formatDateTime(locale, end);
  return {
    start: { iso: start.toISOString(), text: formatDateTime(locale, start) },
    end: { iso: end.toISOString(), text: endText },
    sameDay,
  };
}

/** An event as an iCalendar entry in the reader's locale (Danish where no translation exists). */
export function toCalendarEvent({ event, partner }: EventDetail, locale: Locale, origin: string): CalendarEvent {
  return {
    // Stable across edits and locales, so a calendar updates the event instead of duplicating it.
    uid: `event-${event.id}@tryghed`,
    // A cancelled event says so in its title too: not every calendar app shows STATUS:CANCELLED.
    title: `${event.cancelledAt !== null ? `${messages(locale).events.cancelledBadge}: ` : ''}${pick(locale, event.titleDa, event.titleEn).text}`,
    description: pick(locale, event.descriptionDa, event.descriptionEn).text,
    location: event.place,
    start: event.startsAt,
    end: event.endsAt,
    url: `${origin}${localePath(locale, `/arrangementer/${event.slug}`)}`,
    ...(event.lat !== null && event.lon !== null ? { geo: { lat: event.lat, lon: event.lon } } : {}),
    ...(partner ? { organizer: nameIn(locale, partner) } : {}),
    updated: event.updatedAt,
    ...(event.cancelledAt !== null ? { cancelled: true } : {}),
  };
}
