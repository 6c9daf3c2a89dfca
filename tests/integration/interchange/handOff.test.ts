import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseSync } from 'subtitle';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { segmentPlacements, timelineDuration } from '@/lib/engine/timeline/duration';
import { timelineSchema, type Timeline } from '@/lib/engine/timeline/schema';
import { ApiClient } from '../../helpers/client';
import { ffprobe } from '../../helpers/ffprobe';
import { expectSameCuts, type RatesByFile } from '../../helpers/interchange/cutListReading';
import { readEdlCuts } from '../../helpers/interchange/readEdl';
import { readFcp7 } from '../../helpers/interchange/readFcp7';
import { readFcpxml } from '../../helpers/interchange/readFcpxml';
import { readOtio } from '../../helpers/interchange/readOtio';
import { xpath } from '../../helpers/interchange/xpath';
import { SHARED } from '../../helpers/paths';
import { startServer, type TestServer } from '../../helpers/server';
import { CLIPS, frameAt, makeClips, pictureDifference, renderWithMelt } from './handOffFixtures';

let server: TestServer;
let client: ApiClient;
let clipsDir: string;

beforeAll(async () => {
  clipsDir = makeClips();
  server = await startServer();
  client = new ApiClient(server.baseUrl);
});
afterAll(async () => {
  await server?.stop();
  if (clipsDir) fs.rmSync(clipsDir, { recursive: true, force: true });
});

const RATES: RatesByFile = Object.fromEntries(CLIPS.map((c) => [c.name, c.fps]));

/** Uploads clips by name; returns media ids by name and the id-to-name map the readers compare with. */
async function projectWith(title: string, names: string[]) {
  const projectId = await client.createProject(title);
  const upload = await client.upload(projectId, names.map((name) => ({ path: path.join(clipsDir, name) })));
  expect(upload.status, JSON.stringify(upload.body)).toBe(201);
  const ids: Record<string, string> = Object.fromEntries(upload.body.media.map((m: { id: string; name: string }) => [m.name, m.id]));
  const names_: Record<string, string> = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
  return { projectId, ids, names: names_ };
}

/** Edits precisely (uneven points, speed changes) by committing a version as the chat would. */
async function commit(projectId: string, timeline: Timeline) {
  const store = server.openStore();
  try {
    await store.commitTimeline(projectId, timeline, 'test edit');
  } finally {
    await store.close();
  }
}

async function download(projectId: string, format: string, query = ''): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const url = `/api/projects/${projectId}/interchange/${format}${query}`;
  // After a long melt run the client may reuse a keep-alive socket the server has just closed.
  const res = await client.fetch(url).catch(() => client.fetch(url));
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function exportMp4(projectId: string, into: string): Promise<string> {
  const started = await client.json(`/api/projects/${projectId}/exports`, { method: 'POST', body: { quality: 'high' } });
  expect(started.status).toBe(202);
  const done = await client.waitForExport(projectId, started.body.export.id);
  const res = await client.fetch(done.url);
  const file = path.join(into, 'export.mp4');
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return file;
}

