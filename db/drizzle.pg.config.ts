import { defineConfig } from 'drizzle-kit';

// Only used to generate the PostgreSQL migrations: `drizzle-kit generate --config db/drizzle.pg.config.ts`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/drizzle-kit/postgres.ts',
  out: './db/migrations-pg',
});
