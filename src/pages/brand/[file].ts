/**
 * GET /brand/<file>: one of the partnership's marks from BRAND_DIR
 * (src/server/platform/brand.ts), from memory, with a long cache. A mark opened on its
 * own is sandboxed and may load nothing (an SVG can hold scripts); inline
 * styles, which SVG logos use, are allowed.
 */
import type { APIRoute } from 'astro';
import { markByFile } from '../../server/platform/brand.ts';

export const GET: APIRoute = ({ params }) => {
  const mark = markByFile(params.file ?? '');
  if (!mark) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return new Response(new Uint8Array(mark.bytes), {
    headers: {
      'Content-Type': mark.type,
      'Content-Length': String(mark.bytes.length),
      'Cache-Control': 'public, max-age=86400',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'X-Content-Type-Options': 'nosniff',
    },
  });
};
