// Fast export against the full render of the same timeline, on a 5-minute H.264 1080p30 talk, through the built app.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiClient } from '../../tests/helpers/client';
import { ffmpeg, ffprobe } from '../../tests/helpers/ffprobe';
import { mediaFile } from '../../tests/helpers/paths';
import { startServer, type TestServer } from '../../tests/helpers/server';

const SOURCE_SECONDS = Number(process.env.BENCH_SMART_SECONDS || 300);
/**
 * Keyframe spacing of the source. Unset: talk-1080p.mp4's own 2-s GOPs. A number re-encodes the
 * minute once with a fixed GOP of that many seconds (closed, no scene cuts), as a phone or a
 * screen recorder writes (phones: about 1 s), before it is repeated.
 */
const SOURCE_GOP_SECONDS = process.env.BENCH_SMART_GOP ? Number(process.env.BENCH_SMART_GOP) : null;

/**
 * talk-1080p.mp4 (H.264 High yuv420p 1920x1080 30 fps, a keyframe every 2 s, real speech with
 * pauses) played back to back by stream copy: a long talk in seconds, with the source's GOPs.
 * The concat list pins each copy to exactly 60 s (its 1800 frames), so the picture stays at a
 * constant rate across the seams (-stream_loop would offset by the slightly longer sound).
 */
function makeTalk(dir: string): string {
  const file = path.join(dir, `talk-${SOURCE_SECONDS}s-1080p.mp4`);
  const list = path.join(dir, 'talk.ffconcat');
  let minute = mediaFile('talk-1080p.mp4');
  if (SOURCE_GOP_SECONDS) {
    minute = path.join(dir, `talk-gop${SOURCE_GOP_SECONDS}s.mp4`);
    const gop = String(Math.round(SOURCE_GOP_SECONDS * 30));
    ffmpeg(['-i', mediaFile('talk-1080p.mp4'), '-c:v', 'libx264', '-profile:v', 'high', '-preset', 'veryfast', '-crf', '18', '-g', gop, '-keyint_min', gop, '-sc_threshold', '0', '-pix_fmt', 'yuv420p', '-c:a', 'copy', minute]);
  }
  const entry = `file '${minute}'\noutpoint 60\nduration 60\n`;
  fs.writeFileSync(list, `ffconcat version 1.0\n${entry.repeat(Math.ceil(SOURCE_SECONDS / 60))}`);
  ffmpeg(['-f', 'concat', '-safe', '0', '-i', list, '-t', String(SOURCE_SECONDS), '-c', 'copy', file]);
  return file;
}

/** CPU seconds of the server's finished children (every ffmpeg and ffprobe it ran), from /proc. */
function childCpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // After "pid (comm) ", field 14 (cutime) and 15 (cstime) are at offsets 13 and 14.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** Polls until the export ends; a busy machine may drop a poll, so a few failures in a row are tolerated. */
async function waitPatiently(client: ApiClient, projectId: string, exportId: string) {
  let failures = 0;
  for (;;) {
    try {
      const { body } = await client.json(`/api/projects/${projectId}/exports/${exportId}`);
      failures = 0;
      if (['completed', 'failed', 'canceled'].includes(body.export.status)) return body.export;
    } catch (err) {
      if (++failures >= 10) throw err;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function timedExport(server: TestServer, client: ApiClient, projectId: string, render: 'auto' | 'full') {
  const cpuBefore = childCpuSeconds(server.pid);
  const started = process.hrtime.bigint();
  const { status, body } = await client.json(`/api/projects/${projectId}/exports`, { method: 'POST', body: { quality: 'high', render } });
  if (status !== 202) throw new Error(`export refused: ${status} ${JSON.stringify(body)}`);
  const done = await waitPatiently(client, projectId, body.export.id);
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (done.status !== 'completed') throw new Error(`export ${done.status}: ${done.error}`);
  return { wallSeconds: Math.round(wallSeconds * 10) / 10, cpuSeconds: Math.round((childCpuSeconds(server.pid) - cpuBefore) * 10) / 10, render: done.render, reason: done.renderReason, duration: done.duration };
}

async function compare(server: TestServer, client: ApiClient, projectId: string, name: string, limit: number) {
  // Full first, then smart: any warm-up (page cache of the source) favours the full render.
  const full = await timedExport(server, client, projectId, 'full');
  const smart = await timedExport(server, client, projectId, 'auto');
  const ratio = Math.round((smart.wallSeconds / full.wallSeconds) * 1000) / 1000;
  return {
    name: 'smartExport', case: name, sourceSeconds: SOURCE_SECONDS, sourceGopSeconds: SOURCE_GOP_SECONDS ?? 2, outputSeconds: smart.duration, loadAverage: os.loadavg()[0].toFixed(1),
    smartRender: smart.render, smartReason: smart.reason ?? null,
    smartWallSeconds: smart.wallSeconds, fullWallSeconds: full.wallSeconds, ratio, limit, pass: smart.render === 'smart' && ratio <= limit,
    smartCpuSeconds: smart.cpuSeconds, fullCpuSeconds: full.cpuSeconds, cpuRatio: Math.round((smart.cpuSeconds / full.cpuSeconds) * 1000) / 1000,
  };
}

export async function benchSmartExport(print: (line: object) => void): Promise<object> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'in-video-bench-smart-'));
  const server = await startServer();
  try {
    const talk = makeTalk(dir);
    const v = ffprobe(talk).streams.find((s) => s.codec_type === 'video')!;
    const client = new ApiClient(server.baseUrl);
    const id = await client.createProject('Bench: fast export');
    const up = await client.upload(id, [{ path: talk }]);
    if (up.status !== 201) throw new Error(`upload failed: ${up.status} ${JSON.stringify(up.body)}`);
    await client.chat(id, 'cut out the pauses and add background music');
    const cut = (await client.json(`/api/projects/${id}/timeline`)).body;
    const segments = cut.tracks.find((t: { type: string }) => t.type === 'video').segments.length;
    print({ ...(await compare(server, client, id, 'pauses+music', 0.2)), segments, source: `${v.codec_name} ${v.profile} ${v.pix_fmt} ${v.width}x${v.height} ${v.r_frame_rate}` });
    await client.chat(id, 'add a title "Welcome" at 0s for 3 seconds');
    const titled = (await client.json(`/api/projects/${id}/timeline`)).body;
    const title = titled.tracks.find((t: { type: string }) => t.type === 'text')?.segments[0];
    if (!title || Math.abs(title.end - title.start - 3) > 0.01) throw new Error(`the title did not land as 3 s: ${JSON.stringify(title)}`);
    if (process.env.BENCH_SMART_TITLE === '0') return { case: 'pauses+music+title3s', skipped: 'BENCH_SMART_TITLE=0' };
    return await compare(server, client, id, 'pauses+music+title3s', 0.25);
  } catch (err) {
    console.error(server.logs().slice(-4000));
    throw err;
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
