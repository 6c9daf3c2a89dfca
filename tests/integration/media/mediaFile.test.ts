// Uploaded files are served back inline with Range support (the player shows a source clip), to their owner only.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/client';
import { mediaFile } from '../../helpers/paths';
import { startServer, type TestServer } from '../../helpers/server';

describe('the media file route', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('serves the whole file and byte ranges inline, and nothing to another browser', async () => {
    const owner = new ApiClient(server.baseUrl);
    const id = await owner.createProject();
    const source = mediaFile('talk-example-12s.webm');
    const { body } = await owner.upload(id, [{ path: source }]);
    const url: string = body.media[0].url;
    expect(url).toBe(`/api/projects/${id}/media/${body.media[0].id}/file`);

    const whole = await owner.fetch(url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/webm');
    expect(whole.headers.get('content-disposition')).toBe('inline');
    expect(Buffer.from(await whole.arrayBuffer()).equals(fs.readFileSync(source))).toBe(true);

    const part = await owner.fetch(url, { headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${fs.statSync(source).size}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(fs.readFileSync(source).subarray(100, 200))).toBe(true);

    const stranger = new ApiClient(server.baseUrl);
    await stranger.createProject();
    expect((await stranger.fetch(url)).status).toBe(404);
    expect((await owner.fetch(`/api/projects/${id}/media/nope/file`)).status).toBe(404);
  });
});
