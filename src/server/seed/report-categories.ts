/** The concern categories seeded into every new database; admins can change them later. */
export const REPORT_CATEGORY_ROWS = [
  { slug: 'drug_dealing', nameDa: 'Åbent salg af stoffer', nameEn: 'Open drug dealing' },
  { slug: 'groups', nameDa: 'Grupper, der skaber utryghed', nameEn: 'Groups creating unease' },
  { slug: 'threats', nameDa: 'Trusler eller chikane', nameEn: 'Threats or harassment' },
  { slug: 'violence', nameDa: 'Vold', nameEn: 'Violence' },
  { slug: 'vandalism', nameDa: 'Hærværk og graffiti', nameEn: 'Vandalism and graffiti' },
  { slug: 'lighting', nameDa: 'Dårlig belysning', nameEn: 'Poor lighting' },
  { slug: 'hidden_places', nameDa: 'Skjulte eller uoverskuelige steder', nameEn: 'Hidden or unclear places' },
  { slug: 'reckless_driving', nameDa: 'Vanvidskørsel', nameEn: 'Reckless driving' },
  { slug: 'littering', nameDa: 'Affald og forfald', nameEn: 'Litter and neglect' },
  { slug: 'other', nameDa: 'Andet', nameEn: 'Other' },
].map((c, i) => ({ ...c, displayOrder: i }));
