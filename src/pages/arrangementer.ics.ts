/** GET /arrangementer.ics: every published event as one calendar feed to subscribe to. */
import type { APIRoute } from 'astro';
import { renderCalendar } from '../lib/calendar.ts';
import { messages } from '../lib/i18n/index.ts';
import { config } from '../server/config.ts';
import { db } from '../server/db/index.ts';
import { calendarOrigin, toCalendarEvent } from '../server/event-pages.ts';
import { listPublishedEvents } from '../server/events.ts';

export const GET: APIRoute = async (ctx) => {
  const { locale } = ctx.locals;
  const origin = calendarOrigin(config().publicOrigin, new URL(ctx.url));
  const events = (await listPublishedEvents(db())).map((detail) => toCalendarEvent(detail, locale, origin));
  return new Response(renderCalendar(events, messages(locale).events.calendarName), {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="arrangementer.ics"',
    },
  });
};
