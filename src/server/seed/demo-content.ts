/**
 * Demo initiatives and events, written in the project's own words after the
 * kinds of measures the partnership agreement plans. They describe general
 * measures only: never individuals. Clearly demo data: only seeded when demo
 * data is on.
 */
import type { EventKind, InitiativeStatus, Track } from '../../../db/schema.ts';

export interface DemoInitiative {
  titleDa: string;
  titleEn: string;
  summaryDa: string;
  summaryEn: string;
  bodyDa: string;
  bodyEn: string;
  track: Track;
  status: InitiativeStatus;
  startsOn: string;
  endsOn: string | null;
  partners: string[];
  areas: string[];
  updates: { happenedOn: string; textDa: string; textEn: string }[];
}

export const DEMO_INITIATIVES: readonly DemoInitiative[] = [
  {
    titleDa: 'Din Betjent i Indre Nørrebro',
    titleEn: 'Your local police officer in Inner Nørrebro',
    summaryDa: 'Faste nærbetjente, som beboere og butikker kender og kan tale med.',
    summaryEn: 'Dedicated community police officers whom residents and shops know and can talk to.',
    bodyDa:
      'Politiet har faste nærbetjente i Indre Nørrebro. De går ture i området, kommer i foreninger, skoler og butikker og holder åben træffetid.\n\n## Hvad kan du bruge dem til?\n\n- at fortælle om steder eller tidspunkter, der føles utrygge\n- at få råd om tryghed i din opgang eller butik\n- at komme i kontakt med andre dele af politiet\n\nNærbetjentene er ikke en nødtjeneste. Ring **112** ved akut fare og **114** i andre tilfælde.',
    bodyEn:
      'The police have dedicated community officers in Inner Nørrebro. They walk the area, visit associations, schools and shops, and hold open office hours.\n\n## What can you use them for?\n\n- telling them about places or times that feel unsafe\n- advice about safety in your building or shop\n- getting in touch with other parts of the police\n\nCommunity officers are not an emergency service. Call **112** in an emergency and **114** otherwise.',
    track: 'operational',
    status: 'active',
    startsOn: '2024-03-01',
    endsOn: null,
    partners: ['politi'],
    areas: ['indre-norrebro', 'skt-hans-torv'],
    updates: [
      { happenedOn: '2024-03-01', textDa: 'To faste nærbetjente er startet i området.', textEn: 'Two dedicated community officers started in the area.' },
      { happenedOn: '2025-09-15', textDa: 'Træffetid hver tirsdag i beboerhuset er udvidet med en time.', textEn: 'Tuesday office hours at the community house extended by one hour.' },
    ],
  },
  {
    titleDa: 'Opsøgende arbejde blandt unge',
    titleEn: 'Outreach to young people',
    summaryDa: 'Gadeplansmedarbejdere møder unge, hvor de er, om aftenen og i weekenden.',
    summaryEn: 'Street-level youth workers meet young people where they are, in the evenings and at weekends.',
    bodyDa:
      'Kommunens gadeplansmedarbejdere er til stede på pladser, i parker og online, hvor unge er. De skaber kontakt og hjælper videre til fritidsjob, klubber og uddannelse.\n\nRekruttering af meget unge til kriminalitet sker i stigende grad gennem sociale medier. Medarbejderne arbejder derfor også med forældre og skoler om, hvordan man taler med børn om det.',
    bodyEn:
      'The city’s street-level workers are present in squares, parks and online, where young people are. They make contact and help with leisure jobs, clubs and education.\n\nRecruitment of very young people into crime increasingly happens through social media. The workers therefore also work with parents and schools on how to talk with children about it.',
    track: 'preventive',
    status: 'active',
    startsOn: '2024-01-15',
    endsOn: null,
    partners: ['ssp', 'center-for-sikker-by'],
    areas: ['indre-norrebro'],
    updates: [
      { happenedOn: '2025-05-20', textDa: 'Forældremøder om sociale medier holdt på tre skoler.', textEn: 'Parent meetings about social media held at three schools.' },
    ],
  },
  {
    titleDa: 'SSP-støtte til job og uddannelse',
    titleEn: 'SSP support for jobs and education',
    summaryDa: 'Unge, der er på vej ud i kriminalitet, får hjælp til at komme i gang med job eller uddannelse.',
    summaryEn: 'Young people at risk of crime get help to start a job or an education.',
    bodyDa:
      'SSP København (skole, socialforvaltning og politi) tilbyder unge en fast kontaktperson og hjælp til praktik, fritidsjob og uddannelse. Indsatsen er frivillig og foregår i samarbejde med familien.\n\nArbejdet med den enkelte er fortroligt og foregår ikke på denne side.',
    bodyEn:
      'SSP Copenhagen (schools, social services and police) offers young people a dedicated contact person and help with internships, leisure jobs and education. Taking part is voluntary and happens together with the family.\n\nWork with individuals is confidential and does not happen on this site.',
    track: 'social',
    status: 'active',
    startsOn: '2024-02-01',
    endsOn: null,
    partners: ['ssp'],
    areas: ['indre-norrebro'],
    updates: [],
  },
  {
    titleDa: 'Exitprogrammer',
    titleEn: 'Exit programmes',
    summaryDa: 'Hjælp til dem, der vil ud af et kriminelt miljø.',
    summaryEn: 'Help for people who want to leave a criminal environment.',
    bodyDa:
      'Politi og kommune tilbyder exitforløb med hjælp til bolig, job, uddannelse og behandling for dem, der ønsker at forlade et kriminelt miljø.\n\nVil du vide mere for dig selv eller en pårørende, kan du kontakte kommunen eller politiet på 114.',
    bodyEn:
      'The police and the city offer exit programmes with help with housing, work, education and treatment for people who want to leave a criminal environment.\n\nTo learn more for yourself or a relative, contact the city or the police on 114.',
    track: 'social',
    status: 'active',
    startsOn: '2024-01-01',
    endsOn: null,
    partners: ['politi', 'center-for-sikker-by'],
    areas: ['indre-norrebro', 'skt-hans-torv', 'ydre-norrebro'],
    updates: [],
  },
  {
    titleDa: 'Borgerdialog i områdefornyelsen',
    titleEn: 'Citizen dialogue in the area renewal',
    summaryDa: 'Beboere er med til at bestemme, hvordan gader, pladser og belysning skal forbedres.',
    summaryEn: 'Residents help decide how streets, squares and lighting are improved.',
    bodyDa:
      'Områdefornyelsen Indre Nørrebro holder tryghedsvandringer og borgermøder, hvor beboere peger på steder, der kan gøres bedre: mørke passager, uoverskuelige hjørner og pladser uden liv.\n\nForslagene bliver samlet og brugt i planerne for byrummet.',
    bodyEn:
      'The Inner Nørrebro area renewal office holds safety walks and citizen meetings where residents point out places that can be improved: dark passages, confusing corners and squares without life.\n\nThe suggestions are collected and used in the plans for public spaces.',
    track: 'urban_renewal',
    status: 'active',
    startsOn: '2024-04-01',
    endsOn: '2027-12-31',
    partners: ['omraadefornyelsen'],
    areas: ['indre-norrebro'],
    updates: [
      { happenedOn: '2024-10-03', textDa: 'Første tryghedsvandring med 40 deltagere.', textEn: 'First safety walk with 40 participants.' },
      { happenedOn: '2025-11-10', textDa: 'Ny belysning sat op i to passager efter beboernes forslag.', textEn: 'New lighting installed in two passages following residents’ suggestions.' },
    ],
  },
  {
    titleDa: 'Fokuseret indsats ved Skt. Hans Torv mod åbent hashsalg',
    titleEn: 'Focused effort at Skt. Hans Torv against open cannabis dealing',
    summaryDa: 'Mere synligt politi og bedre byrum, så handel ikke bare flytter fra Indre Nørrebro.',
    summaryEn: 'More visible policing and better public space, so dealing does not just move from Inner Nørrebro.',
    bodyDa:
      'Når indsatsen i Indre Nørrebro virker, kan problemerne flytte til naboområderne. Politiet har derfor en fokuseret indsats ved Skt. Hans Torv, og kommunen følger udviklingen med tryghedsmålinger og meldinger fra beboere og erhvervsdrivende.',
    bodyEn:
      'When the effort in Inner Nørrebro works, problems can move to neighbouring areas. The police therefore run a focused effort at Skt. Hans Torv, and the city follows developments with safety surveys and reports from residents and businesses.',
    track: 'operational',
    status: 'active',
    startsOn: '2025-01-10',
    endsOn: null,
    partners: ['politi', 'center-for-sikker-by'],
    areas: ['skt-hans-torv'],
    updates: [],
  },
  {
    titleDa: 'Registrering af kameraer i POLCAM',
    titleEn: 'Registering cameras in POLCAM',
    summaryDa: 'Butikker og foreninger skal registrere kameraer, der filmer gaden, så politiet ved, hvor der kan være optagelser.',
    summaryEn: 'Shops and associations must register cameras that film the street, so the police know where recordings may exist.',
    bodyDa:
      'POLCAM er politiets register over kameraer. Virksomheder, foreninger og myndigheder skal registrere kameraer, der filmer offentlige områder; private kan gøre det frivilligt. Politiet får ikke adgang til kameraerne, men ved, hvem de kan spørge om optagelser efter en forbrydelse. Læs mere på siden om private kameraer under Erhverv.',
    bodyEn:
      'POLCAM is the police’s register of cameras. Businesses, associations and authorities must register cameras that film public space; private persons may do so voluntarily. The police get no access to the cameras, but know whom to ask for recordings after a crime. Read more on the page about private cameras under Businesses.',
    track: 'investigative',
    status: 'planned',
    startsOn: '2026-02-01',
    endsOn: null,
    partners: ['politi'],
    areas: ['indre-norrebro', 'skt-hans-torv'],
    updates: [],
  },
];

