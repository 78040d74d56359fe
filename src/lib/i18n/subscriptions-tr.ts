/** Turkish strings for e-mail subscriptions (same shape as subscriptions-da.ts, merged into the catalogue as `subscriptions`). Translated by the team, not yet reviewed by a native speaker: see README "Languages". */
import type { SubscriptionsMessages } from './subscriptions-da.ts';

export const subscriptionsTr: SubscriptionsMessages = {
  title: 'Haberleri e-postayla alın',
  intro:
    'Yeni bir şey olduğunda, günde en fazla bir kez, hepsini bir arada toplayan tek bir e-posta alın: bir bölgedeki yeni çalışmalar ve güncellemeler, tek bir çalışmayla ilgili haberler, yeni etkinlikler ya da güvenlik anketlerinin yayımlanan sonuçları.',
  privacy:
    'E-posta adresinizi yalnızca bunun için kullanırız. Adres şifreli olarak saklanır ve aboneliğinizi iptal ettiğinizde silinir (her e-postada aboneliği iptal etme bağlantısı vardır). Bir gün içinde onaylamazsanız adres yine silinir (en geç 48 saat sonra).',
  formHeading: 'Haberlere abone olun',
  embedHeading: 'Haberleri e-postayla alın',
  topicLegend: 'Ne hakkında haber almak istersiniz?',
  topics: {
    area: 'Bir bölgedeki yeni çalışmalar ve güncellemeler',
    initiative: 'Bu çalışmayla ilgili haberler',
    events: 'Yeni etkinlikler',
    results: 'Güvenlik anketlerinin yeni sonuçları',
  },
  area: 'Bölge',
  chooseArea: 'Bir bölge seçin',
  email: 'E-posta adresiniz',
  emailHint: 'Size, onaylamak için tıklamanız gereken bir bağlantı içeren bir e-posta göndereceğiz.',
  submit: 'Abone ol',
  honeypot: 'Bu alanı boş bırakın',
  sentHeading: 'E-postanıza bakın',
  sent: 'Adres e-posta alabiliyorsa, kısa süre içinde bağlantı içeren bir e-posta alacaksınız. Abonelik ancak bağlantıya tıklayıp onayladığınızda başlar. Bağlantı en az 24 saat çalışır.',
  more: 'Abone olabileceğiniz her şeyi görün',
  errors: {
    emailMissing: 'E-posta adresinizi yazın.',
    emailInvalid: 'E-posta adresi doğru görünmüyor. Adresi name@example.com şeklinde yazın.',
    topicMissing: 'Ne hakkında haber almak istediğinizi seçin.',
    areaMissing: 'Bir bölge seçin.',
    unknownTarget: 'Abone olmak istediğiniz şey bulunamadı (artık yok). Lütfen yeniden seçin.',
    throttled: 'Kısa sürede çok sayıda abonelik istediniz. Lütfen biraz bekleyin ve tekrar deneyin.',
    flood: 'Şu anda olağandışı sayıda abonelik isteniyor, bu yüzden kısa bir ara veriyoruz. Lütfen bir saat sonra tekrar deneyin.',
    errorSummary: 'Düzeltilmesi gereken bir şey var:',
  },
  confirm: {
    title: 'Aboneliğinizi onaylayın',
    intro: (what: string): string => `Şuna abone olmak üzeresiniz: ${what}.`,
    button: 'Aboneliği onayla',
    doneTitle: 'Aboneliğiniz onaylandı',
    done: (what: string): string => `Bundan sonra şu konuda yeni bir şey olduğunda, hepsini bir arada toplayan tek bir e-posta alacaksınız: ${what}. Her e-postada aboneliği iptal etme bağlantısı vardır.`,
    alreadyTitle: 'Abonelik zaten onaylanmış',
    already: 'Bu aboneliği zaten onayladınız. Başka bir şey yapmanız gerekmiyor.',
    expiredTitle: 'Bağlantının süresi doldu',
    expired: 'Bağlantı çok eski ve e-posta adresiniz artık silindi. Yeni bir bağlantı almak için yeniden abone olabilirsiniz.',
    unknownTitle: 'Bağlantı çalışmıyor',
    unknown: 'Bu bağlantı tanınmıyor: yanlış yazılmış olabilir ya da abonelik iptal edilmiş veya süresi dolmuş ve bu yüzden silinmiş olabilir. Yeniden abone olabilirsiniz.',
    again: 'Yeniden abone ol',
  },
  unsubscribe: {
    title: 'Aboneliği iptal et',
    intro: (what: string): string => `Şu konudaki aboneliğinizi iptal etmek istiyor musunuz: ${what}? E-posta adresiniz silinecek.`,
    button: 'Aboneliği iptal et',
    doneTitle: 'Aboneliğiniz iptal edildi',
    done: 'Abonelik ve e-posta adresiniz silindi. Bu konuda bizden artık e-posta almayacaksınız.',
    unknownTitle: 'Bağlantı çalışmıyor',
    unknown: 'Abonelik iptal bağlantısı tanınmıyor: ya aboneliğinizi zaten iptal ettiniz (ve adresiniz silindi) ya da bağlantı yanlış yazılmış.',
    throttled: 'Kısa sürede buradan çok sayıda tanınmayan bağlantı denendi. Lütfen biraz bekleyin ve tekrar deneyin.',
  },
  what: {
    area: (name: string): string => `${name} bölgesindeki yeni çalışmalar ve güncellemeler`,
    initiative: (title: string): string => `“${title}” adlı çalışma`,
    events: 'yeni etkinlikler',
    results: 'güvenlik anketlerinin yeni sonuçları',
  },
  mail: {
    confirmSubject: 'Tryghed i Indre Nørrebro aboneliğinizi onaylayın',
    confirmBody: (what: string, url: string): string =>
      [
        `Birisi (umarız sizsiniz) şu konuda e-postayla haber almak istedi: ${what}.`,
        '',
        'Onaylamak için bağlantıya tıklayın (bağlantı en az 24 saat çalışır):',
        url,
        '',
        'Bunu siz istemediyseniz hiçbir şey yapmayın: onay gelmezse adresi 48 saat içinde sileriz ve bizden bir daha haber almazsınız.',
      ].join('\n'),
    alreadySubject: 'Zaten abonesiniz',
    alreadyBody: (what: string): string =>
      [`Birisi (umarız sizsiniz) şu konuda e-postayla haber almak istedi: ${what}.`, '', 'Buna zaten abonesiniz, yapmanız gereken bir şey yok.'].join('\n'),
    digestSubject: (n: number): string => `Tryghed i Indre Nørrebro’dan haberler: ${n} yeni haber`,
    digestIntro: (what: string): string => `Son e-postadan bu yana şu konudaki yenilikler: ${what}.`,
    items: {
      initiative: 'Yeni çalışma',
      update: 'Güncelleme',
      milestone: 'Ara hedefe ulaşıldı',
      event: 'Yeni etkinlik',
      results: 'Sonuçlar yayımlandı',
    },
    footer: (url: string): string =>
      ['—', 'Bu e-postayı, Tryghed i Indre Nørrebro’da abone olduğunuz için alıyorsunuz. Adresinizi yalnızca bunun için kullanırız.', `Tek tıklamayla aboneliği iptal edin: ${url}`].join('\n'),
  },
};
