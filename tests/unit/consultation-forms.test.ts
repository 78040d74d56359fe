/** The editors' consultation forms (src/lib/consultation-forms.ts): every rule, and what each bad input gets. */
import { describe, expect, it } from 'vitest';
import type { Consultation, ConsultationPlace } from '../../db/schema.ts';
import {
  consultationErrorSummary,
  consultationErrorText,
  consultationValues,
  decisionFieldOf,
  decisionValues,
  newConsultationValues,
  newPlaceValues,
  parseConsultation,
  parseDecisions,
  parsePlace,
  placeValues,
  readConsultationValues,
  readDecisionValues,
  readPlaceValues,
  type ConsultationValues,
  type DecisionValues,
  type PlaceValues,
} from '../../src/lib/consultation-forms.ts';
import { consultationsStaffDa } from '../../src/lib/i18n/consultations-staff-da.ts';
import { consultationsStaffEn } from '../../src/lib/i18n/consultations-staff-en.ts';
import { editorDa } from '../../src/lib/i18n/editor-da.ts';
import { editorEn } from '../../src/lib/i18n/editor-en.ts';
import type { NamedPlace } from '../../src/lib/places.ts';

const known = { areas: new Set([1, 2]), initiatives: new Set([7]) };

const consultation = (o: Partial<ConsultationValues> = {}): ConsultationValues => ({
  ...newConsultationValues('2030-03-01'),
  titleDa: 'Kameraer på Blågårds Plads',
  summaryDa: 'Seks mulige steder til kameraer.',
  areaId: '1',
  ...o,
});

const named: NamedPlace[] = [
  { id: 'blaagaards-plads', nameDa: 'Blågårds Plads', nameEn: 'Blågårds Plads (square)', kind: 'square', lat: 55.6867, lon: 12.5531, retired: false },
  { id: 'gammel-sti', nameDa: 'Gammel sti', nameEn: 'Old path', kind: 'street', lat: 55.69, lon: 12.55, retired: true },
];

const place = (o: Partial<PlaceValues> = {}): PlaceValues => ({
  ...newPlaceValues(),
  nameDa: 'Kamera ved indgangen',
  descriptionDa: 'Et kamera over indgangen fra Blågårdsgade.',
  lat: '55,6867',
  lon: '12.5531',
  ...o,
});

function formOf(values: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.append(k, v);
  return form;
}

