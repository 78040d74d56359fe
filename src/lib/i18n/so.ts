/** Somali message catalogue: the residents' part of the Danish one (see resident.ts and da.ts). Translated by the team, not yet reviewed by a native speaker: see README "Languages". */
import type { ResidentMessages } from './resident.ts';
import { eventsSo } from './events-so.ts';
import { consultationsSo } from './consultations-so.ts';
import { kortSo } from './kort-so.ts';
import { reportsSo } from './reports-so.ts';
import { resultsSo } from './results-so.ts';
import { retentionSo } from './retention-so.ts';
import { subscriptionsSo } from './subscriptions-so.ts';

export const so: ResidentMessages = {
  events: eventsSo,
  consultations: consultationsSo,
  reports: reportsSo,
  retention: retentionSo,
  kort: kortSo,
  results: resultsSo,
  subscriptions: subscriptionsSo,
  meta: {
    siteName: 'Tryghed i Indre Nørrebro',
    siteDescription:
      'Wadahadal nabadgelyo iyo sahannada dareenka nabadgelyada ee Indre Nørrebro: la soco dadaallada, ka jawaab sahannada, noona sheeg meesha aadan nabadgelyo ku dareemin.',
    titleSeparator: ' · ',
  },
  /** Pages for requests refused before a page could render (see src/lib/refusal.ts). */
  refusal: {
    title: 'Waxa aad soo dirtay lama heli karin',
    400: 'Foomka lama akhriyi karin. Dib u noqo oo isku day mar kale.',
    403: 'Foomka waxaa laga soo diray bog kale oo internet ah, waana la diiday. Fadlan halkan, boggan, ku buuxi.',
    413: 'Waxa aad soo dirtay aad ayuu u weyn yahay. Qoraalka soo gaabi oo isku day mar kale.',
    415: 'Foomka lama akhriyi karin (qaab khaldan). Dib u noqo oo isku day mar kale.',
    back: 'Ku noqo bogga',
  },
  a11y: {
    skipToContent: 'U gudub nuxurka',
    mainNavigation: 'Liiska ugu weyn',
    footerNavigation: 'Ku saabsan boggan',
    languageSwitch: 'Luqadda',
    /** The button that opens the main menu on narrow screens. */
    menu: 'Liiska',
  },
  nav: {
    report: 'Soo sheeg walaac',
    map: 'Khariidadda warbixinnada',
    results: 'Natiijooyinka',
    surveys: 'Sahannada',
    consultations: 'La-tashiyada',
    initiatives: 'Dadaallada',
    events: 'Munaasabadaha',
    home: 'Bogga koowaad',
    about: 'Ku saabsan iskaashiga',
    privacy: 'Xogta gaarka ah',
    accessibility: 'Helitaanka',
  },
  language: {
    /** The name of this locale, written in this locale (the language menu lists every locale by it). */
    name: 'Soomaali',
  },
  emergency: {
    /** The phone links in every page's header. */
    short112: 'Degdeg: 112',
    short114: 'Booliska: 114',
    heading: 'Kani ma aha adeeg gurmad degdeg ah',
    call112: 'Khatar degdeg ah oo nolosha, caafimaadka ama hantida ku wajahan: wac 112.',
    call114: 'Booliska xaaladaha kale, oo ay ku jirto soo sheegidda dembi: wac 114.',
    notHere: 'Boggan kama soo sheegi kartid dembi, kamana heli kartid gargaar degdeg ah.',
  },
  footer: {
    partnership: 'Iskaashiga Indre Nørrebro nabdoon',
    runBy:
      'Boggan waxaa maamula iskaashiga Indre Nørrebro nabdoon: Københavns Politi (booliska Copenhagen) iyo degmada Copenhagen (Center for Sikker By iyo SSP København), iyagoo la kaashanaya Områdefornyelsen Indre Nørrebro (xafiiska dib-u-cusboonaysiinta xaafadda).',
    anonymous: 'Halkan magac la’aan ayaad ku tahay: akoonno ma jiraan, dabagal ma jiro, ciwaannada IP-ga lama kaydiyo.',
  },
  home: {
    title: 'Nabadgelyada Indre Nørrebro',
    lead:
      'La soco shaqada iskaashiga ee Indre Nørrebro nabdoon, ra’yigaaga dhiib, noona sheeg meesha aadan nabadgelyo ku dareemin. Magac la’aan ayaad tahay, waxa aad noo sheegtona waxaa had iyo jeer lagu muujiyaa oo keliya iyadoo lagu daray kuwa dadka kale.',
    goalsHeading: 'Waxa iskaashigu doonayo inuu gaaro',
    goals: [
      'Dembi ka yar oo Indre Nørrebro ka dhaca.',
      'Dad deegaan oo badan oo nabadgelyo dareema, taas oo marar badan lagu cabbiro isla su’aalaha, laguna barbardhigo meeshii laga bilaabay.',
      'In dadka deegaanka, ururrada iyo ganacsiyadu ka qayb qaataan shaqada.',
      'In la la socdo aagagga deriska ah, sida xaafadda ku hareeraysan Skt. Hans Torv, si dhibaatooyinku aysan dhowr waddo oo keliya u guurin.',
      'In laga hortago in carruurta iyo dhallinyarada lagu soo jiido kooxaha burcadda, oo ay ku jiraan baraha bulshada.',
    ],
    partsHeading: 'Waxa aad halkan ku samayn karto',
    parts: {
      initiatives: {
        title: 'Dadaallada iyo munaasabadaha',
        text: 'Eeg waxa booliska iyo degmadu ka qabanayaan aagga, kaalay kulamada dadweynaha iyo socodka nabadgelyada, oo su’aalo weydii.',
      },
      surveys: {
        title: 'Sahannada nabadgelyada',
        text: 'Si magac la’aan ah noogu sheeg sida aad nabadgelyo u dareento. Waxay sidoo kale ku shaqaysaa JavaScript la’aan, akhriyaha shaashadda iyo warqad.',
      },
      reports: {
        title: 'Soo sheeg walaac',
        text: 'Khariidadda ku muuji meesha iyo goorta meel aan nabadgelyo laga dareemin, oo la soco waxa ku dhacaya warbixintaada.',
      },
      results: {
        title: 'Natiijooyinka',
        text: 'Eeg in dadku nabadgelyo badan dareemaan iyo in kale, iyadoo la adeegsanayo tirooyin aan marnaba qofna dib loogu raadin karin.',
      },
    },
    comingSoon: 'Dhawaan',
    areasHeading: 'Aagagga',
    areasIntro:
      'Iskaashigu wuxuu ka shaqeeyaa Indre Nørrebro, wuxuuna la socdaa waxa ka dhacaya aagagga deriska ah. Xuduudaha khariidadda waa ku-meel-gaar, waxaana lagu sawiray meelo la yaqaan.',
    areasMapLabel: 'Khariidadda aagagga',
  },
  areas: {
    kind: { target: 'Aagga bartilmaameedka', adjacent: 'Aagga deriska ah' },
    approximate: 'xuduud ku-meel-gaar ah',
  },
  about: {
    title: 'Ku saabsan iskaashiga',
    intro:
      'Københavns Politi (booliska Copenhagen) iyo degmada Copenhagen waxay sameeyeen iskaashi loogu talagalay Indre Nørrebro nabdoon: aagga u dhexeeya Åboulevard, Jagtvej, Nørrebrogade iyo Peblinge Dossering. Sannado badan aaggu wuxuu saldhig u ahaa khilaafaadka kooxaha burcadda iyo soo jiidashada dhallinyarada.',
    sections: [
      {
        heading: 'Cidda ka qayb qaadata',
        paragraphs: [
          'Københavns Politi (booliska Copenhagen); degmada Copenhagen, iyadoo u maraysa Center for Sikker By (Xarunta Magaalada Nabdoon) iyo SSP København (iskaashiga dugsiyada, adeegyada bulshada iyo booliska); iyo Områdefornyelsen Indre Nørrebro (xafiiska dib-u-cusboonaysiinta xaafadda), oo maamula wadahadalka dadka deegaanka.',
        ],
      },
      {
        heading: 'Sida booliska u shaqeeyaan',
        paragraphs: [
          'Laga soo bilaabo 2024 booliska waxay ka shaqeeyaan saddex dhinac: baaritaan; shaqo goobta lagu qabto oo abuurta nabadgelyo; iyo ka-hortag.',
          'Degmadu waxay ka shaqaysaa taageerada bulshada ee carruurta, dhallinyarada iyo qoysaska, iyo dib-u-cusboonaysiinta magaalada si waddooyinka iyo fagaarayaashu u noqdaan meelo wanaagsan oo lagu joogo.',
        ],
      },
      {
        heading: 'Waxa boggani yahay, iyo waxa uusan ahayn',
        paragraphs: [
          'Kani waa bogga dadweynaha ee iskaashiga: wuxuu sharxaa dadaallada guud, wuxuu cabbiraa sida dadku nabadgelyo u dareemaan, wuxuuna qaataa walaacyada dadka deegaanka iyo ganacsiyada.',
          'Shaqada ku saabsan shakhsiyaad gaar ah waa sir, halkanna lagama qabto. Boggu ma hayo wax xog ah oo ku saabsan dadka laga shakisan yahay ama xubnaha kooxaha burcadda, looma isticmaali karona in qof la tilmaamo.',
        ],
      },
      {
        heading: 'Cidda maamusha bogga',
        paragraphs: [
          'Center for Sikker By oo ka tirsan degmada Copenhagen ayaa mas’uul ka ah bogga iyo xogta uu helo. Områdefornyelsen Indre Nørrebro (xafiiska dib-u-cusboonaysiinta xaafadda) ayaa maamula wadahadalka dadka deegaanka.',
        ],
      },
      {
        heading: 'La xiriir',
        paragraphs: ['Waxaad iskaashiga u qori kartaa wax ku saabsan dadaallada iyo bogga. Si aad u soo sheegto meel aan nabadgelyo laga dareemin, isticmaal “Soo sheeg walaac”, si warbixintu u gaarto dadka saxda ah.'],
        contacts: ['general', 'partners', 'dpo', 'accessibility'],
      },
    ],
  },
  privacy: {
    title: 'Xogta gaarka ah',
    intro:
      'Waa inaad awooddaa inaad ra’yigaaga sheegto adigoon la diiwaangelin. Boggan waxaa loo dhisay inuu kaa ogaado wax ugu yar ee suurtagal ah.',
    sections: [
      {
        heading: 'Waxa aynaan marnaba kaydin',
        paragraphs: [
          'Ciwaankaaga IP-ga, magaca iyo nooca biraawsarkaaga (user agent), buskudka dabagalka (tracking cookies) ama akoonno loogu talagalay dadka deegaanka. Boggu waxba kama soo raro adeegyo kale: farta qoraalka (fonts) meel kale lagama keeno, ma jiro falanqayn booqdayaasha, xayaysiisna ma jiro.',
        ],
      },
      {
        heading: 'Waxa aan kaydinno',
        paragraphs: [
          'Jawaabahaaga sahan, magacaaga la’aan, iyadoo taariikhda la kaydiyo laakiin aan saacadda la kaydin. Qoraalka xorta ah si toos ah ayaa looga baaraa xog shakhsi ah sida lambarada CPR (lambarka aqoonsiga ee Danmark), lambarada taleefanka, ciwaannada iimaylka iyo taarikada baabuurta, kuwaas oo la qariyo ka hor inta aan qofna akhrin.',
          'Warbixin ku saabsan meel aan nabadgelyo laga dareemin: meesha, qaybta, waqtiga maalinta iyo sharaxaaddaada. Haddii aad codsato in lagu ogeysiiyo marka warbixinta wax laga qabto, waxaan kaydinnaa ciwaanka iimaylkaaga ilaa kiiska la xiro. Marnaba lama muujiyo.',
          'Faallooyinka iyo su’aalaha ku saabsan dadaallada, oo leh magac haddii aad doorato inaad bixiso. Maamule (moderator) ayaa akhriya ka hor inta aan la muujin.',
          'Jawaabtaada la-tashiga: meel kasta oo aad ka jawaabto, aragtidaada iyo in aad halkan ku nooshahay, ka shaqaysid, ganacsi ku leedahay ama aad timaaddo. Jawaabta meel kasta si gooni ah ayaa loo kaydiyaa, taariikh la’aan iyo iyada oo aan lagu xirin jawaabahaaga kale. Marka la-tashigu dhammaado, waxaa la daabacaa oo keliya tirooyinka, jawaabahana waa la tirtiraa. Faallooyinka macluumaadka shakhsiga ah waa laga qariyaa, waxaana akhriya maamule ka hor inta aan la soo bandhigin.',
        ],
      },
      {
        heading: 'Buskudka (cookies)',
        paragraphs: [
          'Boggu wuxuu isticmaalaa oo keliya buskud (cookies) lagama maarmaan ah: mid xasuusta jawaabahaaga inta aad buuxinayso sahan (waxaa la tirtiraa 48 saacadood gudahood), mid xasuusta luqadda aad ka dooratay liiska luqadaha (wuxuu hayaa oo keliya koodka luqadda, sida "ar", waxaana la hayaa hal sannad), mid xasuusta in aad biraawsarkan uga jawaabtay la-tashi (wuxuu hayaa oo keliya lambarka la-tashiga, waxaana la tirtiraa maalinta ka dambaysa marka la-tashigu dhammaado), iyo mid shaqaalaha ku haya galitaankooda. Taasi waa sababta aynaan kuu weydiin ogolaansho.',
        ],
      },
      {
        heading: 'Tirooyinka aan muujinno',
        paragraphs: [
          'Natiijooyinka waxaa lagu muujiyaa oo keliya iyagoo la isku daray, iyo oo keliya marka ugu yaraan shan qof ay tiro ka dambeeyaan. Jawaabo ka yar taas waxaa lagu muujiyaa “jawaabo aad u yar”. Tiro sidoo kale waa la qariyaa marka tiro yar haddii kale lagu xisaabin karo in laba tiro kale la isku jaro.',
          'Tiro kasta oo aan muujinno sidoo kale wax yar ayaa la beddelaa: ugu badnaan 2 kor ama hoos, iyadoo la isticmaalayo fure kadis ah oo ay leeyihiin isla jawaabaha ama warbixinnada ay tiradu tiriso. Jawaabo isku mid ahi had iyo jeer waxay bixiyaan isla tirada, meel kasta oo lagu muujiyo, sidaas darteed beddelka lama tirtiri karo iyadoo marar badan la weydiiyo ama bogag la isbarbardhigo. Waa habka ay xafiisyada tirakoobku u isticmaalaan jadwallada ay isticmaalayaashu iyagu sameystaan. Qiimaha ay leedahay waa in wadartu aysan mar walba si sax ah isugu dhigmin, tirona ay ku kala duwanaan karto ilaa 2.',
          'Tirooyinka khariidadda warbixinnada, Open311 iyo bogagga dadaallada waxay ka yimaadaan daabacaad toddobaadkii hal mar la sameeyo. Marka warbixin wax laga qabto, waxba dadweynaha ugama beddelmaan ilaa daabacaadda xigta, si aan qofna u arki karin warbixinta beddeshay tiro. Tiro kasta waxaa ku qoran goorta daabacaaddeeda la sameeyey. Natiijooyinka sahan hal mar ayaa la daabacaa, marka uu xirmo.',
        ],
      },
      {
        heading: 'Mas’uulka xogta',
        paragraphs: [
          'Degmada Copenhagen, Center for Sikker By, ayaa ah mas’uulka xogta. Maadaama jawaabuhu yihiin magac la’aan, ma heli karno jawaabahaaga mar kale. Su’aalaha ku saabsan sida xogta shakhsiga loo maareeyo, ama si aad cabasho u gudbiso, u qor sarkaalka ilaalinta xogta ee degmada. Waxaad sidoo kale cabasho u gudbin kartaa Hay’adda Ilaalinta Xogta ee Danmark (Datatilsynet).',
        ],
        contacts: ['dpo', 'general'],
      },
    ],
  },
  accessibility: {
    title: 'Bayaanka helitaanka',
    /** The opening paragraph, as the Agency for Digital Government's WAS tool words it; `site` is the site's address. */
    intro: (site: string) =>
      `Degmada Copenhagen waxay ka go’an tahay inay bogga internetka ka dhigto mid la heli karo, iyadoo waafaqsan sharciga Danmark ee ku saabsan helitaanka bogagga internetka iyo barnaamijyada mobilada ee hay’adaha dowladda. Bayaankan helitaanku wuxuu khuseeyaa Tryghed i Indre Nørrebro, ${site}.`,
    status: {
      heading: 'Heerka waafaqsanaanta',
      text: 'Boggan internetku qayb ahaan ayuu waafaqsan yahay WCAG 2.1 heerka AA, oo ah heerka uu sharcigu dalbado, sababtoo ah waxyaabaha aan waafaqsanayn ee hoos ku qoran.',
    },
    nonAccessible: {
      heading: 'Nuxur aan la heli karin',
      intro: 'Nuxurka hoos ku qoran lama heli karo sababahan awgood:',
      nonComplianceHeading: 'Aan waafaqsanayn sharciga',
      nonCompliance: [
        'Shaashadaha aadka u cidhiidhiga ah (320 pixel ballac ah, ama 400 % weyneyn) jadwallada bogga Natiijooyinka waxay u baahan yihiin in dhinac loo dhaqaajiyo si aag kasta loo arko (WCAG 1.4.10 Reflow). Waxaan ka shaqaynaynaa muuqaal ku habboon shaashadaha cidhiidhiga ah.',
      ],
      burdenHeading: 'Culays aan u dhigmin',
      burden: 'Ma sheeganayno in nuxurka qayb kasta oo ka mid ah laga dhigo mid la heli karo ay noqonayso culays aan u dhigmin.',
      outOfScopeHeading: 'Nuxur aan ku jirin baaxadda sharciga',
      outOfScope:
        'Khariidadaha internetka waa laga dhaafay sharciga. Hase yeeshee, wax kasta oo khariidadaha loo isticmaalo waxaa lagu samayn karaa khariidad la’aan: meel waxaad ka dooran kartaa liis ama waad qori kartaa, tirooyinkana sidoo kale waxaa lagu bixiyaa jadwallo.',
    },
    howMade: {
      heading: 'Diyaarinta bayaankan helitaanka',
      made: 'Bayaankan waxaa la diyaariyey',
      updated: 'Markii ugu dambeysay waxaa la cusboonaysiiyey',
      method:
        'Qiimayntu waa is-qiimayn. Bog kasta si toos ah ayaa loogu tijaabiyaa WCAG 2.1 A iyo AA iyadoo la isticmaalayo qalabka axe ka hor inta aan nooc cusub oo bogga la shaacin, bogaggana waxaa lagu eegay biraawsar, shaashad cabbirka taleefanka ah iyo mid kombiyuutar, JavaScript leh iyo JavaScript la’aan.',
      built:
        'Wax kasta oo boggan ku jira waxay ku shaqeeyaan JavaScript la’aan. Boggu wuxuu ku shaqeeyaa kiiboodh keliya, wuxuu la qabsadaa shaashadaha yaryar iyo weyneynta, waana la daabici karaa.',
    },
    feedback: {
      heading: 'Jawaab-celin iyo macluumaadka xiriirka',
      text: 'Haddii aad boggan ka hesho wax aadan isticmaali karin, ama aad u baahan tahay macluumaad qaab kale ah, noo soo qor. Waan kuu jawaabi doonnaa, dhibaatadana waan xallin doonnaa.',
    },
    enforcement: {
      heading: 'Habka kormeerka',
      text: 'Hay’adda Dijitaalka ee Danmark (Digitaliseringsstyrelsen) ayaa kormeerta helitaanka bogagga internetka ee hay’adaha dowladda. Haddii aadan ku qanacsanayn jawaabteenna, ama aadan jawaab helin, waxaad cabasho u gudbin kartaa Hay’adda.',
      link: 'U gudbi Hay’adda Dijitaalka cabasho ku saabsan helitaanka bog internet (af-Deenish)',
    },
  },
  /** Contact points (addresses from the configuration, README "Configuration"). */
  contact: {
    heading: 'La xiriir',
    general: 'Su’aalo loogu talagalay iskaashiga ama ku saabsan bogga',
    dpo: 'Sarkaalka ilaalinta xogta, wax ku saabsan xogtaada shakhsiga ah',
    accessibility: 'Helitaanka: noo sheeg haddii boggan ku jiro wax aadan isticmaali karin',
  },
  initiatives: {
    title: 'Dadaallada',
    intro:
      'Kuwani waa dadaallada guud ee iskaashiga ee Indre Nørrebro nabdoon iyo aagagga deriska ah. Shaqada ku saabsan shakhsiyaad gaar ah waa sir, halkanna laguma sharaxo.',
    filters: 'Kala sooc dadaallada',
    area: 'Aagga',
    partner: 'La-hawlgalaha',
    status: 'Xaaladda',
    all: 'Dhammaan',
    apply: 'Muuji dadaallada',
    clear: 'Dib u celi doorashooyinka',
    count: (n: number) => (n === 1 ? '1 dadaal' : `${n} dadaal`),
    none: 'Ma jiro dadaal ku habboon doorashooyinka.',
    track: 'Dhinaca shaqada',
    period: 'Muddada',
    from: (d: string) => `laga bilaabo ${d}`,
    responsible: 'Mas’uulka',
    areas: 'Aagagga',
    timeline: 'Horumarka',
    noUpdates: 'Weli cusboonaysiin lama qorin.',
    updateRetracted: (day: string, reason: string) => `Cusboonaysiintan waxaa dib loo qaaday ${day}: ${reason}`,
    updateEdited: (day: string) => `La saxay ${day} – eeg qoraalkii hore`,
    updateEarlier: (happened: string, replaced: string) => `Loo qoray ${happened}, lagu beddelay ${replaced}:`,
    milestones: {
      heading: 'Tallaabooyinka muhiimka ah',
      progress: (done: number, of: number) => `${done} ka mid ah ${of} tallaabo oo muhiim ah ayaa la gaaray`,
      states: { planned: 'La qorsheeyey', in_progress: 'Socda', done: 'La gaaray', dropped: 'La joojiyey' },
      doneOn: (d: string) => `la gaaray ${d}`,
      dueOn: (d: string) => `loo qorsheeyey ${d}`,
      feedDone: (title: string) => `Tallaabo muhiim ah ayaa la gaaray: ${title}`,
    },
    events: 'Munaasabadaha dadaalkan',
    feed: 'Wararka dadaallada (RSS)',
    feedArea: (area: string) => `Wararka dadaallada ee ${area} (RSS)`,
    reportsHeading: 'Warbixinnada keenay dadaalkan',
    reportsReleased: (day: string) => `Tirooyinka waxay ka yimaadeen daabacaaddii ${day}; tiro kasta wax yar ayaa la beddelay si loo ilaaliyo dadka soo sheega.`,
    reportsTotal: (n: number) => `${n} warbixin oo ka yimid dadka deegaanka iyo ganacsiyada ayaa ku xiran dadaalkan.`,
    reportsFew: 'Warbixinnada ku xiran dadaalkan aad ayay u yar yihiin si tirooyin loo muujiyo.',
    reportsFewCell: 'aad u yar',
    reportsCategory: 'Mawduuca',
    reportsCount: 'Warbixinno',
    backToList: 'Dhammaan dadaallada',
    inDanish: 'Qoraalkan waxaa lagu heli karaa oo keliya af-Deenish.',
    tracks: {
      investigative: 'Baaritaan',
      operational: 'Shaqo goobta ah oo abuurta nabadgelyo',
      preventive: 'Ka-hortag',
      social: 'Taageero bulsho',
      urban_renewal: 'Dib-u-cusboonaysiinta magaalada',
    },
    statuses: { planned: 'La qorsheeyey', active: 'Socda', completed: 'La dhammeeyey' },
  },
  dialogue: {
    heading: 'Su’aalo iyo faallooyin',
    intro:
      'Su’aal weydii ama faallo ka tag. Shaqaale ayaa akhriya wax kasta ka hor inta aan la muujin, wuxuuna ku jawaabaa magaca iskaashiga.',
    none: 'Weli faallo lama daabicin.',
    anonymous: 'Magac la’aan',
    postedOn: 'la qoray',
    replyFrom: (partner: string) => `Jawaab ka timid ${partner}`,
    formHeading: 'Qor faallo',
    name: 'Magaca (ma aha waajib)',
    nameHint: 'Waxaad bixin kartaa magacaaga koowaad, naanays, ama waxba.',
    body: 'Faalladaada ama su’aashaada',
    bodyHint: (max: number) => `Ugu badnaan ${max} xaraf. Ha qorin magacyo ama wax kale oo dad lagu garan karo.`,
    honeypot: 'Meeshan bannaan u daa',
    submit: 'U dir si loo hubiyo',
    rules:
      'Boggan looma talagalin soo sheegidda dembiyada. Wac 112 xaalad degdeg ah, iyo 114 booliska xaaladaha kale. Xogta ku saabsan dadka si toos ah ayaa loo qariyaa.',
    errors: {
      summary: 'Faallada lama dirin:',
      bodyMissing: 'Qor faallo ama su’aal.',
      bodyTooLong: (max: number) => `Faalladu waxay noqon kartaa ugu badnaan ${max} xaraf.`,
      nameTooLong: (max: number) => `Magacu wuxuu noqon karaa ugu badnaan ${max} xaraf.`,
      throttled: 'Waxaad dirtay faallooyin badan waqti gaaban gudihiis. Fadlan wax yar sug oo isku day mar kale.',
      rejected: 'Faallada lama heli karin.',
    },
    flag: {
      open: 'Calaamadee faalladan',
      intro: 'U sheeg tifaftirayaasha faallo aan halkan ku habboonayn. Waxaan kaydinnaa oo keliya in la calaamadeeyey iyo sababta – waxba adiga kaaga ma kaydinno.',
      reason: 'Waa maxay sababtu?',
      reasons: {
        personal: 'Waxay tilmaamaysaa ama sharxaysaa dad',
        offensive: 'Waa aflagaado ama hanjabaad',
        crime: 'Waxay soo sheegaysaa dembi',
        spam: 'Xayaysiis ama spam',
        other: 'Wax kale',
      },
      submit: 'Dir calaamadda',
      done: 'Mahadsanid. Tifaftirayaashu way eegi doonaan faallada.',
      again: 'Maanta horey ayaad u calaamadeysay faalladan. Mahadsanid – tifaftirayaashu way eegi doonaan.',
      errors: {
        unknownComment: 'Calaamadda lama kaydin: faalladu kuma jirto boggan, ama waa la saaray.',
        badReason: 'Calaamadda lama kaydin: ka dooro sabab liiska.',
        throttled: 'Calaamadda lama kaydin: waxaad calaamadeysay faallooyin badan waqti gaaban gudihiis. Fadlan wax yar sug oo isku day mar kale.',
        flood: 'Calaamadda lama kaydin: hadda faallooyin aad u badan oo aan caadi ahayn ayaa la calaamadeynayaa, sidaas darteed hadda ma qaadanayno kuwo kale. Fadlan isku day mar kale saacad kadib.',
      },
    },
    takenDown: (reason: string) => `Faallada waxaa saaray tifaftirayaasha: ${reason}.`,
    takedownReasons: {
      personal: 'xog shakhsi ah',
      offensive: 'nuxur aflagaado ama hanjabaad ah',
      crime: 'soo sheegid dembi (wac 114)',
      spam: 'xayaysiis ama spam',
      off_topic: 'wax aan mawduuca khusayn',
      other: 'jebin xeerarka wadahadalka',
    },
    received: {
      title: 'Mahadsanid – faalladaada waxay sugaysaa hubin',
      text: 'Shaqaale ayaa akhriya ka hor inta aan la muujin. Tani waxay qaadan kartaa dhowr maalmood oo shaqo. Xog kasta oo dad ku saabsan oo ku jirtay waa la qariyey.',
      notEmergency:
        'Xusuusnow: boggan looma talagalin soo sheegidda dembiyada ama helidda gargaar degdeg ah. Wac 112 xaalad degdeg ah, iyo 114 booliska xaaladaha kale.',
      back: 'Ku noqo bogga',
    },
  },
  map: {
    heading: 'Ama khariidadda ku dhig calaamado',
    map: 'Khariidadda aagagga',
    mapHint:
      'Guji ama taabo khariidadda si aad calaamad u dhigto. Kiiboodhka: khariidadda ku dhaqaaji furayaasha fallaadha, ku soo dhowee ama ku fogee furayaasha + iyo -, badhankana ku dhig calaamad bartamaha.',
    addAtCentre: 'Calaamad ku dhig bartamaha khariidadda',
    zoomIn: 'Soo dhowee',
    zoomOut: 'Ka fogee',
    pins: 'Calaamadahaaga',
    near: 'u dhow {place}',
    remove: 'Ka saar',
    added: 'Calaamad ayaa la dhigay meel u dhow {place}.',
    removed: 'Calaamaddii u dhowayd {place} waa la saaray.',
    max: 'Waxaad dhigi kartaa ugu badnaan {max} calaamadood.',
    outside: 'Meeshaasi waxay ka baxsan tahay aagagga. Dooro meel ku dhex taal aagagga la calaamadeeyey.',
    text: 'Ama qor meel',
    textHint: 'Tusaale ahaan geeska waddo ama marin.',
    /** For a question that takes one place (the report form). */
    one: {
      list: 'Ka dooro meesha liiska',
      listHint: 'Liiska waxaa loo kala hormariyey aagag. Qor xarfaha ugu horreeya si aad meel u hesho.',
      none: 'Kuma jirto liiska – meesha waan qori doonaa ama calaamad ayaan dhigi doonaa',
      heading: 'Ama khariidadda ku dhig calaamad',
      max: 'Hal calaamad ayaad dhigi kartaa. Marka hore ka saar haddii aad rabto inaad meel kale u guuriso.',
      text: 'Ama qor meesha',
    },
  },
  surveys: {
    title: 'Sahannada nabadgelyada',
    /** The start page's list of the languages a survey can be answered in. */
    offeredIn: 'Waxaad ku jawaabi kartaa:',
    /** On a survey's start page when its questionnaire has no finished translation into the page's language. */
    notInLanguage: 'Su’aalaha weli lagama heli karo luqaddan. Waxaad ku jawaabi kartaa mid ka mid ah luqadaha hoose.',
    /** Put before a question page's title in the browser tab when the page shows errors. */
    errorTitlePrefix: 'Khalad: ',
    intro:
      'Si magac la’aan ah noogu sheeg sida aad nabadgelyo u dareento. Jawaabahaaga waxaa lagu muujiyaa oo keliya iyagoo lagu daray kuwa dadka kale, iyo oo keliya marka ugu yaraan shan qof ay ka jawaabaan.',
    none: 'Hadda ma jiraan sahanno furan.',
    closes: (date: string) => `Wuu furan yahay ilaa ${date}`,
    answer: 'Ka jawaab sahanka',
    start: 'Bilow',
    continue: 'Ka sii wad meeshii aad ka joogsatay',
    startOver: 'Dib u bilow',
    code: 'Koodkaaga warqadda ku qoran',
    codeHint: 'Koodku wuxuu ku qoran yahay warqadda, tusaale ahaan ABCD-EFGH.',
    codeOptionalHint: 'Haddii aad heshay warqad leh kood, halkan ku qor. Haddii kale meesha bannaan u daa.',
    closed: 'Sahanku waa xiran yahay. Waad ku mahadsan tahay xiisahaaga.',
    notYetOpen: 'Sahanku weli ma furna.',
    anonymous:
      'Magac la’aan ayaad tahay. Ma kaydinno ciwaankaaga IP-ga ama wax kale oo jawaabaha adiga kugu xiri kara. Buskud (cookie) ayaa xasuusta jawaabahaaga inta aad buuxinayso sahanka (ugu badnaan 48 saacadood).',
    progress: (page: number, pages: number) => `Bogga ${page} ka mid ah ${pages}`,
    required: 'waa waajib',
    next: 'Bogga xiga',
    revealed: (n: number) => (n === 1 ? 'Jawaabtaadu waxay boggan ku furtay su’aal cusub. Ka jawaab, kadibna riix badhanka hoose.' : `Jawaabtaadu waxay boggan ku furtay ${n} su’aalood oo cusub. Ka jawaab, kadibna riix badhanka hoose.`),
    back: 'Boggii hore',
    submit: 'Dir jawaabahayga',
    dontKnow: 'Ma garanayo',
    noneOfThese: 'Midkoodna',
    preferNot: 'Ma doonayo inaan sheego',
    noArea: 'Ma deggani mana ka shaqeeyo aagagga midkood',
    characters: (max: number) => `Ugu badnaan ${max} xaraf.`,
    numberRange: (min: number, max: number) => `Tiro u dhexeysa ${min} iyo ${max}.`,
    honeypot: 'Meeshan bannaan u daa',
    errorSummary: 'Jawaabo qaar ayaa maqan ama u baahan in la saxo:',
    errors: {
      required: 'Fadlan ka jawaab su’aasha.',
      unknown_option: 'Dooro mid ka mid ah jawaabaha la bixiyey.',
      out_of_range: 'Tiradu waxay ka baxsan tahay xadka la oggol yahay.',
      not_a_number: 'Qor tiro dhan, tusaale ahaan 5.',
      too_long: 'Qoraalku aad buu u dheer yahay.',
      too_many: 'Waxaad dooratay wax aad u badan.',
      exclusive_answer: '“Midkoodna”, “Ma garanayo” iyo “Ma doonayo inaan sheego” lama dooran karo iyadoo lala doorto jawaabo kale.',
      incomplete_matrix: 'Fadlan ka jawaab saf kasta.',
      outside_areas: 'Meelaha midkood wuxuu ka baxsan yahay aagagga.',
      code_invalid: 'Koodkaasi ma jiro. Hubi inaad u qortay sida warqadda ugu qoran.',
      code_used: 'Koodkaas horey ayaa loo isticmaalay. Kood kasta hal mar ayuu shaqeeyaa.',
      code_required: 'Sahankan wuxuu u baahan yahay kood warqadda ku qoran.',
      closed: 'Sahanku waa xiran yahay, sidaas darteed jawaabaha lama diri karo.',
      expired: 'Jawaabahaagu waqtigoodii way dhaceen (24 saacadood kadib). Fadlan dib u bilow.',
      throttled: 'Jawaabo badan ayaa halkan laga bilaabay waqti gaaban gudihiis. Fadlan wax yar sug oo isku day mar kale.',
    },
    thanks: {
      title: 'Waad ku mahadsan tahay jawaabahaaga',
      text: 'Jawaabahaaga waxaa loo kaydiyey si magac la’aan ah. Natiijooyinka waxaa la daabici doonaa marka sahanku xirmo.',
      initiatives: 'Eeg waxa iskaashigu ka qabanayo aagga',
    },
  },
  errors: {
    notFoundTitle: 'Bogga lama helin',
    notFoundText: 'Ma heli karno bogga aad raadinayso. Waxaa laga yaabaa in ciwaanka si khaldan loo qoray, ama boggu meel kale u guuray.',
    serverErrorTitle: 'Wax baa khaldamay',
    serverErrorText: 'Wax baa dhankayaga ka khaldamay. Fadlan dhawaan isku day mar kale. Wax kasta oo aad dirtay ka hor khaladka ma lumin.',
    backHome: 'Tag bogga koowaad',
  },
};
