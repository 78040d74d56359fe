/**
 * The survey builder over HTTP as an editor, as a browser without JavaScript
 * uses it: create a wave, add a question, preview it in English, open it,
 * answer it as a resident, and find the questionnaire frozen afterwards.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { postForm, SIGN_IN_TIMEOUT_MS } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';
import { jsonValue, serverRows } from '../support/server-db.ts';
import { SurveyClient } from '../support/survey-client.ts';

const base = inject('baseUrl');
const dbPath = inject('dbPath');

let cookie: string;
beforeAll(async () => {
  cookie = await staffSession(dbPath, 'editor');
}, SIGN_IN_TIMEOUT_MS);

/** Creates a draft wave in a new series through the form; returns its id, slug and first page. */
async function createWave(): Promise<{ id: number; slug: string; pageId: number }> {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const slug = `byggetest-${suffix}`;
  const areaIds = (await serverRows<{ id: number }>(sql`select id from areas where retired_at is null`)).map((a) => String(a.id));
  const res = await postForm(
    base,
    '/staff/surveys/new',
    {
      seriesId: 'new',
      seriesSlug: `serie-${suffix}`,
      seriesTitleDa: 'Testserie',
      seriesTitleEn: 'Test series',
      slug,
      waveDa: 'Testbølge',
      waveEn: 'Test wave',
      titleDa: 'Hvor tryg er du?',
      titleEn: 'How safe are you?',
      introDa: 'En kort test.',
      introEn: 'A short test.',
      mode: 'open',
      areaIds,
    },
    cookie,
  );
  expect(res.status).toBe(303);
  const id = Number(/\/staff\/surveys\/(\d+)\/questions/.exec(res.headers.get('location') ?? '')?.[1]);
  expect(id).toBeGreaterThan(0);
  const [page] = (await serverRows<{ id: number }>(sql`select id from survey_pages where survey_id = ${id} order by position`));
  return { id, slug, pageId: page!.id };
}

const question = (options: string) => ({
  key: 'tryg_http',
  textDa: 'Føler du dig tryg i gården?',
  textEn: 'Do you feel safe in the courtyard?',
  helpDa: '',
  helpEn: '',
  flags: ['required'],
  options,
});

describe('the survey builder for editors', () => {
  it('a bad config gets 400 with the message next to the field and the typed values kept', async () => {
    const wave = await createWave();
    const res = await postForm(base, `/staff/surveys/${wave.id}/questions/new?page=${wave.pageId}&type=single`, question('yes | Ja | Yes'), cookie);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('«Svarmuligheder» skal have mindst 2.');
    expect(html).toMatch(/<p class="field-error" id="options-error"[^>]*>«Svarmuligheder» skal have mindst 2\.<\/p>/);
    expect(html).toMatch(/<textarea[^>]*id="options"[^>]*aria-invalid="true"/);
    expect(html).toContain('Føler du dig tryg i gården?');
    expect((await serverRows(sql`select id from questions where survey_id = ${wave.id}`))).toHaveLength(0);
  });

  it('an editor builds a wave, previews it in English, opens it, a resident answers, and the questions are then frozen', async () => {
    const wave = await createWave();
    const builder = await fetch(`${base}/staff/surveys/${wave.id}/questions`, { headers: { cookie } });
    expect(builder.status).toBe(200);
    expect(await builder.text()).toContain('Tilføj spørgsmål');

    const added = await postForm(
      base,
      `/staff/surveys/${wave.id}/questions/new?page=${wave.pageId}&type=single`,
      question('yes | Ja, helt tryg | Yes, quite safe\nno | Nej, utryg | No, unsafe'),
      cookie,
    );
    expect(added.status).toBe(303);
    const [q] = (await serverRows<{ id: number; config: string }>(sql`select id, config from questions where survey_id = ${wave.id}`));
    expect(jsonValue<{ options: unknown[] }>(q!.config).options[1]).toEqual({ value: 'no', da: 'Nej, utryg', en: 'No, unsafe' });

    const preview = await fetch(`${base}/staff/surveys/${wave.id}/preview?sprog=en&side=1`, { headers: { cookie } });
    expect(preview.status).toBe(200);
    const previewHtml = await preview.text();
    expect(previewHtml).toContain('Forhåndsvisning');
    expect(previewHtml).toContain('Yes, quite safe');
    expect(previewHtml).toContain('Do you feel safe in the courtyard?');
    expect(previewHtml).not.toContain('Ja, helt tryg');

    const open = await postForm(base, `/staff/surveys/${wave.id}`, { intent: 'open' }, cookie);
    expect(open.status).toBe(200);

    const resident = new SurveyClient(base, wave.slug);
    expect((await resident.start()).status).toBe(303);
    const sent = await resident.page(1, [['q_tryg_http', 'yes']], 'submit');
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toContain('/tak');

    const edit = await postForm(base, `/staff/surveys/questions/${q!.id}`, question('yes | Ja | Yes\nmaybe | Måske | Maybe'), cookie);
    expect(edit.status).toBe(409);
    expect(await edit.text()).toContain('Spørgsmålene er låst, fordi bølgen har svar.');
    const del = await postForm(base, `/staff/surveys/${wave.id}/questions`, { intent: 'deleteQuestion', target: String(q!.id) }, cookie);
    expect(del.status).toBe(409);
    expect((await serverRows(sql`select id from questions where survey_id = ${wave.id}`))).toHaveLength(1);

    const readOnly = await (await fetch(`${base}/staff/surveys/${wave.id}/questions`, { headers: { cookie } })).text();
    expect(readOnly).toContain('Spørgsmålene er låst');
    expect(readOnly).not.toContain('name="intent"');
  });

  it('the wave page links to the builder and the preview, in both languages', async () => {
    const da = await (await fetch(`${base}/staff/surveys/1`, { headers: { cookie } })).text();
    expect(da).toContain('Rediger spørgeskema');
    expect(da).toContain('Forhåndsvis som borger');
    const en = await (await fetch(`${base}/en/staff/surveys/1`, { headers: { cookie } })).text();
    expect(en).toContain('Edit questionnaire');
    expect(en).toContain('href="/en/staff/surveys/1/preview"');
    const list = await (await fetch(`${base}/staff/surveys`, { headers: { cookie } })).text();
    expect(list).toContain('href="/staff/surveys/new"');
  });
});
