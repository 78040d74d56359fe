// @ts-check
import node from '@astrojs/node';
import svelte from '@astrojs/svelte';
import { defineConfig, passthroughImageService } from 'astro/config';
import { envSchema } from './src/server/platform/env-schema.ts';
import { CSP_DIRECTIVES } from './src/lib/security-headers.ts';
import { cspDigestMemo } from './src/server/platform/csp-digest-memo.ts';

/**
 * The public origin as Astro's allowed-domain pattern; none (localhost only) when unset.
 * @param {string | undefined} origin
 */
function allowedDomains(origin) {
  if (!origin || !URL.canParse(origin)) return [];
  const url = new URL(origin);
  return [{ hostname: url.hostname, protocol: url.protocol.replace(':', ''), ...(url.port ? { port: url.port } : {}) }];
}

export default defineConfig({
  output: 'server',
  // staticHeaders: the CSP with Astro's script/style hashes is sent as a real
  // header (frame-ancestors does not work in a <meta> tag).
  // No request body may exceed 3 MiB (the largest form, an area boundary
  // upload, allows 2 MB); each form reader has its own, smaller limit.
  adapter: node({ mode: 'middleware', staticHeaders: true, bodySizeLimit: 3 * 1024 * 1024, experimentalDisableStreaming: true }),
  integrations: [svelte()],
  server: { host: 'localhost', port: 4321 },
  // Danish at /, English at /en/. Routing is done by src/middleware.ts, which
  // serves /en/x with the page for /x and the English catalogue, so each page
  // exists once (see src/lib/i18n/index.ts).
  i18n: { defaultLocale: 'da', locales: ['da', 'en'], routing: 'manual' },
  security: {
    // The origin check compares a form post's Origin with the request's host.
    // Behind a proxy, Astro only believes the Host / X-Forwarded-Host it is told
    // to: the public origin, given at build time (`npm start` builds).
    allowedDomains: allowedDomains(process.env.PUBLIC_ORIGIN),
    // The same check runs in src/middleware.ts (src/lib/origin-check.ts), with
    // one exception: the cookie-less Open311 API, whose clients send no Origin.
    checkOrigin: false,
    csp: { directives: [...CSP_DIRECTIVES] },
  },
  env: { schema: envSchema },
  build: { inlineStylesheets: 'never' },
  // Markdown is rendered by src/lib/markdown.ts; Astro's own (with Shiki's inline styles) is unused.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  // Astro's per-request CSP hashes of the build's own head elements, made once (see the file).
  vite: { plugins: [cspDigestMemo()] },
  // No image optimisation: the image endpoint (/_image) is not found (src/server/platform/no-image-endpoint.ts)
  // and no image library is loaded.
  image: { service: passthroughImageService(), endpoint: { route: '/_image', entrypoint: './src/server/platform/no-image-endpoint.ts' } },
});
