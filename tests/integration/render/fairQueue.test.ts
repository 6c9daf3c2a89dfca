import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/client';
import { mediaFile } from '../../helpers/paths';
import { startServer, type TestServer } from '../../helpers/server';
import { sql } from '../../helpers/serverDb';

describe('one render queue shared fairly', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ env: { QUOTA_RENDERS_QUEUED: '10', RENDER_CONCURRENCY: '1' } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("five exports from one owner and one from another: the other owner's starts before the first owner's second", async () => {
    const busy = new ApiClient(server.baseUrl);
    const busyProject = await busy.createProject('Busy');
    // Long enough that the first render still runs when the other owner's export arrives.
    await busy.upload(busyProject, [{ path: mediaFile('talk-example-12s.webm') }]);
    const quiet = new ApiClient(server.baseUrl);
    const quietProject = await quiet.createProject('Quiet');
    await quiet.upload(quietProject, [{ path: mediaFile('sar-2by3.mp4') }]);

    const mine: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await busy.json(`/api/projects/${busyProject}/exports`, { method: 'POST', body: { quality: 'preview' } });
      expect(r.status).toBe(202);
      mine.push(r.body.export.id);
    }
    const theirs = await quiet.json(`/api/projects/${quietProject}/exports`, { method: 'POST', body: { quality: 'preview' } });
    expect(theirs.status).toBe(202);

    const done = await Promise.all(mine.map((id) => busy.waitForExport(busyProject, id)));
    const other = await quiet.waitForExport(quietProject, theirs.body.export.id);
    expect([...done, other].map((e) => e.status)).toEqual(Array(6).fill('completed'));

    // Start times as the queue recorded them.
    const startedAt = async (id: string) => {
      return String((await sql(server, 'SELECT started_at FROM exports WHERE id = ?', [id]))[0].started_at);
    };
    const busyStarts = await Promise.all(mine.map((id) => startedAt(id)));
    const quietStart = await startedAt(theirs.body.export.id);
    expect(quietStart > busyStarts[0]).toBe(true);
    expect(quietStart < busyStarts[1]).toBe(true);
    expect([...busyStarts].sort()).toEqual(busyStarts);
    // Six renders one after another: give a loaded machine room.
  }, 360_000);
});

describe('a render that runs too long', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ env: { RENDER_TIME_FACTOR: '0.01', RENDER_TIME_GRACE_SECONDS: '0' } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('is stopped at a multiple of its output duration and fails in plain words', async () => {
    const c = new ApiClient(server.baseUrl);
    const id = await c.createProject('Slow');
    await c.upload(id, [{ path: mediaFile('talk-1080p.mp4') }]);
    const started = await c.json(`/api/projects/${id}/exports`, { method: 'POST', body: { quality: 'high' } });
    const e = await c.waitForExport(id, started.body.export.id);
    expect(e.status).toBe('failed');
    expect(e.error).toMatch(/The render took longer than 1 s and was stopped.*Try a preview export, or shorten the timeline/);
  });
});
