// Two web processes (WEB_ONLY) and two render workers on one PostgreSQL and one S3 bucket, each with folders of its own as on
// separate machines: shared projects, fair exports, a worker killed mid-render, cancel, and no file under the web processes' DATA_DIR.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderJobId } from '@/lib/local/exports/renderJobs';
import { ApiClient } from '../../helpers/client';
import { mediaFile } from '../../helpers/paths';
import { startPostgres, type ThrowawayPostgres } from '../../helpers/postgres';
import { startS3, type ThrowawayS3 } from '../../helpers/s3';
import { startServer, tempDataDir, type TestServer } from '../../helpers/server';
import { rendersOf, startWorker, type TestWorker } from '../../helpers/worker';
import { filesUnder } from '../media/diskFiles';
import { exportFacts } from '../render/outputChecks';

const TALK = mediaFile('talk-example-12s.webm');
const LONG = mediaFile('big-buck-bunny-30s.webm');
const BUCKET = 'in-video-scale';

/** One process's folders, as one machine's: DATA_DIR, BLOB_CACHE_DIR and the OS temp folder (TMPDIR). */
interface Machine {
  data: string;
  cache: string;
  tmp: string;
}
const newMachine = (): Machine => ({ data: tempDataDir('in-video-scale-data-'), cache: tempDataDir('in-video-scale-cache-'), tmp: tempDataDir('in-video-scale-tmp-') });

