/** GET /healthz: JSON for load balancers and monitoring; 503 when not healthy. */
import type { APIRoute } from 'astro';
import { db } from '../server/db/index.ts';
import { checkHealth } from '../server/health.ts';

export const GET: APIRoute = async () => {
  const health = await checkHealth(db());
  return Response.json(health, {
    status: health.ok ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
};
