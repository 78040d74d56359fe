/**
 * Demo consultations (README "Consultations"): one open now on safety
 * cameras, and one on lighting that closed a month ago with answers, so its
 * released results and the partners' decisions can be seen. Demo answers go
 * through the same code as residents' (storeConsultationResponse), on a day
 * inside the consultation's period.
 */
import { asc, eq } from 'drizzle-orm';
import { consultationPlaces, REPORTER_TYPES, type Stance } from '../../../db/schema.ts';
import { SCALE_STANCES } from '../../lib/consultations.ts';
import { copenhagenDay } from '../../lib/time.ts';
import type { Queryable } from '../db/connection.ts';
import { addConsultationPlace, createConsultation, publishDecisions, releaseClosedConsultation, setConsultationState, storeConsultationResponse, type PlaceInput } from '../consultations/consultations.ts';

const dayOffset = (now: Date, days: number) => copenhagenDay(new Date(now.getTime() + days * 86_400_000));

const CAMERA_PLACES: PlaceInput[] = [
  {
    nameDa: 'Blågårds Plads, mod Blågårdsgade',
    nameEn: 'Blågårds Plads, towards Blågårdsgade',
    descriptionDa: 'Et kamera på lygtepælen ved pladsens nordøstlige hjørne, der filmer pladsen, men ikke boligernes vinduer.',
    descriptionEn: 'A camera on the lamp post at the north-east corner of the square, filming the square but not the windows of the homes.',
    lat: 55.6866,
    lon: 12.5577,
    illustration: 'camera',
  },
  {
    nameDa: 'Folkets Park, ved indgangen fra Stengade',
    nameEn: 'Folkets Park, at the entrance from Stengade',
    descriptionDa: 'Et kamera ved indgangen til parken, der kun filmer stien ind i parken.',
    descriptionEn: 'A camera at the entrance to the park, filming only the path into the park.',
    lat: 55.6884,
    lon: 12.5562,
    illustration: 'camera',
  },
  {
    nameDa: 'Korsgade ved Peblinge Dossering',
    nameEn: 'Korsgade by Peblinge Dossering',
    descriptionDa: 'Et kamera på hjørnet, hvor mange går forbi om aftenen.',
    descriptionEn: 'A camera on the corner where many people pass in the evening.',
    lat: 55.6846,
    lon: 12.5585,
    illustration: 'camera',
  },
];

const LIGHT_PLACES: PlaceInput[] = [
  {
    nameDa: 'Passagen bag skolen ved Blågårdsgade',
    nameEn: 'The passage behind the school by Blågårdsgade',
    descriptionDa: 'Nye lamper i hele passagens længde, der lyser ned på stien og ikke ind i lejlighederne.',
    descriptionEn: 'New lamps along the whole passage, shining down on the path and not into the flats.',
    lat: 55.6876,
    lon: 12.5585,
    illustration: 'lighting',
  },
  {
    nameDa: 'Stien langs Assistens Kirkegård, Kapelvej',
    nameEn: 'The path along Assistens Cemetery, Kapelvej',
    descriptionDa: 'Lys på stien langs kirkegårdsmuren fra Kapelvej til Nørrebrogade.',
    descriptionEn: 'Lighting on the path along the cemetery wall from Kapelvej to Nørrebrogade.',
    lat: 55.6889,
    lon: 12.5499,
    illustration: 'path',
  },
];

/** How the demo's residents answered the lighting consultation: per respondent type, how many of each stance per place. */
const LIGHT_ANSWERS: { respondent: (typeof REPORTER_TYPES)[number]; count: number; stances: [Stance, Stance] }[] = [
  { respondent: 'resident', count: 24, stances: ['for', 'for'] },
  { respondent: 'resident', count: 7, stances: ['against', 'for'] },
  { respondent: 'resident', count: 6, stances: ['for', 'no_opinion'] },
  { respondent: 'business', count: 6, stances: ['for', 'against'] },
  { respondent: 'works_here', count: 2, stances: ['for', 'for'] },
  { respondent: 'visitor', count: 5, stances: ['no_opinion', 'for'] },
];

