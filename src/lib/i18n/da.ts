/**
 * Danish message catalogue: the default locale and the source of truth for
 * the catalogue's shape (every other locale must provide the same keys).
 * Prose pages keep their paragraphs here too, so a new locale (Arabic is
 * planned, right-to-left) needs only a catalogue.
 */
import { builderDa } from './builder-da.ts';
import { editorDa } from './editor-da.ts';
import { eventsDa } from './events-da.ts';
import { consultationsDa } from './consultations-da.ts';
import { consultationsStaffDa } from './consultations-staff-da.ts';
import { kortDa } from './kort-da.ts';
import { analysisDa } from './analysis-da.ts';
import { dashboardDa } from './dashboard-da.ts';
import { dashboardReportsDa } from './dashboard-reports-da.ts';
import { resultsDa } from './results-da.ts';
import { subscriptionsDa } from './subscriptions-da.ts';
import { statusReportDa } from './status-report-da.ts';
import { reportsDa } from './reports-da.ts';
import { retentionDa } from './retention-da.ts';
import { staffDa } from './staff-da.ts';

export const da = {
  staff: staffDa,
  editor: editorDa,
  builder: builderDa,
  events: eventsDa,
  consultations: consultationsDa,
  consultationsStaff: consultationsStaffDa,
  reports: reportsDa,
  retention: retentionDa,
  kort: kortDa,
  dashboard: dashboardDa,
  dashboardReports: dashboardReportsDa,
  analysis: analysisDa,
  statusReport: statusReportDa,
  results: resultsDa,
  subscriptions: subscriptionsDa,
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
    /** The button that opens the main menu on narrow screens. */
    menu: 'Menu',
  },
  nav: {
    report: 'Meld en bekymring',
    map: 'Kort over meldinger',
    results: 'Resultater',
    surveys: 'Undersøgelser',
    consultations: 'Høringer',
    initiatives: 'Indsatser',
    events: 'Arrangementer',
    home: 'Forside',
    about: 'Om partnerskabet',
    privacy: 'Privatliv',
    accessibility: 'Tilgængelighed',
  },
  language: {
    /** The name of this locale, written in this locale (the language menu lists every locale by it). */
    name: 'Dansk',
  },
  emergency: {
    /** The phone links in every page's header. */
    short112: 'Akut fare: 112',
    short114: 'Politiet: 114',
    heading: 'Ikke en nødtjeneste',
    call112: 'Akut fare for liv, helbred eller ejendom: ring 112.',
    call114: 'Politiet i øvrigt, også for at anmelde en forbrydelse: ring 114.',
    notHere: 'Du kan ikke anmelde forbrydelser eller få akut hjælp gennem denne side.',
  },
  footer: {
    partnership: 'Partnerskabet for et trygt Indre Nørrebro',
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
      {
        heading: 'Kontakt',
        paragraphs: ['Du kan skrive til partnerskabet om indsatserne og om siden. Vil du fortælle om et utrygt sted, skal du bruge Meld en bekymring i stedet. Så kommer meldingen det rigtige sted hen.'],
        contacts: ['general', 'partners', 'dpo', 'accessibility'],
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
          'Dit svar på en høring: for hvert sted du svarer på, din holdning og om du bor, arbejder eller driver virksomhed her eller kommer her. Hvert steds svar bliver gemt for sig, uden dato og uden forbindelse til dine andre svar. Når høringen er slut, bliver kun tallene udgivet, og svarene bliver slettet. Kommentarer bliver skjult for personoplysninger og læst af en moderator, før de bliver vist.',
        ],
      },
      {
        heading: 'Cookies',
        paragraphs: [
          'Siden bruger kun cookies, der er strengt nødvendige: én der husker dine svar, mens du udfylder en undersøgelse (slettes senest efter 48 timer), én der husker det sprog, du har valgt i sprogmenuen (den indeholder kun sprogets kode, fx "ar", og gemmes i et år), én der husker, at du har svaret på en høring fra denne browser (den indeholder kun høringens nummer og slettes dagen efter, at høringen er slut), og én der holder medarbejdere logget ind. Derfor spørger vi ikke om samtykke.',
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
          'Københavns Kommune, Center for Sikker By, er dataansvarlig. Fordi svarene er anonyme, kan vi ikke finde dine egne svar frem igen. Har du spørgsmål om behandlingen af personoplysninger, eller vil du klage, kan du skrive til kommunens databeskyttelsesrådgiver. Du kan også klage til Datatilsynet.',
        ],
        contacts: ['dpo', 'general'],
      },
    ],
  },
  accessibility: {
    title: 'Tilgængelighedserklæring',
    /** The opening paragraph, as the Agency for Digital Government's WAS tool words it; `site` is the site's address. */
    intro: (site: string) =>
      `Københavns Kommune er forpligtet til at gøre sit websted tilgængeligt i overensstemmelse med lov om tilgængelighed af offentlige organers websteder og mobilapplikationer. Denne tilgængelighedserklæring gælder for Tryghed i Indre Nørrebro, ${site}.`,
    status: {
      heading: 'Overholdelsesstatus',
      text: 'Dette websted er delvist i overensstemmelse med standarden WCAG 2.1 på niveau AA, som loven kræver, på grund af de fravigelser, der er nævnt nedenfor.',
    },
    nonAccessible: {
      heading: 'Ikke-tilgængeligt indhold',
      intro: 'Indholdet nedenfor er ikke tilgængeligt af følgende grunde:',
      nonComplianceHeading: 'Manglende overholdelse af lovgivningen',
      nonCompliance: [
        'På meget smalle skærme (320 pixel bredde, eller 400 % forstørrelse) skal man scrolle sidelæns i tabellerne på siden Resultater for at se alle områderne (WCAG 1.4.10 Ombrydning). Vi arbejder på en visning, der passer til smalle skærme.',
      ],
      burdenHeading: 'Uforholdsmæssig stor byrde',
      burden: 'Vi påberåber os ikke, at det er en uforholdsmæssig stor byrde at gøre noget af indholdet tilgængeligt.',
      outOfScopeHeading: 'Indhold, der ikke er omfattet af lovgivningen',
      outOfScope:
        'Onlinekort er undtaget fra loven. Alligevel kan alt, hvad kortene bruges til, også gøres uden kort: du kan vælge et sted på en liste eller skrive det, og tallene findes også i tabeller.',
    },
    howMade: {
      heading: 'Udarbejdelse af denne tilgængelighedserklæring',
      made: 'Erklæringen blev udarbejdet den',
      updated: 'Den er senest opdateret den',
      method:
        'Vurderingen er en selvevaluering. Hver side bliver testet automatisk for WCAG 2.1 A og AA med værktøjet axe, før en ny version af siden sættes i drift, og siderne er gennemgået i en browser på en mobilskærm og en computerskærm, med og uden JavaScript.',
      built:
        'Alt på siden virker uden JavaScript. Siden kan bruges med tastatur alene, den tilpasser sig små skærme og forstørrelse, og den kan printes.',
    },
    feedback: {
      heading: 'Feedback og kontaktoplysninger',
      text: 'Oplever du noget på siden, du ikke kan bruge, eller har du brug for en oplysning i en anden form, så skriv til os. Så svarer vi dig og retter fejlen.',
    },
    enforcement: {
      heading: 'Håndhævelsesprocedure',
      text: 'Digitaliseringsstyrelsen fører tilsyn med, at offentlige organers websteder er tilgængelige. Er du ikke tilfreds med vores svar, eller får du ikke svar, kan du klage til Digitaliseringsstyrelsen.',
      link: 'Klag over et websteds tilgængelighed hos Digitaliseringsstyrelsen',
    },
  },
  /** Contact points (addresses from the configuration, README "Configuration"). */
  contact: {
    heading: 'Kontakt',
    general: 'Spørgsmål til partnerskabet eller om siden',
    dpo: 'Databeskyttelsesrådgiveren, om dine personoplysninger',
    accessibility: 'Tilgængelighed: fortæl os, hvis du ikke kan bruge noget på siden',
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
    updateRetracted: (day: string, reason: string) => `Opdateringen blev trukket tilbage den ${day}: ${reason}`,
    updateEdited: (day: string) => `Rettet den ${day} – se den tidligere ordlyd`,
    updateEarlier: (happened: string, replaced: string) => `Skrevet for ${happened}, erstattet den ${replaced}:`,
    milestones: {
      heading: 'Delmål',
      progress: (done: number, of: number) => `${done} af ${of} delmål er nået`,
      states: { planned: 'Planlagt', in_progress: 'I gang', done: 'Nået', dropped: 'Droppet' },
      doneOn: (d: string) => `nået ${d}`,
      dueOn: (d: string) => `planlagt til ${d}`,
      feedDone: (title: string) => `Delmål nået: ${title}`,
    },
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
    flag: {
      open: 'Markér kommentaren',
      intro: 'Gør redaktionen opmærksom på en kommentar, der ikke burde stå her. Vi gemmer kun, at den er markeret, og hvorfor – intet om dig.',
      reason: 'Hvorfor?',
      reasons: {
        personal: 'Den udpeger eller beskriver personer',
        offensive: 'Den er krænkende eller truende',
        crime: 'Den anmelder en forbrydelse',
        spam: 'Reklame eller spam',
        other: 'Noget andet',
      },
      submit: 'Send markering',
      done: 'Tak. Redaktionen ser på kommentaren.',
      again: 'Du har allerede markeret denne kommentar i dag. Tak – redaktionen ser på den.',
      errors: {
        unknownComment: 'Markeringen blev ikke gemt: kommentaren findes ikke på denne side, eller den er fjernet.',
        badReason: 'Markeringen blev ikke gemt: vælg en begrundelse på listen.',
        throttled: 'Markeringen blev ikke gemt: du har markeret mange kommentarer på kort tid. Vent lidt, og prøv igen.',
        flood: 'Markeringen blev ikke gemt: der bliver markeret usædvanligt mange kommentarer lige nu, så vi tager ikke imod flere i øjeblikket. Prøv igen om en time.',
      },
    },
    takenDown: (reason: string) => `Kommentaren er fjernet af redaktionen: ${reason}.`,
    takedownReasons: {
      personal: 'personoplysninger',
      offensive: 'krænkende eller truende indhold',
      crime: 'anmeldelse af en forbrydelse (ring 114)',
      spam: 'reklame eller spam',
      off_topic: 'uden for emnet',
      other: 'brud på reglerne for dialogen',
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
    /** For a question that takes one place (the report form). */
    one: {
      list: 'Vælg stedet på listen',
      listHint: 'Listen er ordnet efter område. Skriv de første bogstaver for at finde et sted.',
      none: 'Ikke på listen – jeg skriver stedet eller sætter en nål',
      heading: 'Eller sæt en nål på kortet',
      max: 'Du kan sætte én nål. Fjern den først, hvis du vil flytte den.',
      text: 'Eller skriv stedet',
    },
  },
  surveys: {
    title: 'Tryghedsundersøgelser',
    /** The start page's list of the languages a survey can be answered in. */
    offeredIn: 'Du kan svare på:',
    /** On a survey's start page when its questionnaire has no finished translation into the page's language. */
    notInLanguage: 'Spørgsmålene findes endnu ikke på dette sprog. Du kan svare på et af sprogene nedenfor.',
    /** Put before a question page's title in the browser tab when the page shows errors. */
    errorTitlePrefix: 'Fejl: ',
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
      'Du er anonym. Vi gemmer ikke din IP-adresse eller noget andet, der kan føre svarene tilbage til dig. En cookie husker dine svar, mens du udfylder (i højst 48 timer).',
    progress: (page: number, pages: number) => `Side ${page} af ${pages}`,
    required: 'skal besvares',
    next: 'Næste side',
    revealed: (n: number) => (n === 1 ? 'Dit svar har åbnet et nyt spørgsmål på siden. Besvar det, og tryk så på knappen nederst.' : `Dit svar har åbnet ${n} nye spørgsmål på siden. Besvar dem, og tryk så på knappen nederst.`),
    back: 'Forrige side',
    submit: 'Send mine svar',
    dontKnow: 'Ved ikke',
    noneOfThese: 'Ingen af disse',
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
      exclusive_answer: '«Ingen af disse», «Ved ikke» og «Vil ikke svare» kan ikke vælges sammen med andre svar.',
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