describe('parseConsultation', () => {
  it('a valid form gives what the server stores: empty English text is null, no initiative is null, ids are numbers', () => {
    const parsed = parseConsultation(consultation({ titleEn: '  ', bodyDa: '  ## Hvorfor?  ', initiativeId: '' }), known);
    expect(parsed).toEqual({
      ok: true,
      input: {
        titleDa: 'Kameraer på Blågårds Plads',
        titleEn: null,
        summaryDa: 'Seks mulige steder til kameraer.',
        summaryEn: null,
        bodyDa: '## Hvorfor?',
        bodyEn: null,
        areaId: 1,
        initiativeId: null,
        scale: 'stance',
        opensOn: '2030-03-01',
        closesOn: '2030-03-21',
      },
    });
    const linked = parseConsultation(consultation({ initiativeId: '7', scale: 'five', areaId: '2' }), known);
    expect(linked.ok && linked.input).toMatchObject({ initiativeId: 7, scale: 'five', areaId: 2 });
  });

  it('reads only its own fields, with CRLF made LF', () => {
    const values = readConsultationValues(formOf({ ...consultation({ bodyDa: 'a\r\nb' }), intent: 'save', extra: 'x' }));
    expect(values.bodyDa).toBe('a\nb');
    expect(Object.keys(values)).not.toContain('extra');
    expect(Object.keys(values)).not.toContain('intent');
  });

  it('the Danish title and summary are required; the body may be empty', () => {
    const parsed = parseConsultation(consultation({ titleDa: ' ', summaryDa: '', bodyDa: '' }), known);
    expect(parsed).toEqual({ ok: false, errors: { titleDa: { code: 'required' }, summaryDa: { code: 'required' } } });
  });

  it('texts over their limits are refused with the limit', () => {
    const parsed = parseConsultation(
      consultation({ titleDa: 'x'.repeat(201), titleEn: 'x'.repeat(201), summaryDa: 'x'.repeat(501), bodyDa: 'x'.repeat(20_001), bodyEn: 'x'.repeat(20_001) }),
      known,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual({
      titleDa: { code: 'tooLong', max: 200 },
      titleEn: { code: 'tooLong', max: 200 },
      summaryDa: { code: 'tooLong', max: 500 },
      bodyDa: { code: 'tooLong', max: 20_000 },
      bodyEn: { code: 'tooLong', max: 20_000 },
    });
  });

  it.each([
    ['an unknown area', { areaId: '3' }, 'areaId'],
    ['a retired area (not in the known set)', { areaId: '99' }, 'areaId'],
    ['no area', { areaId: '' }, 'areaId'],
    ['an area that is not a number', { areaId: '1 or 1=1' }, 'areaId'],
    ['an area id of zero', { areaId: '0' }, 'areaId'],
    ['an unknown initiative', { initiativeId: '8' }, 'initiativeId'],
    ['an initiative that is not a number', { initiativeId: 'abc' }, 'initiativeId'],
    ['an unknown scale', { scale: 'seven' }, 'scale'],
    ['no scale', { scale: '' }, 'scale'],
  ] as const)('%s is an invalid choice', (_, o, field) => {
    const parsed = parseConsultation(consultation(o), known);
    expect(parsed).toEqual({ ok: false, errors: { [field]: { code: 'invalidChoice' } } });
  });

  it.each([
    ['missing', { opensOn: '' }, 'opensOn', 'required'],
    ['impossible', { closesOn: '2030-02-30' }, 'closesOn', 'invalidDate'],
    ['not ISO', { opensOn: '01-03-2030' }, 'opensOn', 'invalidDate'],
    ['words', { closesOn: 'næste uge' }, 'closesOn', 'invalidDate'],
  ] as const)('a %s date is refused', (_, o, field, code) => {
    const parsed = parseConsultation(consultation(o), known);
    expect(parsed).toEqual({ ok: false, errors: { [field]: { code } } });
  });

  it('the closing day may be the opening day, not before it (shown with any other error)', () => {
    expect(parseConsultation(consultation({ opensOn: '2030-03-01', closesOn: '2030-03-01' }), known).ok).toBe(true);
    expect(parseConsultation(consultation({ opensOn: '2030-03-01', closesOn: '2030-02-28' }), known)).toEqual({ ok: false, errors: { closesOn: { code: 'closesBeforeOpens' } } });
    const both = parseConsultation(consultation({ titleDa: '', opensOn: '2030-03-01', closesOn: '2030-02-28' }), known);
    expect(both.ok === false && Object.keys(both.errors)).toEqual(['titleDa', 'closesOn']);
  });

  it('errors come in the order of the form', () => {
    const parsed = parseConsultation(consultation({ closesOn: 'x', titleDa: '', areaId: '' }), known);
    expect(parsed.ok === false && Object.keys(parsed.errors)).toEqual(['titleDa', 'areaId', 'closesOn']);
  });

  it('a stored consultation gives its form back, and that form parses to the same values', () => {
    const stored = {
      id: 1,
      slug: 'x',
      areaId: 2,
      initiativeId: 7,
      titleDa: 'T',
      titleEn: null,
      summaryDa: 'S',
      summaryEn: 'S en',
      bodyDa: '',
      bodyEn: null,
      scale: 'five',
      opensOn: '2030-01-01',
      closesOn: '2030-01-31',
      state: 'draft',
      releaseId: null,
      decidedOn: null,
      decisionDa: null,
      decisionEn: null,
      createdAt: new Date(),
      updatedAt: new Date(),
    } satisfies Consultation;
    const values = consultationValues(stored);
    expect(values).toMatchObject({ areaId: '2', initiativeId: '7', titleEn: '', scale: 'five' });
    const parsed = parseConsultation(values, known);
    expect(parsed.ok && parsed.input).toMatchObject({ areaId: 2, initiativeId: 7, titleEn: null, summaryEn: 'S en', opensOn: '2030-01-01', closesOn: '2030-01-31' });
  });

  it('a new form opens today and closes three weeks later (over a month end)', () => {
    expect(newConsultationValues('2030-01-25')).toMatchObject({ opensOn: '2030-01-25', closesOn: '2030-02-14', scale: 'stance' });
  });
});

describe('parsePlace', () => {
  it('typed coordinates, Danish or English decimals, give the point; no illustration is null', () => {
    expect(parsePlace(place(), named)).toEqual({
      ok: true,
      input: { nameDa: 'Kamera ved indgangen', nameEn: null, descriptionDa: 'Et kamera over indgangen fra Blågårdsgade.', descriptionEn: null, lat: 55.6867, lon: 12.5531, illustration: null },
    });
  });

  it('a named place gives its own point, and the coordinates are not read', () => {
    const parsed = parsePlace(place({ namedPlace: 'blaagaards-plads', lat: 'nord', lon: '' }), named);
    expect(parsed.ok && { lat: parsed.input.lat, lon: parsed.input.lon }).toEqual({ lat: 55.6867, lon: 12.5531 });
  });

  it('an unknown or retired named place is an invalid choice', () => {
    expect(parsePlace(place({ namedPlace: 'et-andet-sted' }), named)).toEqual({ ok: false, errors: { namedPlace: { code: 'invalidChoice' } } });
    expect(parsePlace(place({ namedPlace: 'gammel-sti' }), named)).toEqual({ ok: false, errors: { namedPlace: { code: 'invalidChoice' } } });
  });

  it('without a named place both coordinates are required', () => {
    expect(parsePlace(place({ lat: '', lon: '' }), named)).toEqual({ ok: false, errors: { lat: { code: 'pointRequired' }, lon: { code: 'pointRequired' } } });
    expect(parsePlace(place({ lat: '55.69', lon: ' ' }), named)).toEqual({ ok: false, errors: { lon: { code: 'pointRequired' } } });
  });

  it.each([
    ['words', { lat: 'nord' }, 'lat', { code: 'notANumber' }],
    ['two decimal marks', { lon: '12.5.5' }, 'lon', { code: 'notANumber' }],
    ['an exponent', { lat: '5.56e1' }, 'lat', { code: 'notANumber' }],
    ['Infinity', { lon: 'Infinity' }, 'lon', { code: 'notANumber' }],
    ['north of the map', { lat: '56.1' }, 'lat', { code: 'outsideMap', min: 55.6, max: 55.75 }],
    ['east of the map', { lon: '12.7' }, 'lon', { code: 'outsideMap', min: 12.45, max: 12.65 }],
    ['swapped coordinates', { lat: '12.55', lon: '55.68' }, 'lat', { code: 'outsideMap', min: 55.6, max: 55.75 }],
  ] as const)('a point with %s is refused', (_, o, field, error) => {
    const parsed = parsePlace(place(o), named);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[field]).toEqual(error);
  });

  it('the map bounds themselves are inside', () => {
    expect(parsePlace(place({ lat: '55.6', lon: '12.65' }), named).ok).toBe(true);
    expect(parsePlace(place({ lat: '55,75', lon: '12,45' }), named).ok).toBe(true);
  });

  it('name and description in Danish are required, with limits; English is optional', () => {
    expect(parsePlace(place({ nameDa: '', descriptionDa: ' ' }), named)).toEqual({ ok: false, errors: { nameDa: { code: 'required' }, descriptionDa: { code: 'required' } } });
    const long = parsePlace(place({ nameDa: 'x'.repeat(201), nameEn: 'x'.repeat(201), descriptionDa: 'x'.repeat(1001), descriptionEn: 'x'.repeat(1001) }), named);
    expect(long).toEqual({
      ok: false,
      errors: { nameDa: { code: 'tooLong', max: 200 }, nameEn: { code: 'tooLong', max: 200 }, descriptionDa: { code: 'tooLong', max: 1000 }, descriptionEn: { code: 'tooLong', max: 1000 } },
    });
    const english = parsePlace(place({ nameEn: 'Camera at the entrance', descriptionEn: 'A camera.' }), named);
    expect(english.ok && english.input).toMatchObject({ nameEn: 'Camera at the entrance', descriptionEn: 'A camera.' });
  });

  it('the illustration is one of the five or none', () => {
    for (const v of ['camera', 'lighting', 'path', 'square', 'other'] as const) {
      const parsed = parsePlace(place({ illustration: v }), named);
      expect(parsed.ok && parsed.input.illustration).toBe(v);
    }
    for (const bad of ['Camera', 'https://evil.example/x.svg', '../camera', 'none']) {
      expect(parsePlace(place({ illustration: bad }), named)).toEqual({ ok: false, errors: { illustration: { code: 'invalidChoice' } } });
    }
  });

  it('reads its own fields; a stored place gives its form back with the point exactly as stored, and the named place when the point is one', () => {
    const values = readPlaceValues(formOf({ ...place({ descriptionDa: 'a\r\nb' }), placeId: '3', intent: 'save_place' }));
    expect(values.descriptionDa).toBe('a\nb');
    expect(Object.keys(values).sort()).toEqual(['descriptionDa', 'descriptionEn', 'illustration', 'lat', 'lon', 'namedPlace', 'nameDa', 'nameEn'].sort());
    const stored: ConsultationPlace = {
      id: 3,
      consultationId: 1,
      position: 1,
      nameDa: 'N',
      nameEn: null,
      descriptionDa: 'D',
      descriptionEn: null,
      lat: 55.68671234567891,
      lon: 12.553,
      illustration: 'lighting',
      outcome: null,
      reasonDa: null,
      reasonEn: null,
    };
    const back = placeValues(stored, named);
    expect(back).toMatchObject({ namedPlace: '', illustration: 'lighting', nameEn: '' });
    const parsed = parsePlace(back, named);
    expect(parsed.ok && [parsed.input.lat, parsed.input.lon]).toEqual([stored.lat, stored.lon]);
    expect(placeValues({ ...stored, lat: 55.6867, lon: 12.5531 }, named).namedPlace).toBe('blaagaards-plads');
  });
});