describe('web processes and render workers on one PostgreSQL queue and one S3 bucket', () => {
  let cluster: ThrowawayPostgres;
  let s3: ThrowawayS3;
  let databaseUrl: string;
  let webMachines: Machine[] = [];
  let workerMachines: Machine[] = [];
  let scratch: string;
  let webs: TestServer[] = [];
  let workers: TestWorker[] = [];
  let db: pg.Client;
  // Every 150 ms: which exports have an ffmpeg running, and how many each (never more than one).
  const samples: Map<string, number>[] = [];
  let watched: string[] = [];
  let sampler: NodeJS.Timeout | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    [cluster, s3] = await Promise.all([startPostgres(), startS3()]);
    databaseUrl = await cluster.newDatabase();
    await s3.newBucket(BUCKET);
    // Nothing shared on disk: media and exports are in the bucket, each process has its own folders.
    webMachines = [newMachine(), newMachine()];
    workerMachines = [newMachine(), newMachine()];
    scratch = tempDataDir('in-video-scale-test-');
    env = {
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: 'web-and-workers-share-this-session-secret-0123',
      RENDER_LEASE_SECONDS: '10',
      // Every frame encoded: renders last long enough to be killed and canceled mid-way.
      FAST_EXPORT: '0',
      ...s3.env(BUCKET),
    };
    webs = await Promise.all(webMachines.map((m) => startServer({ env: { ...env, ...machineEnv(m), WEB_ONLY: '1' }, dataDir: m.data })));
    workers = await Promise.all(workerMachines.map((m) => startWorker({ ...env, ...machineEnv(m) })));
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    sampler = setInterval(() => {
      const sample = new Map<string, number>();
      for (const id of watched) {
        const n = rendersOf(id).length;
        if (n > 0) sample.set(id, n);
      }
      samples.push(sample);
    }, 150);
  }, 180_000);
  afterAll(async () => {
    clearInterval(sampler);
    await db?.end();
    await Promise.all([...webs.map((w) => w.stop()), ...workers.map((w) => w.stop())]);
    await Promise.all([cluster?.stop(), s3?.stop()]);
    for (const m of [...webMachines, ...workerMachines]) for (const dir of Object.values(m)) fs.rmSync(dir, { recursive: true, force: true });
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  const machineEnv = (m: Machine) => ({ DATA_DIR: m.data, BLOB_CACHE_DIR: m.cache, TMPDIR: m.tmp });

  const logs = () =>
    [...webs.map((w, i) => `web${i + 1}:\n${w.logs().slice(-1500)}`), ...workers.map((w, i) => `worker${i + 1}:\n${w.logs().slice(-3000)}`)].join('\n');
  const startExport = async (client: ApiClient, projectId: string, quality: 'preview' | 'high') => {
    const res = await client.json(`/api/projects/${projectId}/exports`, { method: 'POST', body: { quality } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    watched.push(res.body.export.id);
    return res.body.export.id as string;
  };
  const checkMp4 = async (client: ApiClient, url: string, name: string, seconds: number) => {
    const file = path.join(scratch, name);
    await client.download(url, file);
    const facts = exportFacts(file);
    expect(facts.videoCodec).toBe('h264');
    expect(facts.audioCodec).toBe('aac');
    expect(Math.abs(facts.duration - seconds)).toBeLessThan(0.5);
  };
  /** Polls the export through a web process; a dropped keep-alive connection (seen once on a loaded machine) is retried, twice at most. */
  const finished = async (client: ApiClient, projectId: string, id: string, timeoutMs?: number) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await client.waitForExport(projectId, id, timeoutMs);
      } catch (err) {
        if (attempt >= 3 || !(err instanceof TypeError)) throw new Error(`${err}\n${logs()}`);
        console.log(`[scale] polling export ${id} again after: ${err.message} (${(err.cause as Error | undefined)?.message})`);
      }
    }
  };
  const holderOf = async (exportId: string, from: number[]) => {
    const pattern = new RegExp(`rendering export ${exportId}`);
    for (const deadline = Date.now() + 90_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      const i = workers.findIndex((w, k) => pattern.test(w.logs().slice(from[k])));
      if (i >= 0) return i;
    }
    throw new Error(`no worker took ${exportId}\n${logs()}`);
  };

  it('edits a project made on web 1 through web 2, and renders four exports of two owners on both workers, one per owner at a time', async () => {
    const alice = new ApiClient(webs[0].baseUrl);
    const aliceProject = await alice.createProject('Alice on web 1');
    expect((await alice.upload(aliceProject, [{ path: TALK }])).status).toBe(201);
    const full = (await alice.json(`/api/projects/${aliceProject}/timeline`)).body.duration as number;
    const aliceOnWeb2 = new ApiClient(webs[1].baseUrl);
    aliceOnWeb2.cookie = alice.cookie;
    const events = await aliceOnWeb2.chat(aliceProject, 'trim 2 seconds off the start');
    expect(events.filter((e) => e.type === 'error'), JSON.stringify(events)).toEqual([]);
    expect((await alice.json(`/api/projects/${aliceProject}/timeline`)).body.duration).toBeCloseTo(full - 2, 1);

    const bob = new ApiClient(webs[1].baseUrl);
    const bobProject = await bob.createProject('Bob on web 2');
    expect((await bob.upload(bobProject, [{ path: TALK }])).status).toBe(201);

    const aliceExports = [await startExport(aliceOnWeb2, aliceProject, 'preview'), await startExport(alice, aliceProject, 'preview')];
    const bobExports = [await startExport(bob, bobProject, 'preview'), await startExport(bob, bobProject, 'preview')];
    for (const id of aliceExports) {
      const done = await finished(alice, aliceProject, id);
      expect(done.status, `${done.error}\n${logs()}`).toBe('completed');
      await checkMp4(aliceOnWeb2, done.url, `${id}.mp4`, full - 2);
    }
    for (const id of bobExports) {
      const done = await finished(bob, bobProject, id);
      expect(done.status, `${done.error}\n${logs()}`).toBe('completed');
      await checkMp4(bob, done.url, `${id}.mp4`, full);
    }
    // Both workers took jobs; each export was rendered once; an owner never had two renders at once (QUOTA_RENDERS_RUNNING=1).
    for (const w of workers) expect(w.logs(), logs()).toMatch(/rendering export/);
    const { rows } = await db.query('SELECT id, attempts FROM exports WHERE id = ANY($1)', [[...aliceExports, ...bobExports]]);
    expect(rows.map((r) => r.attempts)).toEqual([1, 1, 1, 1]);
    for (const sample of samples) {
      expect(aliceExports.filter((id) => sample.has(id)).length).toBeLessThanOrEqual(1);
      expect(bobExports.filter((id) => sample.has(id)).length).toBeLessThanOrEqual(1);
    }
  }, 420_000);

  it('finishes on the other worker, rendered once at a time, the export whose worker was killed mid-render', async () => {
    const carol = new ApiClient(webs[0].baseUrl);
    const project = await carol.createProject('Carol');
    expect((await carol.upload(project, [{ path: LONG }])).status).toBe(201);
    const seconds = (await carol.json(`/api/projects/${project}/timeline`)).body.duration as number;
    const from = workers.map((w) => w.logs().length);
    const id = await startExport(carol, project, 'preview');
    const holder = await holderOf(id, from);
    // Mid-render: its ffmpeg is running and has reported progress (so it writes to its pipe every 0.5 s and dies at the
    // next write once its worker is gone; one killed before its first report lives until that report, seen on a loaded machine).
    const progressed = async () => (await db.query('SELECT progress FROM exports WHERE id = $1', [id])).rows[0]?.progress > 0;
    for (const deadline = Date.now() + 120_000; !(rendersOf(id).length > 0 && (await progressed())) && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 100));
    expect(rendersOf(id).length, logs()).toBe(1);
    expect(await progressed(), logs()).toBe(true);
    const killedAt = Date.now();
    await workers[holder].kill();
    const survivor = workers[1 - holder];
    await survivor.waitForLog(new RegExp(`rendering export ${id} \\(attempt 2\\)`), 90_000);
    const handedOverSeconds = (Date.now() - killedAt) / 1000;
    const done = await finished(carol, project, id, 240_000);
    expect(done.status, `${done.error}\n${logs()}`).toBe('completed');
    await checkMp4(carol, done.url, `${id}.mp4`, seconds);
    const { rows } = await db.query('SELECT attempts FROM exports WHERE id = $1', [id]);
    expect(rows[0].attempts).toBe(2);
    // Never two ffmpeg renders of it at once: the killed worker's ffmpeg was gone before the survivor's began.
    expect(Math.max(...samples.map((s) => s.get(id) ?? 0))).toBe(1);
    // Within two leases (10 s each) and the supervisor's pass, with room for a loaded machine.
    expect(handedOverSeconds).toBeLessThan(60);
    console.log(`[scale] killed worker's export taken over after ${handedOverSeconds.toFixed(1)} s`);
    // The killed worker is replaced for the next case, as a process manager would (on the same machine).
    workers[holder] = await startWorker({ ...env, ...machineEnv(workerMachines[holder]) });
  }, 420_000);

  it('stops the render in whichever worker holds an export when it is canceled through a web process', async () => {
    const dave = new ApiClient(webs[1].baseUrl);
    const project = await dave.createProject('Dave');
    expect((await dave.upload(project, [{ path: LONG }])).status).toBe(201);
    const from = workers.map((w) => w.logs().length);
    const id = await startExport(dave, project, 'preview');
    const holder = await holderOf(id, from);
    for (const deadline = Date.now() + 30_000; rendersOf(id).length === 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 100));
    expect(rendersOf(id).length, logs()).toBe(1);
    // Canceled through the other web process than the one that queued it.
    const daveOnWeb1 = new ApiClient(webs[0].baseUrl);
    daveOnWeb1.cookie = dave.cookie;
    const res = await daveOnWeb1.json(`/api/projects/${project}/exports/${id}`, { method: 'DELETE' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const deadline = Date.now() + 30_000; rendersOf(id).length > 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 200));
    expect(rendersOf(id), logs()).toEqual([]);
    const job = await db.query('SELECT state FROM pgboss.job WHERE id = $1', [renderJobId(id)]);
    expect(job.rows.map((r) => r.state)).toEqual(['cancelled']);
    // The holder recorded nothing over the cancel, and the export was not handed to another worker.
    await new Promise((r) => setTimeout(r, 3_000));
    const { rows } = await db.query('SELECT status, attempts FROM exports WHERE id = $1', [id]);
    expect(rows).toEqual([{ status: 'canceled', attempts: 1 }]);
    expect(workers[1 - holder].logs().slice(from[1 - holder])).not.toMatch(new RegExp(`rendering export ${id}`));
  }, 240_000);

  it('leaves no file under the web processes\' DATA_DIR: uploads were analysed in a temp folder and are only in the bucket', async () => {
    for (const [i, m] of webMachines.entries()) {
      expect(filesUnder(m.data), `web ${i + 1} DATA_DIR`).toEqual([]);
      // Each upload waited in its own folder under TMPDIR while it was analysed, removed once it was in the bucket.
      expect(fs.readdirSync(m.tmp).filter((n) => n.startsWith('in-video-upload-')), `web ${i + 1} TMPDIR`).toEqual([]);
    }
    // The media and the finished exports are in the bucket instead: 4 uploads (source + poster each) and 5 exports.
    const keys = await s3.keys(BUCKET);
    expect(keys.filter((k) => k.startsWith('media/') && !k.endsWith('.thumb.jpg'))).toHaveLength(4);
    expect(keys.filter((k) => k.startsWith('exports/'))).toHaveLength(5);
  });
});
