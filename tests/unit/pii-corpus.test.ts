/**
 * Recall and false-positive rate of src/lib/pii.ts on the corpus in
 * tests/unit/pii-corpus.ts, printed for the record and bounded here.
 */
import { describe, expect, it } from 'vitest';
import { checkPersonalData, normalizeForPii } from '../../src/lib/pii.ts';
import { NEGATIVES, POSITIVES } from './pii-corpus.ts';

/** Highest acceptable share of negatives in which anything is masked. */
const MAX_FALSE_POSITIVE_RATE = 0.05;

const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} % (${n}/${of})`;

describe('personal-data corpus', () => {
  const positives = POSITIVES.map((p) => {
    const r = checkPersonalData(p.text);
    const hit =
      p.action === 'mask'
        ? r.masks.includes(p.kind) && !r.text.includes(p.secret) && !normalizeForPii(r.text).includes(normalizeForPii(p.secret))
        : r.flags.includes(p.kind) || r.masks.includes(p.kind);
    return { ...p, result: r, hit };
  });
  const negatives = NEGATIVES.map((n) => ({ ...n, result: checkPersonalData(n.text) }));
  const falsePositives = negatives.filter((n) => n.result.count > 0);
  const flaggedNegatives = negatives.filter((n) => n.result.flags.length > 0);
  const missed = positives.filter((p) => !p.hit);

  it('prints recall and false-positive rate', () => {
    const kinds = [...new Set(POSITIVES.map((p) => p.kind))];
    const lines = [
      `pii corpus: ${POSITIVES.length} positives in ${new Set(POSITIVES.map((p) => p.format)).size} formats, ${NEGATIVES.length} negatives`,
      `recall (masked or flagged as listed): ${pct(positives.length - missed.length, positives.length)}`,
      ...kinds.map((k) => {
        const of = positives.filter((p) => p.kind === k);
        return `  ${k}: ${pct(of.filter((p) => p.hit).length, of.length)}`;
      }),
      `false-positive rate (anything masked in a negative): ${pct(falsePositives.length, negatives.length)}`,
      ...falsePositives.map((n) => `  masked: ${JSON.stringify(n.text)} -> ${JSON.stringify(n.result.text)} (${n.note})`),
      `negatives only flagged for the moderator (text unchanged): ${pct(flaggedNegatives.length, negatives.length)}`,
      ...flaggedNegatives.map((n) => `  flagged ${n.result.flagged.map((f) => `${f.kind} "${f.match}"`).join(', ')}: ${JSON.stringify(n.text)}`),
      ...missed.map((p) => `  MISSED ${p.format}: ${JSON.stringify(p.text)} -> ${JSON.stringify(p.result.text)}`),
    ];
    console.log(lines.join('\n'));
    expect(positives.length).toBeGreaterThan(0);
  });

  it('recall is 100 % on every listed format', () => {
    expect(missed.map((p) => `${p.format}: ${p.text} -> ${p.result.text}`)).toEqual([]);
  });

  it(`the false-positive rate is under ${MAX_FALSE_POSITIVE_RATE * 100} %`, () => {
    expect(falsePositives.length / negatives.length).toBeLessThan(MAX_FALSE_POSITIVE_RATE);
  });

  it('a negative with nothing masked is returned exactly as written', () => {
    for (const n of negatives.filter((x) => x.result.count === 0)) expect(n.result.text).toBe(n.text);
  });
});
