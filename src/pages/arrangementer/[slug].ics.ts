/** GET /arrangementer/<slug>.ics: one published event as an iCalendar file to add to a calendar. */
import type { APIRoute } from 'astro';
import { renderEvent } from '../../lib/calendar.ts';
import { messages } from '../../lib/i18n/index.ts';
import { siteOrigin } from '../../server/platform/config.ts';
import { db } from '../../server/db/index.ts';
import { toCalendarEvent } from '../../server/content/event-pages.ts';
import { findPublishedEvent } from '../../server/content/events.ts';

export const GET: APIRoute = async (ctx) => {
  const detail = await findPublishedEvent(db(), ctx.params.slug ?? '');
  if (!detail) return ctx.rewrite('/404');
  const { locale } = ctx.locals;
  const origin = siteOrigin();
  const body = renderEvent(toCalendarEvent(detail, locale, origin), messages(locale).events.calendarName);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      // The slug is [a-z0-9-] only (a CHECK constraint), so it is safe in the header as it is.
      'Content-Disposition': `attachment; filename="${detail.event.slug}.ics"`,
    },
  });
};
