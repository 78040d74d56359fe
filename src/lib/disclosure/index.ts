/**
 * The disclosure-control engine: the one place that decides what any figure
 * shown or exported may be (public map, /resultater, initiative pages, the
 * front page, Open311, the staff dashboard and its exports, the annual
 * report). Two halves work together:
 *
 * - suppression.ts: the threshold K and complementary suppression, on true
 *   counts, so that no count below K can be worked out exactly from a table
 *   and its margins, even if the noise were known;
 * - perturbation.ts: the cell key method, so that every shown count carries
 *   noise that is the same wherever the same records are counted, and that
 *   cannot be averaged or differenced away across views, filters and releases.
 *
 * Its I/O (record keys in SQL, stored releases) lives in src/server/disclosure/.
 * README "Privacy" states the parameters and what they cost.
 */
export * from './perturbation.ts';
export * from './suppression.ts';
