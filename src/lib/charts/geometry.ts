/**
 * Geometry for the authority dashboard's server-rendered SVG charts.
 *
 * Why a module of its own: the rules that decide what a chart shows (scales,
 * ticks, where a bar ends, where a line breaks, that a suppressed value gets no
 * mark at all) are tested here without rendering anything; the Astro
 * components in src/components/charts only turn this into markup. No markup
 * and no locale here: callers pass `format` (e.g. Danish "12,5 %"), so the same
 * geometry serves both languages.
 *
 * Units are SVG user units in a `viewBox` of `width` × `height`; the SVG is
 * then scaled to its container, so text sizes below are relative to `width`.
 * Percent charts take values in percentage points (0–100), not shares (0–1).
 */
import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import {
  line,
  symbol,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolSquare,
  symbolTriangle,
  symbolWye,
  type SymbolType,
} from 'd3-shape';

/** Formats a number for display; the caller decides locale, decimals and unit. */
export type NumberFormat = (value: number) => string;

/** Column headings of the data table each chart renders below itself. */
export interface ChartColumns {
  /** Heading of the row-label column (answer, problem, wave, month …). */
  label: string;
  /** Heading of the value column (share, count, index …). */
  value: string;
  /** Heading of the confidence-interval column, e.g. "95 %-interval". */
  interval?: string;
}

/** Text sizes in user units: the geometry estimates label widths from them, so the components must use the same. */
export const CHART_TEXT = { label: 15, tick: 13, lineHeight: 19 } as const;

/** At most this many series in a line chart: each needs its own dash pattern and marker to survive greyscale print. */
export const MAX_SERIES = 6;

// An average glyph is about 0.55 em wide in the system sans fonts we use; a
// slight overestimate only costs margin, an underestimate clips text.
const CHAR_EM = 0.58;