export interface DemoEvent {
  kind: EventKind;
  titleDa: string;
  titleEn: string;
  descriptionDa: string;
  descriptionEn: string;
  place: string;
  lat: number | null;
  lon: number | null;
  /** Days from the seed date, and the local start hour. */
  dayOffset: number;
  hour: number;
  durationHours: number;
  area: string;
  partner: string;
  initiativeIndex: number | null;
}

export const DEMO_EVENTS: readonly DemoEvent[] = [
  {
    kind: 'safety_walk',
    titleDa: 'Tryghedsvandring omkring Blågårds Plads',
    titleEn: 'Safety walk around Blågårds Plads',
    descriptionDa: 'Vi går en tur i området og ser på belysning, passager og pladser. Alle er velkomne; turen varer cirka halvanden time.',
    descriptionEn: 'We walk around the area looking at lighting, passages and squares. Everyone is welcome; the walk takes about an hour and a half.',
    place: 'Blågårds Plads, ved springvandet',
    lat: 55.6864,
    lon: 12.5572,
    dayOffset: 14,
    hour: 19,
    durationHours: 1.5,
    area: 'indre-norrebro',
    partner: 'omraadefornyelsen',
    initiativeIndex: 4,
  },
  {
    kind: 'citizen_meeting',
    titleDa: 'Borgermøde om tryghed i Indre Nørrebro',
    titleEn: 'Citizen meeting on safety in Inner Nørrebro',
    descriptionDa: 'Politi og kommune fortæller om indsatserne og svarer på spørgsmål. Der er tolkning til engelsk og arabisk.',
    descriptionEn: 'The police and the city present the initiatives and answer questions. Interpreting into English and Arabic is available.',
    place: 'Blågårds Bibliotek, Blågårds Plads 5',
    lat: 55.6866,
    lon: 12.5575,
    dayOffset: 30,
    hour: 18,
    durationHours: 2,
    area: 'indre-norrebro',
    partner: 'center-for-sikker-by',
    initiativeIndex: null,
  },
  {
    kind: 'office_hours',
    titleDa: 'Træffetid med nærbetjentene',
    titleEn: 'Office hours with the community officers',
    descriptionDa: 'Kom forbi og tal med områdets nærbetjente. Ingen tidsbestilling.',
    descriptionEn: 'Drop in and talk to the area’s community officers. No appointment needed.',
    place: 'Beboerhuset, Blågårdsgade',
    lat: null,
    lon: null,
    dayOffset: 7,
    hour: 15,
    durationHours: 2,
    area: 'indre-norrebro',
    partner: 'politi',
    initiativeIndex: 0,
  },
  {
    kind: 'safety_walk',
    titleDa: 'Tryghedsvandring ved Skt. Hans Torv',
    titleEn: 'Safety walk at Skt. Hans Torv',
    descriptionDa: 'Tryghedsvandring med beboere og erhvervsdrivende omkring torvet.',
    descriptionEn: 'Safety walk with residents and businesses around the square.',
    place: 'Skt. Hans Torv',
    lat: 55.6908,
    lon: 12.5607,
    dayOffset: -20,
    hour: 19,
    durationHours: 1.5,
    area: 'skt-hans-torv',
    partner: 'omraadefornyelsen',
    initiativeIndex: 5,
  },
];
