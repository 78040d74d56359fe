/**
 * Somali strings: the public results page /resultater (same shape as results-da.ts).
 * Translated by the team, not yet reviewed by a native speaker: see README "Languages".
 */
import type { resultsDa } from './results-da.ts';

export const resultsSo: typeof resultsDa = {
  title: 'Natiijooyinka',
  nav: 'Natiijooyinka',
  description: 'Natiijooyinka sahannada dareenka nabadgelyada ee Indre Nørrebro iyo aagagga deriska ah, iyo xaaladda yoolalka iskaashiga.',
  intro: (k: number) =>
    `Natiijooyinka sahannada dareenka nabadgelyada, marka wareeg sahan uu dhammaado oo iskaashigu daabaco. Tirooyinku waa saamiga dadkii ka jawaabay aagga, marnaba kuma salaysna wax ka yar ${k} jawaabood.`,
  none: 'Weli natiijooyin lama daabicin.',
  waveHeading: (series: string, wave: string) => `${series}: ${wave}`,
  period: (from: string, to: string) => `Sahanku wuxuu furnaa laga bilaabo ${from} ilaa ${to}.`,
  figuresCaption: (wave: string) => `Tirooyinka muhiimka ah ee aag kasta, ${wave}`,
  figure: 'Tirada muhiimka ah',
  headlines: {
    unsafeEvening: 'Nabadgelyo ma dareemaan marka ay fiidkii keligood xaafadda ku socdaan',
    unsafeGeneral: 'Guud ahaan nabadgelyo kuma dareemaan xaafadda',
    drugDealingBig: 'Waxay u arkaan iibinta daroogada ee bannaanka ka dhacda dhibaato weyn',
    avoidsPlaces: 'Waxay iska ilaaliyaan meelo xaafadda ka mid ah, sababtoo ah nabadgelyo kuma dareemaan',
  },
  tooFew: 'jawaabo aad u yar',
  interval: (low: string, high: string) => `aad bay u badan tahay inuu u dhexeeyo ${low} iyo ${high}`,
  n: (n: string) => `jawaabaha: ${n}`,
  goals: {
    heading: 'Yoolalka iskaashiga',
    intro: 'Yoolalka dareenka nabadgelyada, oo lagu cabbiray wareegyada sahanka ee la daabacay.',
    none: 'Ma jiraan yoolal uu wareeggoodii ugu dambeeyey la daabacay.',
    area: 'Aagga',
    baseline: 'Meeshii laga bilaabay',
    latest: 'Wareeggii ugu dambeeyey',
    change: 'Isbeddelka',
    target: 'Yoolka',
    status: 'Xaaladda',
    met: 'Yoolka waa la gaaray.',
    notMet: 'Yoolka weli lama gaarin.',
    unknown: 'Lama qiimayn karo: jawaabo aad u yar.',
    significant: 'Isbeddelku tirakoob ahaan waa la hubaa.',
    notSignificant: 'Isbeddelku tirakoob ahaan lama hubo, waxaana laga yaabaa inuu kadis ku yimid.',
    by: (value: string, date: string) => `${value} ugu dambayn ${date}`,
    points: (value: string) => `${value} dhibcood boqolley`,
    source: (source: string) => `Isha: ${source}`,
    directions: { decrease: 'Saamigu waa inuu hoos u dhacaa', increase: 'Saamigu waa inuu kordhaa' },
  },
  plain: {
    asked: 'Waxa aan weydiinnay',
    counted: (answers: string) => `Waxaan tirinnaa dadkii ku jawaabay: ${answers}.`,
    who: 'Kuwa la tiriyo',
    population: {
      residents: 'Kaliya dadka aagga deggan.',
      all: 'Qof kasta oo aagga ka jawaabay.',
      mixed: 'Kaliya dadka aagga deggan, marka sahanku taas weydiiyey.',
    },
    now: (wave: string) => `Hadda (${wave})`,
    before: (wave: string) => `Hore (${wave})`,
    likely: (low: string, high: string) => `Aad bay u badan tahay inuu u dhexeeyo ${low} iyo ${high}.`,
    below: (bound: string) => `Ka hooseeya ${bound} (jawaabuhu aad bay ugu yar yihiin tiro sax ah).`,
    above: (bound: string) => `Ka sarreeya ${bound} (jawaabuhu aad bay ugu yar yihiin tiro sax ah).`,
    changed: 'Waxa isbeddelay',
    change: {
      improved: (from: string, to: string) => `Way fiicnaatay: laga bilaabo ${from} ilaa ${to}. Farqigu wuu ka weyn yahay intii kadis keeni karto.`,
      worsened: (from: string, to: string) => `Way xumaatay: laga bilaabo ${from} ilaa ${to}. Farqigu wuu ka weyn yahay intii kadis keeni karto.`,
      no_clear_change: (from: string, to: string) => `Isbeddel cad ma jiro: laga bilaabo ${from} ilaa ${to}, laakiin farqigu wuu yar yahay, wuxuuna noqon karaa kadis.`,
    },
    goal: 'Yoolka ma la gaaray?',
    target: {
      met: 'Haa. Xitaa haddii aan qaadanno tirada ugu xun ee suurtagalka ah, yoolka waa la gaaray.',
      not_met: 'Maya. Xitaa haddii aan qaadanno tirada ugu wanaagsan ee suurtagalka ah, yoolka lama gaarin.',
      unclear: 'Weli ma sheegi karno: yoolku wuxuu ku jiraa inta u dhexeysa tirooyinka suurtagalka ah.',
    },
    unknown: 'Ma sheegi karno: jawaabo aad u yar.',
    context: 'Isbarbardhig ahaan',
    contextText: (value: string, source: string) =>
      `${source} waxay heshay ${value}. Sahankaas si kale ayaa loo sameeyey, sidaas darteed tirooyinka si toos ah looma isbarbardhigi karo.`,
    firstWave: 'Waxaan la isbarbardhignaa wareeggii ugu horreeyey ee isla taxanaha, sababtoo ah si isku mid ah ayaa loo sameeyey.',
    selfSelected: 'Qof kasta wuu ka jawaabi karay xiriiriye furan, sidaas darteed jawaabuhu ma aha muunad si kadis ah loo doortay. Tirooyinka u qaado tilmaan ahaan oo keliya.',
    sure: 'Intee in le’eg ayaan hubnaa?',
    rule:
      'Tirada ka timaadda sahan marnaba si buuxda uma saxna. Waxaan leennahay yoolka waa la gaaray, ama wax baa fiicnaaday ama xumaaday, kaliya marka farqigu ka weyn yahay intii kadis keeni karto. Haddii kale waxaan leennahay weli ma cadda. Dhammaan yoolalka isla wareegga waan wada eegnaa, si aynaan u helin horumar kaliya sababtoo ah meelo badan ayaan eegnay.',
  },
  method: {
    heading: 'Sida tirooyinka loo sameeyo',
    text: 'Saamiyadu waxay ka mid yihiin dadkii su’aasha ka jawaabay; jawaabaha sida “ma garanayo” lama tiriyo. Meesha aagga ay u jiraan tirooyinka dadweynaha, jawaabaha waa la miisaamaa si kooxaha da’da iyo labka iyo dheddigga u culus yihiin sida ay dadweynaha ugu jiraan. Tiro kasta hoosteeda waxaa ku qoran meesha uu saamiga dhabta ahi aad ugu badan yahay inuu ku jiro (xad 95 % ah: 95 ka mid ah 100 sahan wuu sax noqon lahaa). Tiro ku salaysan jawaabo aad u yar lama muujiyo, si aan qofna loo garan.',
  },
};
