/** The partnership's parties, seeded into every new database. */
export const PARTNER_ROWS = [
  { slug: 'politi', nameDa: 'Københavns Politi', nameEn: 'Copenhagen Police', displayOrder: 0 },
  { slug: 'center-for-sikker-by', nameDa: 'Center for Sikker By', nameEn: 'Center for Sikker By (City of Copenhagen)', displayOrder: 1 },
  { slug: 'ssp', nameDa: 'SSP København', nameEn: 'SSP Copenhagen', displayOrder: 2 },
  { slug: 'omraadefornyelsen', nameDa: 'Områdefornyelsen Indre Nørrebro', nameEn: 'Inner Nørrebro area renewal', displayOrder: 3 },
] as const;
