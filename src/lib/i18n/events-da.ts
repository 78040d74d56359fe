/** Danish strings for events (merged into the catalogue as `events`). */
export const eventsDa = {
  title: 'Arrangementer',
  intro:
    'Mød politiet, kommunen og dine naboer til borgermøder, tryghedsvandringer og træffetid i Indre Nørrebro og naboområderne. Alle er velkomne.',
  upcoming: 'Kommende arrangementer',
  past: 'Tidligere arrangementer',
  noUpcoming: 'Der er ingen kommende arrangementer lige nu. Kig forbi igen senere, eller abonnér på kalenderen.',
  noPast: 'Der har ikke været nogen arrangementer endnu.',
  subscribe: 'Abonnér på alle arrangementer i din kalender',
  subscribeHint:
    'Linket er en kalender i iCalendar-format. Føj det til din kalender-app som abonnement, så kommer nye arrangementer automatisk med.',
  /** The calendar's name in people's calendar apps. */
  calendarName: 'Arrangementer · Tryghed i Indre Nørrebro',
  /** The title of the <link rel="alternate"> to the calendar feed. */
  feedTitle: 'Alle arrangementer (iCalendar)',
  kind: 'Type',
  when: 'Tidspunkt',
  place: 'Sted',
  area: 'Område',
  organiser: 'Arrangør',
  point: 'Kortpunkt',
  coordinates: (lat: string, lon: string) => `breddegrad ${lat} og længdegrad ${lon}`,
  initiative: 'Del af indsatsen',
  about: 'Om arrangementet',
  download: 'Føj arrangementet til din kalender (.ics-fil)',
  ended: 'Arrangementet er afsluttet.',
  inDanish: 'Denne tekst findes kun på dansk.',
  backToList: 'Alle arrangementer',
  kinds: {
    citizen_meeting: 'Borgermøde',
    safety_walk: 'Tryghedsvandring',
    office_hours: 'Træffetid',
    other: 'Arrangement',
  },
};

export type EventsMessages = typeof eventsDa;
