/** Translating a questionnaire: its texts by key, completeness, what is offered, the translator, and the translators' spreadsheet. */
import { describe, expect, it } from 'vitest';
import type { InstrumentPage } from '../../src/lib/survey/instrument.ts';
import { readTranslationCsv, translationCsv } from '../../src/lib/survey/translation-csv.ts';
import { cleanTexts, completeness, isOffered, sourceTexts, textKey, translator } from '../../src/lib/survey/translation.ts';

const survey = { titleDa: 'Tryghed', titleEn: 'Safety', waveDa: '2026', waveEn: null, introDa: '', introEn: null };
const base = { surveyId: 1, pageId: 1, required: true, allowDontKnow: false, allowPreferNot: false, showIf: null, helpEn: null, textEn: null };
const pages = [
  {
    id: 1,
    position: 1,
    titleDa: 'Dit nabolag',
    titleEn: 'Your neighbourhood',
    questions: [
      { ...base, id: 1, position: 1, key: 'safe', type: 'single', textDa: 'Hvor tryg?', textEn: 'How safe?', helpDa: 'Tænk på aftenen', config: { options: [{ value: 'yes', da: 'Tryg', en: 'Safe' }, { value: 'no', da: 'Utryg' }] } },
      { ...base, id: 2, position: 2, key: 'problems', type: 'matrix', textDa: 'Problemer', helpDa: null, config: { items: [{ value: 'drugs', da: 'Stoffer' }, { value: 'light', da: 'Lys' }], options: [{ value: 'none', da: 'Intet' }, { value: 'big', da: 'Stort' }] } },
      { ...base, id: 3, position: 3, key: 'worry', type: 'scale', textDa: 'Bekymring', helpDa: null, config: { points: 5, lowDa: 'Slet ikke', highDa: 'Meget' } },
      { ...base, id: 4, position: 4, key: 'years', type: 'number', textDa: 'År', helpDa: null, config: { min: 0, max: 99, integer: true } },
    ],
  },
] as unknown as InstrumentPage[];

describe('a questionnaire’s texts', () => {
  const sources = sourceTexts(survey, pages);

  it('lists every text a respondent can see once, by a key that survives a clone, and skips empty ones', () => {
    expect(sources.map((s) => s.key)).toEqual([
      'title',
      'wave',
      textKey.page(1),
      'q.safe.text',
      'q.safe.help',
      'q.safe.option.yes',
      'q.safe.option.no',
      'q.problems.text',
      'q.problems.item.drugs',
      'q.problems.item.light',
      'q.problems.option.none',
      'q.problems.option.big',
      'q.worry.text',
      'q.worry.low',
      'q.worry.high',
      'q.years.text',
    ]);
    expect(sources[0]).toEqual({ key: 'title', da: 'Tryghed', en: 'Safety' });
  });

  it('is complete only when every text has a translation that is not blank', () => {
    const all = Object.fromEntries(sources.map((s) => [s.key, `ar:${s.key}`]));
    expect(completeness(sources, all)).toEqual({ done: sources.length, total: sources.length, missing: [], complete: true });
    const gap = { ...all, 'q.worry.low': '  ' };
    expect(completeness(sources, gap).missing).toEqual(['q.worry.low']);
    expect(isOffered(sources, { state: 'needs_review', texts: all })).toBe(true);
    expect(isOffered(sources, { state: 'reviewed', texts: all })).toBe(true);
    expect(isOffered(sources, { state: 'draft', texts: all }), 'a draft is never offered').toBe(false);
    expect(isOffered(sources, { state: 'reviewed', texts: gap }), 'an incomplete one is never offered').toBe(false);
  });

  it('keeps only the instrument’s keys, trimmed, without blanks', () => {
    expect(cleanTexts(sources, { title: ' عنوان ', 'q.gone.text': 'x', wave: '', 'q.safe.text': 5 })).toEqual({ title: 'عنوان' });
  });
});

describe('the translator', () => {
  it('shows Danish and English from the instrument, as before', () => {
    expect(translator('en')('title', 'Tryghed', 'Safety')).toEqual({ text: 'Safety', lang: 'en' });
    expect(translator('en')('wave', '2026', null)).toEqual({ text: '2026', lang: 'da' });
    expect(translator('da')('title', 'Tryghed', 'Safety')).toEqual({ text: 'Tryghed', lang: 'da' });
  });

  it('shows a translation in its language, and Danish (marked) where it has no text', () => {
    const t = translator('ar', { locale: 'ar', texts: { title: 'الأمان' } });
    expect(t('title', 'Tryghed', 'Safety')).toEqual({ text: 'الأمان', lang: 'ar' });
    expect(t('wave', '2026', null)).toEqual({ text: '2026', lang: 'da' });
  });

  it('never uses another language’s translation', () => {
    expect(translator('ur', { locale: 'ar', texts: { title: 'الأمان' } })('title', 'Tryghed', 'Safety')).toEqual({ text: 'Tryghed', lang: 'da' });
  });
});

describe('the translators’ spreadsheet', () => {
  const sources = sourceTexts(survey, pages);

  it('is written with every text, its Danish and English, and the translation so far', () => {
    const csv = translationCsv(sources, { title: 'Güvenlik' }, 'tr');
    expect(csv.startsWith('\uFEFFkey;da;en;tr\r\n')).toBe(true);
    expect(csv).toContain('title;Tryghed;Safety;Güvenlik\r\n');
    expect(csv).toContain('wave;2026;;\r\n');
  });

  it('reads back what it wrote, in ; or , and with a BOM, and reads only the key and translation columns', () => {
    const texts = Object.fromEntries(sources.map((s) => [s.key, `so: ${s.da}; "quoted", too`]));
    const back = readTranslationCsv(translationCsv(sources, texts, 'so'), 'so', sources);
    expect(back).toEqual({ ok: true, texts, unknownKeys: [] });
    const comma = 'key,da,en,so\nq.safe.text,CHANGED,,Sidee ammaan\nq.nope.text,x,,y\n';
    expect(readTranslationCsv(comma, 'so', sources)).toEqual({ ok: true, texts: { 'q.safe.text': 'Sidee ammaan' }, unknownKeys: ['q.nope.text'] });
  });

  it('refuses a file without the needed columns or that is not a CSV', () => {
    expect(readTranslationCsv('key;da;en;ar\ntitle;x;y;z\n', 'ur', sources)).toEqual({ ok: false, reason: 'no_columns' });
    expect(readTranslationCsv('key;ur\n"unterminated;x\n', 'ur', sources)).toEqual({ ok: false, reason: 'unreadable' });
  });
});
