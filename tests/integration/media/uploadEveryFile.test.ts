import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaPeaksViewSchema, mediaViewSchema, timelineViewSchema, type MediaView } from '@/lib/api/schemas';
import { ApiClient } from '../../helpers/client';
import { ffmpeg, ffprobe } from '../../helpers/ffprobe';
import { MEDIA, mediaFile } from '../../helpers/paths';
import { startServer, type TestServer } from '../../helpers/server';

interface Known {
  kind: 'video' | 'audio' | 'image';
  duration: number;
  size?: [number, number];
  hasAudio: boolean;
  ext: string;
}

// What each file is, from ../shared/media/SOURCES.md (sizes are display sizes: rotation and SAR applied).
const KNOWN: Record<string, Known> = {
  'big-buck-bunny-30s.webm': { kind: 'video', duration: 30, size: [1280, 720], hasAudio: true, ext: 'webm' },
  'city-timelapse.mpg': { kind: 'video', duration: 7.6, size: [720, 405], hasAudio: false, ext: 'mpg' },
  'clip.avi': { kind: 'video', duration: 6.6, size: [1280, 720], hasAudio: true, ext: 'avi' },
  'commentary.mp3': { kind: 'audio', duration: 6.7, hasAudio: true, ext: 'mp3' },
  'green-screen-720p.mp4': { kind: 'video', duration: 24.4, size: [1280, 720], hasAudio: true, ext: 'mp4' },
  'guitar-em9.flac': { kind: 'audio', duration: 10, hasAudio: true, ext: 'flac' },
  'iphone-rotated-vfr.mov': { kind: 'video', duration: 2.2, size: [320, 568], hasAudio: true, ext: 'mov' },
  'jfk-speech.wav': { kind: 'audio', duration: 11, hasAudio: true, ext: 'wav' },
  'loop-garzul.flac': { kind: 'audio', duration: 8, hasAudio: true, ext: 'flac' },
  'loop-mika.flac': { kind: 'audio', duration: 8, hasAudio: true, ext: 'flac' },
  'music-vibe-ace.ogg': { kind: 'audio', duration: 61.46, hasAudio: true, ext: 'ogg' },
  // 640x360 stored with 2:3 pixels shows 427 wide.
  'sar-2by3.mp4': { kind: 'video', duration: 2, size: [427, 360], hasAudio: true, ext: 'mp4' },
  'speech-60s-pauses.wav': { kind: 'audio', duration: 60, hasAudio: true, ext: 'wav' },
  'talk-1080p.mp4': { kind: 'video', duration: 60, size: [1920, 1080], hasAudio: true, ext: 'mp4' },
  'talk-example-12s.webm': { kind: 'video', duration: 12, size: [1280, 720], hasAudio: true, ext: 'webm' },
  'talk-example-720p.mp4': { kind: 'video', duration: 42.5, size: [1280, 720], hasAudio: true, ext: 'mp4' },
  'talk-vertical-1080x1920.mp4': { kind: 'video', duration: 11, size: [1080, 1920], hasAudio: true, ext: 'mp4' },
  'testsrc-hevc.mp4': { kind: 'video', duration: 2, size: [640, 360], hasAudio: true, ext: 'mp4' },
  'testsrc.mkv': { kind: 'video', duration: 2, size: [640, 360], hasAudio: true, ext: 'mkv' },
  'webvtt-subs.mkv': { kind: 'video', duration: 2, size: [300, 200], hasAudio: true, ext: 'mkv' },
  'yuv422p.mp4': { kind: 'video', duration: 2, size: [640, 360], hasAudio: true, ext: 'mp4' },
};

const everyFile = fs.readdirSync(MEDIA).filter((f) => f !== 'SOURCES.md').sort();

