/** English strings: survey analysis on the dashboard (merged as `analysis`). */
import type { analysisDa } from './analysis-da.ts';

export const analysisEn: typeof analysisDa = {
  title: 'Analysis of a wave',
  wavesTitle: 'Analysis of the waves',
  wavesIntro:
    'The closed survey waves. Distributions are shown for closed waves only: an open wave’s figures change with every response and could be subtracted from each other day by day.',
  noWaves: 'There are no closed waves yet.',
  index: {
    caption: 'Closed waves',
    series: 'Series',
    wave: 'Wave',
    closed: 'Closed',
    responses: 'Responses',
    published: 'Published',
  },
  trendsLink: 'Trends across the waves',
  back: 'All waves',
  notClosed:
    'This wave is not closed. Distributions are shown only once it is: an open wave’s figures change with every response and could be subtracted from each other day by day.',
  choose: {
    legend: 'What to show',
    area: 'Area',
    show: 'Show',
  },
  publish: {
    heading: 'Publication',
    published: 'The results are published on the Results page.',
    unpublished: 'The results are not published.',
    publish: 'Publish the results',
    unpublish: 'Withdraw the results',
    done: 'Publication has been changed.',
    onlyAnalysts: 'Only analysts and administrators can publish results.',
    notClosed: 'Only a closed wave can be published.',
    viewPublic: 'See the Results page',
  },
  distributions: {
    heading: 'Distributions',
    intro: (k: number) =>
      `Every question for the chosen area, with share and 95 % interval. An answer given by fewer than ${k} respondents reads “too few responses”, and so do enough others that it cannot be worked out.`,
    chartTitle: (question: string, n: string) => `${question} (${n})`,
    n: (n: number) => `n = ${n}`,
    tooFew: 'too few responses',
    allNumbers: 'All distributions as a table',
  },
  problems: {
    heading: 'Problems in the neighbourhood, ranked',
    chartTitle: (top: string) => `Share answering “${top}”`,
    note: (tops: string) => `Ranked by the share answering “${tops}”; problems with too few responses come last.`,
    none: 'This wave has no questions with sub-questions.',
  },
  breakdown: {
    heading: 'Broken down by background',
    intro:
      'A question broken down by a background question, with every category for one wave and one area. Cells with too few responses are hidden together with enough others that they cannot be worked out from the row and column figures.',
    question: 'Question',
    by: 'Broken down by',
    show: 'Show the breakdown',
    none: 'This wave has no background questions to break down by.',
  },
  freeText: {
    heading: 'Free-text answers',
    intro: (k: number) =>
      `Answers are shown without the person’s other answers, in random order and with personal data masked, and only when at least ${k} people wrote something.`,
    tooFew: (k: number) => `Fewer than ${k} answers: the texts are not shown.`,
    none: 'This wave has no free-text questions.',
    count: (n: number) => `${n} answers`,
  },
  trend: {
    title: 'Trends across the waves',
    intro:
      'One question across the closed waves of a series, for one area. Scale questions are grouped into low, middle and high. Shares with too few responses leave a gap in the line.',
    series: 'Series, up to and including wave',
    question: 'Question',
    area: 'Area',
    show: 'Show the trend',
    none: 'There are no closed waves to show a trend for.',
    tooMany: 'The question has more answers than a chart can keep apart; the figures are in the table.',
    chartTitle: (question: string, area: string) => `${question}: ${area}`,
    low: (to: number, label: string) => `1–${to} (${label})`,
    middle: (point: number) => `${point}`,
    high: (from: number, to: number, label: string) => `${from}–${to} (${label})`,
  },
  chart: {
    answer: 'Answer',
    share: 'Share',
    interval: '95 % interval',
    problem: 'Problem',
    wave: 'Wave',
  },
  pin: 'Pin on the map',
  typedPlace: 'Place described in own words',
  noAnswer: 'Don’t know / no answer',
  totalAnswers: 'Answers in total',
  totalRespondents: 'Respondents in total',
  tables: {
    distribution: (wave: string, area: string) => `Distributions: ${wave}, ${area}`,
    problems: (wave: string, area: string) => `Problems ranked: ${wave}, ${area}`,
    breakdown: (question: string, by: string, wave: string, area: string) => `${question} by “${by}”: ${wave}, ${area}`,
    trend: (question: string, area: string) => `Trend: ${question}, ${area}`,
  },
  columns: {
    code: 'Code',
    question: 'Question',
    answer: 'Answer',
    n: 'Count',
    share: 'Share',
    low: 'Lower 95 %',
    high: 'Upper 95 %',
    problem: 'Problem',
    topShare: 'Share (strongest answer)',
    nAnswers: 'Answers in total',
    wave: 'Wave',
  },
  notes: {
    weighted: 'Shares are weighted to the area’s population figures (raking); counts are unweighted.',
    noMargins: 'Shares are unweighted: the area has no population figures to weight to.',
    unweighted: 'Shares are unweighted.',
    substantive: 'Answers such as “don’t know” and “prefer not to say” are left out. Intervals are 95 % (Wilson).',
    suspiciousOut: 'Suspicious responses are left out.',
    suspiciousIn: 'Suspicious responses are included.',
    suspiciousIgnored:
      'The area has too few suspicious responses to include them: the difference between the two views would show their individual answers, so they are left out.',
    multiple: 'Where several answers are possible, the share is those who chose the answer among everyone who was shown the question (including those who ticked nothing), and the shares do not add up to 100 %.',
    breakdown:
      'Share of each row (unweighted; suspicious responses as chosen above). Respondents who did not give the background form no row.',
  },
};
