/** Arabic strings for events (same shape as events-da.ts). Translated by the team, not yet reviewed by a native speaker: see README "Languages". */
import type { EventsMessages } from './events-da.ts';

/** An Arabic counted noun: 1 and 2 have their own words, 3–10 take the plural, 11–99 the singular accusative, round hundreds the singular. */
const counted = (n: number, [one, two, few, many, other]: readonly [string, string, string, string, string]): string => {
  const r = n % 100;
  return n === 1 ? one : n === 2 ? two : r >= 3 && r <= 10 ? `${n} ${few}` : r >= 11 ? `${n} ${many}` : `${n} ${other}`;
};
const PLACES = ['مكان واحد', 'مكانان', 'أماكن', 'مكانًا', 'مكان'] as const;

export const eventsAr: EventsMessages = {
  title: 'الفعاليات',
  intro:
    'التقِ بالشرطة والبلدية وجيرانك في اجتماعات السكان وجولات الأمان وساعات الاستقبال في \u2068Indre Nørrebro\u2069 والمناطق المجاورة. الجميع مرحَّب بهم.',
  upcoming: 'الفعاليات القادمة',
  past: 'الفعاليات السابقة',
  noUpcoming: 'لا توجد فعاليات قادمة حاليًا. عُد لاحقًا، أو اشترك في التقويم.',
  noPast: 'لم تُقَم أي فعاليات حتى الآن.',
  subscribe: 'اشترك في جميع الفعاليات عبر تقويمك',
  subscribeHint:
    'هذا الرابط تقويم بصيغة \u2068iCalendar\u2069. أضِفه إلى تطبيق التقويم لديك كاشتراك، وستظهر الفعاليات الجديدة فيه تلقائيًا.',
  calendarName: 'الفعاليات · \u2068Tryghed i Indre Nørrebro\u2069',
  feedTitle: 'جميع الفعاليات (\u2068iCalendar\u2069)',
  kind: 'النوع',
  when: 'الموعد',
  place: 'المكان',
  area: 'المنطقة',
  organiser: 'الجهة المنظِّمة',
  initiative: 'جزء من المبادرة',
  about: 'عن الفعالية',
  download: 'أضِف الفعالية إلى تقويمك (ملف \u2068.ics\u2069)',
  ended: 'انتهت هذه الفعالية.',
  inDanish: 'هذا النص متوفر باللغة الدنماركية فقط.',
  backToList: 'جميع الفعاليات',
  kinds: {
    citizen_meeting: 'اجتماع للسكان',
    safety_walk: 'جولة أمان',
    office_hours: 'ساعات استقبال',
    other: 'فعالية',
  },
  cancelled: 'أُلغيت هذه الفعالية.',
  cancelledBadge: 'ملغاة',
  cancelNote: 'رسالة من المنظِّمين',
  minutes: {
    heading: (kind) => (kind === 'safety_walk' ? 'ملاحظات جولة الأمان' : 'محضر الاجتماع'),
    published: (date) => `نُشر في ${date}.`,
    places: 'الأماكن المعنية',
    mapLink: 'شاهد هذه الأماكن على خريطة البلاغات',
  },
  signup: {
    heading: 'التسجيل',
    intro: 'سجِّل حتى يعرف المنظِّمون عدد الحضور. لا تحتاج إلى ذكر اسمك.',
    placesLeft: (n) => `بقي ${counted(n, PLACES)}.`,
    noLimit: 'يتّسع المكان للجميع.',
    placesOpen: 'لا تزال هناك أماكن متاحة.',
    full: 'اكتمل العدد في هذه الفعالية. لم تبقَ أماكن.',
    closed: 'التسجيل مغلق.',
    people: 'عدد الأشخاص',
    peopleHint: (max) => `بما في ذلك أنت، والحد الأقصى ${max}.`,
    email: 'بريدك الإلكتروني (اختياري)',
    emailHint: 'نرسل إليك رابطًا لإلغاء تسجيلك، ونخبرك إذا أُلغيت الفعالية. لا يُستخدم العنوان إلا لهذا الغرض، ويُحذف بعد الفعالية.',
    noEmail: 'ستجد في الصفحة التالية رابطًا يمكنك به إلغاء تسجيلك. احتفظ به.',
    honeypot: 'اترك هذا الحقل فارغًا',
    submit: 'سجِّل',
    errors: {
      summary: 'لم يُحفظ تسجيلك. يُرجى تصحيح ما يلي:',
      people: (max) => `أدخل عدد أشخاص بين 1 و${max}.`,
      email: 'أدخل عنوان بريد إلكتروني صحيحًا، مثل name@example.com، أو اترك الحقل فارغًا.',
      tooMany: 'لا يتّسع المكان لهذا العدد. أدخل عددًا أقل من الأشخاص. لم يُحفظ تسجيلك.',
      full: (left) => (left === 0 ? 'لم تبقَ أماكن. لم يُحفظ تسجيلك.' : `بقي ${counted(left, PLACES)} فقط. أدخل عددًا أقل من الأشخاص.`),
      closed: 'التسجيل مغلق لأن الفعالية بدأت أو انتهت، أو لأن المنظِّمين أغلقوه. لم يُحفظ شيء.',
      cancelled: 'أُلغيت الفعالية، لذلك لا يمكنك التسجيل. لم يُحفظ شيء.',
      throttled: 'أُرسلت من هنا طلبات تسجيل كثيرة في وقت قصير. يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.',
      flood: 'هناك عدد كبير غير معتاد من طلبات التسجيل الآن. يُرجى المحاولة مرة أخرى بعد ساعة.',
    },
    page: {
      title: 'تسجيلك',
      signedUp: (people, title) => `تم تسجيلك في «\u2068${title}\u2069». عدد الأشخاص: ${people}.`,
      keepLink: 'احتفظ بهذا الرابط. يمكنك من خلاله الاطلاع على تسجيلك وإلغاؤه:',
      mailSent: 'نرسل الرابط أيضًا إلى بريدك الإلكتروني.',
      noName: 'لم نحفظ اسمك، بل عدد الأشخاص فقط.',
      toEvent: 'إلى الفعالية',
      cancelHeading: 'الإلغاء',
      cancelText: 'لن تتمكن من الحضور؟ ألغِ تسجيلك حتى يصبح المكان متاحًا لغيرك.',
      cancelButton: 'ألغِ تسجيلي',
      cancelledTitle: 'أُلغي تسجيلك',
      cancelledText: (title) => `حُذف تسجيلك في «\u2068${title}\u2069»، وحُذف معه بريدك الإلكتروني إن كنت قد أدخلته.`,
      unknownTitle: 'هذا الرابط لا يعمل',
      unknownText: 'لا يوجد تسجيل مرتبط بهذا الرابط. ربما أُلغي من قبل، أو انتهت الفعالية أو أُلغيت (وفي هذه الحالة حُذف التسجيل). لم يُغيَّر أي شيء.',
      started: 'بدأت الفعالية، لذلك لم يعد بالإمكان إلغاء التسجيل. سيُحذف تلقائيًا بعد الفعالية.',
      throttled: 'جُرِّبت من هنا روابط إلغاء كثيرة في وقت قصير. يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.',
      eventCancelled: 'أُلغيت هذه الفعالية.',
    },
    mail: {
      confirmationSubject: (title) => `تم تسجيلك: \u2068${title}\u2069`,
      confirmationIntro: 'شكرًا لتسجيلك في هذه الفعالية من فعاليات \u2068Tryghed i Indre Nørrebro\u2069:',
      when: 'الموعد',
      place: 'المكان',
      cancelLink: 'إذا لم تتمكن من الحضور، فألغِ تسجيلك من هنا',
      confirmationFooter:
        'تصلك هذه الرسالة لأن شخصًا ما سجّل بعنوان بريدك. إذا لم تكن أنت، فاستخدم الرابط أعلاه. لا نستخدم العنوان إلا لإخبارك إذا أُلغيت الفعالية، ونحذفه بعد الفعالية.',
      cancellationSubject: (title) => `أُلغيت الفعالية: \u2068${title}\u2069`,
      cancellationIntro: 'نأسف لإبلاغك بأن الفعالية التي سجّلت فيها قد أُلغيت:',
      note: 'رسالة من المنظِّمين',
      eventLink: 'شاهد الفعالية',
      cancellationFooter: 'حُذف تسجيلك وعنوان بريدك الإلكتروني. لا يلزمك فعل أي شيء.',
    },
  },
};
