/** Turkish strings for the public map of reports (same shape as kort-da.ts). Translated by the team, not yet reviewed by a native speaker: see README "Languages". */
import type { KortMessages } from './kort-da.ts';

export const kortTr: KortMessages = {
  title: 'Bildirim haritası',
  intro:
    'Harita, her bölgede ve yaklaşık 0,1 km² büyüklüğündeki küçük altıgenlerde kaç güvensizlik bildirimi olduğunu gösterir. Harita hiçbir zaman tam yerleri ya da açıklamaları göstermez.',
  moderatedOnly:
    'Yalnızca bir görevlinin (moderatörün) incelediği ve ilettiği bildirimler sayılır. Yeni, reddedilmiş ve birleştirilmiş bildirimler sayılmaz.',
  privacy: (k: number) =>
    `Bildirim sayısı ${k} altında olan bir altıgen hiç gösterilmez. İki seçimi karşılaştırarak (örneğin tüm kategorileri tek bir kategoriyle) ${k} altında bir sayının hesaplanabileceği hiçbir rakam da gösterilmez. Dönemler tam takvim yıllarıdır. Bir bölgenin toplamı ancak gizli bir altıgeni ele veremeyecekse gösterilir; yoksa orada "çok az" yazar.`,
  released: (day: string, intervalDays: number) =>
    `Bu rakamlar ${day} tarihli yayından alınmıştır. Rakamlar her bildirim ele alındığında değil, ${intervalDays} günde bir güncellenir; böylece hiç kimse hangi bildirimin bir rakamı değiştirdiğini göremez.`,
  noise:
    'Bildirimde bulunanları korumak için her rakam biraz değiştirilir (en fazla 2 yukarı ya da aşağı); aynı bildirimler için her zaman aynı şekilde. Rakamlar doğru bir tablo verir, ama toplamlar her zaman tam tutmaz.',
  filters: 'Bildirimleri seçin',
  category: 'Kategori',
  period: 'Dönem',
  allPeriods: 'Tüm zamanlar',
  reporterType: 'Bildiren',
  reporterTypes: {
    resident: 'Bölge sakinleri',
    business: 'İşletmeler',
    works_here: 'Bölgede çalışan kişiler',
    visitor: 'Ziyaretçiler',
  },
  all: 'Tümü',
  apply: 'Göster',
  clear: 'Sıfırla',
  mapLabel: 'Çok bildirim olan yerleri altıgenlerle gösteren bölge haritası',
  hexTitle: (place: string, n: number) => `${place} yakını: ${n} bildirim`,
  legend: 'Altıgen ne kadar koyuysa, o kadar çok bildirim var.',
  cellsHeading: 'Çok bildirim olan yerler',
  cellsCaption: 'En az K bildirimi olan altıgenler, en yakın adı olan yere göre',
  cellsNone: 'Bu seçimle gösterilecek kadar bildirimi olan altıgen yok.',
  place: 'En yakın yer',
  area: 'Bölge',
  count: 'Bildirim sayısı',
  areasHeading: 'Bölgelere göre bildirimler',
  areasCaption: 'Bu seçimle her bölgedeki, incelenmiş tüm bildirimler',
  tooFew: 'çok az',
  report: 'Kendinizi güvensiz hissettiğiniz bir yeri bildirin',
};
