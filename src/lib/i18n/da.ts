/**
 * Danish message catalogue: the default locale and the source of truth for
 * the catalogue's shape (every other locale must provide the same keys).
 * Prose pages keep their paragraphs here too, so a new locale (Arabic is
 * planned, right-to-left) needs only a catalogue.
 */
import { builderDa } from './builder-da.ts';
import { editorDa } from './editor-da.ts';
import { eventsDa } from './events-da.ts';
import { kortDa } from './kort-da.ts';
import { analysisDa } from './analysis-da.ts';
import { dashboardDa } from './dashboard-da.ts';
import { dashboardReportsDa } from './dashboard-reports-da.ts';
import { resultsDa } from './results-da.ts';
import { statusReportDa } from './status-report-da.ts';
import { reportsDa } from './reports-da.ts';
import { staffDa } from './staff-da.ts';

export const da = {
  staff: staffDa,
  editor: editorDa,
  builder: builderDa,
  events: eventsDa,
  reports: reportsDa,
  kort: kortDa,
  dashboard: dashboardDa,
  dashboardReports: dashboardReportsDa,
  analysis: analysisDa,
  statusReport: statusReportDa,
  results: resultsDa,
  meta: {
    siteName: 'Tryghed i Indre Nørrebro',
    siteDescription:
      'Tryghedsdialog og tryghedsmålinger for Indre Nørrebro: følg indsatserne, svar på undersøgelser og fortæl, hvor du føler dig utryg.',
    titleSeparator: ' · ',
  },
  /** Pages for requests refused before a page could render (see src/lib/refusal.ts). */
  refusal: {
    title: 'Det, du sendte, kunne ikke modtages',
    400: 'Formularen kunne ikke læses. Gå tilbage, og prøv igen.',
    403: 'Formularen blev sendt fra en anden hjemmeside og er afvist. Udfyld den her på siden.',
    413: 'Det, du sendte, er for stort. Gør teksten kortere, og prøv igen.',
    415: 'Formularen kunne ikke læses (forkert format). Gå tilbage, og prøv igen.',
    back: 'Tilbage til siden',
  },
  a11y: {
    skipToContent: 'Gå til indhold',
    mainNavigation: 'Hovedmenu',
    footerNavigation: 'Om siden',
    languageSwitch: 'Sprog',
  },
  nav: {
    report: 'Meld en bekymring',
    map: 'Kort over meldinger',
    results: 'Resultater',
    surveys: 'Undersøgelser',
    initiatives: 'Indsatser',
    events: 'Arrangementer',
    home: 'Forside',
    about: 'Om partnerskabet',
    privacy: 'Privatliv',
    accessibility: 'Tilgængelighed',
  },
  language: {
    /** The name of this locale, written in this locale. */
    name: 'Dansk',
    switchTo: 'Read this page in English',
  },
  emergency: {
    /** The short line in every page's header. */
    short: 'Akut fare: ring 112 · Politiet: 114',
    heading: 'Ikke en nødtjeneste',
    call112: 'Akut fare for liv, helbred eller ejendom: ring 112.',
    call114: 'Politiet i øvrigt, også for at anmelde en forbrydelse: ring 114.',
    notHere: 'Du kan ikke anmelde forbrydelser eller få akut hjælp gennem denne side.',
  },
  footer: {
    runBy:
      'Siden drives af partnerskabet for et trygt Indre Nørrebro: Københavns Politi og Københavns Kommune (Center for Sikker By og SSP København), med Områdefornyelsen Indre Nørrebro.',
    anonymous: 'Du er anonym her: ingen konti, ingen sporing, ingen IP-adresser gemt.',
  },
  home: {
    title: 'Tryghed i Indre Nørrebro',
    lead:
      'Her kan du følge partnerskabets arbejde for et trygt Indre Nørrebro, sige din mening og fortælle, hvor du føler dig utryg. Du er anonym, og det du fortæller, bliver kun vist samlet.',
    goalsHeading: 'Hvad partnerskabet vil opnå',
    goals: [
      'Mindre kriminalitet i Indre Nørrebro.',
      'At flere beboere føler sig trygge, målt igen og igen med de samme spørgsmål og sammenlignet med udgangspunktet.',
      'At beboere, foreninger og erhvervsdrivende er med i arbejdet.',
      'At holde øje med naboområderne, fx kvarteret ved Skt. Hans Torv, så problemerne ikke bare flytter et par gader.',
      'At forhindre, at børn og unge bliver rekrutteret til bander, også gennem sociale medier.',
    ],
    partsHeading: 'Det kan du her',
    parts: {
      initiatives: {
        title: 'Indsatser og arrangementer',
        text: 'Se hvad politi og kommune gør i området, mød op til borgermøder og tryghedsvandringer, og stil spørgsmål.',
      },
      surveys: {
        title: 'Tryghedsundersøgelser',
        text: 'Svar anonymt på, hvor tryg du føler dig. Det virker også uden JavaScript, med skærmlæser og på papir.',
      },
      reports: {
        title: 'Meld en bekymring',
        text: 'Vis på kortet, hvor og hvornår et sted føles utrygt, og følg hvad der sker med din melding.',
      },
      results: {
        title: 'Resultater',
        text: 'Se, om trygheden stiger, med tal der aldrig kan føres tilbage til den enkelte.',
      },
    },
    comingSoon: 'Kommer snart',
    areasHeading: 'Områderne',
    areasIntro:
      'Partnerskabet arbejder i Indre Nørrebro og følger udviklingen i naboområderne. Grænserne på kortet er foreløbige og tegnet ud fra kendte steder.',
    areasMapLabel: 'Kort over områderne',
  },
  areas: {
    kind: { target: 'Indsatsområde', adjacent: 'Naboområde' },
    approximate: 'foreløbig grænse',
  },
  about: {
    title: 'Om partnerskabet',
    intro:
      'Københavns Politi og Københavns Kommune har indgået et partnerskab for et trygt Indre Nørrebro: området mellem Åboulevard, Jagtvej, Nørrebrogade og Peblinge Dossering. Området har i mange år været base for bandekonflikter og for rekruttering af unge.',
    sections: [
      {
        heading: 'Hvem er med',
        paragraphs: [
          'Københavns Politi, Københavns Kommune ved Center for Sikker By og SSP København, og Områdefornyelsen Indre Nørrebro, som står for dialogen med borgerne.',
        ],
      },
      {
        heading: 'Sådan arbejder politiet',
        paragraphs: [
          'Siden 2024 har politiet arbejdet i tre spor: et efterforskningsspor, et operativt og tryghedsskabende spor og et forebyggende spor.',
          'Kommunen arbejder med sociale indsatser for børn, unge og familier og med byfornyelse, så gader og pladser bliver rare at være i.',
        ],
      },
      {
        heading: 'Hvad denne side er, og hvad den ikke er',
        paragraphs: [
          'Siden er partnerskabets offentlige side: her fortæller vi om de generelle indsatser, måler trygheden og tager imod bekymringer fra beboere og erhvervsdrivende.',
          'Arbejdet med enkeltpersoner er fortroligt og foregår ikke her. Siden indeholder ingen oplysninger om mistænkte eller bandemedlemmer, og den kan ikke bruges til at udpege nogen.',
        ],
      },
      {
        heading: 'Hvem driver siden',
        paragraphs: [
          'Center for Sikker By i Københavns Kommune er ansvarlig for siden og for behandlingen af de oplysninger, der kommer ind. Områdefornyelsen Indre Nørrebro står for dialogen med borgerne.',
        ],
      },
    ],
  },
  privacy: {
    title: 'Privatliv',
    intro:
      'Du skal kunne sige din mening uden at blive registreret. Derfor er siden bygget, så den ved så lidt om dig som muligt.',
    sections: [
      {
        heading: 'Det gemmer vi aldrig',
        paragraphs: [
          'Din IP-adresse, din browsers navn og version (user agent), sporingscookies eller konti for borgere. Siden henter intet fra andre tjenester: ingen skrifttyper, ingen statistik, ingen reklamer.',
        ],
      },
      {
        heading: 'Det gemmer vi',
        paragraphs: [
          'Dine svar på en undersøgelse, uden navn og med datoen, men ikke klokkeslættet. Fritekst bliver automatisk gennemsøgt for personoplysninger som CPR-numre, telefonnumre, e-mailadresser og nummerplader, som bliver skjult, før nogen læser den.',
          'En melding om et utrygt sted: stedet, kategorien, tidspunktet på dagen og din beskrivelse. Hvis du selv beder om besked, når meldingen er behandlet, gemmer vi din e-mailadresse, indtil sagen er lukket. Den bliver aldrig vist.',
          'Kommentarer og spørgsmål til indsatserne, med et navn hvis du selv skriver et. De bliver læst af en moderator, før de bliver vist.',
        ],
      },
      {
        heading: 'Cookies',
        paragraphs: [
          'Siden bruger kun cookies, der er strengt nødvendige: én der husker dine svar, mens du udfylder en undersøgelse (slettes efter 24 timer), og én der holder medarbejdere logget ind. Derfor spørger vi ikke om samtykke.',
        ],
      },
      {
        heading: 'Tal der bliver vist',
        paragraphs: [
          'Resultater bliver kun vist samlet, og kun når mindst fem personer står bag et tal. Færre svar vises som «for få svar». Et tal bliver også skjult, hvis man ellers kunne regne et lille tal ud ved at trække to andre tal fra hinanden.',
          'Hvert tal, vi viser, er desuden justeret en smule: højst 2 op eller ned, med en tilfældig nøgle, der hører til netop de svar eller meldinger, tallet tæller. De samme svar giver altid det samme tal, uanset hvor det vises, så man ikke kan fjerne justeringen ved at spørge mange gange eller sammenligne sider. Det er den metode, Danmarks og andre landes statistikkontorer bruger til tabeller, som brugerne selv sammensætter. Prisen er, at summer ikke altid passer helt, og at et tal kan være op til 2 ved siden af.',
          'Tallene på kortet over meldinger, i Open311 og på indsatssiderne kommer fra en udgivelse, der laves en gang om ugen. Når en melding bliver behandlet, ændrer det ikke noget offentligt før næste udgivelse, så ingen kan se, hvilken melding der flyttede et tal. Ved hvert tal står, hvornår udgivelsen blev lavet. Resultater af en undersøgelse bliver udgivet én gang, når den er lukket.',
        ],
      },
      {
        heading: 'Dataansvarlig',
        paragraphs: [
          'Københavns Kommune, Center for Sikker By, er dataansvarlig. Fordi svarene er anonyme, kan vi ikke finde dine egne svar frem igen; har du spørgsmål om behandlingen, kan du kontakte kommunens databeskyttelsesrådgiver.',
        ],
      },
    ],
  },
  accessibility: {
    title: 'Tilgængelighedserklæring',
    intro:
      'Københavns Kommune ønsker, at alle kan bruge denne side, uanset om man bruger skærmlæser, tastatur, forstørrelse eller ikke har JavaScript slået til.',
    sections: [
      {
        heading: 'Status',
        paragraphs: [
          'Siden er bygget til at overholde standarden WCAG 2.1 på niveau AA, som loven om tilgængelighed af offentlige organers websteder kræver. Hver side bliver testet automatisk for tilgængelighed, inden en ny version bliver sat i drift.',
        ],
      },
      {
        heading: 'Sådan er siden bygget',
        paragraphs: [
          'Alt virker uden JavaScript. Alle kort har et alternativ uden kort, hvor du vælger et sted fra en liste eller skriver det. Siden kan bruges med tastatur alene, den tilpasser sig små skærme og forstørrelse, og den kan printes.',
        ],
      },
      {
        heading: 'Kendte begrænsninger',
        paragraphs: [
          'Områdernes grænser på kortene er foreløbige og tegnet ud fra kendte steder; de bliver erstattet af de officielle grænser.',
        ],
      },
      {
        heading: 'Fortæl os om problemer',
        paragraphs: [
          'Oplever du noget, du ikke kan bruge, vil vi gerne vide det. Du kan skrive til Områdefornyelsen Indre Nørrebro eller til Københavns Kommune.',
          'Får du ikke et tilfredsstillende svar, kan du klage til Digitaliseringsstyrelsen, som fører tilsyn med offentlige myndigheders websteder.',
        ],
      },
    ],
    updated: 'Erklæringen er senest opdateret',
  },
  initiatives: {
    title: 'Indsatser',
    intro:
      'Her er partnerskabets generelle indsatser for et trygt Indre Nørrebro og naboområderne. Arbejdet med enkeltpersoner er fortroligt og står ikke her.',
    filters: 'Filtrér indsatserne',
    area: 'Område',
    partner: 'Partner',
    status: 'Status',
    all: 'Alle',
    apply: 'Vis indsatser',
    clear: 'Nulstil filtre',
    count: (n: number) => (n === 1 ? '1 indsats' : `${n} indsatser`),
    none: 'Ingen indsatser passer til filtrene.',
    track: 'Spor',
    period: 'Periode',
    from: (d: string) => `fra ${d}`,
    responsible: 'Ansvarlig',
    areas: 'Områder',
    timeline: 'Sådan går det',
    noUpdates: 'Der er ikke skrevet nogen opdateringer endnu.',
    events: 'Arrangementer i indsatsen',
    feed: 'Nyt om indsatserne (RSS)',
    feedArea: (area: string) => `Nyt om indsatserne i ${area} (RSS)`,
    reportsHeading: 'Meldinger, der har ført til indsatsen',
    reportsReleased: (day: string) => `Tal fra udgivelsen ${day}; hvert tal er let justeret for at beskytte dem, der melder.`,
    reportsTotal: (n: number) => `${n} meldinger fra beboere og erhvervsdrivende er knyttet til indsatsen.`,
    reportsFew: 'Der er knyttet for få meldinger til indsatsen til at vise tal.',
    reportsFewCell: 'for få',
    reportsCategory: 'Emne',
    reportsCount: 'Meldinger',
    backToList: 'Alle indsatser',
    inDanish: 'Denne tekst findes kun på dansk.',
    tracks: {
      investigative: 'Efterforskning',
      operational: 'Operativt og tryghedsskabende',
      preventive: 'Forebyggelse',
      social: 'Social indsats',
      urban_renewal: 'Byfornyelse',
    },
    statuses: { planned: 'Planlagt', active: 'I gang', completed: 'Afsluttet' },
  },
  dialogue: {
    heading: 'Spørgsmål og kommentarer',
    intro:
      'Stil et spørgsmål eller skriv en kommentar. En medarbejder læser alt, før det bliver vist, og svarer på vegne af partnerskabet.',
    none: 'Der er ingen offentliggjorte kommentarer endnu.',
    anonymous: 'Anonym',
    postedOn: 'skrevet',
    replyFrom: (partner: string) => `Svar fra ${partner}`,
    formHeading: 'Skriv en kommentar',
    name: 'Navn (frivilligt)',
    nameHint: 'Du kan skrive et fornavn, et kaldenavn eller ingenting.',
    body: 'Din kommentar eller dit spørgsmål',
    bodyHint: (max: number) => `Højst ${max} tegn. Skriv ikke navne eller andet, der kan udpege personer.`,
    honeypot: 'Lad dette felt være tomt',
    submit: 'Send til moderation',
    rules:
      'Siden er ikke til at anmelde forbrydelser. Ring 112 ved akut fare og 114 til politiet i øvrigt. Oplysninger om personer bliver skjult automatisk.',
    errors: {
      summary: 'Kommentaren blev ikke sendt:',
      bodyMissing: 'Skriv en kommentar eller et spørgsmål.',
      bodyTooLong: (max: number) => `Kommentaren må højst være ${max} tegn.`,
      nameTooLong: (max: number) => `Navnet må højst være ${max} tegn.`,
      throttled: 'Du har sendt mange kommentarer på kort tid. Vent lidt, og prøv igen.',
      rejected: 'Kommentaren kunne ikke modtages.',
    },
    received: {
      title: 'Tak – din kommentar venter på moderation',
      text: 'En medarbejder læser den, før den bliver vist. Det kan tage et par hverdage. Hvis den indeholdt oplysninger om personer, er de skjult.',
      notEmergency:
        'Husk: siden er ikke til at anmelde forbrydelser eller få akut hjælp. Ring 112 ved akut fare og 114 til politiet i øvrigt.',
      back: 'Tilbage til siden',
    },
  },
  map: {
    heading: 'Eller sæt nåle på kortet',
    map: 'Kort over områderne',
    mapHint:
      'Klik eller tryk på kortet for at sætte en nål. Med tastaturet: flyt kortet med piletasterne, zoom med plus og minus, og sæt en nål i midten med knappen.',
    addAtCentre: 'Sæt nål i kortets midte',
    zoomIn: 'Zoom ind',
    zoomOut: 'Zoom ud',
    pins: 'Dine nåle',
    near: 'nær {place}',
    remove: 'Fjern',
    added: 'Nål sat nær {place}.',
    removed: 'Nålen nær {place} er fjernet.',
    max: 'Du kan sætte højst {max} nåle.',
    outside: 'Stedet ligger uden for områderne. Vælg et sted inden for de markerede områder.',
    text: 'Eller skriv et sted',
    textHint: 'For eksempel et gadehjørne eller en passage.',
  },
  surveys: {
    title: 'Tryghedsundersøgelser',
    intro:
      'Svar anonymt på, hvor tryg du føler dig. Dine svar bliver kun vist samlet med andres, og kun når mindst fem har svaret.',
    none: 'Der er ingen åbne undersøgelser lige nu.',
    closes: (date: string) => `Åben til ${date}`,
    answer: 'Svar på undersøgelsen',
    start: 'Start',
    continue: 'Fortsæt hvor du slap',
    startOver: 'Start forfra',
    code: 'Din kode fra brevet',
    codeHint: 'Koden står i brevet, fx ABCD-EFGH.',
    codeOptionalHint: 'Har du fået et brev med en kode, så skriv den her. Ellers kan du lade feltet stå tomt.',
    closed: 'Undersøgelsen er lukket. Tak for din interesse.',
    notYetOpen: 'Undersøgelsen er ikke åben endnu.',
    anonymous:
      'Du er anonym. Vi gemmer ikke din IP-adresse eller noget andet, der kan føre svarene tilbage til dig. En cookie husker dine svar, mens du udfylder (i højst 24 timer).',
    progress: (page: number, pages: number) => `Side ${page} af ${pages}`,
    required: 'skal besvares',
    next: 'Næste side',
    back: 'Forrige side',
    submit: 'Send mine svar',
    dontKnow: 'Ved ikke',
    preferNot: 'Vil ikke svare',
    noArea: 'Jeg bor eller arbejder ikke i nogen af områderne',
    characters: (max: number) => `Højst ${max} tegn.`,
    numberRange: (min: number, max: number) => `Et tal fra ${min} til ${max}.`,
    honeypot: 'Lad dette felt være tomt',
    errorSummary: 'Nogle svar mangler eller skal rettes:',
    errors: {
      required: 'Besvar venligst spørgsmålet.',
      unknown_option: 'Vælg en af svarmulighederne.',
      out_of_range: 'Tallet er uden for det tilladte interval.',
      not_a_number: 'Skriv et helt tal, fx 5.',
      too_long: 'Teksten er for lang.',
      too_many: 'Du har valgt for mange.',
      incomplete_matrix: 'Besvar venligst alle linjer.',
      outside_areas: 'Et af stederne ligger uden for områderne.',
      code_invalid: 'Koden findes ikke. Tjek, at du har skrevet den som i brevet.',
      code_used: 'Koden er allerede brugt. Hver kode kan kun bruges én gang.',
      code_required: 'Denne undersøgelse kræver en kode fra brevet.',
      closed: 'Undersøgelsen er lukket, så svarene kan ikke sendes.',
      expired: 'Dine svar er udløbet (efter 24 timer). Start venligst igen.',
      throttled: 'Der er startet mange besvarelser herfra på kort tid. Vent lidt, og prøv igen.',
    },
    thanks: {
      title: 'Tak for dine svar',
      text: 'Dine svar er gemt anonymt. Resultaterne bliver offentliggjort, når undersøgelsen er lukket.',
      initiatives: 'Se hvad partnerskabet gør i området',
    },
  },
  errors: {
    notFoundTitle: 'Siden findes ikke',
    notFoundText: 'Vi kan ikke finde den side, du leder efter. Måske er adressen skrevet forkert, eller siden er flyttet.',
    serverErrorTitle: 'Der skete en fejl',
    serverErrorText:
      'Noget gik galt hos os. Prøv igen om lidt. Det du har sendt før fejlen, er ikke gået tabt.',
    backHome: 'Gå til forsiden',
  },
};

export type Messages = typeof da;
