/** Arabic strings for consultations (same shape as consultations-da.ts). Translated by the team, not yet reviewed by a native speaker: see README "Languages". */
import type { ConsultationsMessages } from './consultations-da.ts';

/** An Arabic counted noun: 1 and 2 have their own words, 3–10 take the plural, 11–99 the singular accusative, round hundreds the singular. */
const counted = (n: number, [one, two, few, many, other]: readonly [string, string, string, string, string]): string => {
  const r = n % 100;
  return n === 1 ? one : n === 2 ? two : n === 0 || (r >= 3 && r <= 10) ? `${n} ${few}` : r >= 11 ? `${n} ${many}` : `${n} ${other}`;
};
const PEOPLE = ['شخص واحد', 'شخصان', 'أشخاص', 'شخصًا', 'شخص'] as const;
const PROPOSED_PLACES = ['مكان مقترح واحد', 'مكانان مقترحان', 'أماكن مقترحة', 'مكانًا مقترحًا', 'مكان مقترح'] as const;
/** "n characters" as the predicate of a sentence ("الحد الأقصى …"). */
const LETTERS = ['حرف واحد', 'حرفان', 'أحرف', 'حرفًا', 'حرف'] as const;

export const consultationsAr: ConsultationsMessages = {
  title: 'الاستشارات العامة',
  intro:
    'قبل أن يقرّر الشركاء أمرًا يغيّر الحي، مثل كاميرات جديدة أو إضاءة أفضل، يسألون من يسكنون ويعملون هنا. أبدِ رأيك في كل مكان مقترح. لا تحتاج إلى إنشاء حساب.',
  open: 'الاستشارات المفتوحة',
  upcoming: 'الاستشارات القادمة',
  closed: 'الاستشارات المنتهية',
  none: 'لا توجد استشارات حاليًا.',
  area: 'المنطقة',
  period: 'الفترة',
  periodText: (from: string, to: string) => `من ${from} حتى ${to} ضمنًا`,
  opensOn: (day: string) => `تبدأ في ${day}.`,
  closedOn: (day: string) => `انتهت في ${day}.`,
  phase: { upcoming: 'قريبًا', open: 'مفتوحة', closed: 'منتهية' },
  initiative: 'جزء من المبادرة',
  backToList: 'جميع الاستشارات',
  inDanish: 'هذا النص متوفر باللغة الدنماركية فقط.',
  places: 'الأماكن المقترحة',
  placesIntro: (n: number) =>
    n === 1 ? 'هناك مكان مقترح واحد.' : `هناك ${counted(n, PROPOSED_PLACES)}. أجب عن الأماكن التي لديك رأي فيها.`,
  placeNumber: (n: number) => `المكان ${n}`,
  mapTitle: (title: string) => `خريطة الأماكن المقترحة: \u2068${title}\u2069`,
  mapCaption: 'الأرقام على الخريطة تطابق الأماكن في القائمة. اختر رقمًا للانتقال إلى المكان.',
  mapPoint: (n: number, name: string) => `المكان ${n}: \u2068${name}\u2069`,
  illustrations: { camera: 'كاميرا', lighting: 'إضاءة', path: 'ممر أو معبر', square: 'ساحة', other: 'اقتراح' },
  stances: {
    for: 'مع الاقتراح',
    against: 'ضد الاقتراح',
    no_opinion: 'لا رأي لي',
    very_good: 'فكرة جيدة جدًا',
    good: 'فكرة جيدة',
    neutral: 'لا جيدة ولا سيئة',
    bad: 'فكرة سيئة',
    very_bad: 'فكرة سيئة جدًا',
  },
  stanceLegend: (place: string) => `ما رأيك في الاقتراح عند \u2068${place}\u2069؟`,
  skip: 'تخطٍّ',
  comment: 'تعليق (اختياري)',
  commentHint: (max: number) =>
    `الحد الأقصى ${counted(max, LETTERS)}. يقرأ مشرفٌ التعليقات قبل عرضها، وتُعرض بعد انتهاء الاستشارة. لا تكتب أسماء أو أي شيء آخر قد يدلّ على أشخاص بعينهم.`,
  respondentLegend: 'من أنت؟',
  respondentHint: 'نستخدم هذا فقط لنعرض رأي السكان وأصحاب المنشآت التجارية وغيرهم، كلٌّ على حدة.',
  code: 'الرمز من الرسالة (إن وصلتك رسالة)',
  codeHint: 'إذا وصلتك رسالة عن الاستشارة، فاكتب الرمز الموجود فيها. بهذا لا تُستخدم كل رسالة إلا مرة واحدة. إن لم تصلك رسالة، يمكنك الإجابة دون رمز.',
  respondents: { resident: 'أسكن هنا', business: 'أدير منشأة تجارية هنا', works_here: 'أعمل هنا', visitor: 'أزور المكان' },
  /** The rows of a place's results when it is broken down more coarsely than by respondent type. */
  respondentGroups: { others: 'جميع الآخرين (أصحاب الأعمال، ومن يعملون هنا، والزوار)', everyone: 'الجميع' },
  submit: 'أرسل إجابتي',
  oneResponse: 'يُرجى أن يجيب كل شخص مرة واحدة فقط. يمكنك الإجابة حتى لو لم يكن لديك رأي في كل الأماكن.',
  privacy:
    'إجابتك مجهولة الهوية. لا نحفظ هويتك، ولا تُحفظ إجاباتك عن الأماكن المختلفة معًا. عند انتهاء الاستشارة تُنشر الأرقام فقط، وتُحذف الإجابات.',
  answeredAlready: 'لقد أجبت عن هذه الاستشارة من هذا المتصفح من قبل. شكرًا!',
  answerAgain: 'هل يستخدم أكثر من شخص منكم المتصفح نفسه؟ إذن يمكن للشخص التالي أن يجيب هنا.',
  errorSummary: 'لم تُرسَل إجابتك. يُرجى تصحيح ما يلي:',
  errors: {
    respondentMissing: 'اختر من أنت.',
    nothingAnswered: 'أجب عن مكان واحد على الأقل قبل الإرسال.',
    commentTooLong: (max: number) => `التعليق طويل جدًا. الحد الأقصى ${counted(max, LETTERS)}.`,
    codeInvalid: 'يتكوّن الرمز من 8 خانات، مثل \u2068ACDE-FGHJ\u2069. راجع الرسالة، أو اترك الحقل فارغًا.',
    codeUnknown: 'هذا الرمز لا يخص هذه الاستشارة. راجع الرسالة، أو اترك الحقل فارغًا.',
    codeUsed: 'استُخدم هذا الرمز من قبل. لا تُستخدم كل رسالة إلا مرة واحدة. يمكنك الإجابة دون رمز.',
  },
  refused: {
    title: 'تعذّر استلام الإجابة',
    unknownPlace: 'كانت الإجابة عن مكان لا ينتمي إلى هذه الاستشارة. لم يُحفظ شيء. ارجع إلى الاستشارة وحاول مرة أخرى.',
    badStance: 'تضمّنت الإجابة خيارًا غير موجود في هذه الاستشارة. لم يُحفظ شيء. ارجع إلى الاستشارة وحاول مرة أخرى.',
    badRespondent: 'تضمّنت الإجابة خيارًا لسؤال «من أنت؟» غير موجود في هذه الاستشارة. لم يُحفظ شيء. ارجع إلى الاستشارة وحاول مرة أخرى.',
    notOpen: 'الاستشارة ليست مفتوحة، لذلك لم تُحفظ إجابتك.',
    throttled: 'أُرسلت من هنا إجابات كثيرة في وقت قصير. يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.',
  },
  thanks: {
    title: 'شكرًا على إجابتك',
    text: 'حُفظت إجابتك. بعد انتهاء الاستشارة يمكنك أن ترى النتيجة وقرار الشركاء على صفحة الاستشارة.',
    back: 'العودة إلى الاستشارة',
  },
  countSoFar: (n: number) => `أجاب حتى الآن ${counted(n, PEOPLE)}.`,
  fewSoFar: 'عدد الإجابات لا يزال قليلًا.',
  countNote: 'عُدِّل هذا الرقم تعديلًا طفيفًا، فلا يمكن استخدامه لمعرفة متى أجاب أي شخص بعينه.',
  resultsHeading: 'ما سمعناه',
  resultsPending: 'انتهت الاستشارة. ستُنشر النتيجة خلال ساعة.',
  released: (day: string) => `نُشرت الأرقام في ${day}. عُدِّلت الأرقام تعديلًا طفيفًا، ولا تُعرض الأرقام التي تقل عن حد إخفاء الهوية.`,
  responsesTotal: (n: number) => `أجاب ${counted(n, PEOPLE)} في المجموع.`,
  responsesFew: 'عدد من أجابوا قليل جدًا لعرض الأرقام.',
  byRespondent: 'من أجاب',
  placeResults: (place: string) => `الإجابات عن \u2068${place}\u2069`,
  placeTotal: (n: number) => `أجاب عن هذا المكان ${counted(n, PEOPLE)}.`,
  placeFew: 'الإجابات عن هذا المكان قليلة جدًا لعرض الأرقام.',
  share: (n: number, pct: string) => `${n} (${pct})`,
  stance: 'الإجابة',
  respondent: 'من',
  total: 'المجموع',
  few: 'إجابات قليلة جدًا',
  tableCaption: (place: string) => `الإجابات عن \u2068${place}\u2069 حسب من أجاب`,
  comments: 'التعليقات',
  noComments: 'لا توجد تعليقات عن هذا المكان.',
  decisionHeading: 'ما قرّرناه',
  decisionPending: 'لم ينشر الشركاء قرارهم بعد.',
  decidedOn: (day: string) => `اتُّخذ القرار في ${day}.`,
  outcomes: { adopted: 'اعتُمد', changed: 'عُدِّل', dropped: 'أُلغي' },
  reason: 'السبب',
  /** The consultation list on an initiative's page. */
  onInitiative: 'الاستشارات في هذه المبادرة',
  cameras: {
    title: 'الكاميرات الخاصة التي تصوّر الأماكن العامة',
    intro:
      'هل لدى منشأتك كاميرا تصوّر أيضًا الرصيف أو الشارع أو الساحة؟ إذن يجب تسجيلها في سجل كاميرات الشرطة \u2068POLCAM\u2069. هذا إلزامي بموجب القانون للشركات والجمعيات والجهات الحكومية منذ 1 يوليو 2021. ويمكن للأفراد تسجيل كاميراتهم طوعًا.',
    what: 'ما هو \u2068POLCAM\u2069؟',
    whatText:
      '\u2068POLCAM\u2069 سجل لدى الشرطة يبيّن أماكن الكاميرات، ومن تتصل به الشرطة للحصول على التسجيلات إذا وقع شيء بالقرب منها. تسجيل الكاميرا لا يسمح للشرطة بالمشاهدة من خلالها.',
    how: 'كيف تسجّل الكاميرا',
    steps: [
      'ادخل إلى صفحة الشرطة الخاصة بتسجيل الكاميرات (الرابط أدناه). يستغرق ذلك من 5 إلى 10 دقائق.',
      'حدّد مكان الكاميرا وما تصوّره.',
      'لا تنسَ اللافتة: يجب أن تكون هناك لافتة تقول إن المكان تحت المراقبة بالفيديو.',
    ],
    rules: 'القواعد',
    rulesText:
      'لا يجوز للمنشأة أن تصوّر من الأماكن العامة إلا ما يقع مباشرة عند مدخلها أو واجهتها، وفقط إذا كان ذلك ضروريًا لمنع الجريمة. ويجب كقاعدة عامة حذف التسجيلات بعد 30 يومًا على الأكثر. تجد القواعد السارية على صفحة الشرطة.',
    link: 'صفحة الشرطة الخاصة بتسجيل الكاميرات (\u2068politi.dk/kamera\u2069، باللغة الدنماركية)',
    href: 'https://politi.dk/kamera',
    notHere: 'هذا الموقع لا يسجّل الكاميرات ولا يحفظ أي شيء عنها. يتم التسجيل لدى الشرطة فقط.',
    fromErhverv: 'هل لديك كاميرا تصوّر أماكن عامة؟ اقرأ عن تسجيلها في \u2068POLCAM\u2069.',
  },
};