/** The MLT file rendered by melt shows what our export shows: same length within a frame, same picture at every cut. */
async function expectMeltMatchesExport(projectId: string, timeline: Timeline) {
  const exported = await exportMp4(projectId, clipsDir);
  const mlt = await download(projectId, 'mlt');
  expect(mlt.status).toBe(200);
  const mltFile = path.join(clipsDir, `${projectId}.mlt`);
  fs.writeFileSync(mltFile, mlt.bytes);
  const melted = path.join(clipsDir, `${projectId}.melt.mp4`);
  renderWithMelt(mltFile, melted);

  const fps = timeline.canvas.fps;
  const frames = (file: string) => Number(ffprobe(file).streams.find((s) => s.codec_type === 'video')!.nb_frames);
  expect(Math.abs(frames(melted) - frames(exported))).toBeLessThanOrEqual(1);
  expect(Math.abs(frames(exported) - Math.round(timelineDuration(timeline) * fps))).toBeLessThanOrEqual(1);
  const size = (file: string) => ffprobe(file).streams.find((s) => s.codec_type === 'video')!;
  expect([size(melted).width, size(melted).height]).toEqual([timeline.canvas.width, timeline.canvas.height]);

  // First and last frame of every piece.
  const moments = segmentPlacements(timeline).flatMap(({ start, end }) => [Math.round(start * fps), Math.round(end * fps) - 1]);
  const ours = moments.map((t) => frameAt(exported, t));
  const theirs = moments.map((t) => frameAt(melted, t));
  const same = moments.map((_, i) => pictureDifference(ours[i], theirs[i]));
  // The measure tells pictures apart: each piece's first frame against the next piece's.
  const other = moments.slice(0, -2).filter((_, i) => i % 2 === 0).map((_, k) => pictureDifference(ours[2 * k], theirs[2 * k + 2]));
  expect(Math.max(...same), `differences at the cuts: ${same.map((d) => d.toFixed(1)).join(', ')}`).toBeLessThan(8);
  expect(Math.min(...other), `differences between pieces: ${other.map((d) => d.toFixed(1)).join(', ')}`).toBeGreaterThan(12);
}

