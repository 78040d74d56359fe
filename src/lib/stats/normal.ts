/**
 * The standard normal distribution, for p-values and confidence levels on the
 * authority dashboard.
 *
 * The CDF is Hart's double-precision algorithm 5666 (J. F. Hart et al.,
 * "Computer Approximations", Wiley 1968) as given by Graeme West, "Better
 * approximations to cumulative normal functions", Wilmott Magazine 2005,
 * figure 2. Its absolute error is below 1e-15 over the whole line (checked
 * against scipy.stats.norm.cdf); the rational part holds to |x| < 5·√2 and a
 * continued fraction covers the tail beyond. Abramowitz–Stegun 7.1.26
 * (error ~1e-7) is not used: it is too coarse for small p-values.
 */

/** The two-sided 95 % critical value, Φ⁻¹(0.975). */
export const Z_95 = 1.959963984540054;

/** √(2π), for the tail continued fraction. */
const SQRT_2PI = 2.5066282746310002;

/** Φ(x): the probability that a standard normal variable is at most x. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const a = Math.abs(x);
  // Computed as the lower tail Φ(-|x|), which stays accurate far out; the upper half is 1 minus it.
  let tail: number;
  if (a > 37) {
    // Φ(-37) ≈ 5.7e-300: below this the tail underflows double precision anyway.
    tail = 0;
  } else {
    const e = Math.exp((-a * a) / 2);
    if (a < 7.07106781186547) {
      let num = 3.52624965998911e-2 * a + 0.700383064443688;
      num = num * a + 6.37396220353165;
      num = num * a + 33.912866078383;
      num = num * a + 112.079291497871;
      num = num * a + 221.213596169931;
      num = num * a + 220.206867912376;
      let den = 8.83883476483184e-2 * a + 1.75566716318264;
      den = den * a + 16.064177579207;
      den = den * a + 86.7807322029461;
      den = den * a + 296.564248779674;
      den = den * a + 637.333633378831;
      den = den * a + 793.826512519948;
      den = den * a + 440.413735824752;
      tail = (e * num) / den;
    } else {
      let cf = a + 0.65;
      cf = a + 4 / cf;
      cf = a + 3 / cf;
      cf = a + 2 / cf;
      cf = a + 1 / cf;
      tail = e / cf / SQRT_2PI;
    }
  }
  return x > 0 ? 1 - tail : tail;
}