/** The plot area inside the viewBox, where marks may be drawn. */
export interface PlotArea {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/* ------------------------------------------------------------------ bars */

export interface BarDatum {
  key: string;
  label: string;
  /** null = suppressed for privacy: no bar is drawn and no number is shown. */
  value: number | null;
  /** Lower end of the confidence interval. */
  low?: number;
  /** Upper end of the confidence interval. */
  high?: number;
}

export interface BarChartInput {
  bars: readonly BarDatum[];
  /** viewBox width. */
  width: number;
  /** viewBox height; by default it grows with the number of bars. */
  height?: number;
  /** End of the value axis (ignored for percent charts, which always run to 100 %). */
  max?: number;
  /** Values are percentage points and the axis runs 0–100 %. */
  percent?: boolean;
  format: NumberFormat;
}

export interface TextLine {
  text: string;
  /** Baseline. */
  y: number;
}

export interface BarGeometry {
  key: string;
  label: string;
  value: number;
  /** The label, wrapped to fit above the bar. */
  labelLines: TextLine[];
  y: number;
  height: number;
  x0: number;
  width: number;
  /** x of the interval's low and high ends, clamped to the plot area. */
  ciX?: [number, number];
  valueLabel: string;
  valueLabelX: number;
  /** Baseline of the value label, vertically centred on the bar. */
  valueLabelY: number;
}

/** A row whose value is suppressed: it keeps its label and place, but has no bar. */
export interface SuppressedBar {
  key: string;
  label: string;
  labelLines: TextLine[];
  /** Where the marker text ("for få svar") goes, in place of a bar. */
  markerX: number;
  markerY: number;
}

export interface XTick {
  value: number;
  x: number;
  label: string;
}

export interface BarChartGeometry {
  width: number;
  height: number;
  plot: PlotArea;
  /** x of the zero line the bars grow from. */
  baselineX: number;
  bars: BarGeometry[];
  suppressed: SuppressedBar[];
  ticks: XTick[];
}

const BAR_TOP = 6;
const BAR_AXIS = 28; // room under the plot for tick labels
const BAR_HEIGHT = 22;
const BAR_GAP = 14;

/**
 * Horizontal bars, one row per datum in the given order (the caller ranks
 * them). Each row has its label on its own line(s) above the bar, so long
 * problem names keep the full width on narrow screens instead of squeezing
 * the bars.
 */
export function barChartGeometry(input: BarChartInput): BarChartGeometry {
  const { bars, width, format, percent = false } = input;
  const shown = bars.flatMap((b) => (b.value === null ? [] : [b.value, b.low ?? b.value, b.high ?? b.value]));

  let lo = percent ? 0 : Math.min(0, ...shown);
  let hi = percent ? 100 : (input.max ?? Math.max(...shown, 0));
  if (hi <= lo) hi = lo + 1; // nothing to show (all suppressed or all zero): still a valid axis
  const tickCount = Math.max(2, Math.floor(width / 100));
  if (!percent && input.max === undefined) [lo, hi] = niceDomain(lo, hi, tickCount);

  // Tick values depend only on the domain, so the margins that their labels need can be known before the range.
  const tickValues = scaleLinear().domain([lo, hi]).ticks(tickCount);
  const tickLabels = tickValues.map(format);
  const firstTickHalf = textWidth(tickLabels[0] ?? '', CHART_TEXT.tick) / 2;
  const lastTickHalf = textWidth(tickLabels.at(-1) ?? '', CHART_TEXT.tick) / 2;
  const valueLabelWidth = Math.max(0, ...bars.map((b) => (b.value === null ? 0 : textWidth(format(b.value), CHART_TEXT.tick))));
  const left = Math.max(4, firstTickHalf + 2);
  const right = width - Math.max(lastTickHalf + 2, valueLabelWidth + 10);

  const x = scaleLinear().domain([lo, hi]).range([left, right]).clamp(true);

  const maxChars = Math.max(8, Math.floor((width - left - 4) / (CHART_TEXT.label * CHAR_EM)));
  const wrapped = bars.map((b) => wrapLabel(b.label, maxChars));
  const labelBlock = Math.max(1, ...wrapped.map((w) => w.length)) * CHART_TEXT.lineHeight + 4;
  const rowHeight = labelBlock + BAR_HEIGHT + BAR_GAP;
  const plotBottom = input.height === undefined ? BAR_TOP + bars.length * rowHeight : input.height - BAR_AXIS;
  const height = input.height ?? plotBottom + BAR_AXIS;

  // Rows by index, not key: a band scale silently merges duplicate domain values.
  const band = scaleBand<string>()
    .domain(bars.map((_, i) => String(i)))
    .range([BAR_TOP, plotBottom]);
  const barHeight = Math.max(4, band.bandwidth() - labelBlock - BAR_GAP);
  const zero = x(0);

  const result: BarChartGeometry = {
    width,
    height: round(height),
    plot: { left: round(left), right: round(right), top: BAR_TOP, bottom: round(plotBottom) },
    baselineX: round(zero),
    bars: [],
    suppressed: [],
    // No axis when every value is hidden (it would scale nothing), and no two ticks with the
    // same label (a count axis from 0 to 1 would otherwise read "0 0 0 1 1 1").
    ticks:
      shown.length === 0
        ? []
        : tickValues.map((value, i) => ({ value, x: round(x(value)), label: tickLabels[i] ?? '' })).filter((t, i, all) => i === 0 || t.label !== all[i - 1]!.label),
  };

  bars.forEach((b, i) => {
    const top = band(String(i)) ?? BAR_TOP;
    const labelLines = (wrapped[i] ?? []).map((text, j) => ({ text, y: round(top + CHART_TEXT.label + j * CHART_TEXT.lineHeight) }));
    const y = top + labelBlock;
    const middle = y + barHeight / 2;
    if (b.value === null) {
      result.suppressed.push({ key: b.key, label: b.label, labelLines, markerX: round(zero + 6), markerY: round(middle + CHART_TEXT.tick / 3) });
      return;
    }
    const end = x(b.value);
    const ci = b.low !== undefined && b.high !== undefined ? ([x(Math.min(b.low, b.high)), x(Math.max(b.low, b.high))] as const) : undefined;
    const outer = Math.max(end, ci?.[1] ?? end);
    result.bars.push({
      key: b.key,
      label: b.label,
      value: b.value,
      labelLines,
      y: round(y),
      height: round(barHeight),
      x0: round(Math.min(zero, end)),
      width: round(Math.abs(end - zero)),
      ...(ci ? { ciX: [round(ci[0]), round(ci[1])] as [number, number] } : {}),
      valueLabel: format(b.value),
      valueLabelX: round(outer + 6),
      valueLabelY: round(middle + CHART_TEXT.tick / 3),
    });
  });
  return result;
}

/* ----------------------------------------------------------------- lines */

export interface LinePoint {
  /** The category on the x axis: a wave label or a month 'YYYY-MM'. */
  x: string;
  /** null = suppressed for privacy: the line has a gap here. */
  value: number | null;
  low?: number;
  high?: number;
}

export interface LineSeries {
  key: string;
  label: string;
  points: readonly LinePoint[];
}

export interface ReferenceValue {
  /** Shown next to the line, e.g. "Mål 80 %" or "Indeks 100". */
  label: string;
  value: number;
}

export interface LineChartInput {
  series: readonly LineSeries[];
  /** The x axis, in order. Points on other categories are ignored. */
  categories: readonly string[];
  width: number;
  height: number;
  percent?: boolean;
  /** Bottom of the y axis; by default 0 (or the lowest value, if negative), so changes are not exaggerated. */
  yMin?: number;
  yMax?: number;
  reference?: ReferenceValue;
  format: NumberFormat;
  /** Axis text for a category, e.g. '2026-03' → 'mar. 2026'; the category itself by default. */
  formatCategory?: (category: string) => string;
}

export interface PointGeometry {
  category: string;
  x: number;
  y: number;
  value: number;
  valueLabel: string;
  /** y of the interval's low and high ends (low is the larger y), clamped to the plot area. */
  ci?: [number, number];
}

export interface SuppressedPoint {
  category: string;
  x: number;
  /** Where the line would have passed: between its neighbours, so the marker sits in the gap. */
  markerY: number;
}

export interface SeriesGeometry {
  key: string;
  label: string;
  /** 0 … MAX_SERIES-1: selects the dash pattern, marker and colour. */
  index: number;
  /** Path data; one `M` per unbroken run of values. Empty when nothing is shown. */
  d: string;
  /** The point marker as path data centred on 0,0 (circle, square, triangle …). */
  marker: string;
  points: PointGeometry[];
  suppressed: SuppressedPoint[];
}

export interface YTick {
  value: number;
  y: number;
  label: string;
}

export interface XLabel {
  category: string;
  x: number;
  label: string;
}

export interface ReferenceGeometry {
  label: string;
  value: number;
  valueLabel: string;
  y: number;
}

export interface LineChartGeometry {
  width: number;
  height: number;
  plot: PlotArea;
  series: SeriesGeometry[];
  yTicks: YTick[];
  /** Category labels, thinned so they do not overlap (every category is still in the table). */
  xLabels: XLabel[];
  /** null when there is no reference or it lies outside the y axis. */
  reference: ReferenceGeometry | null;
}

const MARKER_TYPES: readonly SymbolType[] = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond, symbolCross, symbolWye];
const MARKER_AREA = 72;

