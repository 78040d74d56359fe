/**
 * Distributions and shares of one wave and area, weighted, with their 95 %
 * intervals, every count through the disclosure engine (the statistics half
 * of the survey analysis; the privacy rules are in analysis.ts).
 */
import { addKeys, MIN_K, publishCount, sumKeys, suppressRow } from '../../lib/disclosure/index.ts';
import { SUPPRESSED } from '../../lib/data-table.ts';
import { shareEstimate } from '../../lib/stats/proportion.ts';
import { kishDesignEffect } from '../../lib/stats/weights.ts';
import { type QuestionRef, type Kind, kindOf, answerKeys } from './questions.ts';
import { type AreaAnswers, valueKey, memoized, keysWithout, type Answered, substantiveAnswers, type WeightedBase } from './answers.ts';

// ---------------------------------------------------------------------------
// Distributions and shares
// ---------------------------------------------------------------------------

export interface Estimate {
  /** Respondents with this answer (unweighted), as the engine publishes it (src/lib/disclosure: perturbed by its cell key). */
  n: number;
  /** Substantive answers to the question: the share's denominator (unweighted), as the engine publishes it. */
  base: number;
  /** The (weighted) share of the substantive answers, 0–1, with its 95 % Wilson interval. */
  p: number;
  low: number;
  high: number;
}

export type ShownEstimate = ({ suppressed: false } & Estimate) | { suppressed: true };

export interface Distribution {
  kind: Kind;
  /** Substantive answers (partition) or respondents who chose anything (multiple), as published; undefined when suppressed. */
  total: number | undefined;
  /** The same, unperturbed: internal, for the share rule; never shown. */
  size: number;
  /** Its cell key: the sum of those respondents' record keys. */
  sizeKey: number;
  cells: { key: string; estimate: ShownEstimate }[];
  /** Keys whose counts are suppressed. */
  hidden: ReadonlySet<string>;
  /** Unsuppressed counts: internal, for the share rule and breakdowns; never shown. */
  counts: ReadonlyMap<string, number>;
  /** The cell keys of `counts`. */
  keys: ReadonlyMap<string, number>;
}

export function weightedBase(data: AreaAnswers, answered: Answered): WeightedBase {
  if (answered.base) return answered.base;
  const size = answered.at.length;
  const weights: number[] = [];
  for (let r = 0; r < size; r++) weights.push(data.weights ? data.weights[answered.at[r]!]! : 1);
  let total = 0;
  for (const w of weights) total += w;
  answered.base = { weights, total, effectiveN: kishDesignEffect(weights).effectiveN, size };
  return answered.base;
}

/**
 * The one share estimator (`shareEstimate`, which `proportionEstimate` and so the
 * goal indicators use too): the share and Wilson interval (on the effective n), for
 * successes whose weights, summed in respondent order, are `successWeight`;
 * with the published counts `n` (the successes) and `shownBase` (the
 * denominator) that the page shows next to it. The share and the interval
 * are of the true answers: the engine perturbs counts, not estimates.
 */
export function estimateFrom(base: WeightedBase, successWeight: number, n: number, shownBase: number): Estimate {
  return { n, base: shownBase, ...shareEstimate(successWeight / base.total, base.effectiveN) };
}

