/** English strings for the staff's consultation pages (same shape as consultations-staff-da.ts). */
import type { ConsultationsStaffMessages } from './consultations-staff-da.ts';

export const consultationsStaffEn: ConsultationsStaffMessages = {
  title: 'Consultations',
};
