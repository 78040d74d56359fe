/** English strings: the public results page /resultater (merged as `results`). */
import type { resultsDa } from './results-da.ts';

export const resultsEn: typeof resultsDa = {
  title: 'Results',
  nav: 'Results',
  description: 'The results of the perceived-safety surveys in Inner Nørrebro and the neighbouring areas, and the status of the partnership’s goals.',
  intro: (k: number) =>
    `The results of the perceived-safety surveys, once a wave is closed and the partnership has published it. The figures are shares of those who answered in the area and never rest on fewer than ${k} responses.`,
  none: 'No results have been published yet.',
  waveHeading: (series: string, wave: string) => `${series}: ${wave}`,
  period: (from: string, to: string) => `The survey was open from ${from} to ${to}.`,
  figuresCaption: (wave: string) => `Key figures by area, ${wave}`,
  figure: 'Key figure',
  headlines: {
    unsafeEvening: 'Feel unsafe walking alone in the neighbourhood in the evening',
    unsafeGeneral: 'Feel unsafe in the neighbourhood in general',
    drugDealingBig: 'See open drug dealing as a big problem',
    avoidsPlaces: 'Avoid places in the neighbourhood because they feel unsafe',
  },
  tooFew: 'too few responses',
  interval: (low: string, high: string) => `95 % interval: ${low} – ${high}`,
  n: (n: string) => `${n} responses`,
  goals: {
    heading: 'The partnership’s goals',
    intro: 'The goals for perceived safety, measured in the published waves.',
    none: 'There are no goals whose latest wave is published.',
    area: 'Area',
    baseline: 'Baseline',
    latest: 'Latest wave',
    change: 'Change',
    target: 'Target',
    status: 'Status',
    met: 'The target is met.',
    notMet: 'The target is not met yet.',
    unknown: 'Cannot be assessed: too few responses.',
    significant: 'The change is statistically significant.',
    notSignificant: 'The change is not statistically significant and may be due to chance.',
    by: (value: string, date: string) => `${value} by ${date}`,
    points: (value: string) => `${value} percentage points`,
    source: (source: string) => `Source: ${source}`,
    directions: { decrease: 'The share should fall', increase: 'The share should rise' },
  },
  method: {
    heading: 'How the figures are made',
    text: 'Shares are of those who answered the question; answers such as “don’t know” do not count. Where the area has population figures, answers are weighted so that age groups and genders count as in the population. The interval shows where the true share lies with 95 % confidence. A figure resting on too few responses is not shown, so no one can be recognised.',
  },
};
