// With TEST_STORE=postgres, the integration and browser tests run every server on PostgreSQL: one throwaway
// cluster for the run (started here, in vitest's global setup), a fresh database per data folder
// (tests/helpers/server.ts makes them from the admin URL this provides).
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export default async function sharedPostgres(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (process.env.TEST_STORE !== 'postgres') return;
  const cluster = await startPostgres();
  project.provide('pgAdminUrl', cluster.url);
  return () => cluster.stop();
}
