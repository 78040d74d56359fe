/** RSS feeds of published initiatives and their progress updates: one for all, one per area. */
import type { Area } from '../../db/schema.ts';
import { localePath, messages, type Locale } from '../lib/i18n/index.ts';
import { pick } from '../lib/localized.ts';
import { renderRss, type FeedItem } from '../lib/rss.ts';
import type { Queryable } from './db/connection.ts';
import { listPublishedInitiatives } from './initiatives.ts';

export async function initiativesFeed(db: Queryable, options: { locale: Locale; origin: string; area?: Area }): Promise<string> {
  const { locale, origin, area } = options;
  const m = messages(locale);
  const list = await listPublishedInitiatives(db, area ? { areaSlug: area.slug } : {});
  const url = (path: string) => new URL(localePath(locale, path), origin).href;
  const items: FeedItem[] = [];
  for (const { initiative: i, updates } of list) {
    const title = pick(locale, i.titleDa, i.titleEn).text;
    const link = url(`/indsatser/${i.slug}`);
    items.push({
      title,
      link,
      guid: `${link}#indsats`,
      description: pick(locale, i.summaryDa, i.summaryEn).text,
      pubDate: i.publishedAt ?? i.createdAt,
      categories: [m.initiatives.tracks[i.track]],
    });
    for (const u of updates) {
      items.push({
        title: `${title}: ${m.initiatives.timeline}`,
        link,
        guid: `${link}#opdatering-${u.id}`,
        description: pick(locale, u.textDa, u.textEn).text,
        pubDate: u.createdAt,
      });
    }
  }
  const areaName = area ? (locale === 'da' ? area.nameDa : area.nameEn) : undefined;
  const feedPath = area ? `/feed/${area.slug}.xml` : '/feed.xml';
  return renderRss({
    title: areaName ? `${m.meta.siteName}: ${m.initiatives.title} – ${areaName}` : `${m.meta.siteName}: ${m.initiatives.title}`,
    link: url('/indsatser'),
    selfLink: url(feedPath),
    description: m.initiatives.intro,
    language: locale,
    items,
  });
}
