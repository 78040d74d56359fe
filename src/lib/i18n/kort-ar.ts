/** Arabic strings for the public map of reports (same shape as kort-da.ts). Translated by the team, not yet reviewed by a native speaker: see README "Languages". */
import type { KortMessages } from './kort-da.ts';

/** An Arabic counted noun: 1 and 2 have their own words, 3–10 take the plural, 11–99 the singular accusative, round hundreds the singular. */
const counted = (n: number, [one, two, few, many, other]: readonly [string, string, string, string, string]): string => {
  const r = n % 100;
  return n === 1 ? one : n === 2 ? two : r >= 3 && r <= 10 ? `${n} ${few}` : r >= 11 ? `${n} ${many}` : `${n} ${other}`;
};

export const kortAr: KortMessages = {
  title: 'خريطة البلاغات',
  intro:
    'تُظهر الخريطة عدد البلاغات عن عدم الشعور بالأمان في كل منطقة، وفي خلايا سداسية صغيرة تبلغ مساحة كل منها نحو 0.1 كم². لا تُظهر الخريطة أبدًا الأماكن الدقيقة ولا الأوصاف.',
  moderatedOnly:
    'لا تُحتسب إلا البلاغات التي اطّلع عليها مشرف وأحالها. أما البلاغات الجديدة والمرفوضة والمدمجة فلا تُحتسب.',
  privacy: (k: number) =>
    `لا تُعرض إطلاقًا أي خلية سداسية يقل عدد بلاغاتها عن ${k}، ولا أي رقم يمكن أن يُستنتج منه عدد أقل من ${k} بالمقارنة بين اختيارين، مثل مقارنة جميع الفئات بفئة واحدة. الفترات سنوات تقويمية كاملة. لا يُعرض مجموع المنطقة إلا إذا كان لا يكشف خلية سداسية مخفية؛ وإلا فيُكتب مكانه «عدد قليل جدًا».`,
  released: (day: string, intervalDays: number) =>
    `هذه الأرقام من الإصدار المنشور في ${day}. تُحدَّث الأرقام كل ${counted(intervalDays, ['يوم', 'يومين', 'أيام', 'يومًا', 'يوم'])}، لا في كل مرة يُعالَج فيها بلاغ، حتى لا يستطيع أحد أن يعرف أي بلاغ غيّر رقمًا ما.`,
  noise:
    'لحماية من يقدّمون البلاغات، يُعدَّل كل رقم تعديلًا طفيفًا (بمقدار 2 على الأكثر زيادةً أو نقصانًا)، وبالطريقة نفسها دائمًا للبلاغات نفسها. تعطي الأرقام صورة صحيحة، لكن المجاميع لا تتطابق دائمًا بدقة.',
  filters: 'اختر البلاغات',
  category: 'الفئة',
  period: 'الفترة',
  allPeriods: 'كل الفترات',
  reporterType: 'مقدِّم البلاغ',
  reporterTypes: {
    resident: 'السكان',
    business: 'المنشآت التجارية',
    works_here: 'من يعملون في المنطقة',
    visitor: 'الزوار',
  },
  all: 'الكل',
  apply: 'اعرض',
  clear: 'إعادة الضبط',
  mapLabel: 'خريطة المناطق، فيها خلايا سداسية للأماكن التي وردت عنها بلاغات كثيرة',
  hexTitle: (place: string, n: number) => `قرب \u2068${place}\u2069: عدد البلاغات ${n}`,
  legend: 'كلما كانت الخلية السداسية أغمق، كان عدد البلاغات أكبر.',
  cellsHeading: 'أماكن وردت عنها بلاغات كثيرة',
  cellsCaption: 'الخلايا السداسية التي لا يقل عدد بلاغاتها عن K، موصوفةً بأقرب مكان له اسم',
  cellsNone: 'لا توجد خلية سداسية فيها بلاغات كافية لعرضها بهذا الاختيار.',
  place: 'أقرب مكان',
  area: 'المنطقة',
  count: 'عدد البلاغات',
  areasHeading: 'البلاغات حسب المنطقة',
  areasCaption: 'جميع البلاغات التي راجعها المشرفون في كل منطقة بهذا الاختيار',
  tooFew: 'عدد قليل جدًا',
  report: 'أبلِغ عن مكان لا تشعر فيه بالأمان',
};
