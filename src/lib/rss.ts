/**
 * RSS 2.0 feeds (https://www.rssboard.org/rss-specification), written by hand:
 * the format is small, and a library would add more to audit than it saves.
 */

export interface FeedItem {
  title: string;
  /** Absolute URL of the item's page. */
  link: string;
  /** Stable identity, so readers do not show an edited item as new. */
  guid: string;
  /** Plain text; markup would be escaped and shown literally. */
  description: string;
  pubDate: Date;
  categories?: string[];
}

export interface Feed {
  title: string;
  /** Absolute URL of the site page the feed belongs to. */
  link: string;
  /** Absolute URL of the feed itself, for the atom:link rel="self" that validators ask for. */
  selfLink: string;
  description: string;
  /** Language tag of the feed's text, e.g. 'da' or 'en'. */
  language: string;
  items: FeedItem[];
}

// XML 1.0 allows only tab, LF, CR and these ranges; anything else (other C0 controls,
// lone surrogates, U+FFFE/U+FFFF) makes the whole feed unparseable, so it is dropped.
const ILLEGAL_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text safe for both element content and attribute values. */
function escapeXml(text: string): string {
  return text.replace(ILLEGAL_XML_CHARS, '').replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char);
}

/** RFC 822 date as RSS requires; toUTCString() gives exactly that form ('Tue, 03 Mar 2026 17:00:00 GMT'). */
function formatRfc822(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('RSS: an item has an invalid pubDate');
  return date.toUTCString();
}

function element(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`;
}

function renderItem(item: FeedItem): string {
  // A guid is only a permalink when it is the item's URL; our guids are often ids like 'event-42@tryghed'.
  const guid =
    item.guid === item.link
      ? element('guid', item.guid)
      : `<guid isPermaLink="false">${escapeXml(item.guid)}</guid>`;
  const children = [
    element('title', item.title),
    element('link', item.link),
    guid,
    element('description', item.description),
    element('pubDate', formatRfc822(item.pubDate)),
    ...(item.categories ?? []).map((category) => element('category', category)),
  ];
  return ['    <item>', ...children.map((line) => `      ${line}`), '    </item>'].join('\n');
}

export function renderRss(feed: Feed): string {
  // Newest first: readers show items in document order. Sorting a copy keeps the caller's array intact.
  const items = [...feed.items].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime());
  const newest = items[0];
  const channel = [
    element('title', feed.title),
    element('link', feed.link),
    element('description', feed.description),
    element('language', feed.language),
    // Omitted for an empty feed: there is no build content to date.
    ...(newest ? [element('lastBuildDate', formatRfc822(newest.pubDate))] : []),
    `<atom:link href="${escapeXml(feed.selfLink)}" rel="self" type="application/rss+xml"/>`,
  ].map((line) => `    ${line}`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    ...channel,
    ...items.map(renderItem),
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
