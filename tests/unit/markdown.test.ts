import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown.ts';

describe('renderMarkdown: what staff can write', () => {
  it('headings, lists, links and emphasis render', () => {
    const html = renderMarkdown(
      [
        '## Mere lys i Folehaven',
        '',
        'Vi sætter **nye lamper** op langs *stien*. Læs [planen](https://www.kk.dk/plan).',
        '',
        '- Stien ved skolen',
        '- Pladsen ved butikkerne',
        '',
        '1. Høring',
        '2. Beslutning',
      ].join('\n'),
    );
    expect(html).toContain('<h2>Mere lys i Folehaven</h2>');
    expect(html).toContain('<strong>nye lamper</strong>');
    expect(html).toContain('<em>stien</em>');
    expect(html).toContain('<a href="https://www.kk.dk/plan" rel="noopener noreferrer">planen</a>');
    expect(html).toContain('<ul>\n<li>Stien ved skolen</li>');
    expect(html).toContain('<ol>\n<li>Høring</li>');
  });

  it('# Title becomes an h2, because the page has its own h1', () => {
    const html = renderMarkdown('# Tryghedsvandring');
    expect(html).toContain('<h2>Tryghedsvandring</h2>');
    expect(html).not.toContain('<h1');
  });

  it('a raw <h1> also becomes an h2', () => {
    expect(renderMarkdown('<h1>Overskrift</h1>')).toBe('<h2>Overskrift</h2>');
  });

  it('headings below h4 become h4, keeping their text', () => {
    expect(renderMarkdown('##### Detalje')).toContain('<h4>Detalje</h4>');
    expect(renderMarkdown('###### Fodnote')).toContain('<h4>Fodnote</h4>');
  });

  it('a table renders, without alignment attributes', () => {
    const html = renderMarkdown('| Område | Svar |\n|:--|--:|\n| Nørrebro | 42 |');
    expect(html).toContain('<table>');
    expect(html).toContain('<th>Område</th>');
    expect(html).toContain('<td>42</td>');
    expect(html).not.toContain('align');
  });

  it('quotes, code, rules and line breaks render', () => {
    const html = renderMarkdown('> Citat\n\n`kode`\n\n```\nblok\n```\n\n---\n\nlinje  \nbrud');
    expect(html).toContain('<blockquote>\n<p>Citat</p>\n</blockquote>');
    expect(html).toContain('<code>kode</code>');
    expect(html).toContain('<pre><code>blok\n</code></pre>');
    expect(html).toContain('<hr />');
    expect(html).toContain('linje<br />brud');
  });

  it('mailto, tel and site-relative links keep their href', () => {
    const html = renderMarkdown('[Mail](mailto:tryghed@kk.dk) [Ring](tel:+4533663366) [Forside](/da/)');
    expect(html).toContain('href="mailto:tryghed@kk.dk"');
    expect(html).toContain('href="tel:+4533663366"');
    expect(html).toContain('href="/da/"');
  });

  it('plain text with < and & is escaped correctly', () => {
    expect(renderMarkdown('3 < 5 & "K" > 2 — Rød & Grøn')).toBe(
      '<p>3 &lt; 5 &amp; "K" &gt; 2 — Rød &amp; Grøn</p>\n',
    );
  });

  it('code keeps < and & as text', () => {
    expect(renderMarkdown('`a < b && c`')).toBe('<p><code>a &lt; b &amp;&amp; c</code></p>\n');
  });
});

describe('renderMarkdown: what never reaches the page', () => {
  it('<script> in Markdown is removed along with its content', () => {
    const html = renderMarkdown('Før\n\n<script>alert("hej")</script>\n\nEfter <script>steal()</script> slut');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('alert');
    expect(html).not.toContain('steal');
    expect(html).toContain('Før');
    expect(html).toContain('slut');
  });

  it('<style>, <iframe> and <textarea> are removed along with their content', () => {
    const html = renderMarkdown('<style>p{color:red}</style><iframe src="https://x.example">inde</iframe><textarea>tx</textarea>tekst');
    expect(html).not.toMatch(/style|iframe|color|inde|textarea|tx</);
    expect(html).toContain('tekst');
  });

  it('onerror and onclick attributes are removed', () => {
    const html = renderMarkdown('<p onclick="steal()">Tryk</p> <a href="https://kk.dk" onclick="steal()">kk</a> <img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/onclick|onerror|steal|alert/);
    expect(html).toContain('<a href="https://kk.dk" rel="noopener noreferrer">kk</a>');
  });

  it('javascript: links lose their href', () => {
    const html = renderMarkdown('[klik](javascript:alert(1)) [obfuskeret](JaVa&#09;ScRiPt:alert(1)) <a href=" javascript:alert(1)">rå</a>');
    expect(html).not.toMatch(/javascript|alert/i);
    expect(html).not.toContain('href');
    expect(html).toContain('klik');
  });

  it('data: and protocol-relative links lose their href', () => {
    const html = renderMarkdown('[data](data:text/html;base64,PHNjcmlwdD4=) [ekstern](//evil.example/x)');
    expect(html).not.toContain('href');
  });

  it('images are not rendered, from Markdown or raw HTML; their alt text is kept', () => {
    const html = renderMarkdown('![Kort over **Nørrebro** & omegn](https://tracker.example/x.png)\n\n<img src="https://tracker.example/y.png">');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('tracker.example');
    expect(html).toContain('Kort over Nørrebro &amp; omegn');
  });

  it('class, style, target and a forged rel are removed', () => {
    const html = renderMarkdown('<a href="https://kk.dk" class="x" style="color:red" target="_blank" rel="opener">kk</a>');
    expect(html).toBe('<p><a href="https://kk.dk" rel="noopener noreferrer">kk</a></p>\n');
  });

  it('tags outside the allow-list are dropped but their text is kept', () => {
    expect(renderMarkdown('<div><span>Hej</span> <u>du</u></div>')).toBe('Hej du');
  });
});
