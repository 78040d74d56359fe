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
  /** Shown on a cancelled event's page, in the lists and (badge) next to its title. */
  cancelled: 'Arrangementet er aflyst.',
  cancelledBadge: 'Aflyst',
  cancelNote: 'Besked fra arrangørerne',
  minutes: {
    /** The heading by kind: a safety walk has findings, the others minutes. */
    heading: (kind: string): string => (kind === 'safety_walk' ? 'Fund fra tryghedsvandringen' : 'Referat'),
    published: (date: string): string => `Offentliggjort ${date}.`,
    places: 'Steder, det handler om',
    mapLink: 'Se stederne på kortet over meldinger om utryghed',
  },
  signup: {
    heading: 'Tilmelding',
    intro: 'Tilmeld dig, så arrangørerne ved, hvor mange der kommer. Du skal ikke oplyse dit navn.',
    placesLeft: (n: number): string => (n === 1 ? 'Der er 1 ledig plads.' : `Der er ${n} ledige pladser.`),
    noLimit: 'Der er plads til alle.',
    placesOpen: 'Der er ledige pladser.',
    full: 'Arrangementet er fuldt booket. Der er ikke flere ledige pladser.',
    closed: 'Tilmeldingen er lukket.',
    people: 'Antal personer',
    peopleHint: (max: number): string => `Dig selv medregnet, højst ${max}.`,
    email: 'Din e-mail (valgfri)',
    emailHint: 'Så får du et link til at afmelde dig, og vi giver besked, hvis arrangementet bliver aflyst. Adressen bruges kun til det og slettes efter arrangementet.',
    noEmail: 'På næste side får du et link, som du kan afmelde dig med. Gem det.',
    honeypot: 'Lad dette felt være tomt',
    submit: 'Tilmeld',
    errors: {
      summary: 'Tilmeldingen er ikke gemt. Ret dette:',
      people: (max: number): string => `Skriv et antal personer mellem 1 og ${max}.`,
      email: 'Skriv en gyldig e-mailadresse, fx navn@eksempel.dk, eller lad feltet stå tomt.',
      tooMany: 'Der er ikke plads til så mange. Skriv et mindre antal personer. Tilmeldingen er ikke gemt.',
      full: (left: number): string =>
        left === 0
          ? 'Der er ikke flere ledige pladser. Tilmeldingen er ikke gemt.'
          : `Der er kun ${left === 1 ? '1 ledig plads' : `${left} ledige pladser`} tilbage. Skriv et mindre antal personer.`,
      closed: 'Tilmeldingen er lukket, fordi arrangementet er begyndt eller slut, eller arrangørerne har lukket den. Intet er gemt.',
      cancelled: 'Arrangementet er aflyst, så du kan ikke tilmelde dig. Intet er gemt.',
      throttled: 'Der er sendt mange tilmeldinger herfra på kort tid. Vent lidt, og prøv igen.',
      flood: 'Der kommer lige nu usædvanligt mange tilmeldinger. Prøv igen om en time.',
    },
    page: {
      title: 'Din tilmelding',
      signedUp: (people: number, title: string): string => `Du er tilmeldt «${title}» ${people === 1 ? 'for 1 person' : `for ${people} personer`}.`,
      keepLink: 'Gem dette link. Med det kan du se og afmelde din tilmelding:',
      mailSent: 'Vi sender også linket til din e-mail.',
      noName: 'Vi har ikke gemt dit navn, kun antallet af personer.',
      toEvent: 'Til arrangementet',
      cancelHeading: 'Afmeld',
      cancelText: 'Kan du ikke komme alligevel? Så afmeld dig, så pladsen bliver ledig igen.',
      cancelButton: 'Afmeld mig',
      cancelledTitle: 'Du er afmeldt',
      cancelledText: (title: string): string => `Din tilmelding til «${title}» er slettet, også din e-mailadresse, hvis du gav den.`,
      unknownTitle: 'Linket virker ikke',
      unknownText: 'Der findes ingen tilmelding med dette link. Måske er den allerede afmeldt, eller arrangementet er slut eller aflyst (så er tilmeldingen slettet). Intet er ændret.',
      started: 'Arrangementet er begyndt, så tilmeldingen kan ikke længere afmeldes. Den slettes af sig selv efter arrangementet.',
      throttled: 'Der er prøvet mange afmeldingslinks herfra på kort tid. Vent lidt, og prøv igen.',
      eventCancelled: 'Arrangementet er aflyst.',
    },
    mail: {
      confirmationSubject: (title: string): string => `Du er tilmeldt: ${title}`,
      confirmationIntro: 'Tak for din tilmelding til dette arrangement i Tryghed i Indre Nørrebro:',
      when: 'Tidspunkt',
      place: 'Sted',
      cancelLink: 'Kan du ikke komme, så afmeld dig her',
      confirmationFooter:
        'Du får denne e-mail, fordi nogen har tilmeldt sig med din adresse. Var det ikke dig, så brug linket ovenfor. Vi bruger kun adressen til at give besked, hvis arrangementet bliver aflyst, og sletter den efter arrangementet.',
      cancellationSubject: (title: string): string => `Aflyst: ${title}`,
      cancellationIntro: 'Arrangementet, du var tilmeldt, er desværre aflyst:',
      note: 'Besked fra arrangørerne',
      eventLink: 'Se arrangementet',
      cancellationFooter: 'Din tilmelding og din e-mailadresse er slettet. Du skal ikke gøre noget.',
    },
  },
};

export type EventsMessages = typeof eventsDa;
