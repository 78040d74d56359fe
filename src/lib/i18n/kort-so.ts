/**
 * Somali strings for the public map of reports (same shape as kort-da.ts).
 * Translated by the team, not yet reviewed by a native speaker: see README "Languages".
 */
import type { KortMessages } from './kort-da.ts';

export const kortSo: KortMessages = {
  title: 'Khariidadda warbixinnada',
  intro:
    'Khariidaddu waxay muujinaysaa tirada warbixinnada walaaca ee ku jira aag kasta iyo lix-geeslayaal yaryar oo mid kastaa qiyaastii yahay 0.1 km². Marnaba ma muujiso meel sax ah ama waxa warbixinta ku qoran.',
  moderatedOnly:
    'Waxaa la tiriyaa oo keliya warbixinnada uu shaqaale eegay oo uu sii gudbiyey. Warbixinnada cusub, kuwa la diiday iyo kuwa la isku daray lama tiriyo.',
  privacy: (k: number) =>
    `Lix-geesle ay ku jiraan in ka yar ${k} warbixin gabi ahaanba lama muujiyo. Sidoo kale lama muujiyo tiro kasta oo laga xisaabin karo tiro ka yar ${k}, haddii la isbarbardhigo laba doorasho, tusaale ahaan dhammaan qaybaha iyo hal qayb. Muddooyinku waa sannado dhan (Janaayo ilaa Diseembar). Wadarta aag waxaa la muujiyaa oo keliya marka aysan soo bandhigi karin lix-geesle qarsoon; haddii kale waxaa ku qoran "aad u yar".`,
  released: (day: string, intervalDays: number) =>
    `Tirooyinkan waxaa la soo saaray ${day}. Waxaa la cusboonaysiiyaa ${intervalDays} maalmood kasta, ma aha mar kasta oo warbixin la qabto, si aan qofna u ogaan warbixinta beddeshay tiro.`,
  noise:
    'Si loo ilaaliyo dadka soo sheega, tiro kasta waxyar ayaa la beddelaa (ugu badnaan 2 kor ama hoos), had iyo jeer si isku mid ah marka warbixinnadu isku mid yihiin. Tirooyinku waxay bixiyaan sawir run ah, laakiin wadartu mar walba si sax ah isuguma dhigmo.',
  filters: 'Dooro warbixinnada',
  category: 'Qaybta',
  period: 'Muddada',
  allPeriods: 'Waqtiga oo dhan',
  reporterType: 'Cidda soo sheegtay',
  reporterTypes: {
    resident: 'Dadka deegaanka',
    business: 'Ganacsiyada',
    works_here: 'Dadka aagga ka shaqeeya',
    visitor: 'Booqdayaasha',
  },
  all: 'Dhammaan',
  apply: 'Muuji',
  clear: 'Dib u celi',
  mapLabel: 'Khariidadda aagagga oo leh lix-geeslayaal meelaha ay warbixinno badan ka yimaadeen',
  hexTitle: (place: string, n: number) => `U dhow ${place} – tirada warbixinnada: ${n}`,
  legend: 'Inta uu lix-geeslaha sii madoobaado, ayay warbixinnadu sii badan yihiin.',
  cellsHeading: 'Meelaha ay warbixinno badan ka yimaadeen',
  cellsCaption: 'Lix-geeslayaal leh ugu yaraan K warbixin, lagu sharaxay meesha magaca leh ee ugu dhow',
  cellsNone: 'Ma jiro lix-geesle leh warbixinno ku filan oo lagu muujin karo doorashadan.',
  place: 'Meesha ugu dhow',
  area: 'Aagga',
  count: 'Warbixinno',
  areasHeading: 'Warbixinnada aag kasta',
  areasCaption: 'Dhammaan warbixinnada la hubiyey ee aag kasta, doorashadan',
  tooFew: 'aad u yar',
  report: 'Soo sheeg meel aadan nabadgelyo ku dareemin',
};
