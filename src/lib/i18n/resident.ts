/**
 * The residents' part of the catalogue: what Arabic, Turkish, Somali and Urdu
 * translate (README "Languages"). Staff pages stay Danish and English, so the
 * staff catalogues and the staff sections of the report catalogue are left
 * out here and filled in from English when a resident locale's catalogue is
 * put together (index.ts).
 */
import type { Messages } from './da.ts';
import type { ReportsMessages } from './reports-da.ts';

/** Catalogues only staff pages read. */
export const STAFF_CATALOGUES = ['staff', 'editor', 'builder', 'dashboard', 'dashboardReports', 'analysis', 'statusReport', 'consultationsStaff'] as const;
export type StaffCatalogue = (typeof STAFF_CATALOGUES)[number];

/** Sections of the report catalogue only staff (and partners' mail) read. */
export const STAFF_REPORT_SECTIONS = ['staff', 'partnerNotice'] as const;
export type StaffReportSection = (typeof STAFF_REPORT_SECTIONS)[number];

export type ResidentReportsMessages = Omit<ReportsMessages, StaffReportSection>;

/** A resident locale's catalogue: every key residents can see, nothing staff-only. */
export type ResidentMessages = Omit<Messages, StaffCatalogue | 'reports'> & { reports: ResidentReportsMessages };

/** A whole catalogue from a residents' one: staff parts in English. */
export function withStaffParts(resident: ResidentMessages, staff: Messages): Messages {
  const parts = Object.fromEntries(STAFF_CATALOGUES.map((name) => [name, staff[name]])) as Pick<Messages, StaffCatalogue>;
  return {
    ...resident,
    ...parts,
    reports: { ...resident.reports, staff: staff.reports.staff, partnerNotice: staff.reports.partnerNotice },
  };
}
