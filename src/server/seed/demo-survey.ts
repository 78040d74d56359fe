/**
 * The seeded perceived-safety questionnaire (Danish and English, in the
 * project's own words) and two waves with synthetic demo responses, marked
 * `demo`, so the dashboard has something to show. Never real answers.
 */
import type { QuestionType, ResponseChannel, ShowIf, SurveyMode } from '../../../db/schema.ts';

type L = { value: string; da: string; en: string };
const o = (value: string, da: string, en: string): L => ({ value, da, en });

export const SAFETY_OPTIONS: L[] = [
  o('very_safe', 'Meget tryg', 'Very safe'),
  o('safe', 'Tryg', 'Safe'),
  o('neither', 'Hverken tryg eller utryg', 'Neither safe nor unsafe'),
  o('unsafe', 'Utryg', 'Unsafe'),
  o('very_unsafe', 'Meget utryg', 'Very unsafe'),
];

export const PROBLEM_ITEMS: L[] = [
  o('drug_dealing', 'Åbent salg af hash og andre stoffer', 'Open dealing of cannabis and other drugs'),
  o('youth_groups', 'Grupper af unge, der skaber utryghed', 'Groups of young people creating unease'),
  o('gang_conflict', 'Bandekonflikten og skyderier', 'The gang conflict and shootings'),
  o('threats', 'Trusler og råben', 'Threats and shouting'),
  o('violence', 'Vold', 'Violence'),
  o('vandalism', 'Hærværk og graffiti', 'Vandalism and graffiti'),
  o('reckless_driving', 'Vanvidskørsel', 'Reckless driving'),
  o('poor_lighting', 'Dårlig belysning', 'Poor lighting'),
  o('littering', 'Affald og forfald', 'Litter and neglect'),
];

export const PROBLEM_SCALE: L[] = [
  o('none', 'Intet problem', 'No problem'),
  o('small', 'Et lille problem', 'A small problem'),
  o('some', 'Et vist problem', 'Some problem'),
  o('big', 'Et stort problem', 'A big problem'),
];

export interface SeedQuestion {
  key: string;
  type: QuestionType;
  textDa: string;
  textEn: string;
  helpDa?: string;
  helpEn?: string;
  required?: boolean;
  allowDontKnow?: boolean;
  allowPreferNot?: boolean;
  config: Record<string, unknown>;
  showIf?: ShowIf;
}

export interface SeedPage {
  titleDa: string;
  titleEn: string;
  questions: SeedQuestion[];
}