describe('parseDecisions', () => {
  const decisions = (o: Partial<DecisionValues> = {}): DecisionValues => ({
    noteDa: 'Mange ønskede lys frem for kameraer.',
    noteEn: '',
    places: [
      { placeId: 11, outcome: 'adopted', reasonDa: 'Stort flertal for.', reasonEn: '' },
      { placeId: 12, outcome: 'dropped', reasonDa: 'Flertal imod.', reasonEn: 'A majority against.' },
    ],
    ...o,
  });

  it('a full form gives the note and every place decided', () => {
    expect(parseDecisions(decisions())).toEqual({
      ok: true,
      input: {
        noteDa: 'Mange ønskede lys frem for kameraer.',
        noteEn: null,
        places: [
          { placeId: 11, outcome: 'adopted', reasonDa: 'Stort flertal for.', reasonEn: null },
          { placeId: 12, outcome: 'dropped', reasonDa: 'Flertal imod.', reasonEn: 'A majority against.' },
        ],
      },
    });
  });

  it('reads only the given places’ fields, in their order', () => {
    const form = formOf({ noteDa: 'N', 'outcome-12': 'changed', 'reasonDa-12': 'R', 'outcome-99': 'adopted', 'reasonDa-99': 'x', 'outcome-11': 'adopted', 'reasonDa-11': 'Q\r\nQ' });
    const values = readDecisionValues(form, [11, 12]);
    expect(values.places.map((p) => [p.placeId, p.outcome, p.reasonDa])).toEqual([
      [11, 'adopted', 'Q\nQ'],
      [12, 'changed', 'R'],
    ]);
  });

  it('the note in Danish is required; each place needs an outcome and a Danish reason; each error is on its own field', () => {
    const parsed = parseDecisions(
      decisions({
        noteDa: '',
        places: [
          { placeId: 11, outcome: '', reasonDa: '', reasonEn: '' },
          { placeId: 12, outcome: 'postponed', reasonDa: 'x', reasonEn: 'x'.repeat(1001) },
        ],
      }),
    );
    expect(parsed).toEqual({
      ok: false,
      errors: {
        noteDa: { code: 'required' },
        'outcome-11': { code: 'required' },
        'reasonDa-11': { code: 'required' },
        'outcome-12': { code: 'invalidChoice' },
        'reasonEn-12': { code: 'tooLong', max: 1000 },
      },
    });
  });

  it('limits: the note 5,000 characters, a reason 1,000', () => {
    const parsed = parseDecisions(decisions({ noteDa: 'x'.repeat(5001), noteEn: 'x'.repeat(5001) }));
    expect(parsed).toEqual({ ok: false, errors: { noteDa: { code: 'tooLong', max: 5000 }, noteEn: { code: 'tooLong', max: 5000 } } });
  });

  it('a stored decision gives its form back; a place not decided yet is empty', () => {
    const values = decisionValues({ decisionDa: 'N', decisionEn: null }, [
      { id: 1, outcome: 'changed', reasonDa: 'R', reasonEn: null },
      { id: 2, outcome: null, reasonDa: null, reasonEn: null },
    ]);
    expect(values).toEqual({
      noteDa: 'N',
      noteEn: '',
      places: [
        { placeId: 1, outcome: 'changed', reasonDa: 'R', reasonEn: '' },
        { placeId: 2, outcome: '', reasonDa: '', reasonEn: '' },
      ],
    });
  });

  it('a field name tells its kind and place', () => {
    expect(decisionFieldOf('outcome-12')).toEqual({ kind: 'outcome', placeId: 12 });
    expect(decisionFieldOf('reasonEn-3')).toEqual({ kind: 'reasonEn', placeId: 3 });
    expect(decisionFieldOf('noteEn')).toEqual({ kind: 'noteEn', placeId: null });
    expect(decisionFieldOf('noteDa')).toEqual({ kind: 'noteDa', placeId: null });
  });
});

