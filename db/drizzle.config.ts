import { defineConfig } from 'drizzle-kit';

// Only used by `npm run db:generate`; the app applies migrations itself at start-up.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/drizzle-kit/sqlite.ts',
  out: './db/migrations',
});