export function distributionOf(data: AreaAnswers, ref: QuestionRef, k: number): Distribution {
  const K = Math.max(MIN_K, k);
  return memoized(data, `dist\u0000${valueKey(ref.question.id, ref.item)}\u0000${K}`, () => {
    const kind = kindOf(ref.question);
    const keys = answerKeys(ref.question, data.places);
    const answered = substantiveAnswers(data, ref);
    const size = answered.at.length;
    // Keys by number, so that counting and summing weights is plain arithmetic.
    const names = [...keys];
    const numbers = new Map(names.map((key, i) => [key, i]));
    const numbered = answered.sets.map((chosen) =>
      chosen.map((key) => {
        let i = numbers.get(key);
        if (i === undefined) {
          i = names.length;
          names.push(key);
          numbers.set(key, i);
        }
        return i;
      }),
    );
    const tally = names.map(() => 0);
    // Each answer's cell key: the sum of the record keys of the respondents who gave it.
    const keySums = names.map(() => 0);
    let sizeKey = 0;
    for (let r = 0; r < size; r++) {
      const recordKey = data.keys[answered.at[r]!]!;
      sizeKey = addKeys(sizeKey, recordKey);
      for (const i of numbered[answered.set[r]!]!) {
        tally[i]! += 1;
        keySums[i] = addKeys(keySums[i]!, recordKey);
      }
    }
    const counts = new Map<string, number>(names.map((key, i) => [key, tally[i] ?? 0]));
    const cellKeys = new Map<string, number>(names.map((key, i) => [key, keySums[i] ?? 0]));
    const hidden = new Set<string>();
    // What the page shows: the engine's published counts.
    const published = new Map<string, number>();
    let total: number | undefined;
    if (kind === 'partition') {
      const row = suppressRow(
        keys.map((key) => ({ key, n: counts.get(key) ?? 0, ck: cellKeys.get(key) ?? 0 })),
        K,
      );
      total = row.total.suppressed ? undefined : row.total.n;
      for (const c of row.cells) {
        if (c.suppressed) hidden.add(c.key);
        else published.set(c.key, c.n);
      }
    } else if (size < K) {
      total = undefined;
      for (const key of keys) hidden.add(key);
    } else {
      // The respondents who chose anything: the total of each "chose / did not" row below.
      total = publishCount(size, sizeKey, K);
      // Each option splits the respondents in two: those who chose it and those who did not.
      for (const key of keys) {
        const n = counts.get(key) ?? 0;
        const ck = cellKeys.get(key) ?? 0;
        const row = suppressRow(
          [
            { key: 'chose', n, ck },
            { key: 'not', n: size - n, ck: keysWithout(sizeKey, ck) },
          ],
          K,
        );
        const chose = row.cells[0]!;
        if (chose.suppressed) hidden.add(key);
        else published.set(key, chose.n);
      }
    }
    let base: WeightedBase | undefined;
    const successWeights = names.map(() => 0);
    if (total !== undefined) {
      base = weightedBase(data, answered);
      // A respondent's keys are distinct: each adds its weight to each of its answers once, in respondent order.
      for (let r = 0; r < size; r++) {
        const w = base.weights[r]!;
        for (const i of numbered[answered.set[r]!]!) successWeights[i]! += w;
      }
    }
    const shownTotal = total;
    const cells = keys.map((key, i) => ({
      key,
      estimate:
        hidden.has(key) || base === undefined || shownTotal === undefined
          ? SUPPRESSED
          : { suppressed: false as const, ...estimateFrom(base, successWeights[i]!, published.get(key)!, shownTotal) },
    }));
    return { kind, total, size, sizeKey, cells, hidden, counts, keys: cellKeys };
  });
}

/**
 * The share of substantive answers to `ref` that are one of `values`, or
 * suppressed. A grouped share of a partition is shown only when its count
 * cannot be combined with the distribution's shown cells to give a suppressed
 * one: it holds none of the suppressed answers, or all of them. A
 * multiple-choice share is one option's (unions would reveal overlaps).
 */
export function shareOf(data: AreaAnswers, ref: QuestionRef, values: readonly string[], k: number): ShownEstimate {
  const K = Math.max(MIN_K, k);
  return memoized(data, `share\u0000${valueKey(ref.question.id, ref.item)}\u0000${K}\u0000${values.join('\u0000')}`, (): ShownEstimate => {
    const dist = distributionOf(data, ref, K);
    if (dist.total === undefined) return SUPPRESSED;
    const group = new Set(values.filter((v) => dist.counts.has(v)));
    if (group.size === 0) return SUPPRESSED;
    if (dist.kind === 'multiple' && group.size > 1) return SUPPRESSED;
    const hiddenInGroup = [...dist.hidden].filter((key) => group.has(key)).length;
    if (hiddenInGroup > 0 && hiddenInGroup < dist.hidden.size) return SUPPRESSED;
    if (dist.kind === 'multiple' && hiddenInGroup > 0) return SUPPRESSED;
    const n = [...group].reduce((s, key) => s + (dist.counts.get(key) ?? 0), 0);
    // A group of a partition holds disjoint answers (and a multiple-choice group only one), so its cell key is the sum of theirs.
    const ck = sumKeys([...group].map((key) => dist.keys.get(key) ?? 0));
    const row = suppressRow(
      [
        { key: 'in', n, ck },
        { key: 'out', n: dist.size - n, ck: keysWithout(dist.sizeKey, ck) },
      ],
      K,
    );
    const shownIn = row.cells[0]!;
    if (shownIn.suppressed) return SUPPRESSED;
    const answered = substantiveAnswers(data, ref);
    const base = weightedBase(data, answered);
    const success = answered.sets.map((chosen) => chosen.some((x) => group.has(x)));
    let successWeight = 0;
    for (let r = 0; r < base.size; r++) if (success[answered.set[r]!]) successWeight += base.weights[r]!;
    return { suppressed: false, ...estimateFrom(base, successWeight, shownIn.n, dist.total) };
  });
}
