// With TEST_POSTGRES=1, the integration run gets one throwaway PostgreSQL cluster, and every test server its own database on it (startServer).
import { startPostgres, type ThrowawayPostgres } from './postgres';

let cluster: ThrowawayPostgres | undefined;

/** Vitest global setup: the admin URL goes to the test processes through the environment (they are started after this). */
export default async function postgresForServers(): Promise<() => Promise<void>> {
  if (process.env.TEST_POSTGRES !== '1') return async () => {};
  cluster = await startPostgres();
  process.env.TEST_POSTGRES_ADMIN_URL = cluster.url;
  return async () => {
    await cluster?.stop();
  };
}