/** The marker of series `index` as path data centred on 0,0. */
export function seriesMarker(index: number): string {
  const type = MARKER_TYPES[index % MARKER_TYPES.length] ?? symbolCircle;
  return symbol(type, MARKER_AREA)() ?? '';
}

const LINE_TOP = 14;
const LINE_RIGHT = 14;
const LINE_AXIS = 30;

interface Slot {
  category: string;
  x: number;
  point: LinePoint | undefined;
}

/**
 * Lines over ordered categories (waves or months). A suppressed or missing
 * value breaks the line rather than being drawn as zero or bridged over.
 */
export function lineChartGeometry(input: LineChartInput): LineChartGeometry {
  const { series, categories, width, height, format, percent = false, reference } = input;
  if (series.length > MAX_SERIES) {
    throw new RangeError(`A line chart shows at most ${MAX_SERIES} series (got ${series.length}): more cannot be told apart in print.`);
  }
  const formatCategory = input.formatCategory ?? ((c: string): string => c);
  const inAxis = new Set(categories);
  const shown = series.flatMap((s) =>
    s.points.flatMap((p) => (p.value === null || !inAxis.has(p.x) ? [] : [p.value, p.low ?? p.value, p.high ?? p.value])),
  );
  const extent = reference ? [...shown, reference.value] : shown;

  let lo = percent ? 0 : Math.min(0, ...extent);
  let hi = percent ? 100 : Math.max(...extent, lo + 1);
  const tickCount = Math.max(2, Math.floor(height / 60));
  if (!percent) [lo, hi] = niceDomain(lo, hi, tickCount);
  lo = input.yMin ?? lo;
  hi = input.yMax ?? hi;
  if (hi <= lo) hi = lo + 1;

  const tickValues = scaleLinear().domain([lo, hi]).ticks(tickCount);
  const tickLabels = tickValues.map(format);
  const left = Math.max(...tickLabels.map((t) => textWidth(t, CHART_TEXT.tick)), 0) + 12;
  const plot: PlotArea = { left: round(left), right: width - LINE_RIGHT, top: LINE_TOP, bottom: height - LINE_AXIS };

  const y = scaleLinear().domain([lo, hi]).range([plot.bottom, plot.top]);
  const yIn = (v: number): number => round(Math.min(plot.bottom, Math.max(plot.top, y(v))));
  const x = scalePoint<string>().domain(categories).range([plot.left, plot.right]).padding(0.5);

  // Several series with intervals at the same category would hide each other's whiskers: nudge each series sideways a little.
  const dodge = series.length > 1 && series.some((s) => s.points.some((p) => p.low !== undefined && p.high !== undefined)) ? 6 : 0;

  const path = line<Slot>()
    .defined((s) => s.point !== undefined && s.point.value !== null)
    .x((s) => s.x)
    .y((s) => yIn(s.point?.value ?? 0));

  const seriesGeometry = series.map((s, index): SeriesGeometry => {
    const offset = (index - (series.length - 1) / 2) * dodge;
    const byCategory = new Map(s.points.map((p) => [p.x, p]));
    const slots: Slot[] = categories.map((category) => ({ category, x: round((x(category) ?? 0) + offset), point: byCategory.get(category) }));
    const points: PointGeometry[] = [];
    const suppressed: SuppressedPoint[] = [];
    slots.forEach((slot, i) => {
      const p = slot.point;
      if (p === undefined) return; // no data at all for this category: a gap, but nothing was hidden
      if (p.value === null) {
        suppressed.push({ category: slot.category, x: slot.x, markerY: gapY(slots, i, yIn, (plot.top + plot.bottom) / 2) });
        return;
      }
      const hasCi = p.low !== undefined && p.high !== undefined;
      points.push({
        category: slot.category,
        x: slot.x,
        y: yIn(p.value),
        value: p.value,
        valueLabel: format(p.value),
        ...(hasCi ? { ci: [yIn(Math.min(p.low ?? 0, p.high ?? 0)), yIn(Math.max(p.low ?? 0, p.high ?? 0))] as [number, number] } : {}),
      });
    });
    return { key: s.key, label: s.label, index, d: path(slots) ?? '', marker: seriesMarker(index), points, suppressed };
  });

  // Thin the category labels to what fits side by side; the table lists them all.
  const labels = categories.map(formatCategory);
  const widest = Math.max(...labels.map((l) => textWidth(l, CHART_TEXT.tick)), 1) + 10;
  const step = Math.max(1, Math.ceil(categories.length / Math.max(1, Math.floor((plot.right - plot.left) / widest))));
  const xLabels = categories.flatMap((category, i) =>
    i % step === 0 ? [{ category, x: round(x(category) ?? 0), label: labels[i] ?? category }] : [],
  );

  const refInside = reference !== undefined && reference.value >= lo && reference.value <= hi;
  return {
    width,
    height,
    plot,
    series: seriesGeometry,
    yTicks: tickValues.map((value, i) => ({ value, y: round(y(value)), label: tickLabels[i] ?? '' })),
    xLabels,
    reference: refInside ? { label: reference.label, value: reference.value, valueLabel: format(reference.value), y: round(y(reference.value)) } : null,
  };
}

