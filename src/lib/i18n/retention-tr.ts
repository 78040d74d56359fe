/** Turkish text of the retention schedule on /privatliv (same shape as retention-da.ts). Translated by the team, not yet reviewed by a native speaker: see README "Languages". */
import type { PeriodUnit } from '../domain.ts';
import type { retentionDa } from './retention-da.ts';

/** Turkish nouns do not take a plural after a number ("3 gün"), so both forms are the same. */
const UNITS: Record<PeriodUnit, [string, string]> = {
  hours: ['saat', 'saat'],
  days: ['gün', 'gün'],
  months: ['ay', 'ay'],
  years: ['yıl', 'yıl'],
};

export const retentionTr: typeof retentionDa = {
  heading: 'Neleri ve ne kadar süre saklıyoruz',
  intro:
    'Aşağıdaki bilgiler kendiliğinden silinir. Buradaki süreler, sitenin gerçekten kullandığı sürelerdir: sunucu her gün bir kez, süresi dolmuş olan bilgileri siler.',
  what: 'Ne',
  howLong: 'Ne kadar süre',
  caption: 'Her bilgi türünün ne kadar süre saklandığı',
  period: (p) => `${p.n} ${UNITS[p.unit][p.n === 1 ? 0 : 1]}`,
  rules: {
    report_email: {
      what: 'Bir bildirim hakkında haber almak istediyseniz e-posta adresiniz ve geri aranmak isteyen bir işletmenin telefon numarası',
      when: () => 'Bildirim kapatılır kapatılmaz silinir.',
    },
    report_details: {
      what: 'Bildirimdeki açıklama, tam yer ve kendi yazdığınız bir yer',
      when: (p) =>
        `Bildirim kapatıldıktan ${p} sonra. Bundan sonra yalnızca kategori, bölge, gün, günün hangi saati olduğu ve durum kalır; yer ise yalnızca haritanın gösterdiği, yaklaşık 0,1 km² büyüklüğündeki altıgen olarak kalır. Bildirim, haritadaki rakamlarda sayılmaya devam eder.`,
    },
    rejected_reports: {
      what: 'Reddedilmiş bir bildirim (örneğin güvenlikle ilgili olmadığı için)',
      when: (p) => `Reddedildikten ${p} sonra tamamen silinir.`,
    },
    report_outbox: {
      what: 'Bildiriminiz hakkında size gönderilmeyi bekleyen bir mesaj',
      when: (p) => `Gönderilince silinir; en geç, gönderim sırasına alındıktan ${p} sonra.`,
    },
    report_submissions: {
      what: 'Aynı bildirim iki kez kaydedilmesin diye bildirim formundan gelen, tek kullanımlık bir işaret',
      when: (p) => `En fazla ${p}.`,
    },
    subscriptions_unconfirmed: {
      what: 'Abonelik isteyip onaylamadıysanız e-posta adresiniz',
      when: (p) => `En fazla ${p}.`,
    },
    subscription_outbox: {
      what: 'Aboneliğiniz hakkında size gönderilmeyi bekleyen bir e-posta',
      when: (p) => `Gönderilince silinir; en geç, gönderim sırasına alındıktan ${p} sonra.`,
    },
    survey_drafts: {
      what: 'Bir anketi doldururken verdiğiniz cevaplar (şifreli)',
      when: (p) => `En fazla ${p}.`,
    },
    comments_approved: {
      what: 'Onaylanıp gösterilen yorumlar ve sorular, verilen cevaplarla birlikte',
      when: (p) => `Çalışma sürdüğü sürece ve çalışma, etkinlik ya da istişare bittikten sonra ${p} daha.`,
    },
    comments_rejected: {
      what: 'Bir görevlinin (moderatörün) reddettiği yorumlar',
      when: (p) => `Reddedildikten ${p} sonra.`,
    },
    event_signups: {
      what: 'Bir etkinliğe kaydınız (kişi sayısı, verdiyseniz e-posta adresiniz ve iptal bağlantısının bir parmak izi)',
      when: () => 'Etkinlik bittiğinde, iptal edildiğinde ya da siz kaydınızı iptal ettiğinizde silinir. Yalnızca kayıtlı kişi sayısı saklanır.',
    },
    event_outbox: {
      what: 'Kaydınız hakkında gönderilmeyi bekleyen bir e-posta (onay ya da iptal)',
      when: (p) => `Gönderilince silinir; en geç, gönderim sırasına alındıktan ${p} sonra.`,
    },
    comments_pending: {
      what: 'Hiçbir görevlinin henüz onaylamadığı ya da reddetmediği yorumlar',
      when: (p) => `Yazıldıktan ${p} sonra.`,
    },
    throttle_hits: {
      what: 'Aynı yerden kısa sürede ne kadar şey gönderilebileceğini sınırlayan sayaçlar (IP adresiniz değil, bir anahtar)',
      when: (p) => `En fazla ${p}.`,
    },
    sessions: {
      what: 'Personelin siteye girişleri (oturumlar)',
      when: (p) => `En fazla ${p}.`,
    },
    audit_log: {
      what: 'Personelin yaptığı işlemlerin kaydı (kim, neyi, ne zaman yaptı)',
      when: (p) =>
        `${p}. Bu kayıt, personelin yaptıklarından hesap verebilmesi içindir; böylece örneğin bir bildirimi kimin reddettiği, birkaç yıl sonra bir şikâyette ya da denetimde de kontrol edilebilir.`,
    },
  },
  subscriptions: {
    what: 'Haberlere abone olduğunuzda e-posta adresiniz (şifreli)',
    when: 'Abone olduğunuz sürece. Her e-postadaki bağlantıyla aboneliğinizi iptal ettiğinizde ya da takip ettiğiniz çalışma veya bölge silindiğinde silinir.',
  },
  responses: {
    what: 'Anket cevapları',
    when: 'Anketler yıldan yıla karşılaştırılabilsin diye istatistik olarak saklanır. Cevaplar anonimdir ve size kadar geri izlenemez.',
  },
};
