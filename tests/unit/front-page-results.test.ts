/**
 * The front page's card for results links to the published results: results
 * are published on /resultater, so the card no longer says "coming soon".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('front page card', () => {
  it('the results card links to /resultater and is not announced as coming', () => {
    const page = readFileSync(new URL('../../src/pages/index.astro', import.meta.url), 'utf8');
    expect(page).toMatch(/\{ key: 'results', href: '\/resultater' \}/);
    // Every part now has a page; a part without `href` would be the only one shown as "coming soon".
    expect(page).not.toMatch(/\{ key: '[a-z]+' \}/);
  });
});
