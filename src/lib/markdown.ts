/**
 * Markdown written by staff (initiative bodies), rendered on the server and
 * sanitised against an explicit allow-list. marked does not sanitise, so
 * everything it emits, including raw HTML typed into the Markdown, passes
 * through sanitize-html before it reaches a page.
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

const marked = new Marked({
  gfm: true,
  renderer: {
    // The site makes no third-party requests, so an image becomes its alt
    // text: the reader keeps the words, the browser fetches nothing.
    image({ tokens }) {
      return escapeHtml(this.parser.parseInline(tokens, this.parser.textRenderer));
    },
  },
});

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'strong', 'em', 'a', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote', 'code', 'pre', 'hr',
    'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  // rel is set by transformTags below; whatever the author wrote is overwritten.
  allowedAttributes: { a: ['href', 'rel'] },
  allowedClasses: {},
  allowedStyles: {},
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  // "//host/path" is an external link in disguise; authors write https:// or a path.
  allowProtocolRelative: false,
  allowVulnerableTags: false,
  // Disallowed tags are dropped and their text kept, except these, whose
  // content is code or UI rather than prose and is dropped with them.
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'template', 'title', 'xmp', 'noembed', 'noframes'],
  transformTags: {
    // The page has its own h1; headings below h4 are folded into the lowest one we allow.
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
  },
};

/** Renders staff-written Markdown to HTML that is safe to insert into a page. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false });
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}
