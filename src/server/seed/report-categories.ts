/**
 * The concern categories seeded into every new database, each routed to the
 * partner that usually acts on it (the default when a report is forwarded;
 * `null`: staff choose). Admins change names at /staff/categories and routing
 * at /staff/partners. Business categories are offered on the business form
 * only (`audience`).
 */
import type { CategoryAudience } from '../../../db/schema.ts';

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
  // Offered first on the business form (/meld?som=virksomhed), not on the residents' form.
  { slug: 'break_in', nameDa: 'Indbrud eller forsøg på indbrud', nameEn: 'Break-in or attempted break-in', partner: 'politi', audience: 'business' as const },
  { slug: 'staff_threats', nameDa: 'Trusler mod personale eller kunder', nameEn: 'Threats against staff or customers', partner: 'politi', audience: 'business' as const },
  { slug: 'entrance_loitering', nameDa: 'Ophold ved indgangen, der skræmmer kunder', nameEn: 'Loitering at the entrance that deters customers', partner: 'ssp', audience: 'business' as const },
  { slug: 'other', nameDa: 'Andet', nameEn: 'Other', partner: null },
].map((c, i) => ({ audience: 'everyone' as CategoryAudience, ...c, displayOrder: i }));
