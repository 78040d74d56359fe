/** Arabic strings for e-mail subscriptions (same shape as subscriptions-da.ts, merged into the catalogue as `subscriptions`). Translated by the team, not yet reviewed by a native speaker: see README "Languages". */
import type { SubscriptionsMessages } from './subscriptions-da.ts';

/** An Arabic counted noun: 1 and 2 have their own words, 3–10 take the plural, 11–99 the singular accusative, round hundreds the singular. */
const counted = (n: number, [one, two, few, many, other]: readonly [string, string, string, string, string]): string => {
  const r = n % 100;
  return n === 1 ? one : n === 2 ? two : r >= 3 && r <= 10 ? `${n} ${few}` : r >= 11 ? `${n} ${many}` : `${n} ${other}`;
};

export const subscriptionsAr: SubscriptionsMessages = {
  title: 'احصل على الأخبار عبر البريد الإلكتروني',
  intro:
    'احصل على رسالة واحدة مجمّعة، مرة واحدة في اليوم على الأكثر، عندما تكون هناك أخبار: مبادرات جديدة ومستجدات في منطقة ما، أو أخبار عن مبادرة بعينها، أو فعاليات جديدة، أو نتائج منشورة لاستبيانات الشعور بالأمان.',
  privacy:
    'لا نستخدم عنوان بريدك الإلكتروني إلا لهذا الغرض. يُحفظ العنوان مشفّرًا ويُحذف عند إلغاء اشتراكك (في كل رسالة رابط لإلغاء الاشتراك). وإذا لم تؤكّد الاشتراك خلال يوم، يُحذف العنوان أيضًا (بعد 48 ساعة على الأكثر).',
  formHeading: 'اشترك في الأخبار',
  embedHeading: 'احصل على الأخبار عبر البريد الإلكتروني',
  topicLegend: 'عمّ تودّ أن تصلك الأخبار؟',
  topics: {
    area: 'مبادرات جديدة ومستجدات في منطقة',
    initiative: 'أخبار عن هذه المبادرة',
    events: 'فعاليات جديدة',
    results: 'نتائج جديدة لاستبيانات الشعور بالأمان',
  },
  area: 'المنطقة',
  chooseArea: 'اختر منطقة',
  email: 'عنوان بريدك الإلكتروني',
  emailHint: 'ستصلك رسالة فيها رابط تنقر عليه لتأكيد الاشتراك.',
  submit: 'اشترك',
  honeypot: 'اترك هذا الحقل فارغًا',
  sentHeading: 'تحقّق من بريدك الإلكتروني',
  sent: 'إذا كان العنوان يستقبل الرسائل، فستصلك قريبًا رسالة فيها رابط. لا يبدأ الاشتراك إلا بعد أن تفتح الرابط وتؤكّد. يعمل الرابط لمدة 24 ساعة على الأقل.',
  more: 'اطّلع على كل ما يمكنك الاشتراك فيه',
  errors: {
    emailMissing: 'أدخل عنوان بريدك الإلكتروني.',
    emailInvalid: 'يبدو أن عنوان البريد الإلكتروني غير صحيح. اكتبه بهذا الشكل: name@example.com.',
    topicMissing: 'اختر ما تودّ أن تصلك أخباره.',
    areaMissing: 'اختر منطقة.',
    unknownTarget: 'ما حاولت الاشتراك فيه غير موجود (أو لم يعد موجودًا). يُرجى الاختيار مرة أخرى.',
    throttled: 'طلبت اشتراكات كثيرة في وقت قصير. يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.',
    flood: 'يُطلب الآن عدد كبير غير معتاد من الاشتراكات، لذلك نتوقف مؤقتًا. يُرجى المحاولة مرة أخرى بعد ساعة.',
    errorSummary: 'هناك ما يحتاج إلى تصحيح:',
  },
  confirm: {
    title: 'أكِّد اشتراكك',
    intro: (what: string): string => `أنت على وشك الاشتراك في: ${what}.`,
    button: 'أكِّد الاشتراك',
    doneTitle: 'تم تأكيد اشتراكك',
    done: (what: string): string => `ستصلك من الآن رسالة واحدة مجمّعة عندما تكون هناك أخبار عن: ${what}. في كل رسالة رابط لإلغاء الاشتراك.`,
    alreadyTitle: 'الاشتراك مؤكَّد من قبل',
    already: 'لقد أكّدت هذا الاشتراك من قبل. لا يلزمك فعل أي شيء آخر.',
    expiredTitle: 'انتهت صلاحية الرابط',
    expired: 'الرابط قديم جدًا، وقد حُذف عنوان بريدك الإلكتروني الآن. يمكنك الاشتراك مرة أخرى للحصول على رابط جديد.',
    unknownTitle: 'الرابط لا يعمل',
    unknown: 'الرابط غير معروف: ربما كُتب بشكل خاطئ، أو أُلغي الاشتراك أو انتهت صلاحيته فحُذف. يمكنك الاشتراك مرة أخرى.',
    again: 'اشترك مرة أخرى',
  },
  unsubscribe: {
    title: 'إلغاء الاشتراك',
    intro: (what: string): string => `هل تريد إلغاء اشتراكك في: ${what}؟ سيُحذف عنوان بريدك الإلكتروني.`,
    button: 'ألغِ الاشتراك',
    doneTitle: 'أُلغي اشتراكك',
    done: 'حُذف الاشتراك وعنوان بريدك الإلكتروني. لن تصلك منا رسائل أخرى بهذا الشأن.',
    unknownTitle: 'الرابط لا يعمل',
    unknown: 'رابط إلغاء الاشتراك غير معروف: إما أنك ألغيت اشتراكك من قبل (وحُذف عنوانك)، أو أن الرابط مكتوب بشكل خاطئ.',
    throttled: 'جُرِّبت من هنا روابط غير معروفة كثيرة في وقت قصير. يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.',
  },
  what: {
    area: (name: string): string => `المبادرات الجديدة والمستجدات في \u2068${name}\u2069`,
    initiative: (title: string): string => `مبادرة «\u2068${title}\u2069»`,
    events: 'الفعاليات الجديدة',
    results: 'النتائج الجديدة لاستبيانات الشعور بالأمان',
  },
  mail: {
    confirmSubject: 'أكِّد اشتراكك في \u2068Tryghed i Indre Nørrebro\u2069',
    confirmBody: (what: string, url: string): string =>
      [
        `طلب شخص ما (نأمل أن تكون أنت) تلقّي الأخبار عبر البريد الإلكتروني عن: ${what}.`,
        '',
        'افتح الرابط للتأكيد (يعمل الرابط لمدة 24 ساعة على الأقل):',
        url,
        '',
        'إذا لم تطلب ذلك، فلا تفعل شيئًا: من دون تأكيد نحذف العنوان خلال 48 ساعة، ولن تصلك منا أي رسائل أخرى.',
      ].join('\n'),
    alreadySubject: 'أنت مشترك بالفعل',
    alreadyBody: (what: string): string =>
      [`طلب شخص ما (نأمل أن تكون أنت) تلقّي الأخبار عبر البريد الإلكتروني عن: ${what}.`, '', 'أنت مشترك في ذلك بالفعل، فلا يلزمك فعل أي شيء.'].join('\n'),
    digestSubject: (n: number): string => `أخبار من \u2068Tryghed i Indre Nørrebro\u2069: ${counted(n, ['خبر واحد', 'خبران', 'أخبار', 'خبرًا', 'خبر'])}`,
    digestIntro: (what: string): string => `إليك الجديد منذ آخر رسالة عن: ${what}.`,
    items: {
      initiative: 'مبادرة جديدة',
      update: 'تحديث',
      milestone: 'تحقّق هدف مرحلي',
      event: 'فعالية جديدة',
      results: 'نُشرت النتائج',
      consultation: 'استشارة جديدة',
      decision: 'قرار بعد استشارة',
    },
    footer: (url: string): string =>
      ['—', 'تصلك هذه الرسالة لأنك اشتركت في \u2068Tryghed i Indre Nørrebro\u2069. لا نستخدم العنوان إلا لهذا الغرض.', `ألغِ الاشتراك بنقرة واحدة: ${url}`].join('\n'),
  },
};
