// Two web processes on one PostgreSQL database: what one writes, the other reads and edits, and an export completes.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEvent } from '@/lib/api/schemas';
import { ApiClient } from '../../helpers/client';
import { mediaFile } from '../../helpers/paths';
import { startPostgres, type ThrowawayPostgres } from '../../helpers/postgres';
import { freePort, startServer, tempDataDir, type TestServer } from '../../helpers/server';
import { exportFacts } from '../render/outputChecks';

const TALK = mediaFile('talk-example-12s.webm');

describe('two web servers on one Postgres database', () => {
  let cluster: ThrowawayPostgres;
  let databaseUrl: string;
  let dataDir: string;
  let web1: TestServer;
  let web2: TestServer;

  beforeAll(async () => {
    cluster = await startPostgres();
    databaseUrl = await cluster.newDatabase();
    // Media and exports are still files (no shared blob store yet), so both processes get one folder,
    // as several servers would share a mounted volume. Both start before any export: start-up
    // recovery still assumes a process is alone with its renders.
    dataDir = tempDataDir('in-video-pg-');
    // One explicit secret: two servers starting at once must not each generate their own into the shared folder.
    const env = { DATABASE_URL: databaseUrl, SESSION_SECRET: 'two-servers-share-this-session-secret-0123456789' };
    [web1, web2] = await Promise.all([startServer({ env, dataDir }), startServer({ env, dataDir })]);
  });
  afterAll(async () => {
    await Promise.all([web1?.stop(), web2?.stop()]);
    await cluster?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const logs = () => `web1:\n${web1.logs().slice(-2000)}\nweb2:\n${web2.logs().slice(-2000)}`;
  const duration = async (client: ApiClient, id: string) => (await client.json(`/api/projects/${id}/timeline`)).body.duration as number;
  async function say(client: ApiClient, id: string, message: string): Promise<ChatEvent[]> {
    const events = await client.chat(id, message);
    expect(events.filter((e) => e.type === 'error'), JSON.stringify(events)).toEqual([]);
    return events;
  }

  it('shares projects, chat edits, undo history and exports, and keeps no SQLite file', async () => {
    const one = new ApiClient(web1.baseUrl);
    const id = await one.createProject('Made on web 1');
    const up = await one.upload(id, [{ path: TALK }]);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const full = await duration(one, id);
    expect(full).toBeGreaterThan(11);

    // The same browser (its session cookie) on the other server.
    const two = new ApiClient(web2.baseUrl);
    two.cookie = one.cookie;
    const seen = await two.json(`/api/projects/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.project.title).toBe('Made on web 1');
    expect(seen.body.media.map((m: { name: string }) => m.name)).toEqual([path.basename(TALK)]);

    await say(two, id, 'trim 2 seconds off the start');
    expect(await duration(one, id)).toBeCloseTo(full - 2, 1);
    await say(one, id, 'undo');
    expect(await duration(two, id)).toBeCloseTo(full, 1);
    const redone = await two.json(`/api/projects/${id}/timeline`, { method: 'POST', body: { action: 'redo' } });
    expect(redone.status, JSON.stringify(redone.body)).toBe(200);
    expect(await duration(one, id)).toBeCloseTo(full - 2, 1);

    // Both servers show the whole conversation, in order.
    const messages: { role: string; text: string }[] = (await one.json(`/api/projects/${id}`)).body.messages;
    expect(messages.filter((m) => m.role === 'user').map((m) => m.text)).toEqual(['trim 2 seconds off the start', 'undo']);
    expect(messages.filter((m) => m.role === 'assistant')).toHaveLength(2);
    expect((await one.json('/api/projects')).body.projects.map((p: { id: string }) => p.id)).toEqual([id]);

    const started = await two.json(`/api/projects/${id}/exports`, { method: 'POST', body: { quality: 'preview' } });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const done = await one.waitForExport(id, started.body.export.id);
    expect(done.status, `${done.error}\n${logs()}`).toBe('completed');
    const file = path.join(dataDir, 'downloaded.mp4');
    await two.download(done.url, file);
    const facts = exportFacts(file);
    expect(facts.videoCodec).toBe('h264');
    expect(facts.duration).toBeGreaterThan(full - 2 - 0.5);
    expect(facts.duration).toBeLessThan(full - 2 + 0.5);

    // The rows are in Postgres: one claim of the export, and nothing written to an embedded database.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const { rows } = await db.query('SELECT attempts, status FROM exports WHERE project_id = $1', [id]);
    await db.end();
    expect(rows).toEqual([{ attempts: 1, status: 'completed' }]);
    expect(fs.readdirSync(dataDir).filter((f) => f.includes('sqlite'))).toEqual([]);
  });

  it('says in /api/health when its database is out of reach, without the URL\'s password', async () => {
    const url = `postgresql://postgres:hunter2secret@127.0.0.1:${await freePort()}/nowhere`;
    const server = await startServer({ env: { DATABASE_URL: url }, allowUnhealthy: true });
    try {
      const res = await new ApiClient(server.baseUrl).json('/api/health');
      expect(res.status).toBe(503);
      expect(res.body.problems.join('\n')).toMatch(/The database in DATABASE_URL cannot be used \(.*ECONNREFUSED/);
      expect(JSON.stringify(res.body)).not.toContain('hunter2secret');
    } finally {
      await server.stop();
    }
  });
});
