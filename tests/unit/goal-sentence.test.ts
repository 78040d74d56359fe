/**
 * The one-sentence reading of a goal (the dashboard's front and the annual
 * report): what moved, in whole percentages, and whether the change is more
 * than chance; never "unchanged" beside a verdict of change.
 */
import { describe, expect, it } from 'vitest';
import { goalSentence } from '../../src/server/dashboard/front.ts';
import type { GoalStatus } from '../../src/server/dashboard/goals.ts';

function status(baseline: number, latest: number, verdict: 'no_clear_change' | 'improved' | 'worsened'): GoalStatus {
  const point = (p: number) => ({ kind: 'estimate', p });
  return {
    goal: { titleDa: 'Andelen utrygge', titleEn: 'The share feeling unsafe' },
    baseline: point(baseline),
    latest: point(latest),
    change: { difference: latest - baseline, verdict },
  } as unknown as GoalStatus;
}

describe('goalSentence', () => {
  it('says what moved and that a change within chance may be chance', () => {
    expect(goalSentence(status(0.2, 0.15, 'no_clear_change'), 'en')).toBe('The share feeling unsafe fell from 20% to 15%; the change is not statistically significant and may be chance.');
  });

  it('says a clear fall is significant', () => {
    expect(goalSentence(status(0.2, 0.15, 'improved'), 'en')).toMatch(/fell from 20% to 15%; the fall is statistically significant\.$/);
  });

  it('a clear change that rounds to the same whole percentage is shown with one decimal, not as "unchanged"', () => {
    const text = goalSentence(status(0.152, 0.148, 'improved'), 'en');
    expect(text).toMatch(/fell from 15\.2% to 14\.8%; the fall is statistically significant\.$/);
    expect(text).not.toContain('unchanged');
  });

  it('the same whole percentage without a clear change reads "unchanged … may be chance"', () => {
    expect(goalSentence(status(0.152, 0.148, 'no_clear_change'), 'en')).toBe('The share feeling unsafe is unchanged at 15%; the change is not statistically significant and may be chance.');
  });
});
