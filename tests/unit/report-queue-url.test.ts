/** The moderation queue's URL state (src/lib/report-queue-url.ts): parsed without throwing, unknown values named, written back minimally. */
import { describe, expect, it } from 'vitest';
import { pageLinks, parseQueueState, queueQuery } from '../../src/lib/report-queue-url.ts';

const known = { categories: ['lighting', 'other'], areas: ['indre-norrebro'], partners: ['politi', 'ssp'] };
const parse = (q: string) => parseQueueState(new URLSearchParams(q), known);

describe('parseQueueState', () => {
  it('reads every known value', () => {
    expect(parse('status=forwarded&category=lighting&area=indre-norrebro&partner=politi&sort=area&page=3&report=42')).toEqual({
      state: { status: 'forwarded', category: 'lighting', area: 'indre-norrebro', partner: 'politi', sort: 'area', page: 3, report: 42 },
      ignored: [],
    });
  });

  it('defaults to the first page of new reports, and reads the older queue=mine', () => {
    expect(parse('').state).toEqual({ status: 'received', page: 1 });
    expect(parse('queue=mine').state.partner).toBe('mine');
    expect(parse('partner=ssp&queue=mine').state.partner).toBe('ssp');
  });

  it('ignores and names what names nothing', () => {
    const { state, ignored } = parse('status=bogus&category=aliens&area=x&partner=nobody&sort=up&page=0&report=-1');
    expect(state).toEqual({ status: 'received', page: 1 });
    expect(ignored).toEqual(['status', 'category', 'area', 'partner', 'sort', 'page', 'report']);
    for (const page of ['abc', '-2', '1.5', '1e3', '9999999']) expect(parse(`page=${page}`).ignored, page).toEqual(['page']);
  });
});

describe('queueQuery', () => {
  it('writes only what differs from the defaults, in a stable order', () => {
    const { state } = parse('sort=newest&category=other&page=2');
    expect(queueQuery(state)).toBe('?status=received&category=other&sort=newest&page=2');
    expect(queueQuery(state, { page: 1, report: 7 })).toBe('?report=7&status=received&category=other&sort=newest');
  });
});

describe('pageLinks', () => {
  it('the first, the last and two either side, with gaps', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pageLinks(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pageLinks(20, 20)).toEqual([1, null, 18, 19, 20]);
  });
});
