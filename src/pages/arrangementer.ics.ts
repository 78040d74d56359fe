/** GET /arrangementer.ics: every published event as one calendar feed to subscribe to. */
import type { APIRoute } from 'astro';
import { renderCalendar } from '../lib/calendar.ts';
import { messages } from '../lib/i18n/index.ts';
import { siteOrigin } from '../server/platform/config.ts';
import { db } from '../server/db/index.ts';
import { toCalendarEvent } from '../server/content/event-pages.ts';
import { listPublishedEvents } from '../server/content/events.ts';

export const GET: APIRoute = async (ctx) => {
  const { locale } = ctx.locals;
  const origin = siteOrigin();
  const events = (await listPublishedEvents(db())).map((detail) => toCalendarEvent(detail, locale, origin));
  return new Response(renderCalendar(events, messages(locale).events.calendarName), {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="arrangementer.ics"',
    },
  });
};
