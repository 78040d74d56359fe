/** Danish strings for the survey builder (merged into the catalogue as `builder`). */
export const builderDa = {
  title: 'Spørgeskema',
};

export type BuilderMessages = typeof builderDa;
