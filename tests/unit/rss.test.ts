import { describe, expect, it } from 'vitest';
import { renderRss, type Feed, type FeedItem } from '../../src/lib/rss.ts';

function makeItem(overrides: Partial<FeedItem> = {}): FeedItem {
  return {
    title: 'Tryghedsvandring på Blågårds Plads',
    link: 'https://tryghed.example/da/events/42',
    guid: 'event-42@tryghed',
    description: 'Vi går en tur og ser på belysningen.',
    pubDate: new Date('2026-03-05T17:00:00Z'),
    ...overrides,
  };
}

function makeFeed(items: FeedItem[], overrides: Partial<Feed> = {}): Feed {
  return {
    title: 'Tryghed: begivenheder',
    link: 'https://tryghed.example/da/events',
    selfLink: 'https://tryghed.example/da/events/rss.xml',
    description: 'Kommende begivenheder i Indre Nørrebro',
    language: 'da',
    items,
    ...overrides,
  };
}

/**
 * A small well-formedness check, enough for output we write ourselves: tags nest and close,
 * and text holds no raw '<' or bare '&'.
 */
function assertWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const open: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (const match of body.matchAll(tag)) {
    const text = body.slice(last, match.index);
    expect(text).not.toMatch(/<|&(?!(?:amp|lt|gt|quot|apos);)/);
    last = match.index + match[0].length;
    const [, closing, name, , selfClosing] = match;
    if (selfClosing) continue;
    if (closing) expect(open.pop()).toBe(name);
    else open.push(name ?? '');
  }
  expect(body.slice(last).trim()).toBe('');
  expect(open).toEqual([]);
}

/** Text of each <tag> in document order, with entities left as written. */
function textsOf(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`, 'g'))].map((m) => m[1] ?? '');
}

describe('renderRss', () => {
  it('is well-formed RSS 2.0 with the Atom namespace and a self link', () => {
    const xml = renderRss(makeFeed([makeItem({ categories: ['Tryghed', 'Belysning'] })]));
    assertWellFormed(xml);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toMatch(/<rss version="2\.0" xmlns:atom="http:\/\/www\.w3\.org\/2005\/Atom">/);
    expect(xml).toContain(
      '<atom:link href="https://tryghed.example/da/events/rss.xml" rel="self" type="application/rss+xml"/>',
    );
    expect(textsOf(xml, 'language')).toEqual(['da']);
    expect(textsOf(xml, 'category')).toEqual(['Tryghed', 'Belysning']);
  });

  it('escapes markup, ampersands and quotes, never letting them through raw', () => {
    const xml = renderRss(
      makeFeed([makeItem({ title: `<script>alert("x")</script> & 'Nørrebro'`, link: 'https://tryghed.example/?a=1&b=2' })], {
        selfLink: 'https://tryghed.example/rss.xml?lang=da&x="1"',
      }),
    );
    assertWellFormed(xml);
    expect(xml).not.toContain('<script>');
    expect(textsOf(xml, 'title')).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;Nørrebro&apos;',
    );
    expect(textsOf(xml, 'link')).toContain('https://tryghed.example/?a=1&amp;b=2');
    expect(xml).toContain('href="https://tryghed.example/rss.xml?lang=da&amp;x=&quot;1&quot;"');
  });

  it('removes characters XML 1.0 forbids and keeps tab and newline', () => {
    const xml = renderRss(makeFeed([makeItem({ description: 'før\u0000\u0008\u000B\u001F\uFFFE\uD800efter\tog\nså' })]));
    expect(textsOf(xml, 'description')).toContain('førefter\tog\nså');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  });

  it('lists items newest first and dates the build by the newest item', () => {
    const items = [
      makeItem({ guid: 'old', pubDate: new Date('2026-01-01T12:00:00Z') }),
      makeItem({ guid: 'new', pubDate: new Date('2026-03-01T12:00:00Z') }),
      makeItem({ guid: 'mid', pubDate: new Date('2026-02-01T12:00:00Z') }),
    ];
    const xml = renderRss(makeFeed(items));
    expect(textsOf(xml, 'guid')).toEqual(['new', 'mid', 'old']);
    expect(textsOf(xml, 'lastBuildDate')).toEqual(['Sun, 01 Mar 2026 12:00:00 GMT']);
    expect(items.map((item) => item.guid)).toEqual(['old', 'new', 'mid']); // the caller's array is untouched
  });

  it('writes pubDate in RFC 822 form, in GMT', () => {
    const xml = renderRss(makeFeed([makeItem({ pubDate: new Date('2026-03-05T18:00:00+01:00') })]));
    expect(textsOf(xml, 'pubDate')).toEqual(['Thu, 05 Mar 2026 17:00:00 GMT']);
    expect(textsOf(xml, 'pubDate')[0]).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  });

  it('marks a guid as a permalink only when it is the item link', () => {
    const xml = renderRss(
      makeFeed([makeItem(), makeItem({ guid: 'https://tryghed.example/da/events/7', link: 'https://tryghed.example/da/events/7' })]),
    );
    expect(xml).toContain('<guid isPermaLink="false">event-42@tryghed</guid>');
    expect(xml).toContain('<guid>https://tryghed.example/da/events/7</guid>');
  });

  it('an empty feed is still a valid channel, without lastBuildDate or items', () => {
    const xml = renderRss(makeFeed([]));
    assertWellFormed(xml);
    expect(xml).toContain('<channel>');
    expect(textsOf(xml, 'title')).toEqual(['Tryghed: begivenheder']);
    expect(xml).not.toContain('<item>');
    expect(xml).not.toContain('lastBuildDate');
  });

  it('refuses an item with an invalid date rather than writing "Invalid Date"', () => {
    expect(() => renderRss(makeFeed([makeItem({ pubDate: new Date('nonsense') })]))).toThrow(/invalid pubDate/);
  });
});
