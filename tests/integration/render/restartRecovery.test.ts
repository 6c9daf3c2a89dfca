import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/client';
import { mediaFile } from '../../helpers/paths';
import { startServer, type TestServer } from '../../helpers/server';
import { exportFacts, processesMentioning } from './outputChecks';

describe('a server killed in the middle of a render', () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
  });

  it('finishes the export after a restart on the same data, with no orphan left rendering', async () => {
    const first = await startServer();
    servers.push(first);
    const client = new ApiClient(first.baseUrl);
    const id = await client.createProject('Restart');
    // Two minutes of 1080p: long enough to be caught mid-render.
    const up = await client.upload(id, [{ path: mediaFile('talk-1080p.mp4') }, { path: mediaFile('talk-1080p.mp4'), as: 'again.mp4' }]);
    expect(up.status).toBe(201);
    const duration = (await client.json(`/api/projects/${id}/timeline`)).body.duration;
    const started = (await client.json(`/api/projects/${id}/exports`, { method: 'POST', body: { quality: 'preview' } })).body.export;

    let seen: { status: string; progress: number } = { status: 'queued', progress: 0 };
    for (let i = 0; i < 600 && !(seen.status === 'rendering' && seen.progress > 0); i++) {
      await new Promise((r) => setTimeout(r, 100));
      seen = (await client.json(`/api/projects/${id}/exports/${started.id}`)).body.export;
    }
    expect(seen.status).toBe('rendering');
    expect(seen.progress).toBeGreaterThan(0);
    expect(seen.progress).toBeLessThan(1);
    await first.kill();

    const second = await startServer({ dataDir: first.dataDir });
    servers.push(second);
    const again = new ApiClient(second.baseUrl);
    again.cookie = client.cookie;
    const done = await again.waitForExport(id, started.id);
    if (done.status === 'failed') {
      // Allowed by the issue, but only with a plain message.
      expect(done.error).toMatch(/^[A-Z][^\n]{10,200}$/);
      expect(done.error).not.toMatch(/ffmpeg|Error:|at \w+ \(/);
    } else {
      expect(done.status).toBe('completed');
      const file = `${first.dataDir}/downloaded.mp4`;
      await again.download(done.url, file);
      const facts = exportFacts(file);
      expect(facts).toMatchObject({ width: 960, height: 540 });
      expect(Math.abs(facts.duration - duration)).toBeLessThanOrEqual(1 / 30);
    }
    // The ffmpeg orphaned by the kill was stopped at start-up, and nothing is left half-written.
    expect(processesMentioning(started.id)).toEqual([]);
    // Work files live in DATA_DIR, or in the cache folder with S3 (the server's workDir).
    const leftovers = fs.readdirSync(`${second.workDir}/exports`).filter((n) => n.includes('partial') || n.endsWith('.work'));
    expect(leftovers).toEqual([]);
    const all = (await again.json(`/api/projects/${id}`)).body.exports as { status: string }[];
    expect(all.filter((e) => e.status === 'rendering' || e.status === 'queued')).toEqual([]);
  });
});