describe('a landscape edit of four cameras at 23.976, 25, 29.97 and 30 fps, two of them sped up or slowed', () => {
  const landscape = ['interview 23.976.mov', 'b-roll 25.mp4', 'city 29.97.mp4', 'screen 30.mp4'];
  let projectId: string;
  let timeline: Timeline;
  let names: Record<string, string>;

  beforeAll(async () => {
    const made = await projectWith('Hand-off: "four cameras"', landscape);
    projectId = made.projectId;
    names = made.names;
    const id = made.ids;
    timeline = timelineSchema.parse({
      canvas: { width: 640, height: 360, fps: 30 },
      canvasLocked: true,
      fit: 'bars',
      video: [
        { id: 's1', sourceId: id['interview 23.976.mov'], in: 0.4171, out: 1.9 },
        { id: 's2', sourceId: id['b-roll 25.mp4'], in: 1.02, out: 3.3, speed: 2 },
        { id: 's3', sourceId: id['city 29.97.mp4'], in: 2.5, out: 3.61 },
        { id: 's4', sourceId: id['screen 30.mp4'], in: 0.2, out: 1.1, speed: 0.5 },
        { id: 's5', sourceId: id['interview 23.976.mov'], in: 4.1, out: 5.05 },
      ],
    });
    await commit(projectId, timeline);
  });

  test('the MLT file renders in melt to the export, frame for frame at every cut', async () => {
    await expectMeltMatchesExport(projectId, timeline);
  });

  test('FCPXML 1.10 and 1.11 validate and carry the timecode read at upload', async () => {
    for (const [format, dtd] of [['fcpxml', 'FCPXMLv1_10.dtd'], ['fcpxml-1.11', 'FCPXMLv1_11.dtd']]) {
      const res = await download(projectId, format);
      expect(res.status).toBe(200);
      // The title's quotes and colon cannot be in a file name.
      expect(res.headers.get('content-disposition')).toContain('filename="Hand-off four cameras.fcpxml"');
      const file = path.join(clipsDir, `${projectId}.${format}.fcpxml`);
      fs.writeFileSync(file, res.bytes);
      execFileSync('xmllint', ['--noout', '--dtdvalid', path.join(SHARED, 'interchange', dtd), file]);
      const read = readFcpxml(file);
      expectSameCuts(read.cuts, timeline, names, RATES, read.durationSeconds);
      // 01:00:00:00 at 23.976 is 86400 frames of 1001/24000 s.
      expect(xpath(file, '//asset[@name="interview 23.976.mov"]/@start')).toEqual(['18018/5s']);
    }
  });

  test('FCP7 XML, EDL and OTIO read back as the timeline', async () => {
    const fcp7 = path.join(clipsDir, `${projectId}.xml`);
    fs.writeFileSync(fcp7, (await download(projectId, 'fcp7')).bytes);
    const read = readFcp7(fcp7);
    expectSameCuts(read.cuts, timeline, names, RATES, read.durationSeconds);
    expect(xpath(fcp7, '//file[name="city 29.97.mp4"]/timecode/string/text()')).toEqual(['00:59:58;00']);

    const edl = (await download(projectId, 'edl')).bytes.toString('utf8');
    const sources = Object.fromEntries(CLIPS.map((c) => [c.name, { fps: c.fps, startTimecode: c.timecode }]));
    expectSameCuts(readEdlCuts(edl, 30, sources), timeline, names, RATES);

    const { tracks, cutsOf } = readOtio((await download(projectId, 'otio')).bytes.toString('utf8'));
    expectSameCuts(cutsOf(tracks[0]), timeline, names, RATES);
  });

  test('a zip holds the timeline file and every source under the name it refers to', async () => {
    const res = await download(projectId, 'fcp7', '?bundle=zip');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    for (const name of ['Hand-off four cameras.xml', ...landscape]) {
      expect(res.bytes.includes(Buffer.from(name)), name).toBe(true);
    }
    const mediaBytes = landscape.reduce((sum, n) => sum + fs.statSync(path.join(clipsDir, n)).size, 0);
    expect(res.bytes.length).toBeGreaterThan(mediaBytes);
  });

  test('only the owner gets the files; an unknown format is refused by name', async () => {
    const stranger = new ApiClient(server.baseUrl);
    expect((await stranger.json(`/api/projects/${projectId}/interchange/fcpxml`)).status).toBe(404);
    const share = await client.json(`/api/projects/${projectId}/share`, { method: 'POST' });
    const token = new URL(share.body.url).pathname.split('/').pop();
    expect((await stranger.json(`/api/share/${token}/interchange/fcpxml`)).status).toBe(404);
    const bad = await client.json(`/api/projects/${projectId}/interchange/aaf`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('There is no "aaf" export');
  });

  test('the chat answers "export for Premiere" and "subtitles as SRT" with the download, or says why not', async () => {
    const premiere = await client.chat(projectId, 'export for Premiere');
    expect(premiere.find((e) => e.type === 'text')).toMatchObject({ delta: expect.stringContaining(`/api/projects/${projectId}/interchange/fcp7`) });
    expect(premiere.some((e) => e.type === 'export')).toBe(false);

    const none = await client.chat(projectId, 'give me the subtitles as SRT');
    expect(none.find((e) => e.type === 'error')).toMatchObject({ message: expect.stringContaining('no titles or captions') });

    await commit(projectId, { ...timeline, texts: [{ id: 't', text: 'Hello there', start: 0.5, end: 2, position: 'bottom', size: 'large', style: 'caption' }] });
    const srt = await client.chat(projectId, 'give me the subtitles as SRT');
    expect(srt.find((e) => e.type === 'text')).toMatchObject({ delta: expect.stringContaining('/interchange/srt') });
    const cues = parseSync((await download(projectId, 'srt')).bytes.toString('utf8')).filter((n) => n.type === 'cue');
    expect(cues.map((c) => c.data)).toEqual([{ start: 500, end: 2000, text: 'Hello there' }]);
  });
});

describe('a vertical edit: a phone clip and a landscape screen recording on a 360x640 canvas', () => {
  test('the MLT file renders in melt to the export, frame for frame at every cut', async () => {
    const { projectId, ids } = await projectWith('Vertical', ['phone vertical.mp4', 'screen 30.mp4']);
    const timeline = timelineSchema.parse({
      canvas: { width: 360, height: 640, fps: 30 },
      canvasLocked: true,
      fit: 'bars',
      video: [
        { id: 'a', sourceId: ids['phone vertical.mp4'], in: 0.5, out: 2.25 },
        { id: 'b', sourceId: ids['screen 30.mp4'], in: 3, out: 4.5, speed: 1.5 },
        { id: 'c', sourceId: ids['phone vertical.mp4'], in: 4, out: 5.5 },
      ],
    });
    await commit(projectId, timeline);
    await expectMeltMatchesExport(projectId, timeline);
  });
});
