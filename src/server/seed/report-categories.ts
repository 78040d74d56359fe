/**
 * The concern categories seeded into every new database, each routed to the
 * partner that usually acts on it (the default when a report is forwarded;
 * `null`: staff choose). Admins change names at /staff/categories and routing
 * at /staff/partners.
 */
export const REPORT_CATEGORY_ROWS = [
  { slug: 'drug_dealing', nameDa: 'Åbent salg af stoffer', nameEn: 'Open drug dealing', partner: 'politi' },
  { slug: 'groups', nameDa: 'Grupper, der skaber utryghed', nameEn: 'Groups creating unease', partner: 'ssp' },
  { slug: 'threats', nameDa: 'Trusler eller chikane', nameEn: 'Threats or harassment', partner: 'politi' },
  { slug: 'violence', nameDa: 'Vold', nameEn: 'Violence', partner: 'politi' },
  { slug: 'vandalism', nameDa: 'Hærværk og graffiti', nameEn: 'Vandalism and graffiti', partner: 'omraadefornyelsen' },
  { slug: 'lighting', nameDa: 'Dårlig belysning', nameEn: 'Poor lighting', partner: 'omraadefornyelsen' },
  { slug: 'hidden_places', nameDa: 'Skjulte eller uoverskuelige steder', nameEn: 'Hidden or unclear places', partner: 'omraadefornyelsen' },
  { slug: 'reckless_driving', nameDa: 'Vanvidskørsel', nameEn: 'Reckless driving', partner: 'politi' },
  { slug: 'littering', nameDa: 'Affald og forfald', nameEn: 'Litter and neglect', partner: 'center-for-sikker-by' },
  { slug: 'other', nameDa: 'Andet', nameEn: 'Other', partner: null },
].map((c, i) => ({ ...c, displayOrder: i }));
