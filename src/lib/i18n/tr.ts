/** Turkish message catalogue: the residents' part of the Danish one (see resident.ts and da.ts). Translated by the team, not yet reviewed by a native speaker: see README "Languages". */
import type { ResidentMessages } from './resident.ts';
import { eventsTr } from './events-tr.ts';
import { consultationsTr } from './consultations-tr.ts';
import { kortTr } from './kort-tr.ts';
import { reportsTr } from './reports-tr.ts';
import { resultsTr } from './results-tr.ts';
import { retentionTr } from './retention-tr.ts';
import { subscriptionsTr } from './subscriptions-tr.ts';

export const tr: ResidentMessages = {
  events: eventsTr,
  consultations: consultationsTr,
  reports: reportsTr,
  retention: retentionTr,
  kort: kortTr,
  results: resultsTr,
  subscriptions: subscriptionsTr,
  meta: {
    siteName: 'Tryghed i Indre Nørrebro',
    siteDescription:
      'Indre Nørrebro için güvenlik diyaloğu ve güvenlik anketleri: çalışmaları takip edin, anketleri cevaplayın ve kendinizi nerede güvensiz hissettiğinizi bize anlatın.',
    titleSeparator: ' · ',
  },
  /** Pages for requests refused before a page could render (see src/lib/refusal.ts). */
  refusal: {
    title: 'Gönderdiğiniz bilgi alınamadı',
    400: 'Form okunamadı. Geri dönün ve tekrar deneyin.',
    403: 'Form başka bir web sitesinden gönderildiği için reddedildi. Lütfen formu burada, bu sitede doldurun.',
    413: 'Gönderdiğiniz bilgi çok büyük. Metni kısaltın ve tekrar deneyin.',
    415: 'Form okunamadı (yanlış biçim). Geri dönün ve tekrar deneyin.',
    back: 'Sayfaya geri dön',
  },
  a11y: {
    skipToContent: 'İçeriğe geç',
    mainNavigation: 'Ana menü',
    footerNavigation: 'Bu site hakkında',
    languageSwitch: 'Dil',
    /** The button that opens the main menu on narrow screens. */
    menu: 'Menü',
  },
  nav: {
    report: 'Endişenizi bildirin',
    map: 'Bildirim haritası',
    results: 'Sonuçlar',
    surveys: 'Anketler',
    consultations: 'İstişareler',
    initiatives: 'Çalışmalar',
    events: 'Etkinlikler',
    home: 'Ana sayfa',
    about: 'Ortaklık hakkında',
    privacy: 'Gizlilik',
    accessibility: 'Erişilebilirlik',
  },
  language: {
    /** The name of this locale, written in this locale (the language menu lists every locale by it). */
    name: 'Türkçe',
  },
  emergency: {
    /** The phone links in every page's header. */
    short112: 'Acil durum: 112',
    short114: 'Polis: 114',
    heading: 'Bu bir acil yardım hizmeti değildir',
    call112: 'Hayat, sağlık ya da mülk için acil bir tehlike varsa: 112’yi arayın.',
    call114: 'Diğer durumlarda polise ulaşmak için, suç ihbarı da dahil: 114’ü arayın.',
    notHere: 'Bu site üzerinden suç ihbar edemez ya da acil yardım alamazsınız.',
  },
  footer: {
    partnership: 'Güvenli bir Indre Nørrebro için ortaklık',
    runBy:
      'Bu siteyi, güvenli bir Indre Nørrebro için kurulan ortaklık yürütür: Københavns Politi (Kopenhag Polisi) ve Kopenhag Belediyesi (Center for Sikker By ve SSP København), Områdefornyelsen Indre Nørrebro (semt yenileme ofisi) ile birlikte.',
    anonymous: 'Burada anonimsiniz: kullanıcı hesabı yok, takip yok, IP adresi saklanmaz.',
  },
  home: {
    title: 'Indre Nørrebro’da güvenlik',
    lead:
      'Ortaklığın güvenli bir Indre Nørrebro için yaptığı çalışmaları takip edin, fikrinizi söyleyin ve kendinizi nerede güvensiz hissettiğinizi bize anlatın. Anonimsiniz; bize anlattıklarınız yalnızca başkalarınınkiyle birlikte, toplu olarak gösterilir.',
    goalsHeading: 'Ortaklık neyi başarmak istiyor',
    goals: [
      'Indre Nørrebro’da daha az suç.',
      'Kendini güvende hisseden sakinlerin artması; bu, aynı sorularla tekrar tekrar ölçülür ve başlangıç noktasıyla karşılaştırılır.',
      'Sakinlerin, derneklerin ve işletmelerin çalışmalara katılması.',
      'Sorunlar birkaç sokak öteye taşınmasın diye, Skt. Hans Torv çevresindeki mahalle gibi komşu bölgeleri de takip etmek.',
      'Çocukların ve gençlerin, sosyal medya yoluyla da dahil, çetelere çekilmesini önlemek.',
    ],
    partsHeading: 'Burada neler yapabilirsiniz',
    parts: {
      initiatives: {
        title: 'Çalışmalar ve etkinlikler',
        text: 'Polisin ve belediyenin bölgede neler yaptığını görün, halk toplantılarına ve güvenlik yürüyüşlerine gelin ve sorularınızı sorun.',
      },
      surveys: {
        title: 'Güvenlik anketleri',
        text: 'Kendinizi ne kadar güvende hissettiğinizi bize anonim olarak anlatın. Anketler JavaScript olmadan, ekran okuyucuyla ve kâğıt üzerinde de çalışır.',
      },
      reports: {
        title: 'Endişenizi bildirin',
        text: 'Bir yerin nerede ve ne zaman güvensiz hissettirdiğini haritada gösterin ve bildiriminize ne olduğunu takip edin.',
      },
      results: {
        title: 'Sonuçlar',
        text: 'İnsanların kendini daha güvende hissedip hissetmediğini, hiçbir zaman kimseye kadar geri izlenemeyen rakamlarla görün.',
      },
    },
    comingSoon: 'Yakında',
    areasHeading: 'Bölgeler',
    areasIntro:
      'Ortaklık Indre Nørrebro’da çalışır ve komşu bölgelerde olanları takip eder. Haritadaki sınırlar geçicidir ve bilinen yerlere göre çizilmiştir.',
    areasMapLabel: 'Bölgelerin haritası',
  },
  areas: {
    kind: { target: 'Hedef bölge', adjacent: 'Komşu bölge' },
    approximate: 'geçici sınır',
  },
  about: {
    title: 'Ortaklık hakkında',
    intro:
      'Københavns Politi (Kopenhag Polisi) ve Kopenhag Belediyesi, güvenli bir Indre Nørrebro için bir ortaklık kurdu. Indre Nørrebro; Åboulevard, Jagtvej, Nørrebrogade ve Peblinge Dossering arasındaki bölgedir. Bu bölge uzun yıllardır çete çatışmalarının ve gençleri çetelere çekme faaliyetlerinin merkezi olmuştur.',
    sections: [
      {
        heading: 'Kimler katılıyor',
        paragraphs: [
          'Københavns Politi (Kopenhag Polisi); Center for Sikker By (Güvenli Şehir Merkezi) ve SSP København (okulların, sosyal hizmetlerin ve polisin ortak çalışması) aracılığıyla Kopenhag Belediyesi; ve sakinlerle diyaloğu yürüten Områdefornyelsen Indre Nørrebro (semt yenileme ofisi).',
        ],
      },
      {
        heading: 'Polis nasıl çalışıyor',
        paragraphs: [
          'Polis 2024’ten beri üç alanda çalışıyor: soruşturma; sahada güven sağlayan çalışmalar; ve önleme.',
          'Belediye; çocuklar, gençler ve aileler için sosyal destek üzerinde ve sokakların ve meydanların iyi yaşam alanları olması için kentsel yenileme üzerinde çalışıyor.',
        ],
      },
      {
        heading: 'Bu site nedir, ne değildir',
        paragraphs: [
          'Bu, ortaklığın herkese açık sitesidir: genel çalışmaları anlatır, insanların kendini ne kadar güvende hissettiğini ölçer ve sakinlerden ve işletmelerden gelen endişeleri toplar.',
          'Tek tek kişilerle ilgili çalışmalar gizlidir ve burada yapılmaz. Sitede şüpheliler ya da çete üyeleri hakkında hiçbir bilgi yoktur ve site kimseyi işaret etmek için kullanılamaz.',
        ],
      },
      {
        heading: 'Siteyi kim yürütüyor',
        paragraphs: [
          'Kopenhag Belediyesi’ne bağlı Center for Sikker By (Güvenli Şehir Merkezi), siteden ve sitenin aldığı bilgilerden sorumludur. Sakinlerle diyaloğu Områdefornyelsen Indre Nørrebro (semt yenileme ofisi) yürütür.',
        ],
      },
      {
        heading: 'İletişim',
        paragraphs: ['Çalışmalar ve site hakkında ortaklığa yazabilirsiniz. Güvensiz hissettiren bir yeri bildirmek içinse “Endişenizi bildirin” sayfasını kullanın; böylece bildiriminiz doğru kişilere ulaşır.'],
        contacts: ['general', 'partners', 'dpo', 'accessibility'],
      },
    ],
  },
  privacy: {
    title: 'Gizlilik',
    intro:
      'Kayıt altına alınmadan fikrinizi söyleyebilmelisiniz. Bu site, sizin hakkınızda olabildiğince az şey bilecek şekilde yapıldı.',
    sections: [
      {
        heading: 'Hiçbir zaman saklamadıklarımız',
        paragraphs: [
          'IP adresiniz, kullandığınız tarayıcının adı ve sürümü, takip çerezleri ya da sakinler için kullanıcı hesapları. Site başka hizmetlerden hiçbir şey yüklemez: dışarıdan yazı tipi yok, ziyaretçi analizi yok, reklam yok.',
        ],
      },
      {
        heading: 'Sakladıklarımız',
        paragraphs: [
          'Bir ankete verdiğiniz cevaplar; adınız olmadan, tarihle ama saat olmadan. Serbest metinler; CPR numarası (Danimarka kişi numarası), telefon numarası, e-posta adresi ve araç plakası gibi kişisel bilgiler için otomatik olarak taranır ve bunlar, kimse okumadan önce gizlenir.',
          'Güvensiz bir yer hakkında bir bildirim: yer, kategori, günün saati ve sizin açıklamanız. Bildirim ele alındığında haber almak isterseniz, dosya kapanana kadar e-posta adresinizi saklarız. Adres hiçbir zaman gösterilmez.',
          'Çalışmalar hakkındaki yorumlar ve sorular; bir ad vermeyi seçerseniz adınızla birlikte. Bunları, gösterilmeden önce bir görevli (moderatör) okur.',
          'Bir istişareye verdiğiniz cevap: cevap verdiğiniz her yer için görüşünüz ve burada mı yaşadığınız, çalıştığınız, işletme mi işlettiğiniz yoksa buraya mı geldiğiniz. Her yerin cevabı ayrı saklanır; tarih olmadan ve diğer cevaplarınızla hiçbir bağlantı olmadan. İstişare bittiğinde yalnızca rakamlar yayımlanır ve cevaplar silinir. Yorumlardaki kişisel bilgiler gizlenir ve yorumlar gösterilmeden önce bir moderatör tarafından okunur.',
        ],
      },
      {
        heading: 'Çerezler',
        paragraphs: [
          'Site yalnızca kesinlikle gerekli çerezleri kullanır: biri, siz bir anketi doldururken cevaplarınızı hatırlar (48 saat içinde silinir); biri, dil menüsünde seçtiğiniz dili hatırlar (yalnızca "ar" gibi dilin kodunu tutar ve bir yıl saklanır); biri, bu tarayıcıdan bir istişareye cevap verdiğinizi hatırlar (yalnızca istişarenin numarasını tutar ve istişare bittikten sonraki gün silinir); biri de personelin oturumunu açık tutar. Bu yüzden sizden izin istemiyoruz.',
        ],
      },
      {
        heading: 'Gösterdiğimiz rakamlar',
        paragraphs: [
          'Sonuçlar yalnızca toplu olarak ve ancak bir rakamın arkasında en az beş kişi varsa gösterilir. Daha az cevap varsa “çok az cevap” yazar. Küçük bir sayı, başka iki rakamın birbirinden çıkarılmasıyla hesaplanabilecekse o rakam da gizlenir.',
          'Gösterdiğimiz her rakam ayrıca biraz değiştirilir: en fazla 2 yukarı ya da aşağı. Bunun için, tam olarak o rakamın saydığı cevaplara ya da bildirimlere ait rastgele bir anahtar kullanılır. Aynı cevaplar, nerede gösterilirse gösterilsin, her zaman aynı rakamı verir; bu yüzden bu değişiklik, çok kez sorarak ya da sayfaları karşılaştırarak ortadan kaldırılamaz. Bu, istatistik kurumlarının, kullanıcıların kendilerinin oluşturduğu tablolar için kullandığı yöntemdir. Bunun bedeli şudur: toplamlar her zaman tam tutmaz ve bir rakam 2’ye kadar farklı olabilir.',
          'Bildirim haritasındaki, Open311’deki ve çalışma sayfalarındaki rakamlar, haftada bir yapılan bir yayından gelir. Bir bildirim ele alındığında, bir sonraki yayına kadar herkese açık hiçbir şey değişmez; böylece kimse hangi bildirimin bir rakamı değiştirdiğini göremez. Her rakamın yanında, yayının ne zaman yapıldığı yazar. Bir anketin sonuçları, anket kapandığında bir kez yayımlanır.',
        ],
      },
      {
        heading: 'Veri sorumlusu',
        paragraphs: [
          'Veri sorumlusu, Kopenhag Belediyesi’ne bağlı Center for Sikker By (Güvenli Şehir Merkezi) birimidir. Cevaplar anonim olduğu için sizin kendi cevaplarınızı tekrar bulamayız. Kişisel verilerin nasıl işlendiği hakkında sorularınız varsa ya da şikâyette bulunmak istiyorsanız belediyenin veri koruma görevlisine yazın. Danimarka Veri Koruma Kurumu’na (Datatilsynet) da şikâyette bulunabilirsiniz.',
        ],
        contacts: ['dpo', 'general'],
      },
    ],
  },
  accessibility: {
    title: 'Erişilebilirlik beyanı',
    /** The opening paragraph, as the Agency for Digital Government's WAS tool words it; `site` is the site's address. */
    intro: (site: string) =>
      `Kopenhag Belediyesi, web sitesini, Danimarka’daki kamu kurumlarının web sitelerinin ve mobil uygulamalarının erişilebilirliği hakkındaki yasaya uygun olarak erişilebilir kılmayı taahhüt eder. Bu erişilebilirlik beyanı, Tryghed i Indre Nørrebro sitesi (${site}) için geçerlidir.`,
    status: {
      heading: 'Uyumluluk durumu',
      text: 'Bu web sitesi, aşağıda sıralanan uyumsuzluklar nedeniyle, yasanın istediği standart olan WCAG 2.1 AA düzeyine kısmen uygundur.',
    },
    nonAccessible: {
      heading: 'Erişilebilir olmayan içerik',
      intro: 'Aşağıda sıralanan içerik, şu nedenlerle erişilebilir değildir:',
      nonComplianceHeading: 'Yasaya uyumsuzluk',
      nonCompliance: [
        'Çok dar ekranlarda (320 piksel genişlik ya da %400 yakınlaştırma) Sonuçlar sayfasındaki tabloları tüm bölgeleriyle görmek için yana kaydırmak gerekir (WCAG 1.4.10 Yeniden akış). Dar ekranlara uyan bir görünüm üzerinde çalışıyoruz.',
      ],
      burdenHeading: 'Orantısız yük',
      burden: 'İçeriğin herhangi bir bölümünü erişilebilir yapmanın orantısız bir yük olacağını öne sürmüyoruz.',
      outOfScopeHeading: 'Yasanın kapsamı dışındaki içerik',
      outOfScope:
        'Çevrimiçi haritalar yasanın kapsamı dışındadır. Yine de haritalarla yapılan her şey harita olmadan da yapılabilir: bir yeri listeden seçebilir ya da yazabilirsiniz; rakamlar da tablolarda verilir.',
    },
    howMade: {
      heading: 'Bu erişilebilirlik beyanının hazırlanması',
      made: 'Bu beyanın hazırlandığı tarih:',
      updated: 'Son güncellendiği tarih:',
      method:
        'Değerlendirme bir öz değerlendirmedir. Sitenin yeni bir sürümü yayına girmeden önce her sayfa, axe aracıyla WCAG 2.1 A ve AA için otomatik olarak test edilir. Sayfalar ayrıca bir tarayıcıda, telefon boyutunda ve masaüstü boyutunda bir ekranda, JavaScript açıkken ve kapalıyken incelenmiştir.',
      built:
        'Sitedeki her şey JavaScript olmadan çalışır. Site yalnızca klavyeyle kullanılabilir, küçük ekranlara ve büyütmeye uyum sağlar ve yazdırılabilir.',
    },
    feedback: {
      heading: 'Geri bildirim ve iletişim bilgileri',
      text: 'Sitede kullanamadığınız bir şey bulursanız ya da bir bilgiye başka bir biçimde ihtiyacınız varsa bize yazın. Size cevap verir ve sorunu gideririz.',
    },
    enforcement: {
      heading: 'Denetim süreci',
      text: 'Kamu web sitelerinin erişilebilirliğini Danimarka Dijitalleşme Ajansı (Digitaliseringsstyrelsen) denetler. Cevabımızdan memnun değilseniz ya da cevap alamazsanız bu kuruma şikâyette bulunabilirsiniz.',
      link: 'Bir web sitesinin erişilebilirliği hakkında Dijitalleşme Ajansı’na şikâyette bulunun (Danca)',
    },
  },
  /** Contact points (addresses from the configuration, README "Configuration"). */
  contact: {
    heading: 'İletişim',
    general: 'Ortaklığa ya da site hakkında sorular',
    dpo: 'Kişisel verileriniz hakkında: veri koruma görevlisi',
    accessibility: 'Erişilebilirlik: sitede kullanamadığınız bir şey varsa bize bildirin',
  },
  initiatives: {
    title: 'Çalışmalar',
    intro:
      'Bunlar, ortaklığın güvenli bir Indre Nørrebro ve komşu bölgeler için yürüttüğü genel çalışmalardır. Tek tek kişilerle ilgili çalışmalar gizlidir ve burada anlatılmaz.',
    filters: 'Çalışmaları filtreleyin',
    area: 'Bölge',
    partner: 'Ortak kurum',
    status: 'Durum',
    all: 'Tümü',
    apply: 'Çalışmaları göster',
    clear: 'Filtreleri temizle',
    count: (n: number) => (n === 1 ? '1 çalışma' : `${n} çalışma`),
    none: 'Filtrelere uyan çalışma yok.',
    track: 'Çalışma alanı',
    period: 'Dönem',
    from: (d: string) => `${d} tarihinden itibaren`,
    responsible: 'Sorumlu',
    areas: 'Bölgeler',
    timeline: 'Gelişmeler',
    noUpdates: 'Henüz bir güncelleme yazılmadı.',
    updateRetracted: (day: string, reason: string) => `Bu güncelleme ${day} tarihinde geri çekildi: ${reason}`,
    updateEdited: (day: string) => `${day} tarihinde düzeltildi – önceki metne bakın`,
    updateEarlier: (happened: string, replaced: string) => `${happened} tarihi için yazıldı, ${replaced} tarihinde değiştirildi:`,
    milestones: {
      heading: 'Ara hedefler',
      progress: (done: number, of: number) => `${of} ara hedeften ${done} tanesine ulaşıldı`,
      states: { planned: 'Planlandı', in_progress: 'Devam ediyor', done: 'Ulaşıldı', dropped: 'Vazgeçildi' },
      doneOn: (d: string) => `${d} tarihinde ulaşıldı`,
      dueOn: (d: string) => `${d} için planlandı`,
      feedDone: (title: string) => `Ara hedefe ulaşıldı: ${title}`,
    },
    events: 'Bu çalışmanın etkinlikleri',
    feed: 'Çalışmalarla ilgili haberler (RSS)',
    feedArea: (area: string) => `Çalışmalarla ilgili haberler: ${area} (RSS)`,
    reportsHeading: 'Bu çalışmaya yol açan bildirimler',
    reportsReleased: (day: string) => `Rakamlar ${day} tarihli yayından alınmıştır; bildirimde bulunanları korumak için her rakam biraz değiştirilmiştir.`,
    reportsTotal: (n: number) => `Sakinlerden ve işletmelerden gelen ${n} bildirim bu çalışmayla bağlantılıdır.`,
    reportsFew: 'Bu çalışmayla bağlantılı bildirim sayısı, rakam göstermek için çok az.',
    reportsFewCell: 'çok az',
    reportsCategory: 'Konu',
    reportsCount: 'Bildirim sayısı',
    backToList: 'Tüm çalışmalar',
    inDanish: 'Bu metin yalnızca Danca olarak mevcuttur.',
    tracks: {
      investigative: 'Soruşturma',
      operational: 'Sahada güven sağlayan çalışmalar',
      preventive: 'Önleme',
      social: 'Sosyal destek',
      urban_renewal: 'Kentsel yenileme',
    },
    statuses: { planned: 'Planlandı', active: 'Devam ediyor', completed: 'Tamamlandı' },
  },
  dialogue: {
    heading: 'Sorular ve yorumlar',
    intro:
      'Bir soru sorun ya da bir yorum bırakın. Her şeyi, gösterilmeden önce bir çalışan okur ve ortaklık adına cevaplar.',
    none: 'Henüz yayımlanmış bir yorum yok.',
    anonymous: 'Anonim',
    postedOn: 'yazılma tarihi:',
    replyFrom: (partner: string) => `Cevap veren: ${partner}`,
    formHeading: 'Yorum yazın',
    name: 'Ad (isteğe bağlı)',
    nameHint: 'Adınızı ya da bir takma ad yazabilir veya hiçbir şey yazmayabilirsiniz.',
    body: 'Yorumunuz ya da sorunuz',
    bodyHint: (max: number) => `En fazla ${max} karakter. İsim ya da kişileri tanımaya yarayabilecek başka bir şey yazmayın.`,
    honeypot: 'Bu alanı boş bırakın',
    submit: 'İncelenmek üzere gönder',
    rules:
      'Bu site suç ihbarı için değildir. Acil durumda 112’yi, diğer durumlarda polis için 114’ü arayın. Kişiler hakkındaki bilgiler otomatik olarak gizlenir.',
    errors: {
      summary: 'Yorum gönderilmedi:',
      bodyMissing: 'Bir yorum ya da soru yazın.',
      bodyTooLong: (max: number) => `Yorum en fazla ${max} karakter olabilir.`,
      nameTooLong: (max: number) => `Ad en fazla ${max} karakter olabilir.`,
      throttled: 'Kısa sürede çok sayıda yorum gönderdiniz. Lütfen biraz bekleyin ve tekrar deneyin.',
      rejected: 'Yorum alınamadı.',
    },
    flag: {
      open: 'Bu yorumu şikâyet edin',
      intro: 'Burada olmaması gereken bir yorumu editörlere bildirin. Yalnızca yorumun şikâyet edildiğini ve nedenini saklarız – sizin hakkınızda hiçbir şey saklamayız.',
      reason: 'Neden?',
      reasons: {
        personal: 'Kişileri işaret ediyor ya da tarif ediyor',
        offensive: 'Kırıcı ya da tehdit edici',
        crime: 'Bir suçu ihbar ediyor',
        spam: 'Reklam ya da istenmeyen içerik (spam)',
        other: 'Başka bir şey',
      },
      submit: 'Şikâyeti gönder',
      done: 'Teşekkürler. Editörler yoruma bakacak.',
      again: 'Bu yorumu bugün zaten şikâyet ettiniz. Teşekkürler – editörler yoruma bakacak.',
      errors: {
        unknownComment: 'Şikâyet kaydedilmedi: bu yorum bu sayfada yok ya da kaldırılmış.',
        badReason: 'Şikâyet kaydedilmedi: listeden bir neden seçin.',
        throttled: 'Şikâyet kaydedilmedi: kısa sürede çok sayıda yorumu şikâyet ettiniz. Lütfen biraz bekleyin ve tekrar deneyin.',
        flood: 'Şikâyet kaydedilmedi: şu anda olağandışı sayıda yorum şikâyet ediliyor, bu yüzden şimdilik yeni şikâyet almıyoruz. Lütfen bir saat sonra tekrar deneyin.',
      },
    },
    takenDown: (reason: string) => `Yorum editörler tarafından kaldırıldı. Nedeni: ${reason}.`,
    takedownReasons: {
      personal: 'kişisel bilgiler',
      offensive: 'kırıcı ya da tehdit edici içerik',
      crime: 'bir suç ihbarı (114’ü arayın)',
      spam: 'reklam ya da istenmeyen içerik (spam)',
      off_topic: 'konu dışı',
      other: 'diyalog kurallarına aykırılık',
    },
    received: {
      title: 'Teşekkürler – yorumunuz inceleniyor',
      text: 'Yorumunuzu, gösterilmeden önce bir çalışan okur. Bu birkaç iş günü sürebilir. Yorumdaki kişilerle ilgili bilgiler gizlendi.',
      notEmergency:
        'Unutmayın: bu site suç ihbarı ya da acil yardım için değildir. Acil durumda 112’yi, diğer durumlarda polis için 114’ü arayın.',
      back: 'Sayfaya geri dön',
    },
  },
  map: {
    heading: 'Ya da haritaya işaret koyun',
    map: 'Bölgelerin haritası',
    mapHint:
      'İşaret koymak için haritaya tıklayın ya da dokunun. Klavyeyle: haritayı ok tuşlarıyla kaydırın, artı ve eksi tuşlarıyla yakınlaştırıp uzaklaştırın ve düğmeyle haritanın ortasına işaret koyun.',
    addAtCentre: 'Haritanın ortasına işaret koy',
    zoomIn: 'Yakınlaştır',
    zoomOut: 'Uzaklaştır',
    pins: 'İşaretleriniz',
    near: '{place} yakınında',
    remove: 'Kaldır',
    added: '{place} yakınına işaret kondu.',
    removed: '{place} yakınındaki işaret kaldırıldı.',
    max: 'En fazla {max} işaret koyabilirsiniz.',
    outside: 'Bu yer bölgelerin dışında. İşaretli bölgelerin içinde bir yer seçin.',
    text: 'Ya da bir yer yazın',
    textHint: 'Örneğin bir sokak köşesi ya da bir geçit.',
    /** For a question that takes one place (the report form). */
    one: {
      list: 'Yeri listeden seçin',
      listHint: 'Liste bölgelere göre sıralanmıştır. Bir yeri bulmak için adının ilk harflerini yazın.',
      none: 'Listede yok – yeri yazacağım ya da işaret koyacağım',
      heading: 'Ya da haritaya bir işaret koyun',
      max: 'Yalnızca bir işaret koyabilirsiniz. Yerini değiştirmek istiyorsanız önce işareti kaldırın.',
      text: 'Ya da yeri yazın',
    },
  },
  surveys: {
    title: 'Güvenlik anketleri',
    /** The start page's list of the languages a survey can be answered in. */
    offeredIn: 'Şu dillerde cevap verebilirsiniz:',
    /** On a survey's start page when its questionnaire has no finished translation into the page's language. */
    notInLanguage: 'Sorular henüz bu dilde mevcut değil. Aşağıdaki dillerden birinde cevap verebilirsiniz.',
    /** Put before a question page's title in the browser tab when the page shows errors. */
    errorTitlePrefix: 'Hata: ',
    intro:
      'Kendinizi ne kadar güvende hissettiğinizi bize anonim olarak anlatın. Cevaplarınız yalnızca başkalarınınkiyle birlikte ve ancak en az beş kişi cevap verdiğinde gösterilir.',
    none: 'Şu anda açık bir anket yok.',
    closes: (date: string) => `${date} tarihine kadar açık`,
    answer: 'Anketi cevaplayın',
    start: 'Başla',
    continue: 'Kaldığınız yerden devam edin',
    startOver: 'Baştan başla',
    code: 'Mektuptaki kodunuz',
    codeHint: 'Kod mektupta yazılıdır, örneğin ABCD-EFGH.',
    codeOptionalHint: 'Kod içeren bir mektup aldıysanız kodu buraya yazın. Almadıysanız alanı boş bırakın.',
    closed: 'Anket kapandı. İlginiz için teşekkür ederiz.',
    notYetOpen: 'Anket henüz açılmadı.',
    anonymous:
      'Anonimsiniz. IP adresinizi ya da cevapları sizinle ilişkilendirebilecek başka hiçbir şeyi saklamayız. Anketi doldururken bir çerez cevaplarınızı hatırlar (en fazla 48 saat).',
    progress: (page: number, pages: number) => `Sayfa ${page} / ${pages}`,
    required: 'zorunlu',
    next: 'Sonraki sayfa',
    revealed: (n: number) => (n === 1 ? 'Cevabınız bu sayfada yeni bir soru açtı. Onu da cevaplayın, sonra en alttaki düğmeye basın.' : `Cevabınız bu sayfada ${n} yeni soru açtı. Onları da cevaplayın, sonra en alttaki düğmeye basın.`),
    back: 'Önceki sayfa',
    submit: 'Cevaplarımı gönder',
    dontKnow: 'Bilmiyorum',
    noneOfThese: 'Bunların hiçbiri',
    preferNot: 'Söylemek istemiyorum',
    noArea: 'Bu bölgelerin hiçbirinde oturmuyorum ya da çalışmıyorum',
    characters: (max: number) => `En fazla ${max} karakter.`,
    numberRange: (min: number, max: number) => `${min} ile ${max} arasında bir sayı.`,
    honeypot: 'Bu alanı boş bırakın',
    errorSummary: 'Bazı cevaplar eksik ya da düzeltilmesi gerekiyor:',
    errors: {
      required: 'Lütfen soruyu cevaplayın.',
      unknown_option: 'Verilen cevaplardan birini seçin.',
      out_of_range: 'Sayı, izin verilen aralığın dışında.',
      not_a_number: 'Bir tam sayı yazın, örneğin 5.',
      too_long: 'Metin çok uzun.',
      too_many: 'Çok fazla seçenek seçtiniz.',
      exclusive_answer: '“Bunların hiçbiri”, “Bilmiyorum” ve “Söylemek istemiyorum” başka cevaplarla birlikte seçilemez.',
      incomplete_matrix: 'Lütfen her satırı cevaplayın.',
      outside_areas: 'Yerlerden biri bölgelerin dışında.',
      code_invalid: 'Böyle bir kod yok. Kodu mektupta yazıldığı gibi girdiğinizden emin olun.',
      code_used: 'Bu kod zaten kullanıldı. Her kod yalnızca bir kez kullanılabilir.',
      code_required: 'Bu anket için mektuptaki kod gerekiyor.',
      closed: 'Anket kapandı, bu yüzden cevaplar gönderilemiyor.',
      expired: 'Cevaplarınızın süresi doldu (24 saat sonra). Lütfen baştan başlayın.',
      throttled: 'Kısa sürede buradan çok sayıda anket başlatıldı. Lütfen biraz bekleyin ve tekrar deneyin.',
    },
    thanks: {
      title: 'Cevaplarınız için teşekkür ederiz',
      text: 'Cevaplarınız anonim olarak kaydedildi. Sonuçlar, anket kapandığında yayımlanacak.',
      initiatives: 'Ortaklığın bölgede neler yaptığını görün',
    },
  },
  errors: {
    notFoundTitle: 'Sayfa bulunamadı',
    notFoundText: 'Aradığınız sayfayı bulamıyoruz. Adres yanlış yazılmış ya da sayfa taşınmış olabilir.',
    serverErrorTitle: 'Bir sorun oluştu',
    serverErrorText: 'Bizim tarafımızda bir sorun oluştu. Lütfen biraz sonra tekrar deneyin. Hatadan önce gönderdiğiniz hiçbir şey kaybolmadı.',
    backHome: 'Ana sayfaya git',
  },
};
