/**
 * The verdict rules (src/lib/stats/verdict.ts), each test named after the rule.
 * Holm's adjustment is also checked against R's p.adjust in stats-reference.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { changeVerdict, holmAdjust, targetVerdict } from '../../src/lib/stats/verdict.ts';

describe('three-state target verdict: decided by the 95 % interval against the target', () => {
  it('an interval that contains the target is "not yet clear", whichever side the share falls (issue #15, G1: 9.9–19.1 % against 12 %)', () => {
    expect(targetVerdict({ low: 0.099, high: 0.191 }, 0.12, 'decrease')).toBe('unclear');
    expect(targetVerdict({ low: 0.05, high: 0.13 }, 0.12, 'decrease')).toBe('unclear');
  });
  it('met only when the whole interval is on the goal\'s side; not met only when wholly on the other', () => {
    expect(targetVerdict({ low: 0.05, high: 0.12 }, 0.12, 'decrease')).toBe('met');
    expect(targetVerdict({ low: 0.121, high: 0.2 }, 0.12, 'decrease')).toBe('not_met');
    expect(targetVerdict({ low: 0.5, high: 0.6 }, 0.5, 'increase')).toBe('met');
    expect(targetVerdict({ low: 0.3, high: 0.49 }, 0.5, 'increase')).toBe('not_met');
    expect(targetVerdict({ low: 0.45, high: 0.55 }, 0.5, 'increase')).toBe('unclear');
  });
});

describe('Holm across a wave\'s goals: change verdicts read off adjusted p-values', () => {
  it('G2\'s p = 0.040 becomes 0.079 after Holm across three goals: "no clear change", not a "significant fall"', () => {
    // Issue #15's figures: three goals measured in one wave.
    const adjusted = holmAdjust([0.0026, 0.0395, 0.4]);
    expect(adjusted[0]).toBeCloseTo(0.0078, 12);
    expect(adjusted[1]).toBeCloseTo(0.079, 12);
    expect(adjusted[2]).toBeCloseTo(0.4, 12);
    expect(changeVerdict(-0.05, adjusted[1]!, 'decrease')).toBe('no_clear_change');
    expect(changeVerdict(-0.15, adjusted[0]!, 'decrease')).toBe('improved');
    expect(changeVerdict(0.15, adjusted[0]!, 'decrease')).toBe('worsened');
    expect(changeVerdict(0.15, adjusted[0]!, 'increase')).toBe('improved');
  });
  it('the step-down keeps adjusted p-values monotone and caps them at 1', () => {
    expect(holmAdjust([0.01, 0.02, 0.03])).toEqual([0.03, 0.04, 0.04]);
    expect(holmAdjust([0.9, 0.5])).toEqual([1, 1]);
    expect(holmAdjust([])).toEqual([]);
    expect(() => holmAdjust([1.5])).toThrow(RangeError);
  });
});
