/**
 * Astro's image endpoint (/_image) is not used: the site has no <Image>
 * components, and the endpoint would load the image library to resize
 * anything on request (it answered 500). astro.config.mjs routes it here,
 * and it is not found.
 */
import type { APIRoute } from 'astro';

export const prerender = false;

export const GET: APIRoute = () => new Response(null, { status: 404 });
export const ALL: APIRoute = GET;
