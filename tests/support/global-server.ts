/** Vitest global setup for the http and browser projects: one built server per project run. */
import type { TestProject } from 'vitest/node';
import { startServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dbPath: string;
  }
}

export default async function setup(project: TestProject) {
  // Behind-a-proxy mode, so tests can speak for distinct clients with
  // X-Forwarded-For (in-memory throttles are per client).
  const server = await startServer({ TRUST_PROXY: 'true' });
  project.provide('baseUrl', server.url);
  project.provide('dbPath', server.dbPath);
  return async () => {
    await server.stop();
  };
}
