// Benchmark: 8 exports (two owners, four each) queued at once on the shared PostgreSQL queue, drained by 1 worker and by 2.
// On one 2-core machine two workers share the same cores, so the figure is about correctness and scheduling
// (each export rendered once, both workers used, owners served in turn), not a speed-up.
// Run alone: `npx tsx scripts/bench/workers.ts` (needs a build, and Debian's postgresql).
import fs from 'node:fs';
import pg from 'pg';
import { ApiClient } from '../../tests/helpers/client';
import { mediaFile } from '../../tests/helpers/paths';
import { startPostgres } from '../../tests/helpers/postgres';
import { startServer, tempDataDir } from '../../tests/helpers/server';
import { startWorker } from '../../tests/helpers/worker';

const EXPORTS_PER_OWNER = 4;

interface Round {
  workers: number;
  wallSeconds: number;
  /** Renders each worker took. */
  perWorker: number[];
  /** Largest number of exports rendering at once (from the rows, sampled every 100 ms). */
  mostRenderingAtOnce: number;
  /** Owners in the order their exports started: alternating is the fair order. */
  startOrder: string;
  attempts: number[];
}

async function round(workerCount: number): Promise<Round> {
  const cluster = await startPostgres();
  const dataDir = tempDataDir('in-video-bench-workers-');
  const databaseUrl = await cluster.newDatabase();
  const env = {
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    SESSION_SECRET: 'bench-workers-share-this-session-secret-012345',
    QUOTA_RENDERS_RUNNING: '2',
    QUOTA_RENDERS_QUEUED: String(EXPORTS_PER_OWNER),
    FAST_EXPORT: '0',
  };
  const web = await startServer({ env: { ...env, WEB_ONLY: '1' }, dataDir });
  const workers = await Promise.all(Array.from({ length: workerCount }, () => startWorker(env)));
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const owners = ['a', 'b'];
    const projects: { client: ApiClient; id: string }[] = [];
    for (const owner of owners) {
      const client = new ApiClient(web.baseUrl);
      const id = await client.createProject(`Owner ${owner}`);
      const up = await client.upload(id, [{ path: mediaFile('talk-example-12s.webm') }]);
      if (up.status !== 201) throw new Error(`upload failed: ${JSON.stringify(up.body)}`);
      projects.push({ client, id });
    }
    const started = process.hrtime.bigint();
    const queued: { owner: string; id: string; project: (typeof projects)[number] }[] = [];
    for (const [o, project] of projects.entries()) {
      for (let i = 0; i < EXPORTS_PER_OWNER; i++) {
        const res = await project.client.json(`/api/projects/${project.id}/exports`, { method: 'POST', body: { quality: 'preview' } });
        if (res.status !== 202) throw new Error(`export refused: ${res.status} ${JSON.stringify(res.body)}`);
        queued.push({ owner: owners[o], id: res.body.export.id, project });
      }
    }
    let most = 0;
    for (;;) {
      const { rows } = await db.query('SELECT status FROM exports');
      most = Math.max(most, rows.filter((r) => r.status === 'rendering').length);
      const bad = rows.find((r) => r.status === 'failed' || r.status === 'canceled');
      if (bad) throw new Error(`an export ${bad.status}`);
      if (rows.every((r) => r.status === 'completed')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const wallSeconds = Math.round(Number(process.hrtime.bigint() - started) / 1e6) / 1000;
    const { rows } = await db.query('SELECT id, attempts FROM exports ORDER BY started_at');
    const ownerOf = new Map(queued.map((q) => [q.id, q.owner]));
    return {
      workers: workerCount,
      wallSeconds,
      perWorker: workers.map((w) => (w.logs().match(/rendering export/g) ?? []).length),
      mostRenderingAtOnce: most,
      startOrder: rows.map((r) => ownerOf.get(r.id)).join(''),
      attempts: rows.map((r) => r.attempts),
    };
  } finally {
    await db.end();
    await Promise.all([web.stop(), ...workers.map((w) => w.stop())]);
    await cluster.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchWorkers(): Promise<object> {
  const one = await round(1);
  const two = await round(2);
  return {
    exports: EXPORTS_PER_OWNER * 2,
    source: 'talk-example-12s.webm, preview quality, every frame encoded (FAST_EXPORT=0), two owners with QUOTA_RENDERS_RUNNING=2',
    oneWorker: one,
    twoWorkers: two,
    note: 'one 2-core machine: two workers share the cores, so this shows correctness and scheduling (each export once, both workers used, owners in turn), not a speed-up',
  };
}

if (process.argv[1]?.endsWith('workers.ts')) {
  benchWorkers().then((r) => console.log(JSON.stringify({ name: 'workers', ...r })), (err) => {
    console.error(err);
    process.exit(1);
  });
}
