/**
 * Somali text of the retention schedule on /privatliv (same shape as retention-da.ts).
 * Translated by the team, not yet reviewed by a native speaker: see README "Languages".
 */
import type { PeriodUnit } from '../domain.ts';
import type { retentionDa } from './retention-da.ts';

/** After a number Somali uses the counting form (48 saacadood, 30 maalmood, 6 bilood, 5 sannadood). */
const UNITS: Record<PeriodUnit, [string, string]> = {
  hours: ['saacad', 'saacadood'],
  days: ['maalin', 'maalmood'],
  months: ['bil', 'bilood'],
  years: ['sannad', 'sannadood'],
};

export const retentionSo: typeof retentionDa = {
  heading: 'Waxa aan kaydinno, iyo muddada',
  intro:
    'Waxyaabahan si toos ah ayaa loo tirtiraa. Muddooyinku waa kuwa uu boggu dhab ahaan isticmaalo: maalin kasta kombiyuutarka bogga wuxuu tirtiraa waxa gaboobay.',
  what: 'Waxa la kaydiyo',
  howLong: 'Muddada',
  caption: 'Muddada nooc kasta oo xog ah la kaydiyo',
  period: (p) => `${p.n} ${UNITS[p.unit][p.n === 1 ? 0 : 1]}`,
  rules: {
    report_email: {
      what: 'Ciwaanka iimaylkaaga, haddii aad codsatay in lagaala socodsiiyo warbixin, iyo lambarka taleefanka ganacsi si dib loogu soo waco',
      when: () => 'Waxaa la tirtiraa isla marka warbixinta la xiro.',
    },
    report_details: {
      what: 'Sharaxaadda warbixinta, meesha saxda ah iyo meel aad adigu qortay',
      when: (p) =>
        `${p} kadib marka warbixinta la xiro. Intaas kadib waxaa haray oo keliya qaybta, aagga, maalinta, waqtiga maalinta iyo xaaladda, meeshuna waa oo keliya lix-geeslaha qiyaastii 0.1 km² ah ee khariidaddu muujiso. Warbixintu weli waxay ku jirtaa tirooyinka khariidadda.`,
    },
    rejected_reports: {
      what: 'Warbixin la diiday (tusaale ahaan sababtoo ah kuma saabsana nabadgelyo)',
      when: (p) => `Gebi ahaanba waa la tirtiraa ${p} kadib marka la diido.`,
    },
    report_outbox: {
      what: 'Farriin adiga kuu socota oo ku saabsan warbixintaada, oo sugaysa in la diro',
      when: (p) => `Waa la tirtiraa marka la diro, ugu dambayn ${p} kadib marka la dhigo safka dirista.`,
    },
    report_submissions: {
      what: 'Calaamad hal mar la isticmaalo oo ka timid foomka warbixinta, si isla warbixinta aan laba jeer loo kaydin',
      when: (p) => `Ugu badnaan ${p}.`,
    },
    subscriptions_unconfirmed: {
      what: 'Ciwaanka iimaylkaaga, haddii aad codsatay is-diiwaangelin laakiin aadan xaqiijin',
      when: (p) => `Ugu badnaan ${p}.`,
    },
    subscription_outbox: {
      what: 'Iimayl adiga kuu socda oo ku saabsan is-diiwaangelintaada, oo sugaya in la diro',
      when: (p) => `Waa la tirtiraa marka la diro, ugu dambayn ${p} kadib marka la dhigo safka dirista.`,
    },
    survey_drafts: {
      what: 'Jawaabahaaga inta aad buuxinayso sahan (si sir ah ayaa loo xafiday)',
      when: (p) => `Ugu badnaan ${p}.`,
    },
    comments_approved: {
      what: 'Faallooyinka iyo su’aalaha la ansixiyey oo la muujiyey, iyo jawaabaha loo celiyey',
      when: (p) => `Inta uu dadaalku socdo, iyo ${p} kadib marka dadaalka, munaasabadda ama la-tashigu ay dhammaato.`,
    },
    comments_rejected: {
      what: 'Faallooyinka uu shaqaale diiday',
      when: (p) => `${p} kadib marka la diido.`,
    },
    event_signups: {
      what: 'Is-qoriddaada munaasabad (tirada dadka, iimaylkaaga haddii aad bixisay, iyo summad laga sameeyey xiriiriyaha ka-noqoshada)',
      when: () => 'Waxaa la tirtiraa marka munaasabaddu dhammaato, marka la baajiyo, ama marka aad ka noqoto. Kaliya tirada dadka is-qoray ayaa la kaydiyaa.',
    },
    event_outbox: {
      what: 'Iimayl ku saabsan is-qoriddaada (xaqiijin ama baajin) oo sugaya in la diro',
      when: (p) => `Waa la tirtiraa marka la diro, ugu dambayn ${p} kadib marka la dhigo safka dirista.`,
    },
    comments_pending: {
      what: 'Faallooyin aan shaqaale weli ansixin ama diidin',
      when: (p) => `${p} kadib marka la qoro.`,
    },
    throttle_hits: {
      what: 'Tiriyeyaal xaddidaya inta wax laga diri karo hal meel waqti gaaban gudihiis (fure, ma aha ciwaankaaga IP-ga)',
      when: (p) => `Ugu badnaan ${p}.`,
    },
    sessions: {
      what: 'Galitaanka shaqaalaha (marka ay bogga shaqada galaan)',
      when: (p) => `Ugu badnaan ${p}.`,
    },
    audit_log: {
      what: 'Diiwaanka ficillada shaqaalaha (cidda wax samaysay, waxa ay samaysay iyo goorta)',
      when: (p) =>
        `${p}. Waa diiwaanka xisaabtanka shaqaalaha, si loo hubin karo cidda, tusaale ahaan, diiday warbixin, xitaa haddii cabasho ama hubin la sameeyo sannado kadib.`,
    },
  },
  subscriptions: {
    what: 'Ciwaanka iimaylkaaga, marka aad iska diiwaangeliso wararka (si sir ah ayaa loo xafiday)',
    when: 'Inta aad diiwaangashan tahay. Waa la tirtiraa marka aad ka baxdo adigoo isticmaalaya xiriiriyaha ku jira iimayl kasta, ama marka la tirtiro dadaalka ama aagga aad la socoto.',
  },
  responses: {
    what: 'Jawaabaha sahannada',
    when: 'Waxaa loo kaydiyaa tirakoob ahaan, si sahannada sannad ilaa sannad loo isbarbardhigo. Jawaabuhu waa magac la’aan, lagumana raadin karo adiga.',
  },
};
