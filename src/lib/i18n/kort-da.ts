/** Danish strings for the public map of reports (/kort). */
export const kortDa = {
  title: 'Kort over meldinger',
  intro:
    'Kortet viser, hvor mange meldinger om utryghed der er i hvert område og i små sekskanter på omkring 0,1 km². Det viser aldrig præcise steder eller beskrivelser.',
  moderatedOnly:
    'Kun meldinger, som en moderator har set og sendt videre, tæller med. Nye, afviste og sammenlagte meldinger tæller ikke.',
  privacy: (k: number) =>
    `En sekskant med færre end ${k} meldinger vises slet ikke, og et tal vises heller ikke, hvis man kunne regne et antal under ${k} ud ved at sammenligne to valg, fx alle kategorier med én kategori. Perioderne er hele kalenderår. Et områdes samlede tal vises kun, hvis det ikke kan afsløre en skjult sekskant; ellers står der „for få“.`,
  released: (day: string, intervalDays: number) =>
    `Tallene er fra udgivelsen ${day}. De opdateres hver ${intervalDays}. dag, ikke hver gang en melding bliver behandlet, så man ikke kan se, hvilken melding der flyttede et tal.`,
  noise:
    'For at beskytte dem, der melder, er hvert tal let justeret (højst 2 op eller ned), altid på samme måde for de samme meldinger. Tallene giver derfor et retvisende billede, men summerne passer ikke altid præcist.',
  filters: 'Vælg meldinger',
  category: 'Kategori',
  period: 'Periode',
  allPeriods: 'Hele perioden',
  reporterType: 'Hvem meldte',
  reporterTypes: {
    resident: 'Beboere',
    business: 'Forretninger',
    works_here: 'Folk, der arbejder i området',
    visitor: 'Besøgende',
  },
  all: 'Alle',
  apply: 'Vis',
  clear: 'Nulstil',
  mapLabel: 'Kort over områderne med sekskanter for steder med mange meldinger',
  hexTitle: (place: string, n: number) => `Nær ${place}: ${n} meldinger`,
  legend: 'Jo mørkere sekskant, jo flere meldinger.',
  cellsHeading: 'Steder med mange meldinger',
  cellsCaption: 'Sekskanter med mindst K meldinger, beskrevet ved det nærmeste navngivne sted',
  cellsNone: 'Ingen sekskant har nok meldinger til at blive vist med dette valg.',
  place: 'Nærmeste sted',
  area: 'Område',
  count: 'Meldinger',
  areasHeading: 'Meldinger pr. område',
  areasCaption: 'Alle modererede meldinger i hvert område med dette valg',
  tooFew: 'for få',
  report: 'Meld et sted, hvor du føler dig utryg',
};

export type KortMessages = typeof kortDa;
