// "Cut out the pauses" on a noisy-room recording made here: real speech with real pauses, pink noise 12 dB under it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChatEvent } from '@/lib/api/schemas';
import { ApiClient } from '@/tests/helpers/client';
import { FFMPEG, ffmpeg } from '@/tests/helpers/ffprobe';
import { mediaFile } from '@/tests/helpers/paths';
import { startServer, type TestServer } from '@/tests/helpers/server';
import { timelineOf } from './chatFixtures';

const RATE = 16_000;
const WINDOW = 0.01;
const SNR_DB = 12;

let server: TestServer;
let client: ApiClient;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'in-video-noise-'));
  server = await startServer();
  client = new ApiClient(server.baseUrl);
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function samples(args: string[]): Int16Array {
  const res = spawnSync(FFMPEG, ['-hide_banner', '-nostdin', '-v', 'error', ...args, '-ac', '1', '-ar', String(RATE), '-f', 's16le', 'pipe:1'], { maxBuffer: 1 << 28 });
  if (res.status !== 0) throw new Error(String(res.stderr));
  const bytes = new Uint8Array(res.stdout);
  return new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length >> 1).slice();
}

/** silencedetect on the clean speech: where its pauses are (the truth the noisy copy is scored against). */
function pausesOf(clean: string): Array<[number, number]> {
  const res = spawnSync(FFMPEG, ['-hide_banner', '-nostdin', '-i', clean, '-af', 'silencedetect=noise=-40dB:d=0.3', '-f', 'null', '-'], { encoding: 'utf8' });
  const starts = [...res.stderr.matchAll(/silence_start: ([\d.]+)/g)].map((m) => Number(m[1]));
  const ends = [...res.stderr.matchAll(/silence_end: ([\d.]+)/g)].map((m) => Number(m[1]));
  return starts.map((s, i) => [s, ends[i] ?? Infinity]);
}

/**
 * speech-60s-pauses.wav with each of its natural pauses held 1 s longer (as people do when they think), then pink
 * noise mixed in at 12 dB below the speech, over a plain picture. Returns the file and its clean 10 ms pause mask.
 */
function noisyRoomRecording(): { file: string; pause: Uint8Array } {
  const source = mediaFile('speech-60s-pauses.wav');
  const speech = samples(['-i', source]);
  const hold = RATE;
  const mids = pausesOf(source).filter(([a, b]) => a > 0 && b < speech.length / RATE).map(([a, b]) => Math.round(((a + b) / 2) * RATE));
  const clean = new Int16Array(speech.length + mids.length * hold);
  let from = 0;
  let to = 0;
  for (const mid of mids) {
    clean.set(speech.subarray(from, mid), to);
    to += mid - from + hold;
    from = mid;
  }
  clean.set(speech.subarray(from), to);
  const cleanWav = path.join(dir, 'clean.wav');
  const write = (pcm: Int16Array, out: string) => {
    const res = spawnSync(FFMPEG, ['-v', 'error', '-y', '-f', 's16le', '-ar', String(RATE), '-ac', '1', '-i', 'pipe:0', out], { input: Buffer.from(pcm.buffer) });
    if (res.status !== 0) throw new Error(String(res.stderr));
  };
  write(clean, cleanWav);

  const frames = Math.ceil(clean.length / (RATE * WINDOW));
  const pause = new Uint8Array(frames);
  for (const [a, b] of pausesOf(cleanWav)) for (let i = Math.round(a / WINDOW); i < Math.min(frames, Math.round(b / WINDOW)); i++) pause[i] = 1;
  let sum = 0;
  let n = 0;
  clean.forEach((v, i) => {
    if (pause[Math.floor(i / (RATE * WINDOW))]) return;
    sum += (v / 32768) ** 2;
    n++;
  });
  const speechRms = Math.sqrt(sum / n);
  const noise = samples(['-f', 'lavfi', '-i', `anoisesrc=color=pink:r=${RATE}:a=0.5:seed=11:d=${clean.length / RATE + 1}`]).subarray(0, clean.length);
  const noiseRms = Math.sqrt(noise.reduce((s, v) => s + (v / 32768) ** 2, 0) / noise.length);
  const gain = (speechRms * 10 ** (-SNR_DB / 20)) / noiseRms;
  const noisy = Int16Array.from(clean, (v, i) => Math.max(-32768, Math.min(32767, Math.round(v + noise[i] * gain))));
  const noisyWav = path.join(dir, 'noisy.wav');
  write(noisy, noisyWav);
  const file = path.join(dir, 'noisy-room.mp4');
  ffmpeg(['-f', 'lavfi', '-i', 'color=c=gray:s=320x240:r=15', '-i', noisyWav, '-shortest', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-b:a', '128k', file]);
  return { file, pause };
}

describe('pause removal in a noisy room (pink noise at 12 dB SNR)', () => {
  test('"cut out the pauses" removes at least 75% of the pause time and keeps at least 97% of the speech', async () => {
    const { file, pause } = noisyRoomRecording();
    const id = await client.createProject('Noisy room');
    const up = await client.upload(id, [{ path: file }]);
    expect(up.status).toBe(201);
    const events: ChatEvent[] = await client.chat(id, 'cut out the pauses');
    const said = events.flatMap((e) => (e.type === 'text' ? [e.delta] : [])).join('');
    expect(said).toMatch(/^Cut \d+ pauses/);

    const kept = new Uint8Array(pause.length);
    for (const s of (await timelineOf(client, id)).tracks[0].segments) {
      for (let i = Math.round(s.sourceIn! / WINDOW); i < Math.min(kept.length, Math.round(s.sourceOut! / WINDOW)); i++) kept[i] = 1;
    }
    let pauseWindows = 0;
    let pauseCut = 0;
    let speechWindows = 0;
    let speechKept = 0;
    pause.forEach((p, i) => {
      if (p) {
        pauseWindows++;
        pauseCut += 1 - kept[i];
      } else {
        speechWindows++;
        speechKept += kept[i];
      }
    });
    expect(pauseCut / pauseWindows).toBeGreaterThanOrEqual(0.75);
    expect(speechKept / speechWindows).toBeGreaterThanOrEqual(0.97);
  });
});
