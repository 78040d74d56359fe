/** The editors' event forms (src/lib/event-signup-forms.ts) and the calendar's cancelled status, without a database. */
import { describe, expect, it } from 'vitest';
import { renderEvent } from '../../src/lib/calendar.ts';
import { PlaceBook } from '../../src/lib/places.ts';
import { SEEDED_PLACES } from '../../src/lib/seeded-places.ts';
import { CANCEL_NOTE_MAX, MINUTES_MAX, parseCancellation, parseMinutes, parseSignupSettings } from '../../src/lib/event-signup-forms.ts';

describe('parseSignupSettings', () => {
  it('an empty capacity means no limit; a whole number from 1 to 10,000 is a capacity', () => {
    expect(parseSignupSettings({ open: true, capacity: '' })).toEqual({ ok: true, input: { open: true, capacity: null } });
    expect(parseSignupSettings({ open: false, capacity: ' 1.000 ' })).toEqual({ ok: true, input: { open: false, capacity: 1000 } });
  });
  it('zero, negatives, fractions, words and more than 10,000 are refused', () => {
    for (const capacity of ['0', '-3', '2,5', 'tre', '10001', '99999999']) {
      expect(parseSignupSettings({ open: true, capacity }), capacity).toEqual({ ok: false, errors: { capacity: 'capacity' } });
    }
  });
});

describe('parseCancellation', () => {
  it('needs the confirming tick, and notes within the limit', () => {
    expect(parseCancellation({ confirm: false, noteDa: '', noteEn: '' })).toEqual({ ok: false, errors: { confirm: 'confirm' } });
    expect(parseCancellation({ confirm: true, noteDa: 'x'.repeat(CANCEL_NOTE_MAX + 1), noteEn: '' })).toEqual({ ok: false, errors: { noteDa: 'noteTooLong' } });
    expect(parseCancellation({ confirm: true, noteDa: 'Aflyst pga. vejret', noteEn: '' })).toEqual({ ok: true, input: { noteDa: 'Aflyst pga. vejret', noteEn: null } });
  });
});

describe('parseMinutes', () => {
  const book = new PlaceBook(SEEDED_PLACES.map((p) => ({ ...p, retired: false })));
  it('needs Danish text, keeps places from the named places only, in the list order, each once', () => {
    expect(parseMinutes({ bodyDa: '', bodyEn: '', places: [] }, book)).toEqual({ ok: false, errors: { bodyDa: 'bodyMissing' } });
    expect(parseMinutes({ bodyDa: 'x'.repeat(MINUTES_MAX + 1), bodyEn: '', places: [] }, book)).toEqual({ ok: false, errors: { bodyDa: 'bodyTooLong' } });
    expect(parseMinutes({ bodyDa: 'Fund', bodyEn: '', places: ['blaagaards-plads', '../etc'] }, book)).toEqual({ ok: false, errors: { places: 'places' } });
    expect(parseMinutes({ bodyDa: 'Fund', bodyEn: '', places: ['korsgade', 'blaagaards-plads', 'korsgade'] }, book)).toEqual({
      ok: true,
      input: { bodyDa: 'Fund', bodyEn: null, places: ['blaagaards-plads', 'korsgade'] },
    });
  });
});

describe('a cancelled event in a calendar', () => {
  const event = { uid: 'event-1@tryghed', title: 'Møde', description: '', location: 'Nørrebro', start: new Date('2026-05-01T17:00:00Z'), end: new Date('2026-05-01T19:00:00Z'), updated: new Date('2026-04-01T00:00:00Z') };
  it('carries STATUS:CANCELLED, and an event that takes place does not', () => {
    expect(renderEvent({ ...event, cancelled: true }, 'Kalender')).toContain('STATUS:CANCELLED');
    expect(renderEvent(event, 'Kalender')).not.toContain('STATUS:');
  });
});
