/**
 * Somali strings for e-mail subscriptions (same shape as subscriptions-da.ts).
 * Translated by the team, not yet reviewed by a native speaker: see README "Languages".
 */
import type { SubscriptionsMessages } from './subscriptions-da.ts';

export const subscriptionsSo: SubscriptionsMessages = {
  title: 'Wararka ku hel iimayl',
  intro:
    'Hel hal iimayl oo wax walba isku haya, ugu badnaan hal mar maalintii, marka ay jiraan war cusub: dadaallo cusub iyo cusboonaysiin ku saabsan aag, war ku saabsan hal dadaal, munaasabado cusub, ama natiijooyinka la daabacay ee sahannada nabadgelyada.',
  privacy:
    'Ciwaanka iimaylkaaga waxaan u isticmaalnaa oo keliya arrintan. Waxaa lagu kaydiyaa si sir ah, waxaana la tirtiraa marka aad ka baxdo (iimayl kasta wuxuu leeyahay xiriiriye lagaga baxo). Haddii aadan xaqiijin maalin gudaheed, sidoo kale waa la tirtiraa (ugu dambayn 48 saacadood kadib).',
  formHeading: 'Iska diiwaangeli wararka',
  embedHeading: 'Wararka ku hel iimayl',
  topicLegend: 'Maxaad rabtaa in lagaala socodsiiyo?',
  topics: {
    area: 'Dadaallo cusub iyo cusboonaysiin ku saabsan aag',
    initiative: 'Warar ku saabsan dadaalkan',
    events: 'Munaasabado cusub',
    results: 'Natiijooyin cusub oo sahannada nabadgelyada ah',
  },
  area: 'Aagga',
  chooseArea: 'Dooro aag',
  email: 'Ciwaanka iimaylkaaga',
  emailHint: 'Waxaad heli doontaa iimayl leh xiriiriye aad riixayso si aad u xaqiijiso.',
  submit: 'Iska diiwaangeli',
  honeypot: 'Meeshan bannaan u daa',
  sentHeading: 'Eeg iimaylkaaga',
  sent: 'Haddii ciwaanku iimayl heli karo, dhawaan waxaad heli doontaa iimayl leh xiriiriye. Is-diiwaangelintu waxay bilaabataa oo keliya marka aad riixdo xiriiriyaha oo aad xaqiijiso. Xiriiriyuhu wuxuu shaqaynayaa ugu yaraan 24 saacadood.',
  more: 'Eeg wax kasta oo aad iska diiwaangelin karto',
  errors: {
    emailMissing: 'Qor ciwaanka iimaylkaaga.',
    emailInvalid: 'Ciwaanka iimaylku uma eka mid sax ah. U qor sidan: magac@tusaale.dk.',
    topicMissing: 'Dooro waxa aad rabto in lagaala socodsiiyo.',
    areaMissing: 'Dooro aag.',
    unknownTarget: 'Waxa aad isku dayday inaad iska diiwaangeliso ma jiro (ama hadda ma jiro). Fadlan mar kale dooro.',
    throttled: 'Waxaad codsatay is-diiwaangelin badan waqti gaaban gudihiis. Fadlan wax yar sug oo isku day mar kale.',
    flood: 'Hadda waxaa la codsanayaa is-diiwaangelin aad u badan oo aan caadi ahayn, sidaas darteed waan hakinaynaa. Fadlan isku day mar kale saacad kadib.',
    errorSummary: 'Wax baa u baahan in la saxo:',
  },
  confirm: {
    title: 'Xaqiiji is-diiwaangelintaada',
    intro: (what: string): string => `Waxaad ku dhowdahay inaad iska diiwaangeliso: ${what}.`,
    button: 'Xaqiiji is-diiwaangelinta',
    doneTitle: 'Is-diiwaangelintaada waa la xaqiijiyey',
    done: (what: string): string => `Hadda waxaad heli doontaa hal iimayl oo wax walba isku haya marka ay jiraan warar cusub oo ku saabsan: ${what}. Iimayl kasta wuxuu leeyahay xiriiriye aad kaga bixi karto.`,
    alreadyTitle: 'Is-diiwaangelinta horey ayaa loo xaqiijiyey',
    already: 'Horey ayaad u xaqiijisay is-diiwaangelintan. Wax kale uma baahnid inaad samayso.',
    expiredTitle: 'Xiriiriyaha waqtigiisii wuu dhacay',
    expired: 'Xiriiriyahu waa duug, ciwaanka iimaylkaagana hadda waa la tirtiray. Mar kale ayaad iska diiwaangelin kartaa si aad u hesho xiriiriye cusub.',
    unknownTitle: 'Xiriiriyahu ma shaqaynayo',
    unknown: 'Xiriiriyaha lama yaqaan: waxaa laga yaabaa in si khaldan loo qoray, ama is-diiwaangelinta waa la joojiyey ama waqtigeedii waa dhacay, sidaas darteed waa la tirtiray. Mar kale ayaad iska diiwaangelin kartaa.',
    again: 'Mar kale iska diiwaangeli',
  },
  unsubscribe: {
    title: 'Ka bax is-diiwaangelinta',
    intro: (what: string): string => `Ma rabtaa inaad ka baxdo is-diiwaangelinta: ${what}? Ciwaanka iimaylkaaga waa la tirtiri doonaa.`,
    button: 'Ka bax',
    doneTitle: 'Waad ka baxday',
    done: 'Is-diiwaangelinta iyo ciwaanka iimaylkaaga waa la tirtiray. Naga heli maysid iimayl kale oo arrintaas ku saabsan.',
    unknownTitle: 'Xiriiriyahu ma shaqaynayo',
    unknown: 'Xiriiriyaha ka-bixitaanka lama yaqaan: ama horey ayaad uga baxday (ciwaankaagana waa la tirtiray), ama xiriiriyaha si khaldan ayaa loo qoray.',
    throttled: 'Xiriiriyeyaal badan oo aan la aqoon ayaa halkan laga isku dayay waqti gaaban gudihiis. Fadlan wax yar sug oo isku day mar kale.',
  },
  what: {
    area: (name: string): string => `dadaallo cusub iyo cusboonaysiin ku saabsan ${name}`,
    initiative: (title: string): string => `dadaalka “${title}”`,
    events: 'munaasabado cusub',
    results: 'natiijooyin cusub oo sahannada nabadgelyada ah',
  },
  mail: {
    confirmSubject: 'Xaqiiji is-diiwaangelintaada – Nabadgelyada Indre Nørrebro',
    confirmBody: (what: string, url: string): string =>
      [
        `Qof (waxaan rajaynaynaa inaad adigu tahay) ayaa codsaday warar iimayl ah oo ku saabsan: ${what}.`,
        '',
        'Riix xiriiriyaha si aad u xaqiijiso (wuxuu shaqaynayaa ugu yaraan 24 saacadood):',
        url,
        '',
        'Haddii aadan codsan, waxba ha samayn: xaqiijin la’aan waxaan tirtiraynaa ciwaanka 48 saacadood gudahood, mar dambena nagama maqli doontid.',
      ].join('\n'),
    alreadySubject: 'Horey ayaad u diiwaangashan tahay',
    alreadyBody: (what: string): string =>
      [`Qof (waxaan rajaynaynaa inaad adigu tahay) ayaa codsaday warar iimayl ah oo ku saabsan: ${what}.`, '', 'Horey ayaad ugu diiwaangashan tahay, sidaas darteed waxba uma baahnid inaad samayso.'].join('\n'),
    digestSubject: (n: number): string => `War cusub oo ka yimid Nabadgelyada Indre Nørrebro: ${n === 1 ? 'hal war' : `${n} war`}`,
    digestIntro: (what: string): string => `Waa kuwan waxyaabaha cusub tan iyo markii ugu dambeysay, ee ku saabsan: ${what}.`,
    items: {
      initiative: 'Dadaal cusub',
      update: 'Cusboonaysiin',
      milestone: 'Tallaabo muhiim ah ayaa la gaaray',
      event: 'Munaasabad cusub',
      results: 'Natiijooyin la daabacay',
      consultation: 'La-tashi cusub',
      decision: 'Go’aan ka dib la-tashi',
    },
    footer: (url: string): string =>
      ['—', 'Waxaad helaysaa iimaylkan sababtoo ah waxaad iska diiwaangelisay Nabadgelyada Indre Nørrebro. Ciwaanka waxaan u isticmaalnaa oo keliya arrintan.', `Hal riix ku ka bax: ${url}`].join('\n'),
  },
};
