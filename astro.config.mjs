// @ts-check
import node from '@astrojs/node';
import svelte from '@astrojs/svelte';
import { defineConfig } from 'astro/config';
import { envSchema } from './src/server/env-schema.ts';
import { CSP_DIRECTIVES } from './src/lib/security-headers.ts';

export default defineConfig({
  output: 'server',
  // staticHeaders: the CSP with Astro's script/style hashes is sent as a real
  // header (frame-ancestors does not work in a <meta> tag).
  adapter: node({ mode: 'standalone', staticHeaders: true }),
  integrations: [svelte()],
  server: { host: 'localhost', port: 4321 },
  // Danish at /, English at /en/. Routing is done by src/middleware.ts, which
  // serves /en/x with the page for /x and the English catalogue, so each page
  // exists once (see src/lib/i18n/index.ts).
  i18n: { defaultLocale: 'da', locales: ['da', 'en'], routing: 'manual' },
  security: {
    checkOrigin: true,
    csp: { directives: [...CSP_DIRECTIVES] },
  },
  env: { schema: envSchema },
  build: { inlineStylesheets: 'never' },
  // Markdown is rendered by src/lib/markdown.ts; Astro's own (with Shiki's inline styles) is unused.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
});
