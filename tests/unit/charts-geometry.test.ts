/**
 * The rules behind the dashboard's SVG charts: what is drawn, where, and that a
 * value suppressed for privacy is never drawn (not as zero, not bridged over).
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_SERIES,
  barChartGeometry,
  describeBars,
  describeLines,
  lineChartGeometry,
  seriesMarker,
  wrapLabel,
  type BarDatum,
  type LineSeries,
} from '../../src/lib/charts/geometry.ts';

const da = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });
const pct = (v: number): string => `${da.format(v)}\u00a0%`;
const num = (v: number): string => da.format(v);

const moveCount = (d: string): number => (d.match(/M/g) ?? []).length;

describe('bar chart geometry', () => {
  const bars: BarDatum[] = [
    { key: 'traffic', label: 'Trafik', value: 50, low: 42, high: 58 },
    { key: 'light', label: 'Belysning', value: null },
    { key: 'noise', label: 'Støj', value: 25 },
  ];

  it('a suppressed bar has no geometry and is listed as suppressed', () => {
    const g = barChartGeometry({ bars, width: 480, percent: true, format: pct });
    expect(g.bars.map((b) => b.key)).toEqual(['traffic', 'noise']);
    expect(g.suppressed).toHaveLength(1);
    expect(g.suppressed[0]?.key).toBe('light');
    expect(g.suppressed[0]?.labelLines[0]?.text).toBe('Belysning');
    // The row keeps its place between the others, so the ranking reads the same as the table.
    const [traffic, noise] = g.bars;
    const markerY = g.suppressed[0]?.markerY ?? 0;
    expect(markerY).toBeGreaterThan((traffic?.y ?? 0) + (traffic?.height ?? 0));
    expect(markerY).toBeLessThan(noise?.y ?? 0);
  });

  it('a chart whose every value is hidden draws no axis, and an axis never repeats a label', () => {
    const hidden = barChartGeometry({ bars: [{ key: 'a', label: 'A', value: null }, { key: 'b', label: 'B', value: null }], width: 480, format: num });
    expect(hidden.ticks).toEqual([]);
    expect(hidden.bars).toEqual([]);
    expect(hidden.suppressed).toHaveLength(2);
    const small = barChartGeometry({ bars: [{ key: 'a', label: 'A', value: 1 }, { key: 'b', label: 'B', value: null }], width: 480, format: (v) => String(Math.round(v)) });
    const labels = small.ticks.map((t) => t.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('bars scale linearly to the maximum', () => {
    const g = barChartGeometry({ bars: [{ key: 'a', label: 'A', value: 10 }, { key: 'b', label: 'B', value: 40 }], width: 480, max: 40, format: num });
    const [a, b] = g.bars;
    expect(b?.width).toBeCloseTo(g.plot.right - g.plot.left, 0);
    expect((a?.width ?? 0) / (b?.width ?? 1)).toBeCloseTo(0.25, 2);
    expect(a?.x0).toBe(g.baselineX);
    expect(g.ticks.at(-1)?.value).toBe(40);
  });

  it('without a maximum the axis ends at a round number at or above the largest value or interval end', () => {
    const g = barChartGeometry({ bars: [{ key: 'a', label: 'A', value: 37, low: 30, high: 44 }], width: 480, format: num });
    const end = g.ticks.at(-1)?.value ?? 0;
    expect(end).toBeGreaterThanOrEqual(44);
    expect(end % 10).toBe(0);
  });

  it('a percent axis runs 0 to 100 % with ticks', () => {
    const g = barChartGeometry({ bars, width: 480, percent: true, max: 60, format: pct });
    expect(g.ticks.map((t) => t.value)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(g.ticks[0]?.x).toBe(g.plot.left);
    expect(g.ticks.at(-1)?.x).toBe(g.plot.right);
    expect(g.ticks.at(-1)?.label).toBe('100\u00a0%');
    expect(g.bars[0]?.width).toBeCloseTo((g.plot.right - g.plot.left) / 2, 0);
  });

  it('CI whiskers stay within the plot area and around the value', () => {
    const g = barChartGeometry({ bars: [{ key: 'a', label: 'A', value: 95, low: 88, high: 101 }], width: 480, percent: true, format: pct });
    const [low, high] = g.bars[0]?.ciX ?? [NaN, NaN];
    expect(low).toBeGreaterThanOrEqual(g.plot.left);
    expect(high).toBeLessThanOrEqual(g.plot.right);
    expect(low).toBeLessThan((g.bars[0]?.x0 ?? 0) + (g.bars[0]?.width ?? 0));
  });

  it('the value label sits right of the bar and of its interval, inside the picture', () => {
    const g = barChartGeometry({ bars, width: 480, percent: true, format: pct });
    for (const b of g.bars) {
      expect(b.valueLabelX).toBeGreaterThan(Math.max(b.x0 + b.width, b.ciX?.[1] ?? 0));
      expect(b.valueLabelX + b.valueLabel.length * 13 * 0.58).toBeLessThanOrEqual(g.width);
    }
    expect(g.bars[0]?.valueLabel).toBe('50\u00a0%');
  });

  it('the height grows with the rows unless the caller fixes it', () => {
    const one = barChartGeometry({ bars: bars.slice(0, 1), width: 480, percent: true, format: pct });
    const three = barChartGeometry({ bars, width: 480, percent: true, format: pct });
    expect(three.height).toBeGreaterThan(one.height);
    const fixed = barChartGeometry({ bars, width: 480, height: 300, percent: true, format: pct });
    expect(fixed.height).toBe(300);
    expect(fixed.plot.bottom).toBeLessThan(300);
  });

  it('long labels wrap above the bar instead of narrowing it', () => {
    const label = 'Utryghed ved Nørrebro Station om aftenen og natten, især i weekenderne';
    const g = barChartGeometry({ bars: [{ key: 'a', label, value: 10 }], width: 320, percent: true, format: pct });
    const lines = g.bars[0]?.labelLines ?? [];
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((l) => l.text).join(' ')).toBe(label);
    expect(g.bars[0]?.y).toBeGreaterThan(lines.at(-1)?.y ?? Infinity);
  });
});

describe('line chart geometry', () => {
  const waves = ['2025-1', '2025-2', '2026-1', '2026-2'];
  const series: LineSeries[] = [
    {
      key: 'target',
      label: 'Indre Nørrebro',
      points: [
        { x: '2025-1', value: 60, low: 52, high: 68 },
        { x: '2025-2', value: null },
        { x: '2026-1', value: 70, low: 63, high: 77 },
        { x: '2026-2', value: 72, low: 66, high: 78 },
      ],
    },
    {
      key: 'city',
      label: 'København',
      points: waves.map((x, i) => ({ x, value: 65 + i, low: 63 + i, high: 67 + i })),
    },
  ];

  it('a line has a gap where a wave is suppressed', () => {
    const g = lineChartGeometry({ series, categories: waves, width: 480, height: 280, percent: true, format: pct });
    const [target, city] = g.series;
    expect(moveCount(target?.d ?? '')).toBe(2);
    expect(moveCount(city?.d ?? '')).toBe(1);
    expect(target?.points.map((p) => p.category)).toEqual(['2025-1', '2026-1', '2026-2']);
    expect(target?.suppressed.map((p) => p.category)).toEqual(['2025-2']);
  });

  it('a suppressed point gets a marker in the gap, not a point at zero', () => {
    const g = lineChartGeometry({ series, categories: waves, width: 480, height: 280, percent: true, format: pct });
    const target = g.series[0];
    const [before, after] = [target?.points[0], target?.points[1]];
    const marker = target?.suppressed[0];
    expect(marker?.markerY).toBeLessThan(g.plot.bottom);
    expect(marker?.markerY).toBeCloseTo(((before?.y ?? 0) + (after?.y ?? 0)) / 2, 0);
    expect(marker?.x).toBeGreaterThan(before?.x ?? Infinity);
    expect(marker?.x).toBeLessThan(after?.x ?? -Infinity);
  });

  it('a category with no data at all breaks the line without a suppression marker', () => {
    const g = lineChartGeometry({
      series: [{ key: 's', label: 'S', points: [{ x: 'a', value: 1 }, { x: 'c', value: 3 }] }],
      categories: ['a', 'b', 'c'],
      width: 480,
      height: 280,
      format: num,
    });
    expect(moveCount(g.series[0]?.d ?? '')).toBe(2);
    expect(g.series[0]?.suppressed).toEqual([]);
  });

  it('the reference line sits at the target value', () => {
    const g = lineChartGeometry({
      series,
      categories: waves,
      width: 480,
      height: 280,
      percent: true,
      reference: { label: 'Mål', value: 80 },
      format: pct,
    });
    const tick80 = g.yTicks.find((t) => t.value === 80);
    expect(g.reference?.y).toBe(tick80?.y);
    expect(g.reference?.valueLabel).toBe('80\u00a0%');
  });

  it('the y axis includes the reference value, and drops a reference outside a fixed axis', () => {
    const index = [{ key: 'i', label: 'Indeks', points: [{ x: 'a', value: 92 }, { x: 'b', value: 97 }] }];
    const auto = lineChartGeometry({ series: index, categories: ['a', 'b'], width: 480, height: 280, reference: { label: 'Indeks 100', value: 100 }, format: num });
    expect(auto.reference).not.toBeNull();
    expect(auto.yTicks[0]?.value).toBe(0); // honest baseline by default
    const fixed = lineChartGeometry({ series: index, categories: ['a', 'b'], width: 480, height: 280, yMin: 80, yMax: 98, reference: { label: 'Indeks 100', value: 100 }, format: num });
    expect(fixed.reference).toBeNull();
    expect(fixed.yTicks[0]?.value).toBe(80);
  });

  it('a percent axis runs 0 to 100 % on the y axis', () => {
    const g = lineChartGeometry({ series, categories: waves, width: 480, height: 280, percent: true, format: pct });
    expect(g.yTicks[0]?.value).toBe(0);
    expect(g.yTicks.at(-1)?.value).toBe(100);
    expect(g.yTicks[0]?.y).toBe(g.plot.bottom);
    expect(g.yTicks.at(-1)?.y).toBe(g.plot.top);
  });

  it('CI whiskers stay within the plot area, even when the caller narrows the axis', () => {
    const g = lineChartGeometry({ series, categories: waves, width: 480, height: 280, percent: true, yMin: 55, yMax: 75, format: pct });
    for (const s of g.series) {
      for (const p of s.points) {
        const [low, high] = p.ci ?? [NaN, NaN];
        expect(low).toBeLessThanOrEqual(g.plot.bottom);
        expect(high).toBeGreaterThanOrEqual(g.plot.top);
        expect(low).toBeGreaterThanOrEqual(high);
        expect(p.y).toBeLessThanOrEqual(low);
        expect(p.y).toBeGreaterThanOrEqual(high);
      }
    }
  });

  it('points follow the category order and stay inside the plot', () => {
    const g = lineChartGeometry({ series, categories: waves, width: 480, height: 280, percent: true, format: pct });
    const xs = g.series[1]?.points.map((p) => p.x) ?? [];
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (const x of xs) {
      expect(x).toBeGreaterThan(g.plot.left);
      expect(x).toBeLessThan(g.plot.right);
    }
  });

  it('category labels are thinned so they do not overlap', () => {
    const months = Array.from({ length: 36 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const g = lineChartGeometry({
      series: [{ key: 's', label: 'S', points: months.map((x) => ({ x, value: 1 })) }],
      categories: months,
      width: 480,
      height: 280,
      format: num,
    });
    expect(g.xLabels.length).toBeLessThan(months.length);
    expect(g.xLabels[0]?.category).toBe('2024-01');
    const gaps = g.xLabels.slice(1).map((l, i) => l.x - (g.xLabels[i]?.x ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual('2024-01'.length * 13 * 0.58);
  });

  it('each of up to six series has its own marker, and a seventh is refused', () => {
    const markers = new Set(Array.from({ length: MAX_SERIES }, (_, i) => seriesMarker(i)));
    expect(markers.size).toBe(MAX_SERIES);
    const many = Array.from({ length: MAX_SERIES + 1 }, (_, i) => ({ key: `s${i}`, label: `S${i}`, points: [] }));
    expect(() => lineChartGeometry({ series: many, categories: ['a'], width: 480, height: 280, format: num })).toThrow(RangeError);
  });
});

describe('text alternatives and labels', () => {
  it('the generated description names every value and says which are suppressed', () => {
    expect(
      describeBars(
        [
          { key: 'a', label: 'Trafik', value: 42 },
          { key: 'b', label: 'Belysning', value: null },
        ],
        pct,
        'for få svar',
      ),
    ).toBe('Trafik: 42\u00a0%; Belysning: for få svar.');
    expect(
      describeLines(
        [{ key: 's', label: 'Indre Nørrebro', points: [{ x: 'a', value: 12.5 }, { x: 'b', value: null }] }],
        ['a', 'b'],
        pct,
        'too few responses',
        (c) => c.toUpperCase(),
        { label: 'Target', value: 20 },
      ),
    ).toBe('Indre Nørrebro: A 12,5\u00a0%, B too few responses. Target: 20\u00a0%.');
  });

  it('labels wrap at word boundaries', () => {
    expect(wrapLabel('Trafik og parkering i området', 12)).toEqual(['Trafik og', 'parkering i', 'området']);
    expect(wrapLabel('', 12)).toEqual(['']);
  });
});
