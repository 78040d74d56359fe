/** Danish strings for e-mail subscriptions (merged into the catalogue as `subscriptions`). */
export const subscriptionsDa = {
  title: 'Få nyt på e-mail',
  intro:
    'Få en samlet e-mail, højst én gang om dagen, når der er nyt: nye indsatser og opdateringer i et område, nyt om én indsats, nye arrangementer eller offentliggjorte resultater af tryghedsundersøgelserne.',
  privacy:
    'Vi bruger kun din e-mailadresse til det her. Den gemmes krypteret, og den slettes, når du afmelder dig (der er et afmeldingslink i hver e-mail). Bekræfter du ikke inden for et døgn, slettes den også (senest efter 48 timer).',
  formHeading: 'Abonnér på nyt',
  /** The heading of the small form on another page. */
  embedHeading: 'Få nyt på e-mail',
  topicLegend: 'Hvad vil du have besked om?',
  topics: {
    area: 'Nye indsatser og opdateringer i et område',
    initiative: 'Nyt om denne indsats',
    events: 'Nye arrangementer',
    results: 'Nye resultater af tryghedsundersøgelserne',
  },
  area: 'Område',
  chooseArea: 'Vælg et område',
  email: 'Din e-mailadresse',
  emailHint: 'Du får en e-mail med et link, som du skal klikke på for at bekræfte.',
  submit: 'Abonnér',
  honeypot: 'Lad dette felt være tomt',
  sentHeading: 'Tjek din e-mail',
  sent:
    'Hvis adressen kan modtage e-mail, får du om lidt en e-mail med et link. Abonnementet starter først, når du har klikket på linket og bekræftet. Linket virker i mindst 24 timer.',
  more: 'Se alt, du kan abonnere på',
  errors: {
    emailMissing: 'Skriv din e-mailadresse.',
    emailInvalid: 'E-mailadressen ser ikke rigtig ud. Skriv den som navn@eksempel.dk.',
    topicMissing: 'Vælg, hvad du vil have besked om.',
    areaMissing: 'Vælg et område.',
    unknownTarget: 'Det, du ville abonnere på, findes ikke (længere). Vælg igen.',
    throttled: 'Du har bedt om mange abonnementer på kort tid. Vent lidt, og prøv igen.',
    flood: 'Der bliver lige nu bedt om usædvanligt mange abonnementer, så vi tager en pause. Prøv igen om en time.',
    errorSummary: 'Noget skal rettes:',
  },
  confirm: {
    title: 'Bekræft dit abonnement',
    intro: (what: string): string => `Du er ved at abonnere på: ${what}.`,
    button: 'Bekræft abonnementet',
    doneTitle: 'Dit abonnement er bekræftet',
    done: (what: string): string => `Du får nu en samlet e-mail, når der er nyt om: ${what}. Hver e-mail har et link til at afmelde dig.`,
    alreadyTitle: 'Abonnementet er allerede bekræftet',
    already: 'Du har allerede bekræftet dette abonnement. Du behøver ikke gøre mere.',
    expiredTitle: 'Linket er udløbet',
    expired: 'Linket er for gammelt, og din e-mailadresse er nu slettet. Du kan abonnere igen, så får du et nyt link.',
    unknownTitle: 'Linket virker ikke',
    unknown:
      'Linket er ukendt: det er måske skrevet forkert, eller abonnementet er afmeldt eller udløbet og dermed slettet. Du kan abonnere igen.',
    again: 'Abonnér igen',
  },
  unsubscribe: {
    title: 'Afmeld abonnement',
    intro: (what: string): string => `Vil du afmelde abonnementet på: ${what}? Din e-mailadresse bliver slettet.`,
    button: 'Afmeld',
    doneTitle: 'Du er afmeldt',
    done: 'Abonnementet og din e-mailadresse er slettet. Du får ikke flere e-mails fra os om det.',
    unknownTitle: 'Linket virker ikke',
    unknown: 'Afmeldingslinket er ukendt: enten er du allerede afmeldt (så er din adresse slettet), eller linket er skrevet forkert.',
    throttled: 'Der er prøvet mange ukendte links herfra på kort tid. Vent lidt, og prøv igen.',
  },
  what: {
    area: (name: string): string => `nye indsatser og opdateringer i ${name}`,
    initiative: (title: string): string => `indsatsen »${title}«`,
    events: 'nye arrangementer',
    results: 'nye resultater af tryghedsundersøgelserne',
  },
  mail: {
    confirmSubject: 'Bekræft dit abonnement hos Tryghed i Indre Nørrebro',
    confirmBody: (what: string, url: string): string =>
      [
        `Nogen (forhåbentlig dig) har bedt om at få nyt på e-mail om: ${what}.`,
        '',
        'Klik på linket for at bekræfte (det virker i mindst 24 timer):',
        url,
        '',
        'Har du ikke bedt om det, så gør ingenting: uden bekræftelse sletter vi adressen inden for 48 timer, og du hører ikke mere fra os.',
      ].join('\n'),
    alreadySubject: 'Du abonnerer allerede',
    alreadyBody: (what: string): string =>
      [`Nogen (forhåbentlig dig) har bedt om at få nyt på e-mail om: ${what}.`, '', 'Du abonnerer allerede på det, så der er ikke noget at gøre.'].join('\n'),
    digestSubject: (n: number): string => `Nyt fra Tryghed i Indre Nørrebro: ${n} ${n === 1 ? 'nyhed' : 'nyheder'}`,
    digestIntro: (what: string): string => `Det her er nyt siden sidst om: ${what}.`,
    items: {
      initiative: 'Ny indsats',
      update: 'Opdatering',
      milestone: 'Delmål nået',
      event: 'Nyt arrangement',
      results: 'Resultater offentliggjort',
      consultation: 'Ny høring',
      decision: 'Beslutning efter en høring',
    },
    footer: (url: string): string =>
      ['—', 'Du får denne e-mail, fordi du abonnerer hos Tryghed i Indre Nørrebro. Vi bruger kun adressen til det.', `Afmeld med ét klik: ${url}`].join('\n'),
  },
};

export type SubscriptionsMessages = typeof subscriptionsDa;