export async function seedDemoConsultations(
  tx: Queryable,
  context: { areaId: number; initiativeId: number | null; editor: number | null; now: Date; privacyK: number },
): Promise<void> {
  const { areaId, initiativeId, editor, now, privacyK } = context;

  const cameras = await createConsultation(
    tx,
    {
      titleDa: 'Tryghedskameraer: hvor, og hvor ikke?',
      titleEn: 'Safety cameras: where, and where not?',
      summaryDa: 'Kommunen og politiet overvejer tre kameraer i Indre Nørrebro. Sig din mening om hvert sted.',
      summaryEn: 'The city and the police are considering three cameras in Inner Nørrebro. Give your view on each place.',
      bodyDa:
        'Politikredsrådet har bedt kommunen undersøge flere tryghedskameraer. Før noget besluttes, vil vi gerne høre dig om de tre steder, der er foreslået.\n\nKameraerne filmer kun offentlige områder, optagelserne slettes efter 30 dage, og alle kameraer registreres i politiets kameraregister, POLCAM.',
      bodyEn:
        'The police district council has asked the city to look into more safety cameras. Before anything is decided, we would like to hear from you about the three proposed places.\n\nThe cameras film only public space, recordings are deleted after 30 days, and every camera is registered in the police camera register, POLCAM.',
      areaId,
      initiativeId,
      scale: 'stance',
      opensOn: dayOffset(now, -7),
      closesOn: dayOffset(now, 21),
    },
    editor,
  );
  for (const place of CAMERA_PLACES) await addConsultationPlace(tx, cameras.id, place, editor, dayOffset(now, -30));
  await setConsultationState(tx, cameras.id, 'published', editor);

  const opensOn = dayOffset(now, -60);
  const lighting = await createConsultation(
    tx,
    {
      titleDa: 'Bedre lys i to mørke passager',
      titleEn: 'Better lighting in two dark passages',
      summaryDa: 'Områdefornyelsen foreslog nyt lys to steder. Her er, hvad I svarede, og hvad vi besluttede.',
      summaryEn: 'The area renewal office proposed new lighting in two places. Here is what you answered and what we decided.',
      bodyDa: 'Mange har fortalt, at passagerne er mørke og utrygge om vinteren. Vi foreslog nyt lys to steder.',
      bodyEn: 'Many have told us that the passages are dark and feel unsafe in winter. We proposed new lighting in two places.',
      areaId,
      initiativeId,
      scale: 'stance',
      opensOn,
      closesOn: dayOffset(now, -30),
    },
    editor,
  );
  for (const place of LIGHT_PLACES) await addConsultationPlace(tx, lighting.id, place, editor, dayOffset(now, -90));
  await setConsultationState(tx, lighting.id, 'published', editor, dayOffset(now, -90));
  const [passage, path] = (
    await tx.select({ id: consultationPlaces.id }).from(consultationPlaces).where(eq(consultationPlaces.consultationId, lighting.id)).orderBy(asc(consultationPlaces.position))
  ).map((p) => p.id);
  if (passage === undefined || path === undefined) throw new Error('demo lighting places missing');
  const allowed = SCALE_STANCES.stance;
  for (const a of LIGHT_ANSWERS) {
    if (!a.stances.every((s) => allowed.includes(s))) throw new Error('demo stance outside the scale');
    for (let i = 0; i < a.count; i++) {
      await storeConsultationResponse(
        tx,
        lighting.id,
        { respondent: a.respondent, stances: [{ placeId: passage, stance: a.stances[0] }, { placeId: path, stance: a.stances[1] }], comments: [] },
        'da',
        dayOffset(now, -45),
      );
    }
  }
  // Released the day after it closed, as the hourly job would have; decided ten days later.
  await releaseClosedConsultation(tx, lighting.id, privacyK, new Date(now.getTime() - 29 * 86_400_000));
  await publishDecisions(
    tx,
    lighting.id,
    {
      noteDa: 'Tak til alle, der svarede. De fleste ønskede lys begge steder, men de erhvervsdrivende langs kirkegården var bekymrede for lys i butiksvinduerne.',
      noteEn: 'Thank you to everyone who answered. Most wanted lighting in both places, but the businesses along the cemetery were worried about light in their shop windows.',
      places: [
        { placeId: passage, outcome: 'adopted', reasonDa: 'Et klart flertal var for. Lamperne sættes op i foråret.', reasonEn: 'A clear majority was for it. The lamps go up in the spring.' },
        {
          placeId: path,
          outcome: 'changed',
          reasonDa: 'Lamperne bliver lavere og afskærmede, så de ikke lyser ind i butikkerne.',
          reasonEn: 'The lamps will be lower and shielded, so they do not shine into the shops.',
        },
      ],
    },
    editor,
    dayOffset(now, -20),
  );
}
