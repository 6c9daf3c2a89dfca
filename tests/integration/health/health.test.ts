// /api/health on the built app: which ffmpeg it uses, and plain words (503) when one is missing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/client';
import { mediaFile } from '../../helpers/paths';
import { startServer, type TestServer } from '../../helpers/server';

/** A folder of links to everything in /usr/bin except ffmpeg and ffprobe, as a machine without them has. */
function pathWithoutFfmpeg(dir: string): string {
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  for (const name of fs.readdirSync('/usr/bin')) {
    if (name !== 'ffmpeg' && name !== 'ffprobe') fs.symlinkSync(path.join('/usr/bin', name), path.join(bin, name));
  }
  return bin;
}

describe('GET /api/health', () => {
  let tmp: string;
  const servers: TestServer[] = [];
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'health-'));
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('on a machine without ffmpeg on PATH, the built app finds the npm-shipped binaries', async () => {
    const server = await startServer({ env: { PATH: pathWithoutFfmpeg(tmp), FFMPEG_PATH: '', FFPROBE_PATH: '' } });
    servers.push(server);
    const { status, body } = await new ApiClient(server.baseUrl).json('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, backend: 'local', ffmpeg: { source: 'npm' }, ffprobe: { source: 'npm' } });
    expect(body.ffmpeg.path).toMatch(/node_modules\/@ffmpeg-installer\//);
  });

  it('answers 503 with what is missing and how to fix it, and media requests say the same instead of a bare 500', async () => {
    const broken = path.join(tmp, 'not-ffprobe');
    fs.writeFileSync(broken, 'nothing to run');
    const server = await startServer({ env: { FFPROBE_PATH: broken }, allowUnhealthy: true });
    servers.push(server);
    const client = new ApiClient(server.baseUrl);
    const health = await client.json('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ ok: false, problems: [`ffprobe at ${broken} (from FFPROBE_PATH) does not run: fix or unset FFPROBE_PATH.`] });

    const id = await client.createProject('No ffprobe');
    const up = await client.upload(id, [{ path: mediaFile('talk-example-12s.webm') }]);
    expect(up.status).toBe(503);
    expect(up.body.error.message).toContain('FFPROBE_PATH');
  });
});
