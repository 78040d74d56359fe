/** The partnership's parties, seeded into every new database. */
export const PARTNER_ROWS = [
  { slug: 'politi', nameDa: 'Københavns Politi', nameEn: 'Copenhagen Police', displayOrder: 0 },
  { slug: 'center-for-sikker-by', nameDa: 'Center for Sikker By', nameEn: 'Center for Sikker By (City of Copenhagen)', displayOrder: 1 },
  { slug: 'ssp', nameDa: 'SSP København', nameEn: 'SSP Copenhagen', displayOrder: 2 },
  { slug: 'omraadefornyelsen', nameDa: 'Områdefornyelsen Indre Nørrebro', nameEn: 'Inner Nørrebro area renewal', displayOrder: 3 },
] as const;

/**
 * Demo functional mailboxes (demo data only, never in a real database): the
 * `.invalid` domain cannot receive mail, so a demo that has SMTP configured
 * sends partner notices nowhere real. Admins set real ones at /staff/partners.
 */
export const DEMO_PARTNER_MAILBOXES: Readonly<Record<(typeof PARTNER_ROWS)[number]['slug'], string>> = {
  politi: 'politi@example.invalid',
  'center-for-sikker-by': 'sikkerby@example.invalid',
  ssp: 'ssp@example.invalid',
  omraadefornyelsen: 'omraadefornyelsen@example.invalid',
};
