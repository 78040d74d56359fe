/**
 * Consultations over plain HTTP (no JavaScript), on SQLite and PostgreSQL
 * alike: a resident answers place by place without an account, bad answers
 * are refused with a message and nothing stored, only a count above K is
 * shown while it is open, and once it closes the results are released once
 * through the engine (raw answers deleted), moderated comments and the
 * partners' decisions appear, and the initiative's page links to it.
 */
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { comments, consultationCodes, consultationResponses, consultations, consultationStances, users } from '../../db/schema.ts';
import { moderateComment } from '../../src/server/content/comments.ts';
import {
  addConsultationPlace,
  createConsultation,
  findConsultation,
  publishDecisions,
  releaseClosedConsultations,
  setConsultationState,
  updateConsultation,
  type ConsultationInput,
} from '../../src/server/consultations/consultations.ts';
import { listAreas } from '../../src/server/partnership/areas.ts';
import { copenhagenDay } from '../../src/lib/time.ts';
import { serverRow, sharedServerDatabase } from '../support/server-db.ts';
import { postForm } from '../support/staff-login.ts';
import { staffSession } from '../support/staff-session.ts';
import { inject } from 'vitest';

const base = inject('baseUrl');
const dbPath = inject('dbPath');
const day = (offset: number) => copenhagenDay(new Date(Date.now() + offset * 86_400_000));

interface Made {
  id: number;
  slug: string;
  places: number[];
}

async function makeConsultation(title: string, scale: ConsultationInput['scale'] = 'stance'): Promise<Made> {
  const db = sharedServerDatabase();
  const area = (await listAreas(db)).find((a) => a.slug === 'indre-norrebro')!;
  const c = await createConsultation(
    db,
    { titleDa: title, titleEn: `${title} (en)`, summaryDa: 'Resumé', summaryEn: 'Summary', bodyDa: 'Forklaring med **fed** tekst.', bodyEn: null, areaId: area.id, initiativeId: null, scale, opensOn: day(-1), closesOn: day(10) },
    null,
  );
  for (const [i, name] of ['Blågårds Plads', 'Folkets Park'].entries()) {
    await addConsultationPlace(db, c.id, { nameDa: name, nameEn: null, descriptionDa: `Kamera ${i + 1}`, descriptionEn: null, lat: 55.6866 + i * 0.001, lon: 12.5577, illustration: 'camera' }, null, day(-5));
  }
  const published = await setConsultationState(db, c.id, 'published', null);
  expect(published.ok).toBe(true);
  const detail = (await findConsultation(db, c.id))!;
  return { id: c.id, slug: c.slug, places: detail.places.map((p) => p.id) };
}

const counts = async (id: number) => ({
  responses: (await serverRow<{ n: number }>(sql`select count(*) as n from ${consultationResponses} where ${consultationResponses.consultationId} = ${id}`)).n,
  stances: (await serverRow<{ n: number }>(sql`select count(*) as n from ${consultationStances} where ${consultationStances.consultationId} = ${id}`)).n,
});

/** Ends a consultation yesterday, as time passing would. */
async function close(id: number): Promise<void> {
  await sharedServerDatabase().update(consultations).set({ opensOn: day(-20), closesOn: day(-1) }).where(eq(consultations.id, id));
}

