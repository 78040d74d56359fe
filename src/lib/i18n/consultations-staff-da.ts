/** Danish strings for the staff's consultation pages (merged into the catalogue as `consultationsStaff`; staff only). */
export const consultationsStaffDa = {
  title: 'Høringer',
};

export type ConsultationsStaffMessages = typeof consultationsStaffDa;
