// A render worker process (`npm run worker`): takes jobs from the shared PostgreSQL queue, renders, reports into the database; no web server.
import 'server-only';
import { SharedRenderQueue } from '@/lib/local/exports/sharedRenderQueue';
import { getConfig } from './config';
import { localDepsFor, storeFor } from './root';

export async function runWorkerProcess(): Promise<void> {
  const config = getConfig();
  if (!config.DATABASE_URL) {
    throw new Error('npm run worker needs DATABASE_URL (the shared queue lives in PostgreSQL); the embedded default renders inside `npm start`.');
  }
  const name = `worker-${process.pid}`;
  const queue = new SharedRenderQueue(localDepsFor(config, storeFor(config)), {
    databaseUrl: config.DATABASE_URL,
    leaseSeconds: config.RENDER_LEASE_SECONDS,
    work: true,
    name,
  });
  await queue.ready;
  console.log(`[${name}] taking render jobs (${config.RENDER_CONCURRENCY} at once, lease ${config.RENDER_LEASE_SECONDS} s)`);
  // SIGTERM (a deploy, a scale-down): renders in hand go back to the queue at once rather than after a lease.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[${name}] ${signal}: stopping`);
    queue.stop().then(
      () => process.exit(0),
      (err) => {
        console.error(`[${name}] stop failed:`, err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
