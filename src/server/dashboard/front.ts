/**
 * The dashboard's front: each goal's status grouped by area, with the
 * plain-language sentence ("Utryghed om aftenen faldt fra 32 % til 14 %;
 * faldet er statistisk sikkert.") composed here, not in the template.
 */
import type { Area } from '../../../db/schema.ts';
import { formatPercent } from '../../lib/format.ts';
import { messages, type Locale } from '../../lib/i18n/index.ts';
import type { GoalStatus } from './goals.ts';

export interface AreaGoals {
  area: Area;
  statuses: GoalStatus[];
}

/** Goals grouped by area, target areas first, in the order the areas are listed. */
export function groupByArea(statuses: readonly GoalStatus[], areaOrder: readonly Area[]): AreaGoals[] {
  return areaOrder
    .map((area) => ({ area, statuses: statuses.filter((s) => s.area.id === area.id) }))
    .filter((g) => g.statuses.length > 0);
}

export function goalTitle(status: GoalStatus, locale: Locale): string {
  return locale === 'en' && status.goal.titleEn ? status.goal.titleEn : status.goal.titleDa;
}

/**
 * The one-sentence summary of a goal's change, or undefined when there is no
 * later wave. The second half is the change verdict (Holm-adjusted), never the
 * point estimates alone.
 */
export function goalSentence(status: GoalStatus, locale: Locale): string | undefined {
  const m = messages(locale).dashboard.sentence;
  const what = goalTitle(status, locale);
  const { baseline, latest, change } = status;
  if (!baseline || !latest) return undefined;
  if (baseline.kind !== 'estimate' || latest.kind !== 'estimate' || !change) return m.tooFew(what);
  const fell = change.difference < 0;
  const tail = change.verdict === 'no_clear_change' ? m.notSignificant : fell ? m.significantFall : m.significantRise;
  // Whole percentages; where a clear change rounds to the same whole figure, one decimal, so that
  // the sentence does not read "unchanged" beside a verdict of change.
  const clearButEqual = change.verdict !== 'no_clear_change' && formatPercent(locale, baseline.p, 0) === formatPercent(locale, latest.p, 0);
  const pct = (p: number) => formatPercent(locale, p, clearButEqual ? 1 : 0);
  const from = pct(baseline.p);
  const to = pct(latest.p);
  if (from === to) return `${m.same(what, to)}; ${tail}`;
  return `${fell ? m.fell(what, from, to) : m.rose(what, from, to)}; ${tail}`;
}
