/** English strings for the public map of reports (same shape as kort-da.ts). */
import type { KortMessages } from './kort-da.ts';

export const kortEn: KortMessages = {
  title: 'Map of reports',
  intro:
    'The map shows how many concern reports there are in each area and in small hexagons of about 0.1 km². It never shows exact places or descriptions.',
  moderatedOnly:
    'Only reports that a moderator has looked at and passed on are counted. New, rejected and merged reports are not.',
  privacy: (k: number) =>
    `A hexagon with fewer than ${k} reports is not shown at all, nor is any figure from which a count below ${k} could be worked out by comparing two choices, such as all categories against one. Periods are whole calendar years. An area's total is shown only when it cannot give away a hidden hexagon; otherwise it says "too few".`,
  released: (day: string, intervalDays: number) =>
    `These figures are from the release of ${day}. They are updated every ${intervalDays} days, not each time a report is handled, so nobody can see which report moved a figure.`,
  noise:
    'To protect those who report, each figure is adjusted slightly (by at most 2 up or down), always in the same way for the same reports. The figures give a true picture, but totals do not always add up exactly.',
  filters: 'Choose reports',
  category: 'Category',
  period: 'Period',
  allPeriods: 'All time',
  reporterType: 'Reported by',
  reporterTypes: {
    resident: 'Residents',
    business: 'Businesses',
    works_here: 'People who work in the area',
    visitor: 'Visitors',
  },
  all: 'All',
  apply: 'Show',
  clear: 'Reset',
  mapLabel: 'Map of the areas with hexagons for places with many reports',
  hexTitle: (place: string, n: number) => `Near ${place}: ${n} reports`,
  legend: 'The darker the hexagon, the more reports.',
  cellsHeading: 'Places with many reports',
  cellsCaption: 'Hexagons with at least K reports, described by the nearest named place',
  cellsNone: 'No hexagon has enough reports to be shown with this choice.',
  place: 'Nearest place',
  area: 'Area',
  count: 'Reports',
  areasHeading: 'Reports per area',
  areasCaption: 'All moderated reports in each area with this choice',
  tooFew: 'too few',
  report: 'Report a place where you feel unsafe',
};
