import { describe, expect, it } from 'vitest';
import {
  errorText,
  newEventValues,
  newInitiativeValues,
  parseEvent,
  parseId,
  parseInitiative,
  parseUpdate,
  readInitiativeValues,
  type EventValues,
  type InitiativeValues,
} from '../../src/lib/editor-forms.ts';
import { editorDa } from '../../src/lib/i18n/editor-da.ts';

const known = { partners: new Set([1, 2]), areas: new Set([1]), initiatives: new Set([7]) };

const initiative = (o: Partial<InitiativeValues> = {}): InitiativeValues => ({
  ...newInitiativeValues(1),
  titleDa: 'Lys i parken',
  summaryDa: 'Flere lamper.',
  track: 'urban_renewal',
  areaIds: ['1'],
  ...o,
});

const event = (o: Partial<EventValues> = {}): EventValues => ({
  ...newEventValues(2),
  titleDa: 'Borgermøde',
  place: 'Biblioteket',
  startsAt: '2026-01-15T18:00',
  endsAt: '2026-01-15T20:00',
  ...o,
});

describe('parseInitiative', () => {
  it("empty optional text becomes null and the browser's CRLF line breaks become LF", () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(initiative({ bodyDa: 'a\r\n\r\nb', titleEn: '  ' }))) {
      for (const v of typeof value === 'string' ? [value] : value) form.append(name, v);
    }
    const result = parseInitiative(readInitiativeValues(form), known);
    expect(result).toMatchObject({ ok: true, input: { titleEn: null, bodyEn: null, bodyDa: 'a\n\nb', startsOn: null, partnerIds: [1] } });
  });

  it('every problem is reported at once, in the order of the form', () => {
    const result = parseInitiative(initiative({ titleDa: '', startsOn: '2026-05-02', endsOn: '2026-05-01', partnerIds: [] }), known);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors)).toEqual(['titleDa', 'endsOn', 'partnerIds']);
    expect(result.errors).toEqual({
      titleDa: { code: 'required' },
      endsOn: { code: 'endDateBeforeStart' },
      partnerIds: { code: 'chooseAtLeastOne' },
    });
  });

  it('an id that is not a known partner or area is refused, not left to the database', () => {
    const result = parseInitiative(initiative({ partnerIds: ['3'], areaIds: ['x'] }), known);
    expect(result).toEqual({ ok: false, errors: { partnerIds: { code: 'invalidChoice' }, areaIds: { code: 'invalidChoice' } } });
  });

  it('a date that does not exist is refused, and a text over its limit names the limit', () => {
    const result = parseInitiative(initiative({ startsOn: '2026-02-29', summaryDa: 'x'.repeat(501) }), known);
    expect(result).toEqual({ ok: false, errors: { summaryDa: { code: 'tooLong', max: 500 }, startsOn: { code: 'invalidDate' } } });
  });
});

describe('parseUpdate', () => {
  it('needs a real date and a Danish text', () => {
    expect(parseUpdate({ happenedOn: '2026-13-01', textDa: ' ', textEn: '' })).toEqual({
      ok: false,
      errors: { happenedOn: { code: 'invalidDate' }, textDa: { code: 'required' } },
    });
    expect(parseUpdate({ happenedOn: '2026-03-01', textDa: 'Godt i gang', textEn: '' })).toEqual({
      ok: true,
      input: { happenedOn: '2026-03-01', textDa: 'Godt i gang', textEn: null },
    });
  });
});

describe('parseEvent', () => {
  it('times are Copenhagen wall-clock time', () => {
    const result = parseEvent(event(), known);
    expect(result.ok && result.input.startsAt.toISOString()).toBe('2026-01-15T17:00:00.000Z');
  });

  it('an end before the start is refused; an end equal to the start is allowed', () => {
    expect(parseEvent(event({ endsAt: '2026-01-15T17:59' }), known)).toEqual({ ok: false, errors: { endsAt: { code: 'endTimeBeforeStart' } } });
    expect(parseEvent(event({ endsAt: '2026-01-15T18:00' }), known).ok).toBe(true);
  });

  it('a map point has both coordinates or neither, as numbers within the map', () => {
    expect(parseEvent(event({ lat: '55,69', lon: '12.55' }), known)).toMatchObject({ ok: true, input: { lat: 55.69, lon: 12.55 } });
    expect(parseEvent(event({ lat: '55.69' }), known)).toEqual({ ok: false, errors: { lon: { code: 'latLonPair' } } });
    expect(parseEvent(event({ lat: '55.8', lon: 'øst' }), known)).toEqual({
      ok: false,
      errors: { lat: { code: 'outsideMap', min: 55.6, max: 55.75 }, lon: { code: 'notANumber' } },
    });
  });

  it('area and initiative may be none; the organiser must be a known partner', () => {
    expect(parseEvent(event({ areaId: '', initiativeId: '7' }), known)).toMatchObject({ ok: true, input: { areaId: null, initiativeId: 7 } });
    expect(parseEvent(event({ partnerId: '', initiativeId: '8' }), known)).toEqual({
      ok: false,
      errors: { partnerId: { code: 'invalidChoice' }, initiativeId: { code: 'invalidChoice' } },
    });
  });
});

describe('errorText', () => {
  it('names the field and writes numbers the Danish way', () => {
    expect(errorText(editorDa.errors, 'Tekst på dansk', { code: 'tooLong', max: 20_000 })).toBe('«Tekst på dansk» må højst være 20.000 tegn.');
    expect(errorText(editorDa.errors, 'Breddegrad', { code: 'outsideMap', min: 55.6, max: 55.75 })).toContain('mellem 55,6 og 55,75');
  });
});

describe('parseId', () => {
  it('only a positive whole number is an id', () => {
    expect(parseId('12')).toBe(12);
    for (const bad of [undefined, '', '0', '012', '1e3', '-1', '12abc', '9999999999']) expect(parseId(bad), String(bad)).toBeNull();
  });
});
