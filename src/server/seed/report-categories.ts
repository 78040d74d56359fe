/**
 * The concern categories seeded into every new database, each routed to the
 * partner that usually acts on it (the default when a report is forwarded;
 * `null`: staff choose). Admins change names at /staff/categories and routing
 * at /staff/partners. Business categories are offered on the business form
 * only (`audience`). `names` are the residents' languages' names (translated
 * by the team, not yet reviewed by native speakers: README "Languages").
 */
import type { CategoryAudience } from '../../../db/schema.ts';

export const REPORT_CATEGORY_ROWS = [
  { slug: 'drug_dealing', nameDa: 'Åbent salg af stoffer', nameEn: 'Open drug dealing', names: { ar: 'بيع المخدرات علنًا', tr: 'Açık uyuşturucu satışı', so: 'Iibinta daroogada si cad', ur: 'منشیات کی کھلے عام فروخت' }, partner: 'politi' },
  { slug: 'groups', nameDa: 'Grupper, der skaber utryghed', nameEn: 'Groups creating unease', names: { ar: 'مجموعات تثير الشعور بعدم الأمان', tr: 'Tedirginlik yaratan gruplar', so: 'Kooxo dareen amni darro abuuraya', ur: 'گروہ جو بے چینی پیدا کرتے ہیں' }, partner: 'ssp' },
  { slug: 'threats', nameDa: 'Trusler eller chikane', nameEn: 'Threats or harassment', names: { ar: 'تهديدات أو مضايقات', tr: 'Tehdit veya taciz', so: 'Hanjabaad ama dhibaateyn', ur: 'دھمکیاں یا ہراسانی' }, partner: 'politi' },
  { slug: 'violence', nameDa: 'Vold', nameEn: 'Violence', names: { ar: 'عنف', tr: 'Şiddet', so: 'Rabshad', ur: 'تشدد' }, partner: 'politi' },
  { slug: 'vandalism', nameDa: 'Hærværk og graffiti', nameEn: 'Vandalism and graffiti', names: { ar: 'تخريب وكتابات على الجدران', tr: 'Vandalizm ve grafiti', so: 'Burburin iyo qoraallo derbiyada', ur: 'توڑ پھوڑ اور گرافٹی' }, partner: 'omraadefornyelsen' },
  { slug: 'lighting', nameDa: 'Dårlig belysning', nameEn: 'Poor lighting', names: { ar: 'إنارة ضعيفة', tr: 'Yetersiz aydınlatma', so: 'Iftiin yar', ur: 'ناکافی روشنی' }, partner: 'omraadefornyelsen' },
  { slug: 'hidden_places', nameDa: 'Skjulte eller uoverskuelige steder', nameEn: 'Hidden or unclear places', names: { ar: 'أماكن مخفية أو غير واضحة', tr: 'Gizli veya görüş alanı dışında kalan yerler', so: 'Meelo qarsoon ama aan si fiican loo arki karin', ur: 'چھپی ہوئی یا غیر واضح جگہیں' }, partner: 'omraadefornyelsen' },
  { slug: 'reckless_driving', nameDa: 'Vanvidskørsel', nameEn: 'Reckless driving', names: { ar: 'قيادة متهورة', tr: 'Tehlikeli araç kullanımı', so: 'Baabuur wadid khatar ah', ur: 'لاپرواہی سے گاڑی چلانا' }, partner: 'politi' },
  { slug: 'littering', nameDa: 'Affald og forfald', nameEn: 'Litter and neglect', names: { ar: 'قمامة وإهمال', tr: 'Çöp ve bakımsızlık', so: 'Qashin iyo dayacaad', ur: 'کوڑا کرکٹ اور بدحالی' }, partner: 'center-for-sikker-by' },
  // Offered first on the business form (/meld?som=virksomhed), not on the residents' form.
  { slug: 'break_in', nameDa: 'Indbrud eller forsøg på indbrud', nameEn: 'Break-in or attempted break-in', names: { ar: 'سطو أو محاولة سطو', tr: 'Hırsızlık veya hırsızlık girişimi', so: 'Jabsasho ama isku day jabsasho', ur: 'نقب زنی یا اس کی کوشش' }, partner: 'politi', audience: 'business' as const },
  { slug: 'staff_threats', nameDa: 'Trusler mod personale eller kunder', nameEn: 'Threats against staff or customers', names: { ar: 'تهديدات ضد الموظفين أو الزبائن', tr: 'Çalışanlara veya müşterilere yönelik tehditler', so: 'Hanjabaad loo geysto shaqaalaha ama macaamiisha', ur: 'عملے یا گاہکوں کو دھمکیاں' }, partner: 'politi', audience: 'business' as const },
  { slug: 'entrance_loitering', nameDa: 'Ophold ved indgangen, der skræmmer kunder', nameEn: 'Loitering at the entrance that deters customers', names: { ar: 'تجمّع عند المدخل يُبعد الزبائن', tr: 'Girişte takılıp müşterileri kaçıran kişiler', so: 'Dad albaabka hortiisa ku fadhiya oo macaamiisha cabsi geliya', ur: 'داخلی دروازے پر لوگوں کا جمع ہونا جو گاہکوں کو دور رکھتا ہے' }, partner: 'ssp', audience: 'business' as const },
  { slug: 'other', nameDa: 'Andet', nameEn: 'Other', names: { ar: 'أخرى', tr: 'Diğer', so: 'Kale', ur: 'دیگر' }, partner: null },
].map((c, i) => ({ audience: 'everyone' as CategoryAudience, ...c, displayOrder: i }));
