import { describe, expect, it } from 'vitest';
import { renderCalendar, renderEvent, type CalendarEvent } from '../../src/lib/calendar.ts';

function makeEvent(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    uid: 'event-42@tryghed',
    title: 'Tryghedsvandring',
    description: 'Vi går en tur og ser på belysningen.',
    location: 'Blågårds Plads',
    // 18:00 in Copenhagen winter time (CET, UTC+1).
    start: new Date('2026-01-15T18:00:00+01:00'),
    end: new Date('2026-01-15T20:00:00+01:00'),
    updated: new Date('2026-01-02T09:30:00Z'),
    ...overrides,
  };
}

/** Content lines with folding undone (RFC 5545 §3.1), so assertions see whole properties. */
function unfoldedLines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

function property(ics: string, name: string): string[] {
  return unfoldedLines(ics)
    .filter((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`))
    .map((line) => line.slice(line.indexOf(':') + 1));
}

function count(ics: string, line: string): number {
  return unfoldedLines(ics).filter((l) => l === line).length;
}

describe('renderEvent', () => {
  it('writes one VEVENT in a VCALENDAR with uid, summary, location and calendar name', () => {
    const ics = renderEvent(makeEvent(), 'Tryghed');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(count(ics, 'BEGIN:VEVENT')).toBe(1);
    expect(count(ics, 'END:VEVENT')).toBe(1);
    expect(property(ics, 'UID')).toEqual(['event-42@tryghed']);
    expect(property(ics, 'SUMMARY')).toEqual(['Tryghedsvandring']);
    expect(property(ics, 'LOCATION')).toEqual(['Blågårds Plads']);
    expect(property(ics, 'X-WR-CALNAME')).toEqual(['Tryghed']);
    expect(property(ics, 'PRODID')).toEqual(['-//Tryghed//Tryghed//DA']);
    expect(property(ics, 'LAST-MODIFIED')).toEqual(['20260102T093000Z']);
  });

  it('writes start and end as UTC instants: 18:00 Copenhagen winter time is 17:00Z', () => {
    const ics = renderEvent(makeEvent());
    expect(property(ics, 'DTSTART')).toEqual(['20260115T170000Z']);
    expect(property(ics, 'DTEND')).toEqual(['20260115T190000Z']);
  });

  it('writes summer time as UTC too: 18:00 Copenhagen summer time is 16:00Z', () => {
    const ics = renderEvent(
      makeEvent({ start: new Date('2026-06-15T18:00:00+02:00'), end: new Date('2026-06-15T19:00:00+02:00') }),
    );
    expect(property(ics, 'DTSTART')).toEqual(['20260615T160000Z']);
  });

  it('writes GEO and URL only when given', () => {
    const without = renderEvent(makeEvent());
    expect(property(without, 'GEO')).toEqual([]);
    expect(property(without, 'URL')).toEqual([]);
    const withBoth = renderEvent(
      makeEvent({ geo: { lat: 55.6867, lon: 12.5556 }, url: 'https://tryghed.example/da/events/42' }),
    );
    expect(property(withBoth, 'GEO')).toEqual(['55.6867;12.5556']);
    expect(property(withBoth, 'URL')).toEqual(['https://tryghed.example/da/events/42']);
  });

  it('escapes commas, semicolons, backslashes and newlines in text (RFC 5545 §3.3.11)', () => {
    const ics = renderEvent(
      makeEvent({
        title: 'Møde, om tryghed; alle er velkomne',
        description: 'Første linje\r\nAnden linje\nC:\\sti',
        location: 'Nørrebrogade 1, 2200 København N',
      }),
      'Tryghed, Indre Nørrebro',
    );
    expect(property(ics, 'SUMMARY')).toEqual(['Møde\\, om tryghed\\; alle er velkomne']);
    expect(property(ics, 'DESCRIPTION')).toEqual(['Første linje\\nAnden linje\\nC:\\\\sti']);
    expect(property(ics, 'LOCATION')).toEqual(['Nørrebrogade 1\\, 2200 København N']);
    expect(property(ics, 'X-WR-CALNAME')).toEqual(['Tryghed\\, Indre Nørrebro']);
  });

  it('drops control characters, so a bare CR cannot break a line', () => {
    const ics = renderEvent(makeEvent({ description: 'før\ref\u0000ter\u0007' }));
    expect(property(ics, 'DESCRIPTION')).toEqual(['før\\nefter']);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n\u0000-\u0008\u000B-\u001F]/);
  });

  it('ends every line with CRLF and folds long lines at 75 octets without splitting æøå', () => {
    const ics = renderEvent(makeEvent({ description: 'Æblerne på Blågårds Plads smager søde og røde. '.repeat(8) }));
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    expect(property(ics, 'DESCRIPTION')[0]).toBe('Æblerne på Blågårds Plads smager søde og røde. '.repeat(8));
  });

  it('keeps Danish letters intact', () => {
    const ics = renderEvent(makeEvent({ title: 'Ærø, Øster Søgade og Åboulevarden', location: 'Nørrebrohallen' }));
    expect(property(ics, 'SUMMARY')).toEqual(['Ærø\\, Øster Søgade og Åboulevarden']);
    expect(property(ics, 'LOCATION')).toEqual(['Nørrebrohallen']);
  });

  it('names the organiser in CONTACT, never as an ORGANIZER without an address', () => {
    const ics = renderEvent(makeEvent({ organizer: 'Blågårdens Beboerforening, "BB"' }));
    expect(property(ics, 'CONTACT')).toEqual(['Blågårdens Beboerforening\\, "BB"']);
    expect(property(ics, 'ORGANIZER')).toEqual([]);
    expect(property(renderEvent(makeEvent()), 'CONTACT')).toEqual([]);
  });

  it('fails loudly when ics rejects the event or the times are impossible', () => {
    expect(() => renderEvent(makeEvent({ url: 'not a url' }))).toThrow(/Could not build iCalendar: url/);
    expect(() => renderEvent(makeEvent({ end: new Date('2026-01-15T17:00:00+01:00') }))).toThrow(/end is before start/);
    expect(() => renderEvent(makeEvent({ start: new Date('nonsense') }))).toThrow(/not a valid date/);
  });
});

describe('renderCalendar', () => {
  it('has one VEVENT per event, each with its own uid and contact', () => {
    const events = [
      makeEvent({ uid: 'event-1@tryghed', organizer: 'Anna' }),
      makeEvent({ uid: 'event-2@tryghed' }),
      makeEvent({ uid: 'event-3@tryghed', organizer: 'Bo' }),
    ];
    const ics = renderCalendar(events, 'Tryghed: begivenheder');
    expect(count(ics, 'BEGIN:VEVENT')).toBe(3);
    expect(count(ics, 'END:VEVENT')).toBe(3);
    expect(property(ics, 'UID')).toEqual(['event-1@tryghed', 'event-2@tryghed', 'event-3@tryghed']);
    const vevents = ics.split('BEGIN:VEVENT').slice(1);
    expect(vevents.map((vevent) => property(vevent, 'CONTACT'))).toEqual([['Anna'], [], ['Bo']]);
  });

  it('an empty feed is a valid VCALENDAR with no VEVENT', () => {
    const ics = renderCalendar([], 'Tryghed: begivenheder');
    expect(unfoldedLines(ics)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'PRODID:-//Tryghed//Tryghed//DA',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Tryghed: begivenheder',
      'X-PUBLISHED-TTL:PT1H',
      'END:VCALENDAR',
      '',
    ]);
  });
});