describe('a resident answers a consultation place by place', () => {
  let c: Made;
  beforeAll(async () => {
    c = await makeConsultation('Kameraer ved pladsen');
  });

  it('lists it among the open consultations and shows the places on a map of links and as a form', async () => {
    const list = await (await fetch(`${base}/hoeringer`)).text();
    expect(list).toContain(`href="/hoeringer/${c.slug}"`);
    const res = await fetch(`${base}/hoeringer/${c.slug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<strong>fed</strong>');
    // Each numbered marker is a link to its place's part of the form.
    expect(html).toMatch(/<a href="#sted-1" aria-label="Sted 1: Blågårds Plads"/);
    expect(html).toContain('id="sted-2"');
    for (const id of c.places) {
      for (const s of ['for', 'against', 'no_opinion', '']) expect(html).toContain(`name="stance-${id}" value="${s}"`);
      expect(html).toContain(`name="comment-${id}"`);
    }
    expect(html).toContain('name="respondent" value="business"');
    // No answers yet: a zero points at no one.
    expect(html).toContain('0 har svaret indtil nu.');
    expect(html).toContain('112');
  });

  it('stores an answer all at once, with the comment masked and pending, and remembers it in this browser only', async () => {
    const res = await postForm(base, `/hoeringer/${c.slug}`, {
      respondent: 'resident',
      [`stance-${c.places[0]}`]: 'for',
      [`stance-${c.places[1]}`]: '',
      [`comment-${c.places[1]}`]: 'Ring til mig på 22 33 44 55, hvis I vil vide mere.',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/hoeringer/${c.slug}/tak`);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^hoert=${c.id};`));
    expect(cookie).toContain('HttpOnly');
    expect(await counts(c.id)).toEqual({ responses: 1, stances: 1 });
    const [stored] = await sharedServerDatabase().select().from(comments).where(and(eq(comments.targetType, 'consultation_place'), eq(comments.targetId, c.places[1]!)));
    expect(stored!.status).toBe('pending');
    expect(stored!.body).not.toContain('22 33 44 55');
    expect(stored!.masks).toContain('phone');

    const thanks = await fetch(`${base}/hoeringer/${c.slug}/tak`);
    expect(thanks.status).toBe(200);
    expect(await thanks.text()).toContain('Tak for dit svar');
    // The same browser is told it has answered, and can let the next person answer.
    const again = await (await fetch(`${base}/hoeringer/${c.slug}`, { headers: { cookie: `hoert=${c.id}` } })).text();
    expect(again).toContain('Du har allerede svaret');
    expect(again).not.toContain('name="respondent"');
    // The map's numbered links still lead to the places, listed without the form.
    for (const n of [1, 2]) {
      expect(again).toContain(`href="#sted-${n}"`);
      expect(again).toContain(`id="sted-${n}"`);
    }
    expect(again).toContain('Kamera 2');
    const next = await (await fetch(`${base}/hoeringer/${c.slug}?igen=1`, { headers: { cookie: `hoert=${c.id}` } })).text();
    expect(next).toContain('name="respondent"');
    // One answer is fewer than K: no count.
    expect(next).toContain('Der er endnu få svar.');
  });

  it('keeps what was typed and says what is missing when no place is answered or no one said who they are', async () => {
    const before = await counts(c.id);
    const res = await postForm(base, `/en/hoeringer/${c.slug}`, { respondent: '', [`stance-${c.places[0]}`]: '', [`comment-${c.places[0]}`]: 'Mit udkast' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Answer for at least one place before you send.');
    expect(html).toContain('Choose who you are.');
    expect(html).toContain('Mit udkast</textarea>');
    expect(await counts(c.id)).toEqual(before);
  });

  it('refuses an oversized comment with a message by its field and stores nothing', async () => {
    const before = await counts(c.id);
    const res = await postForm(base, `/hoeringer/${c.slug}`, { respondent: 'visitor', [`stance-${c.places[0]}`]: 'against', [`comment-${c.places[0]}`]: 'x'.repeat(1001) });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Kommentaren er for lang. Skriv højst 1000 tegn.');
    expect(html).toMatch(new RegExp(`id="comment-${c.places[0]}"[^>]*aria-invalid="true"`));
    expect(await counts(c.id)).toEqual(before);
  });

  it('refuses a place of another consultation, a stance outside the scale and an unknown respondent: 400 with a plain message, nothing stored', async () => {
    const other = await makeConsultation('En anden høring');
    const before = await counts(c.id);
    const foreign = await postForm(base, `/hoeringer/${c.slug}`, { respondent: 'resident', [`stance-${other.places[0]}`]: 'for' });
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain('et sted, der ikke hører til denne høring');
    const scale = await postForm(base, `/en/hoeringer/${c.slug}`, { respondent: 'resident', [`stance-${c.places[0]}`]: 'very_good' });
    expect(scale.status).toBe(400);
    expect(await scale.text()).toContain('an option this consultation does not offer');
    const who = await postForm(base, `/hoeringer/${c.slug}`, { respondent: 'police', [`stance-${c.places[0]}`]: 'for' });
    expect(who.status).toBe(400);
    expect(await counts(c.id)).toEqual(before);
    expect(await counts(other.id)).toEqual({ responses: 0, stances: 0 });
  });

  it('a bot that fills the honeypot is thanked and nothing is stored', async () => {
    const before = await counts(c.id);
    const res = await postForm(base, `/hoeringer/${c.slug}`, { respondent: 'resident', [`stance-${c.places[0]}`]: 'for', website: 'http://spam.example' });
    expect(res.status).toBe(303);
    expect(await counts(c.id)).toEqual(before);
  });

  it('shows how many answered only once K have, and then with the engine’s noise', async () => {
    for (let i = 0; i < 6; i++) {
      const res = await postForm(base, `/hoeringer/${c.slug}`, { respondent: i < 5 ? 'resident' : 'business', [`stance-${c.places[0]}`]: i < 4 ? 'for' : 'against', [`stance-${c.places[1]}`]: 'no_opinion' });
      expect(res.status).toBe(303);
    }
    const html = await (await fetch(`${base}/hoeringer/${c.slug}`)).text();
    const shown = /(\d+) har svaret indtil nu\./.exec(html);
    expect(shown).not.toBeNull();
    expect(Math.abs(Number(shown![1]) - 7)).toBeLessThanOrEqual(2);
  });
});

describe('when a consultation closes', () => {
  let c: Made;
  beforeAll(async () => {
    c = await makeConsultation('Lys i passagen');
    // 12 residents for at place 1, 2 businesses against; 6 residents answer place 2 too.
    for (let i = 0; i < 14; i++) {
      const fields: Record<string, string> = { respondent: i < 12 ? 'resident' : 'business', [`stance-${c.places[0]}`]: i < 12 ? 'for' : 'against' };
      if (i < 6) fields[`stance-${c.places[1]}`] = 'against';
      if (i === 0) fields[`comment-${c.places[0]}`] = 'Endelig bliver der lys.';
      expect((await postForm(base, `/hoeringer/${c.slug}`, fields)).status).toBe(303);
    }
    await close(c.id);
  });

  it('refuses answers after the last day, storing nothing, whatever was sent', async () => {
    const res = await postForm(base, `/hoeringer/${c.slug}`, { respondent: 'resident', [`stance-${c.places[0]}`]: 'for' });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Høringen er ikke åben');
    const junk = await postForm(base, `/hoeringer/${c.slug}`, { x: '1' });
    expect(junk.status).toBe(409);
    expect(await junk.text()).toContain('Høringen er ikke åben');
  });

  it('releases the results once through the engine and deletes the raw answers', async () => {
    const html = await (await fetch(`${base}/hoeringer/${c.slug}`)).text();
    expect(html).toContain('Det har vi hørt');
    expect(html).not.toContain('name="respondent"');
    expect(await counts(c.id)).toEqual({ responses: 0, stances: 0 });
    const { releaseId } = (await sharedServerDatabase().select({ releaseId: consultations.releaseId }).from(consultations).where(eq(consultations.id, c.id)))[0]!;
    expect(releaseId).not.toBeNull();
    // Two businesses against at place 1 are fewer than K: never shown as a number.
    const place1 = html.slice(html.indexOf('id="sted-1"'), html.indexOf('id="sted-2"'));
    expect(place1).toContain('for få svar');
    const cells = [...place1.matchAll(/<td>(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(cells.filter((n) => n > 0 && n < 5)).toEqual([]);
    // The same page again shows the same figures: the release never changes.
    const again = await (await fetch(`${base}/hoeringer/${c.slug}`)).text();
    const figures = (s: string) => s.slice(s.indexOf('Det har vi hørt'), s.indexOf('</main>')).replace(/\s+/g, ' ');
    expect(figures(again)).toBe(figures(html));
  });

  it('shows a comment only after a moderator approved it, and the decisions once published', async () => {
    const db = sharedServerDatabase();
    const [moderator] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'moderator')).limit(1);
    const [pending] = await db.select().from(comments).where(and(eq(comments.targetType, 'consultation_place'), eq(comments.targetId, c.places[0]!)));
    expect(await (await fetch(`${base}/hoeringer/${c.slug}`)).text()).not.toContain('Endelig bliver der lys.');
    await moderateComment(db, pending!.id, { kind: 'approve' }, moderator!.id);
    expect(await (await fetch(`${base}/hoeringer/${c.slug}`)).text()).toContain('Endelig bliver der lys.');

    const decided = await publishDecisions(
      db,
      c.id,
      {
        noteDa: 'Tak for svarene.',
        noteEn: 'Thanks for the answers.',
        places: [
          { placeId: c.places[0]!, outcome: 'adopted', reasonDa: 'Et flertal var for.', reasonEn: 'A majority was for it.' },
          { placeId: c.places[1]!, outcome: 'dropped', reasonDa: 'Flere var imod.', reasonEn: null },
        ],
      },
      null,
    );
    expect(decided.ok).toBe(true);
    const en = await (await fetch(`${base}/en/hoeringer/${c.slug}`)).text();
    expect(en).toContain('What we decided');
    expect(en).toContain('Adopted');
    expect(en).toContain('A majority was for it.');
    // No English reason: the Danish one, marked as Danish.
    expect(en).toMatch(/<span lang="da"[^>]*>Flere var imod.<\/span>/);
  });

  it('publishing decisions for another consultation’s place is refused and changes nothing', async () => {
    const other = await makeConsultation('Tredje høring');
    const refused = await publishDecisions(sharedServerDatabase(), c.id, { noteDa: 'x', noteEn: null, places: [{ placeId: other.places[0]!, outcome: 'adopted', reasonDa: 'x', reasonEn: null }] }, null);
    expect(refused).toEqual({ ok: false, reason: 'places_mismatch' });
  });
});

describe('invitation codes on letters (optional)', () => {
  it('an editor makes a batch and downloads it; a code answers once, a wrong or used one is refused with nothing stored; no code is fine', async () => {
    const c = await makeConsultation('Breve til husstandene');
    const editor = await staffSession(dbPath, 'editor');
    const made = await postForm(base, `/staff/consultations/${c.id}`, { intent: 'codes', count: '3' }, editor);
    expect(made.status).toBe(303);
    expect(made.headers.get('location')).toContain('done=codes');
    expect((await postForm(base, `/staff/consultations/${c.id}`, { intent: 'codes', count: '0' }, editor)).status).toBe(400);
    const csv = await (await fetch(`${base}/staff/consultations/${c.id}/codes.csv`, { headers: { cookie: editor } })).text();
    const codes = csv.trim().split('\r\n').slice(1).map((line) => line.split(';')[0]!);
    expect(codes).toHaveLength(3);
    expect(codes[0]).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const viewer = await staffSession(dbPath, 'viewer');
    expect((await fetch(`${base}/staff/consultations/${c.id}/codes.csv`, { headers: { cookie: viewer }, redirect: 'manual' })).status).toBe(403);

    const page = await (await fetch(`${base}/hoeringer/${c.slug}`)).text();
    expect(page).toContain('name="code"');
    const answer = (code: string) => postForm(base, `/hoeringer/${c.slug}`, { code, respondent: 'resident', [`stance-${c.places[0]}`]: 'for' });
    expect((await answer(codes[0]!.toLowerCase())).status).toBe(303);
    const used = await sharedServerDatabase().select().from(consultationCodes).where(eq(consultationCodes.consultationId, c.id));
    expect(used.filter((u) => u.used)).toHaveLength(1);
    const before = await counts(c.id);
    const again = await answer(codes[0]!);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('Koden er allerede brugt.');
    const unknown = await answer('ACDE-FGHJ');
    expect(unknown.status).toBe(400);
    const unknownHtml = await unknown.text();
    expect(unknownHtml).toContain('Koden passer ikke til denne høring.');
    expect(unknownHtml).toContain('value="ACDE-FGHJ"');
    const malformed = await answer('12');
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toContain('Koden skal have 8 tegn');
    expect(await counts(c.id)).toEqual(before);
    expect((await answer('')).status).toBe(303);
    expect(await counts(c.id)).toEqual({ responses: before.responses + 1, stances: before.stances + 1 });
  });
});

describe('what an editor cannot do to a consultation', () => {
  it('reopen a closed one, publish one that has ended, withdraw a released one, decide a withdrawn one, or add a 21st place', async () => {
    const db = sharedServerDatabase();
    const c = await makeConsultation('Vagter på reglerne');
    const detail = (await findConsultation(db, c.id))!;
    const input = (over: Partial<ConsultationInput>): ConsultationInput => ({
      titleDa: detail.consultation.titleDa,
      titleEn: detail.consultation.titleEn,
      summaryDa: detail.consultation.summaryDa,
      summaryEn: detail.consultation.summaryEn,
      bodyDa: detail.consultation.bodyDa,
      bodyEn: detail.consultation.bodyEn,
      areaId: detail.consultation.areaId,
      initiativeId: null,
      scale: detail.consultation.scale,
      opensOn: detail.consultation.opensOn,
      closesOn: detail.consultation.closesOn,
      ...over,
    });
    expect(await updateConsultation(db, c.id, input({ closesOn: day(-30) }), null)).toEqual({ ok: false, reason: 'bad_dates' });
    // Places while it is open: fixed.
    expect(await addConsultationPlace(db, c.id, { nameDa: 'x', nameEn: null, descriptionDa: 'x', descriptionEn: null, lat: 55.687, lon: 12.556, illustration: null }, null)).toEqual({ ok: false, reason: 'answers_exist' });
    await close(c.id);
    const closedOn = day(-1);
    expect(await updateConsultation(db, c.id, input({ opensOn: day(-20), closesOn: day(5) }), null)).toEqual({ ok: false, reason: 'closed' });
    expect((await findConsultation(db, c.id))!.consultation.closesOn).toBe(closedOn);
    expect(await setConsultationState(db, c.id, 'draft', null)).toEqual({ ok: true });
    expect(await setConsultationState(db, c.id, 'published', null)).toEqual({ ok: false, reason: 'closed' });
    expect(await publishDecisions(db, c.id, { noteDa: 'x', noteEn: null, places: [] }, null)).toEqual({ ok: false, reason: 'not_released' });

    // Withdrawn after residents answered: released all the same when it ends, so the raw answers do not stay behind; no decisions on it.
    const withdrawn = await makeConsultation('Trukket tilbage med svar');
    expect((await postForm(base, `/hoeringer/${withdrawn.slug}`, { respondent: 'resident', [`stance-${withdrawn.places[0]}`]: 'for' })).status).toBe(303);
    expect(await setConsultationState(db, withdrawn.id, 'draft', null)).toEqual({ ok: true });
    await close(withdrawn.id);
    expect(await releaseClosedConsultations(db, 5)).toBeGreaterThanOrEqual(1);
    expect(await counts(withdrawn.id)).toEqual({ responses: 0, stances: 0 });
    expect((await fetch(`${base}/hoeringer/${withdrawn.slug}`)).status).toBe(404);
    const detail2 = (await findConsultation(db, withdrawn.id))!;
    expect(await publishDecisions(db, withdrawn.id, { noteDa: 'x', noteEn: null, places: detail2.places.map((p) => ({ placeId: p.id, outcome: 'dropped' as const, reasonDa: 'x', reasonEn: null })) }, null)).toEqual({
      ok: false,
      reason: 'not_published',
    });

    const released = await makeConsultation('Frigivet og fast');
    await close(released.id);
    expect(await fetch(`${base}/hoeringer/${released.slug}`).then((r) => r.status)).toBe(200);
    expect(await setConsultationState(db, released.id, 'draft', null)).toEqual({ ok: false, reason: 'released' });

    const full = await createConsultation(
      db,
      { ...input({ opensOn: day(10), closesOn: day(20) }), titleDa: 'Mange steder' },
      null,
    );
    for (let i = 0; i < 20; i++) {
      expect((await addConsultationPlace(db, full.id, { nameDa: `Sted ${i}`, nameEn: null, descriptionDa: 'x', descriptionEn: null, lat: 55.687, lon: 12.556, illustration: null }, null)).ok).toBe(true);
    }
    expect(await addConsultationPlace(db, full.id, { nameDa: 'Et for meget', nameEn: null, descriptionDa: 'x', descriptionEn: null, lat: 55.687, lon: 12.556, illustration: null }, null)).toEqual({ ok: false, reason: 'too_many_places' });
  });
});

describe('pages around consultations', () => {
  it('the business page on private cameras gives the police’s link and stores nothing', async () => {
    const res = await fetch(`${base}/erhverv/kameraer`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('href="https://politi.dk/kamera"');
    expect(html).toContain('POLCAM');
    expect(await (await fetch(`${base}/erhverv`)).text()).toContain('href="/erhverv/kameraer"');
    const ar = await (await fetch(`${base}/ar/erhverv/kameraer`)).text();
    expect(ar).toContain('dir="rtl"');
  });

  it('the demo initiative links to its consultations, and the header links to the list', async () => {
    const html = await (await fetch(`${base}/indsatser/borgerdialog-i-omraadefornyelsen`)).text();
    expect(html).toContain('Høringer i indsatsen');
    expect(html).toContain('href="/hoeringer/bedre-lys-i-to-moerke-passager"');
    // Publishing the decisions added a progress update, which the initiative's and area's subscribers get in their digest.
    expect(html).toContain('Høringen »Bedre lys i to mørke passager« er afsluttet.');
    expect(await (await fetch(`${base}/`)).text()).toContain('href="/hoeringer"');
  });

  it('an unknown or draft consultation is a 404', async () => {
    expect((await fetch(`${base}/hoeringer/findes-ikke`)).status).toBe(404);
    const db = sharedServerDatabase();
    const area = (await listAreas(db)).find((a) => a.slug === 'indre-norrebro')!;
    const draft = await createConsultation(db, { titleDa: 'Kladde', titleEn: null, summaryDa: 'x', summaryEn: null, bodyDa: '', bodyEn: null, areaId: area.id, initiativeId: null, scale: 'five', opensOn: day(-1), closesOn: day(3) }, null);
    expect((await fetch(`${base}/hoeringer/${draft.slug}`)).status).toBe(404);
  });
});