describe('uploading every file in ../shared/media', () => {
  let server: TestServer;
  let client: ApiClient;
  let projectId: string;
  let media: MediaView[] = [];
  let order: string[] = [];
  let tmp: string;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'media-upload-'));
    server = await startServer();
    client = new ApiClient(server.baseUrl);
    projectId = await client.createProject('Everything');
    // Two requests, to check that order holds across requests as well as within one.
    const half = Math.ceil(everyFile.length / 2);
    for (const batch of [everyFile.slice(0, half), everyFile.slice(half)]) {
      const res = await client.upload(projectId, batch.map((f) => ({ path: mediaFile(f) })));
      if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}\n${server.logs()}`);
      media.push(...res.body.media.map((m: unknown) => mediaViewSchema.parse(m)));
      order.push(...batch);
    }
  });
  afterAll(async () => {
    await server?.stop();
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('knows every shared file (a new one needs a row in KNOWN)', () => {
    expect(everyFile.filter((f) => !KNOWN[f])).toEqual([]);
    expect(media.map((m) => m.name)).toEqual(order);
  });

  it.each(everyFile)('%s is probed correctly', async (name) => {
    const m = media.find((x) => x.name === name)!;
    const known = KNOWN[name];
    expect(m.kind).toBe(known.kind);
    expect(Math.abs(m.duration - known.duration)).toBeLessThan(0.25);
    expect(m.hasAudio).toBe(known.hasAudio);
    expect(m.size).toBe(fs.statSync(mediaFile(name)).size);
    if (known.size) {
      expect([m.width, m.height]).toEqual(known.size);
      expect(m.fps).toBeGreaterThan(19);
      expect(m.thumbnailUrl).toBeTruthy();
    } else {
      expect([m.width, m.height, m.fps, m.thumbnailUrl]).toEqual([null, null, null, null]);
    }
    expect(Boolean(m.peaksUrl)).toBe(known.hasAudio);
    // Stored under our own name and an extension chosen from the probe.
    const stored = (await server.storedFiles(`media/${projectId}`)).filter((p) => path.basename(p).startsWith(`${m.id}.`));
    expect(stored.map((p) => path.basename(p)).sort()).toEqual(
      [`${m.id}.${known.ext}`, ...(m.thumbnailUrl ? [`${m.id}.thumb.jpg`] : [])].sort(),
    );
  });

  it('puts videos on the main track in upload order and leaves audio in the media list', async () => {
    const { body } = await client.json(`/api/projects/${projectId}/timeline`);
    const timeline = timelineViewSchema.parse(body);
    const videoTrack = timeline.tracks.find((t) => t.type === 'video')!;
    const videos = media.filter((m) => m.kind === 'video');
    expect(videoTrack.segments.map((s) => s.sourceId)).toEqual(videos.map((v) => v.id));
    const audioIds = new Set(media.filter((m) => m.kind === 'audio').map((m) => m.id));
    for (const track of timeline.tracks) for (const s of track.segments) expect(audioIds.has(s.sourceId ?? '')).toBe(false);
    const detail = await client.json(`/api/projects/${projectId}`);
    expect(detail.body.media.map((m: MediaView) => m.id)).toEqual(media.map((m) => m.id));
  });

  it('serves an upright 320 px JPEG poster, cacheable, for the rotated iPhone clip', async () => {
    const iphone = media.find((m) => m.name === 'iphone-rotated-vfr.mov')!;
    const res = await client.fetch(iphone.thumbnailUrl!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const file = path.join(tmp, 'poster.jpg');
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const [stream] = ffprobe(file).streams;
    expect([stream.codec_name, stream.width, stream.height]).toEqual(['mjpeg', 320, 568]);
  });

  it('serves waveform peaks that follow the speech and its pauses', async () => {
    const speech = media.find((m) => m.name === 'speech-60s-pauses.wav')!;
    const res = await client.json(speech.peaksUrl!);
    const view = mediaPeaksViewSchema.parse(res.body);
    expect(view.peaksPerSecond).toBe(20);
    expect(Math.abs(view.peaks.length - 60 * 20)).toBeLessThanOrEqual(1);
    expect(Math.max(...view.peaks)).toBeGreaterThan(0.3);
    expect(view.peaks.filter((p) => p < 0.02).length).toBeGreaterThan(20);
  });

  it('keeps posters and peaks from another browser', async () => {
    const stranger = new ApiClient(server.baseUrl);
    await stranger.createProject();
    const m = media.find((x) => x.name === 'talk-1080p.mp4')!;
    for (const url of [m.thumbnailUrl!, m.peaksUrl!]) {
      const res = await stranger.json(url);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe(1002);
    }
  });

  it('turns uploaded PNG, JPG, WebP and GIF images into 3 s stills on the video track', async () => {
    const images = ['title card.png', 'photo.jpg', 'sticker.webp', 'loop.gif'].map((name) => {
      const file = path.join(tmp, name);
      ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=800x600:rate=10', '-frames:v', '1', file]);
      return file;
    });
    const project = await client.createProject('Stills');
    const res = await client.upload(project, images.map((p) => ({ path: p })));
    expect(res.status).toBe(201);
    const uploaded = res.body.media as MediaView[];
    for (const [i, image] of uploaded.entries()) {
      expect(image).toMatchObject({ name: path.basename(images[i]), kind: 'image', width: 800, height: 600, hasAudio: false, peaksUrl: null });
      expect(image.thumbnailUrl).toBeTruthy();
    }
    const { body } = await client.json(`/api/projects/${project}/timeline`);
    const segments = timelineViewSchema.parse(body).tracks.find((t) => t.type === 'video')!.segments;
    expect(segments.map((s) => s.sourceId)).toEqual(uploaded.map((m) => m.id));
    for (const s of segments) expect(s.end - s.start).toBeCloseTo(3, 2);
  });
});