export const QUESTIONNAIRE: SeedPage[] = [
  {
    titleDa: 'Dit nabolag',
    titleEn: 'Your neighbourhood',
    questions: [
      {
        key: 'area',
        type: 'area',
        textDa: 'Hvilket område bor eller arbejder du i?',
        textEn: 'Which area do you live or work in?',
        required: true,
        config: {},
      },
      {
        key: 'safety_general',
        type: 'single',
        textDa: 'Hvor tryg eller utryg føler du dig generelt i dit nabolag?',
        textEn: 'In general, how safe or unsafe do you feel in your neighbourhood?',
        required: true,
        allowDontKnow: true,
        config: { options: SAFETY_OPTIONS },
      },
    ],
  },
  {
    titleDa: 'Om aftenen og om natten',
    titleEn: 'In the evening and at night',
    questions: [
      {
        key: 'safety_evening',
        type: 'single',
        textDa: 'Hvor tryg eller utryg føler du dig, når du går alene i dit nabolag om aftenen?',
        textEn: 'How safe or unsafe do you feel walking alone in your neighbourhood in the evening?',
        required: true,
        allowDontKnow: true,
        config: { options: SAFETY_OPTIONS },
      },
      {
        key: 'safety_night',
        type: 'single',
        textDa: 'Og om natten?',
        textEn: 'And at night?',
        required: true,
        allowDontKnow: true,
        config: { options: SAFETY_OPTIONS },
      },
    ],
  },
  {
    titleDa: 'Problemer i nabolaget',
    titleEn: 'Problems in the neighbourhood',
    questions: [
      {
        key: 'problems',
        type: 'matrix',
        textDa: 'Hvor stort et problem er hvert af disse i dit nabolag?',
        textEn: 'How big a problem is each of these in your neighbourhood?',
        required: true,
        allowDontKnow: true,
        config: { items: PROBLEM_ITEMS, options: PROBLEM_SCALE },
      },
    ],
  },
  {
    titleDa: 'Steder',
    titleEn: 'Places',
    questions: [
      {
        key: 'avoids_places',
        type: 'single',
        textDa: 'Er der steder i dit nabolag, som du undgår, fordi du føler dig utryg?',
        textEn: 'Are there places in your neighbourhood that you avoid because you feel unsafe?',
        required: true,
        config: { options: [o('yes', 'Ja', 'Yes'), o('no', 'Nej', 'No')] },
      },
      {
        key: 'unsafe_places',
        type: 'places',
        textDa: 'Markér op til tre steder, hvor du føler dig utryg.',
        textEn: 'Mark up to three places where you feel unsafe.',
        helpDa: 'Vælg steder fra listen, eller skriv et sted.',
        helpEn: 'Choose places from the list, or type a place.',
        config: { max: 3 },
        showIf: { question: 'avoids_places', anyOf: ['yes'] },
      },
      {
        key: 'avoid_why',
        type: 'text',
        textDa: 'Fortæl gerne, hvad der gør stederne utrygge.',
        textEn: 'If you like, tell us what makes these places feel unsafe.',
        helpDa: 'Skriv ikke navne eller andet, der kan udpege personer.',
        helpEn: 'Do not write names or anything else that could identify people.',
        config: { maxLength: 1000 },
        showIf: { question: 'avoids_places', anyOf: ['yes'] },
      },
    ],
  },
  {
    titleDa: 'Bekymring og tillid',
    titleEn: 'Worry and trust',
    questions: [
      {
        key: 'worry_victim',
        type: 'scale',
        textDa: 'Hvor bekymret er du for selv at blive udsat for kriminalitet i dit nabolag?',
        textEn: 'How worried are you about becoming a victim of crime in your neighbourhood?',
        required: true,
        allowDontKnow: true,
        config: { points: 7, lowDa: 'Slet ikke bekymret', lowEn: 'Not at all worried', highDa: 'Meget bekymret', highEn: 'Very worried' },
      },
      {
        key: 'trust_police',
        type: 'scale',
        textDa: 'Hvis du fik brug for det, i hvilken grad tror du så, at politiet ville hjælpe dig?',
        textEn: 'If you needed it, how far do you believe the police would help you?',
        required: true,
        allowDontKnow: true,
        config: { points: 7, lowDa: 'Slet ikke', lowEn: 'Not at all', highDa: 'I meget høj grad', highEn: 'To a very great extent' },
      },
      {
        key: 'trust_municipality',
        type: 'scale',
        textDa: 'Og i hvilken grad tror du, at kommunen ville hjælpe dig?',
        textEn: 'And how far do you believe the city would help you?',
        required: true,
        allowDontKnow: true,
        config: { points: 7, lowDa: 'Slet ikke', lowEn: 'Not at all', highDa: 'I meget høj grad', highEn: 'To a very great extent' },
      },
      {
        key: 'aware_initiatives',
        type: 'multi',
        textDa: 'Hvilke af partnerskabets indsatser har du hørt om?',
        textEn: 'Which of the partnership’s initiatives have you heard of?',
        config: {
          options: [
            o('community_officers', 'Nærbetjente (Din Betjent)', 'Community police officers'),
            o('outreach', 'Opsøgende arbejde blandt unge', 'Outreach to young people'),
            o('area_renewal', 'Områdefornyelsens borgerdialog', 'The area renewal’s citizen dialogue'),
            o('safety_walks', 'Tryghedsvandringer', 'Safety walks'),
            o('skt_hans_effort', 'Indsatsen ved Skt. Hans Torv', 'The effort at Skt. Hans Torv'),
          ],
          noneOption: true,
        },
      },
    ],
  },
  {
    titleDa: 'Om dig',
    titleEn: 'About you',
    questions: [
      {
        key: 'age_band',
        type: 'single',
        textDa: 'Hvor gammel er du?',
        textEn: 'How old are you?',
        allowPreferNot: true,
        config: {
          options: [
            o('15_24', '15–24 år', '15–24'),
            o('25_34', '25–34 år', '25–34'),
            o('35_44', '35–44 år', '35–44'),
            o('45_54', '45–54 år', '45–54'),
            o('55_64', '55–64 år', '55–64'),
            o('65_74', '65–74 år', '65–74'),
            o('75_plus', '75 år eller derover', '75 or over'),
          ],
        },
      },
      {
        key: 'gender',
        type: 'single',
        textDa: 'Hvilket køn er du?',
        textEn: 'What is your gender?',
        allowPreferNot: true,
        config: { options: [o('woman', 'Kvinde', 'Woman'), o('man', 'Mand', 'Man'), o('other', 'Andet', 'Other')] },
      },
      {
        key: 'relation',
        type: 'multi',
        textDa: 'Hvad er din tilknytning til området?',
        textEn: 'What is your connection to the area?',
        helpDa: 'Vælg alt, der passer.',
        helpEn: 'Choose all that apply.',
        config: {
          options: [
            o('resident', 'Jeg bor her', 'I live here'),
            o('works', 'Jeg arbejder her', 'I work here'),
            o('business', 'Jeg driver en virksomhed her', 'I run a business here'),
            o('visitor', 'Jeg kommer her som besøgende', 'I visit'),
          ],
        },
      },
      {
        key: 'years_in_area',
        type: 'number',
        textDa: 'Hvor mange år har du boet eller arbejdet i området?',
        textEn: 'How many years have you lived or worked in the area?',
        allowDontKnow: true,
        config: { min: 0, max: 100, integer: true },
      },
    ],
  },
];

/** A small deterministic random generator, so the demo data is the same on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks a value by weights. */
export function weighted<T extends string>(rand: () => number, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [v, w] of entries) {
    r -= w;
    if (r <= 0) return v;
  }
  return entries[entries.length - 1]![0];
}

/**
 * A synthetic response's channel, as letters with a code and an open link
 * typically bring them in: about one in eight on paper (the letter offers it),
 * and in a wave with both codes and an open link about a quarter through the link.
 */
export function demoChannel(rand: () => number, mode: SurveyMode): ResponseChannel {
  if (rand() < 0.12) return 'paper';
  if (mode === 'invitation') return 'invitation';
  if (mode === 'open') return 'open';
  return rand() < 0.72 ? 'invitation' : 'open';
}
