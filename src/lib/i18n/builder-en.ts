/** English strings for the survey builder (same shape as builder-da.ts). */
import type { BuilderMessages } from './builder-da.ts';

export const builderEn: BuilderMessages = {
  title: 'Questionnaire',
};
