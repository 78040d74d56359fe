/**
 * A few main streets as lines, shipped with the project so the report and
 * survey maps are readable without any tile server (no request leaves the
 * site). Approximate, drawn from known points like the area polygons
 * (db/seed/README.md); GeoJSON order [longitude, latitude].
 */
export interface StreetLine {
  name: string;
  coordinates: [number, number][];
}

export const STREET_LINES: readonly StreetLine[] = [
  { name: 'Nørrebrogade', coordinates: [[12.564, 55.6867], [12.5598, 55.6888], [12.5545, 55.6913], [12.5494, 55.6939]] },
  { name: 'Jagtvej', coordinates: [[12.5494, 55.6939], [12.546, 55.6905], [12.5425, 55.6868]] },
  { name: 'Åboulevard', coordinates: [[12.5425, 55.6868], [12.549, 55.6836], [12.5567, 55.6803]] },
  { name: 'Peblinge Dossering', coordinates: [[12.5567, 55.6803], [12.5605, 55.6836], [12.564, 55.6867]] },
  { name: 'Blågårdsgade', coordinates: [[12.5532, 55.6842], [12.5572, 55.6864], [12.5606, 55.6882]] },
  { name: 'Griffenfeldsgade', coordinates: [[12.5545, 55.6913], [12.5512, 55.6885], [12.5488, 55.6862]] },
  { name: 'Fælledvej', coordinates: [[12.5607, 55.6908], [12.5638, 55.6935], [12.567, 55.696]] },
  { name: 'Elmegade', coordinates: [[12.5588, 55.6897], [12.5567, 55.6922]] },
];