describe('messages', () => {
  it('each error names its field in the staff member’s language', () => {
    expect(consultationErrorText(editorDa.errors, consultationsStaffDa.errors, 'Slutter', { code: 'closesBeforeOpens' })).toBe('«Slutter» må ikke ligge før den dag, høringen åbner.');
    expect(consultationErrorText(editorEn.errors, consultationsStaffEn.errors, 'Closes', { code: 'closesBeforeOpens' })).toBe('“Closes” must not be before the day the consultation opens.');
    expect(consultationErrorText(editorDa.errors, consultationsStaffDa.errors, 'Breddegrad', { code: 'pointRequired' })).toBe('Udfyld «Breddegrad», eller vælg et kendt sted.');
    expect(consultationErrorText(editorEn.errors, consultationsStaffEn.errors, 'Latitude', { code: 'pointRequired' })).toBe('Fill in “Latitude”, or choose a named place.');
    expect(consultationErrorText(editorDa.errors, consultationsStaffDa.errors, 'Titel på dansk', { code: 'required' })).toBe('«Titel på dansk» skal udfyldes.');
    expect(consultationErrorText(editorDa.errors, consultationsStaffDa.errors, 'Breddegrad', { code: 'outsideMap', min: 55.6, max: 55.75 })).toContain('mellem 55,6 og 55,75');
  });

  it('the summary links each error to its field', () => {
    const parsed = parsePlace(place({ nameDa: '', lat: 'x' }), named);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const items = consultationErrorSummary(editorEn.errors, consultationsStaffEn.errors, parsed.errors, (f) => consultationsStaffEn.places.fields[f], (f) => `place-${f}`);
    expect(items).toEqual([
      { href: '#place-nameDa', text: '“Name in Danish” is required.' },
      { href: '#place-lat', text: expect.stringContaining('“Latitude”') },
    ]);
  });
});