/** The y a suppressed point's marker gets: interpolated between the nearest shown neighbours. */
function gapY(slots: readonly Slot[], i: number, yIn: (v: number) => number, fallback: number): number {
  const shownAt = (j: number): number | null => slots[j]?.point?.value ?? null;
  let before = i - 1;
  while (before >= 0 && shownAt(before) === null) before--;
  let after = i + 1;
  while (after < slots.length && shownAt(after) === null) after++;
  const a = before >= 0 ? shownAt(before) : null;
  const b = after < slots.length ? shownAt(after) : null;
  if (a !== null && b !== null) return round(yIn(a) + ((yIn(b) - yIn(a)) * (i - before)) / (after - before));
  if (a !== null) return yIn(a);
  if (b !== null) return yIn(b);
  return round(fallback);
}

/* ------------------------------------------------------ text alternatives */

/**
 * A plain-language text alternative for a bar chart, built only from the
 * caller's labels and formatter so it stays in the page's language:
 * "Trafik: 42 %; Belysning: for få svar; …".
 */
export function describeBars(bars: readonly BarDatum[], format: NumberFormat, suppressedLabel: string): string {
  return bars.map((b) => `${b.label}: ${b.value === null ? suppressedLabel : format(b.value)}`).join('; ') + '.';
}

