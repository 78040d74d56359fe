/** TEMPORARY: English copy until the translation lands in this session. */
import type { ConsultationsMessages } from './consultations-da.ts';
import { consultationsEn } from './consultations-en.ts';

export const consultationsSo: ConsultationsMessages = consultationsEn;
