import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPercent } from '../../src/lib/format.ts';

describe('Intl formatting per locale', () => {
  const date = new Date('2026-03-05T23:30:00Z'); // 6 March in Copenhagen
  it('dates are shown in Copenhagen time, in the reader\'s language', () => {
    expect(formatDate('da', date)).toBe('6. marts 2026');
    expect(formatDate('en', date)).toBe('6 March 2026');
  });
  it('numbers use the locale\'s separators', () => {
    expect(formatNumber('da', 12345.6, 1)).toBe('12.345,6');
    expect(formatNumber('en', 12345.6, 1)).toBe('12,345.6');
  });
  it('shares are percentages', () => {
    expect(formatPercent('da', 0.153)).toBe('15\u00a0%'); // Danish: a no-break space before %
    expect(formatPercent('en', 0.153)).toBe('15%');
  });
});
