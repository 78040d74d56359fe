/**
 * Somali strings for consultations (same shape as consultations-da.ts).
 * Translated by the team, not yet reviewed by a native speaker: see README "Languages".
 */
import type { ConsultationsMessages } from './consultations-da.ts';

// After a number Somali uses the counted form ("3 qof", "3 meelood", "500 xaraf"), the same for every number above one.
export const consultationsSo: ConsultationsMessages = {
  title: 'La-tashiyada',
  intro:
    'Ka hor inta aysan la-hawlgalayaashu go’aan ka gaarin wax beddelaya xaafadda, tusaale ahaan kamarado cusub ama iftiin ka wanaagsan, waxay weydiiyaan dadka halkan deggan iyo kuwa halkan ka shaqeeya. Ka dhiib fikraddaada meel kasta oo la soo jeediyey. Uma baahnid inaad akoon sameysato.',
  open: 'La-tashiyada furan',
  upcoming: 'La-tashiyada soo socda',
  closed: 'La-tashiyadii dhammaaday',
  none: 'Hadda ma jiraan wax la-tashiyo ah.',
  area: 'Aagga',
  period: 'Muddada',
  periodText: (from: string, to: string) => `${from} ilaa ${to} (maalinta u dambaysa way ku jirtaa)`,
  opensOn: (day: string) => `Waxaa la furayaa ${day}.`,
  closedOn: (day: string) => `Waxaa la xiray ${day}.`,
  phase: { upcoming: 'Dhowaan', open: 'Furan', closed: 'Dhammaaday' },
  initiative: 'Qayb ka ah dadaalka',
  backToList: 'Dhammaan la-tashiyada',
  inDanish: 'Qoraalkan waxaa lagu heli karaa oo keliya af-Deenish.',
  places: 'Meelaha la soo jeediyey',
  placesIntro: (n: number) =>
    n === 1 ? 'Waxaa jirta hal meel oo la soo jeediyey.' : `Waxaa jira ${n} meelood oo la soo jeediyey. Ka jawaab kuwa aad fikrad ka haysato.`,
  placeNumber: (n: number) => `Meesha ${n}`,
  mapTitle: (title: string) => `Khariidadda meelaha la soo jeediyey: ${title}`,
  mapCaption: 'Lambarrada khariidadda ku yaal waxay u dhigmaan meelaha liiska ku jira. Dooro lambar si aad meeshaas u aaddo.',
  mapPoint: (n: number, name: string) => `Meesha ${n}: ${name}`,
  illustrations: { camera: 'Kamarad', lighting: 'Iftiin', path: 'Waddo lugeed ama marin', square: 'Fagaare', other: 'Soo jeedin' },
  stances: {
    for: 'Waan taageersanahay',
    against: 'Waan ka soo horjeedaa',
    no_opinion: 'Fikrad kama haysto',
    very_good: 'Fikrad aad u wanaagsan',
    good: 'Fikrad wanaagsan',
    neutral: 'Ma wanaagsana, mana xuma',
    bad: 'Fikrad xun',
    very_bad: 'Fikrad aad u xun',
  },
  stanceLegend: (place: string) => `Maxaad ka qabtaa soo jeedinta ku saabsan ${place}?`,
  skip: 'Ka gudub',
  comment: 'Faallo (ma aha waajib)',
  commentHint: (max: number) =>
    `Ugu badnaan ${max} xaraf. Faallooyinka waxaa la muujiyaa marka la-tashigu dhammaado, laakiin ka hor intaan la muujin waxaa akhriya maamule (moderator). Ha qorin magacyo ama wax kale oo dad lagu garan karo.`,
  respondentLegend: 'Adigu yaad tahay?',
  respondentHint: 'Waxaan u isticmaalnaa oo keliya si aan u muujinno waxa ay dadka deegaanka, ganacsatada iyo kuwa kale midkiiba gooni u qabaan.',
  respondents: {
    resident: 'Waxaan deggenahay halkan',
    business: 'Waxaan halkan ku leeyahay ganacsi',
    works_here: 'Waxaan ka shaqeeyaa halkan',
    visitor: 'Waxaan imaadaa halkan',
  },
  /** The rows of a place's results when it is broken down more coarsely than by respondent type. */
  respondentGroups: { others: 'Dadka kale oo dhan (ganacsiyada, dadka halkan ka shaqeeya, booqdayaasha)', everyone: 'Dhammaan' },
  submit: 'Dir jawaabtayda',
  oneResponse: 'Fadlan qof kastaa hal mar oo keliya ha ka jawaabo. Waad ka jawaabi kartaa xitaa haddii aadan fikrad ka haysan meelaha oo dhan.',
  privacy:
    'Jawaabtaadu waa magac la’aan. Ma kaydinno cidda aad tahay, jawaabahaaga ku saabsan meelaha kala duwanna meel lagama wada kaydiyo. Marka la-tashigu dhammaado, waxaa la daabacaa oo keliya tirooyinka, jawaabahana waa la tirtiraa.',
  answeredAlready: 'Horay ayaad uga jawaabtay la-tashigan adigoo isticmaalaya biraawsarkan. Mahadsanid!',
  answerAgain: 'Ma dhowr qof oo idinka mid ah ayaa isticmaala isla biraawsarka? Markaas qofka xiga halkan ha ka jawaabo.',
  errorSummary: 'Jawaabtaada lama dirin. Sax waxa hoos ku qoran:',
  errors: {
    respondentMissing: 'Dooro cidda aad tahay.',
    nothingAnswered: 'Ka jawaab ugu yaraan hal meel ka hor intaadan dirin.',
    commentTooLong: (max: number) => `Faalladu aad bay u dheer tahay. Qor ugu badnaan ${max} xaraf.`,
  },
  refused: {
    title: 'Jawaabta lama aqbali karin',
    unknownPlace: 'Jawaabtu waxay ku saabsanayd meel aan ka mid ahayn la-tashigan. Waxba lama kaydin. Ku noqo la-tashiga oo mar kale isku day.',
    badStance: 'Jawaabtu waxay lahayd doorasho aan la-tashigan ku jirin. Waxba lama kaydin. Ku noqo la-tashiga oo mar kale isku day.',
    badRespondent: 'Jawaabtu waxay lahayd doorasho su’aasha "Adigu yaad tahay?" ah oo aan la-tashigan ku jirin. Waxba lama kaydin. Ku noqo la-tashiga oo mar kale isku day.',
    notOpen: 'La-tashigu ma furna, sidaas darteed jawaabtaada lama kaydin.',
    throttled: 'Jawaabo badan ayaa halkan laga soo diray waqti gaaban gudihiis. Wax yar sug, kadibna mar kale isku day.',
  },
  thanks: {
    title: 'Waad ku mahadsan tahay jawaabtaada',
    text: 'Jawaabtaada waa la kaydiyey. Marka la-tashigu dhammaado, waxaad bogga la-tashiga ka arki kartaa natiijada iyo go’aanka la-hawlgalayaasha.',
    back: 'Ku noqo la-tashiga',
  },
  countSoFar: (n: number) => `Ilaa hadda ${n} qof ayaa ka jawaabay.`,
  fewSoFar: 'Weli jawaabo yar ayaa jira.',
  countNote: 'Tiradan waxyar ayaa la beddelay, sidaas darteed looma isticmaali karo in lagu ogaado goorta uu qof gaar ahi jawaabay.',
  resultsHeading: 'Waxa aan maqalnay',
  resultsPending: 'La-tashigu wuu dhammaaday. Natiijada waxaa la daabici doonaa saacad gudaheed.',
  released: (day: string) =>
    `Tirooyinka waxaa la daabacay ${day}. Waxyar ayaa laga beddelay, tirooyinka ka hooseeya xadka magac la’aantana lama muujiyo.`,
  responsesTotal: (n: number) => `Wadar ahaan ${n} qof ayaa ka jawaabay.`,
  responsesFew: 'Dad aad u yar ayaa ka jawaabay, sidaas darteed tirooyin lama muujin karo.',
  byRespondent: 'Cidda ka jawaabtay',
  placeResults: (place: string) => `Jawaabaha ku saabsan ${place}`,
  placeTotal: (n: number) => `${n} qof ayaa ka jawaabay meeshan.`,
  placeFew: 'Jawaabaha ku saabsan meeshan aad bay u yar yihiin, sidaas darteed tirooyin lama muujin karo.',
  share: (n: number, pct: string) => `${n} (${pct})`,
  stance: 'Jawaabta',
  respondent: 'Cidda',
  total: 'Wadarta',
  few: 'jawaabo aad u yar',
  tableCaption: (place: string) => `Jawaabaha ku saabsan ${place}, iyadoo loo kala saaray cidda jawaabtay`,
  comments: 'Faallooyinka',
  noComments: 'Faallo laguma bixin meeshan.',
  decisionHeading: 'Waxa aan go’aansannay',
  decisionPending: 'La-hawlgalayaashu weli ma daabicin go’aankooda.',
  decidedOn: (day: string) => `Waxaa la go’aamiyey ${day}.`,
  outcomes: { adopted: 'Waa la ansixiyey', changed: 'Waa la beddelay', dropped: 'Waa laga tagay' },
  reason: 'Sababta',
  /** The consultation list on an initiative's page. */
  onInitiative: 'La-tashiyada dadaalkan',
  cameras: {
    title: 'Kamaradaha gaarka ah ee duuba meelaha dadweynaha',
    intro:
      'Ganacsigaagu ma leeyahay kamarad sidoo kale duubta jidka lugta, waddada ama fagaaraha? Markaas waa in lagu diiwaangeliyaa diiwaanka kamaradaha ee booliska, POLCAM. Tan waxay sharci ku ahayd ganacsiyada, ururrada iyo hay’adaha dowladda tan iyo 1da Luulyo 2021. Dadka caadiga ahi si ikhtiyaari ah ayay u diiwaangelin karaan kamaradahooda.',
    what: 'Waa maxay POLCAM?',
    whatText:
      'POLCAM waa liiska booliska ee muujinaya halka ay kamaraduhu ku yaallaan iyo cidda booliisku la xiriirayo si ay u helaan duubista, haddii ay wax ka dhacaan meel u dhow. Diiwaangelinta kamaradda uma oggolaanayso booliska inay wax ka daawadaan kamaradda.',
    how: 'Sida loo sameeyo',
    steps: [
      'Tag bogga booliska ee diiwaangelinta kamaradaha (xiriiriyaha hoose). Waxay qaadanaysaa 5–10 daqiiqo.',
      'Sheeg halka kamaraddu ku taal iyo waxa ay duubto.',
      'Ha illoobin calaamadda: waa in ay jirto calaamad sheegaysa in meesha lagu ilaaliyo kamarad.',
    ],
    rules: 'Xeerarka',
    rulesText:
      'Ganacsi wuxuu duubi karaa oo keliya meelaha dadweynaha ee si toos ah ugu dhow albaabka ama wajiga hore ee ganacsiga, oo keliya haddii ay lagama maarmaan u tahay ka hortagga dembiyada. Duubista sida caadiga ah waa in la tirtiraa ugu dambayn 30 maalmood kadib. Xeerarka hadda shaqeeya waxay ku qoran yihiin bogga booliska.',
    link: 'Bogga booliska ee diiwaangelinta kamaradaha (politi.dk/kamera, af-Deenish)',
    href: 'https://politi.dk/kamera',
    notHere: 'Websaydkani ma diiwaangeliyo kamaradaha, waxna kagama kaydiyo. Diiwaangelintu waxay ka dhacdaa oo keliya booliska.',
    fromErhverv: 'Ma leedahay kamarad duubta meelaha dadweynaha? Akhri sida loogu diiwaangeliyo POLCAM.',
  },
};
