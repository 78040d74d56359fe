/**
 * RSS feeds of published initiatives and their progress: one for all, one per
 * area. Changes come as items of their own (a corrected or withdrawn update,
 * a milestone reached), so a reader that has seen the first wording is told.
 */
import { nameIn } from '../../lib/localized.ts';
import type { Area } from '../../../db/schema.ts';
import { formatDate } from '../../lib/format.ts';
import { localePath, messages, type Locale } from '../../lib/i18n/index.ts';
import { pick } from '../../lib/localized.ts';
import { renderRss, type FeedItem } from '../../lib/rss.ts';
import type { Queryable } from '../db/connection.ts';
import { listPublishedInitiatives } from './initiatives.ts';

export async function initiativesFeed(db: Queryable, options: { locale: Locale; origin: string; area?: Area }): Promise<string> {
  const { locale, origin, area } = options;
  const m = messages(locale);
  const list = await listPublishedInitiatives(db, area ? { areaSlug: area.slug } : {});
  const url = (path: string) => new URL(localePath(locale, path), origin).href;
  const items: FeedItem[] = [];
  const day = (d: Date) => formatDate(locale, d);
  for (const { initiative: i, updates, milestones } of list) {
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
      const current = u.retractedAt ? m.initiatives.updateRetracted(day(u.retractedAt), u.retractionReason ?? '') : pick(locale, u.textDa, u.textEn).text;
      // The first wording's item says only that it changed: its text is gone from the page too.
      items.push({
        title: `${title}: ${m.initiatives.timeline}`,
        link: `${link}#opdatering-${u.id}`,
        guid: `${link}#opdatering-${u.id}`,
        description: u.editedAt || u.retractedAt ? current : pick(locale, u.textDa, u.textEn).text,
        pubDate: u.createdAt,
      });
      if (u.retractedAt) {
        items.push({ title: `${title}: ${m.initiatives.timeline}`, link: `${link}#opdatering-${u.id}`, guid: `${link}#opdatering-${u.id}-tilbagetrukket`, description: current, pubDate: u.retractedAt });
      } else if (u.editedAt) {
        items.push({
          title: `${title}: ${m.initiatives.updateEdited(day(u.editedAt))}`,
          link: `${link}#opdatering-${u.id}`,
          guid: `${link}#opdatering-${u.id}-rettet-${u.editedAt.getTime()}`,
          description: current,
          pubDate: u.editedAt,
        });
      }
    }
    for (const ms of milestones) {
      if (ms.state !== 'done' || !ms.doneOn) continue;
      items.push({
        title: `${title}: ${m.initiatives.milestones.feedDone(pick(locale, ms.titleDa, ms.titleEn).text)}`,
        link,
        guid: `${link}#delmaal-${ms.id}-naaet`,
        description: m.initiatives.milestones.feedDone(pick(locale, ms.titleDa, ms.titleEn).text),
        pubDate: new Date(`${ms.doneOn}T12:00:00Z`),
      });
    }
  }
  const areaName = area ? nameIn(locale, area) : undefined;
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
