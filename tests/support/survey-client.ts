/**
 * A plain HTTP client answering a survey with form posts, as a browser
 * without JavaScript does: it keeps the draft cookie and follows the
 * post/redirect/get flow page by page.
 */
import { someClient } from './staff-login.ts';

/** Form fields per page of the seeded questionnaire, answered completely. */
export const SEEDED_PAGES: [string, string][][] = [
  [['q_area', 'indre-norrebro'], ['q_safety_general', 'safe']],
  [['q_safety_evening', 'unsafe'], ['q_safety_night', 'very_unsafe']],
  [
    ['q_problems__drug_dealing', 'big'], ['q_problems__youth_groups', 'some'], ['q_problems__gang_conflict', 'big'],
    ['q_problems__threats', 'small'], ['q_problems__violence', 'some'], ['q_problems__vandalism', 'small'],
    ['q_problems__reckless_driving', 'none'], ['q_problems__poor_lighting', 'big'], ['q_problems__littering', 'dont_know'],
  ],
  [['q_avoids_places', 'yes'], ['q_unsafe_places', 'stengade'], ['q_unsafe_places__text', 'Passagen ved skolen'], ['q_avoid_why', 'Mørkt og øde om aftenen.']],
  [['q_worry_victim', '5'], ['q_trust_police', '4'], ['q_trust_municipality', '3'], ['q_aware_initiatives', 'community_officers']],
  [['q_age_band', '35_44'], ['q_gender', 'prefer_not'], ['q_relation', 'resident'], ['q_years_in_area', '12']],
];

export class SurveyClient {
  cookie = '';
  readonly client = someClient();
  readonly base: string;
  readonly slug: string;
  constructor(base: string, slug: string) {
    this.base = base;
    this.slug = slug;
  }

  async post(path: string, fields: [string, string][]): Promise<Response> {
    const body = new URLSearchParams(fields).toString();
    const res = await fetch(this.base + path, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: this.base, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': this.client, ...(this.cookie ? { cookie: this.cookie } : {}) },
      body,
    });
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0]!;
      if (pair.startsWith('__Host-tryghed-svar-')) this.cookie = pair;
    }
    return res;
  }

  async get(path: string): Promise<Response> {
    return fetch(this.base + path, { redirect: 'manual', headers: this.cookie ? { cookie: this.cookie } : {} });
  }

  start(code = ''): Promise<Response> {
    return this.post(`/undersoegelser/${this.slug}`, code ? [['code', code]] : []);
  }

  page(n: number, fields: [string, string][], action: 'next' | 'back' | 'submit' = 'next'): Promise<Response> {
    return this.post(`/undersoegelser/${this.slug}/side/${n}`, [...fields, ['action', action]]);
  }

  /** Answers every page; returns the last response (a 303 to the thank-you page when all went well). */
  async answerAll(pages = SEEDED_PAGES): Promise<Response> {
    let last: Response | undefined;
    for (let i = 0; i < pages.length; i++) {
      last = await this.page(i + 1, pages[i]!, i === pages.length - 1 ? 'submit' : 'next');
      if (last.status !== 303) return last;
    }
    return last!;
  }
}
