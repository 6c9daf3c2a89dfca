// `npm run worker`: one render worker process on the shared queue (see lib/server/workerProcess.ts and the README's "Production").
import { runWorkerProcess } from '@/lib/server/workerProcess';

runWorkerProcess().catch((err) => {
  console.error(`[worker] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
