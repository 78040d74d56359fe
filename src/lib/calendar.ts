/**
 * iCalendar (RFC 5545) for events: one event to add to a calendar, or a feed of all events to subscribe to.
 * The `ics` package writes the components; this module feeds it UTC instants and clean text,
 * and fills the gaps found in ics 3.12 (noted where they are handled).
 */
import { createEvents, type EventAttributes, type HeaderAttributes, type ReturnObject } from 'ics';

export interface CalendarEvent {
  /** Stable across edits (e.g. 'event-42@tryghed'), so calendars update the event instead of duplicating it. */
  uid: string;
  title: string;
  description: string;
  location: string;
  start: Date;
  end: Date;
  url?: string;
  geo?: { lat: number; lon: number };
  /** A name only: we publish no organiser e-mail addresses. */
  organizer?: string;
  updated: Date;
  /** The event is cancelled: STATUS:CANCELLED, so calendars that hold it mark it so. */
  cancelled?: boolean;
}

const PRODUCT_ID = '-//Tryghed//Tryghed//DA';
const CRLF = '\r\n';
const END_EVENT = `${CRLF}END:VEVENT${CRLF}`;

/**
 * Line endings become LF (ics escapes LF as \n but would pass a bare CR through raw, splitting the line),
 * and other control characters, which RFC 5545 TEXT does not allow, are dropped. Tab is allowed.
 */
function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}

/** TEXT escaping per RFC 5545 §3.3.11, for the values ics leaves unescaped (calendar name, contact). */
function escapeText(text: string): string {
  return cleanText(text).replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/;/g, '\\;').replace(/,/g, '\\,');
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1). ics folds at 75 characters, which lets lines
 * with æ, ø, å run past 75 octets; this never splits a character, and continuation lines start with a space.
 */
function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > 75) {
      parts.push(current);
      current = '';
      octets = 1; // the space that join() puts before the continuation
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function toIcsEvent(event: CalendarEvent): EventAttributes {
  if (Number.isNaN(event.start.getTime()) || Number.isNaN(event.end.getTime())) {
    throw new Error(`Calendar event ${event.uid}: start or end is not a valid date`);
  }
  if (event.end.getTime() < event.start.getTime()) {
    throw new Error(`Calendar event ${event.uid}: end is before start`);
  }
  return {
    uid: cleanText(event.uid),
    title: cleanText(event.title),
    description: cleanText(event.description),
    location: cleanText(event.location),
    // Instants in, UTC out (…Z): ics never guesses a time zone from the server's clock.
    start: event.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: event.end.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    lastModified: event.updated.getTime(),
    ...(event.cancelled ? { status: 'CANCELLED' as const } : {}),
    ...(event.url === undefined ? {} : { url: event.url }),
    ...(event.geo === undefined ? {} : { geo: { lat: event.geo.lat, lon: event.geo.lon } }),
  };
}

/**
 * The organiser becomes CONTACT (a TEXT property), not ORGANIZER: ORGANIZER's value must be an address,
 * and ics writes a name-only organiser as a line with no value, which strict parsers reject.
 * Text values are escaped, so END:VEVENT only ever appears as the real end of an event.
 */
function insertContacts(calendar: string, events: CalendarEvent[]): string {
  const parts = calendar.split(END_EVENT);
  return parts
    .map((part, index) => {
      const organizer = events[index]?.organizer;
      return organizer === undefined ? part : `${part}${CRLF}CONTACT:${escapeText(organizer)}`;
    })
    .join(END_EVENT);
}

function buildCalendar(events: CalendarEvent[], calName: string | undefined): string {
  const header: HeaderAttributes = {
    productId: PRODUCT_ID,
    ...(calName === undefined ? {} : { calName: escapeText(calName) }),
  };
  // ics 3.12 returns a bare VCALENDAR for an empty list (older versions failed), so no special case is needed.
  const result: ReturnObject = createEvents(events.map(toIcsEvent), header);
  if (result.error !== null || result.value === null) {
    throw new Error(`Could not build iCalendar: ${result.error?.message ?? 'no output'}`, { cause: result.error });
  }
  // Unfold ics's lines, add what it cannot write, and fold again by octets.
  const unfolded = insertContacts(result.value.replace(/\r\n[ \t]/g, ''), events);
  return unfolded
    .split(CRLF)
    .map((line) => (line === '' ? line : foldLine(line)))
    .join(CRLF);
}

/** One event in its own VCALENDAR, for an "add to calendar" download. */
export function renderEvent(event: CalendarEvent, calName?: string): string {
  return buildCalendar([event], calName);
}

/** All events in one VCALENDAR, for a subscription feed; valid (with no VEVENT) when there are none. */
export function renderCalendar(events: CalendarEvent[], calName: string): string {
  return buildCalendar(events, calName);
}