/** A plain-language text alternative for a line chart: one sentence per series, values in category order. */
export function describeLines(
  series: readonly LineSeries[],
  categories: readonly string[],
  format: NumberFormat,
  suppressedLabel: string,
  formatCategory: (category: string) => string = (c) => c,
  reference?: ReferenceValue,
): string {
  const sentences = series.map((s) => {
    const byCategory = new Map(s.points.map((p) => [p.x, p]));
    const values = categories.flatMap((c) => {
      const p = byCategory.get(c);
      if (p === undefined) return [];
      return [`${formatCategory(c)} ${p.value === null ? suppressedLabel : format(p.value)}`];
    });
    return `${s.label}: ${values.join(', ')}.`;
  });
  if (reference) sentences.push(`${reference.label}: ${format(reference.value)}.`);
  return sentences.join(' ');
}

/* --------------------------------------------------------------- helpers */

/** Splits a label into lines of at most `maxChars` (a longer single word keeps its own line); more than three lines end in "…". */
export function wrapLabel(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current !== '' && current.length + 1 + word.length > maxChars) {
      lines.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  if (current !== '') lines.push(current);
  if (lines.length > 3) return [...lines.slice(0, 2), `${lines[2] ?? ''} …`];
  return lines.length > 0 ? lines : [''];
}

/** Widens the domain to round numbers that are ticks themselves, so the axis ends on a labelled tick. */
function niceDomain(lo: number, hi: number, tickCount: number): [number, number] {
  const [a = lo, b = hi] = scaleLinear().domain([lo, hi]).nice(tickCount).domain();
  return [a, b];
}

function textWidth(text: string, size: number): number {
  return text.length * size * CHAR_EM;
}

/** One decimal is finer than any screen or printer resolves, and keeps the markup short. */
function round(n: number): number {
  return Math.round(n * 10) / 10;
}
