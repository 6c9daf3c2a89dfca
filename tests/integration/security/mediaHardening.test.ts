import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/client';
import { mediaFile } from '../../helpers/paths';
import { startServer, type TestServer } from '../../helpers/server';

/** A loopback listener that only counts who connects: any count above 0 means ffmpeg followed a file to the network. */
async function connectionCounter() {
  let connections = 0;
  const srv = net.createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return {
    port: (srv.address() as net.AddressInfo).port,
    count: () => connections,
    close: () => new Promise((r) => srv.close(r)),
  };
}

describe('user files cannot make ffmpeg open anything else', () => {
  let server: TestServer;
  let listener: Awaited<ReturnType<typeof connectionCounter>>;
  let dir: string;
  beforeAll(async () => {
    listener = await connectionCounter();
    server = await startServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'playlists-'));
  });
  afterAll(async () => {
    await server?.stop();
    await listener?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, text: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };

  it('refuses an HLS playlist, a concat list and a playlist named .mp4, and no process connects out', async () => {
    const net = `http://127.0.0.1:${listener.port}`;
    const hls = `#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:10\n#EXTINF:10.0,\n${net}/seg0.ts\n#EXTINF:10.0,\n${net}/seg1.ts\n#EXT-X-ENDLIST\n`;
    const cases = [
      write('list.m3u8', hls),
      write('list.ffconcat', `ffconcat version 1.0\nfile '${net}/a.mp4'\nfile '${net}/b.mp4'\n`),
      write('holiday.mp4', hls),
      // A playlist of local files must not read them either.
      write('local.mp4', `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10.0,\nfile://${mediaFile('talk-1080p.mp4')}\n#EXT-X-ENDLIST\n`),
    ];
    const c = new ApiClient(server.baseUrl);
    const id = await c.createProject('Playlists');
    for (const file of cases) {
      const res = await c.upload(id, [{ path: file }]);
      expect(res.status, path.basename(file)).toBe(415);
      expect(res.body.error.code).toBe(4001);
      expect(res.body.error.message).toMatch(new RegExp(`"${path.basename(file).replace('.', '\\.')}" cannot be used`));
    }
    expect((await c.json(`/api/projects/${id}/media`)).body.media).toEqual([]);
    expect(listener.count()).toBe(0);
  });

  it('does not even open a local file a playlist or concat list names', async () => {
    // A FIFO shows any reader: opening it for writing without blocking only succeeds while someone reads.
    const fifo = path.join(dir, 'segment.ts');
    execFileSync('mkfifo', [fifo]);
    let opened = 0;
    const watch = setInterval(() => {
      try {
        const fd = fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
        opened++;
        fs.closeSync(fd); // the reader gets end-of-file and moves on
      } catch {
        /* ENXIO: nobody reads it */
      }
    }, 10);
    try {
      const c = new ApiClient(server.baseUrl);
      const id = await c.createProject('Local lists');
      const lists = [
        write('fifo.mp4', `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10.0,\nfile://${fifo}\n#EXT-X-ENDLIST\n`),
        write('fifo-list.txt', `ffconcat version 1.0\nfile '${fifo}'\n`),
      ];
      for (const file of lists) expect((await c.upload(id, [{ path: file }])).body.error?.code, path.basename(file)).toBe(4001);
    } finally {
      clearInterval(watch);
    }
    expect(opened).toBe(0);
  });

  it('still takes real media and caption files (captions read by our own parser)', async () => {
    const c = new ApiClient(server.baseUrl);
    const id = await c.createProject('Real');
    const srt = write('subs.srt', '1\n00:00:00,500 --> 00:00:02,000\nHello there\n\n2\n00:00:02,500 --> 00:00:04,000\nSecond line\n');
    const up = await c.upload(id, [{ path: mediaFile('talk-1080p.mp4') }, { path: mediaFile('commentary.mp3') }, { path: srt }]);
    expect(up.status).toBe(201);
    const events = await c.chat(id, 'add captions from subs.srt');
    const timeline = events.filter((e) => e.type === 'timeline').at(-1);
    expect(JSON.stringify(timeline)).toContain('Hello there');
    expect(listener.count()).toBe(0);
  });
});
