import { describe, expect, it } from 'vitest';
import { normalCdf, Z_95 } from '../../src/lib/stats/normal.ts';

// Reference values are Φ(x) from Abramowitz & Stegun table 26.1 (to the digits
// printed there), extended with the exact tail formula Φ(−x) = erfc(x/√2)/2.

describe('normalCdf', () => {
  it('Φ(1.96) is 0.9750021 to 1e-7', () => {
    // A&S 26.1: Φ(1.96) = 0.97500 21048 5.
    expect(Math.abs(normalCdf(1.96) - 0.9750021048517795)).toBeLessThan(1e-7);
  });

  it('Φ(−3) is 0.0013499 to 1e-7', () => {
    // A&S 26.1: 1 − Φ(3) = 0.00134 98980 32.
    expect(Math.abs(normalCdf(-3) - 0.0013498980316301)).toBeLessThan(1e-7);
  });

  it('the algorithm is accurate to 1e-12, not only 1e-7 (A&S 7.1.26 would fail this)', () => {
    // Φ(1) = 0.8413447460685429, Φ(−1.5) = 0.0668072012688581, Φ(2.5758293035489) = 0.995.
    expect(Math.abs(normalCdf(1) - 0.8413447460685429)).toBeLessThan(1e-12);
    expect(Math.abs(normalCdf(-1.5) - 0.0668072012688581)).toBeLessThan(1e-12);
    expect(Math.abs(normalCdf(2.5758293035489) - 0.995)).toBeLessThan(1e-12);
  });

  it('Φ(Z_95) is 0.975, so Z_95 is the two-sided 95 % critical value', () => {
    expect(Math.abs(normalCdf(Z_95) - 0.975)).toBeLessThan(1e-15);
  });

  it('Φ(0) is exactly ½ and Φ(−x) = 1 − Φ(x)', () => {
    expect(normalCdf(0)).toBe(0.5);
    for (const x of [0.3, 1.2, 2.7, 4.4, 6.9]) expect(normalCdf(-x) + normalCdf(x)).toBeCloseTo(1, 15);
  });

  it('the far tail keeps its relative accuracy, so tiny p-values are not rounded to 0', () => {
    // Φ(−8) = 6.22096057427174e-16 and Φ(−10) = 7.61985302416047e-24 (erfc(x/√2)/2).
    expect(Math.abs(normalCdf(-8) / 6.22096057427174e-16 - 1)).toBeLessThan(1e-7);
    expect(Math.abs(normalCdf(-10) / 7.61985302416047e-24 - 1)).toBeLessThan(1e-7);
  });

  it('Φ is 0 and 1 at the infinities and NaN for NaN', () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });

  it('Φ increases along the line', () => {
    let previous = 0;
    for (let x = -10; x <= 10; x += 0.01) {
      const v = normalCdf(x);
      expect(v).toBeGreaterThanOrEqual(previous);
      previous = v;
    }
  });
});
