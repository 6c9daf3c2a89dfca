// Every library track, as the app serves it: a real WAV on disk that is long, loud enough, clean at the loop seam, and musical.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FFMPEG, ffprobe } from '@/tests/helpers/ffprobe';
import { MUSIC_LIBRARY } from '@/lib/engine/music/library';
import { composeMood } from '@/lib/engine/music/compose';
import { renderTrack } from '@/lib/engine/music/renderTrack';
import { decodeWav, encodeWav } from '@/lib/engine/music/wav';
import { scalePitchClasses } from '@/lib/engine/music/theory';
import { averageSpectrum, bandShare, chroma, estimateBpm, matchesTempo, onsetEnvelope, rms, stepQuantile } from './audioAnalysis';

const files = new Map<string, string>();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'music-tracks-'));

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

beforeAll(async () => {
  const { libraryTrackPath, warmMusicLibrary } = await import('@/lib/engine/music/libraryTrackPath');
  await warmMusicLibrary(dataDir);
  for (const track of MUSIC_LIBRARY) files.set(track.id, await libraryTrackPath(dataDir, track.id));
}, 240_000);

function loudnessOf(file: string): number {
  const res = spawnSync(FFMPEG, ['-hide_banner', '-nostdin', '-i', file, '-af', 'ebur128', '-f', 'null', '-'], { encoding: 'utf8' });
  const summary = res.stderr.slice(res.stderr.lastIndexOf('Summary:'));
  return Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)?.[1]);
}

// Whole-track renders and analyses take seconds each on a busy machine.
for (const track of MUSIC_LIBRARY) describe(`library track ${track.name} (${track.mood})`, { timeout: 60_000 }, () => {
  const audio = () => decodeWav(fs.readFileSync(files.get(track.id)!));

  it('is a 48 kHz stereo file of at least 60 s that ffprobe reads', () => {
    const probe = ffprobe(files.get(track.id)!);
    const stream = probe.streams.find((s) => s.codec_type === 'audio')!;
    expect(stream.sample_rate).toBe('48000');
    expect(stream.channels).toBe(2);
    expect(Number(probe.format.duration)).toBeGreaterThanOrEqual(60);
    expect(Number(probe.format.duration)).toBeCloseTo(track.durationSeconds, 2);
  });

  it('renders the same bytes every time', () => {
    const again = encodeWav(renderTrack(composeMood(track.mood)), 48_000);
    const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(hash(again)).toBe(hash(fs.readFileSync(files.get(track.id)!)));
  });

  it('sits near -16 LUFS with peaks under -1 dBFS and no DC offset', () => {
    const { left, right } = audio();
    const lufs = loudnessOf(files.get(track.id)!);
    expect(lufs).toBeGreaterThan(-18);
    expect(lufs).toBeLessThan(-14);
    for (const channel of [left, right]) {
      const peak = channel.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
      expect(peak).toBeLessThanOrEqual(0.892);
      expect(rms(channel)).toBeGreaterThan(0.03);
      expect(Math.abs(channel.reduce((a, b) => a + b, 0) / channel.length)).toBeLessThan(0.001);
    }
  });

  it('loops without a click: the wrap from the last sample to the first is an ordinary step', () => {
    for (const channel of [audio().left, audio().right]) {
      const seam = Math.abs(channel[0] - channel[channel.length - 1]);
      expect(seam).toBeLessThanOrEqual(stepQuantile(channel, 0.999));
    }
  });

  it('loops without a jump in level: the seam changes loudness no more than the other bar lines do', () => {
    const { left } = audio();
    const window = 480; // 10 ms
    const barSamples = Math.round((4 * 60 * 48_000) / track.bpm);
    const jump = (at: number, before: Float32Array, after: Float32Array) => Math.abs(20 * Math.log10((rms(after, at, at + window) + 1e-6) / (rms(before, at - window, at) + 1e-6)));
    const wrapped = new Float32Array(window * 2);
    wrapped.set(left.subarray(left.length - window), 0);
    wrapped.set(left.subarray(0, window), window);
    const inside = [];
    for (let at = barSamples; at < left.length - window; at += barSamples) inside.push(jump(at, left, left));
    expect(jump(window, wrapped, wrapped)).toBeLessThanOrEqual(Math.max(...inside) + 1);
  });

  it('has a full spectrum: kick and bass below 150 Hz and drums above 5 kHz, not just tones in the middle', () => {
    const spectrum = averageSpectrum(audio().left);
    expect(bandShare(spectrum, 48_000, 30, 150)).toBeGreaterThan(0.1);
    expect(bandShare(spectrum, 48_000, 5000, 20_000)).toBeGreaterThan(0.0005);
  });

  it('is harmony in its key: several pitch classes sound and most energy is in the scale', () => {
    const classes = chroma(averageSpectrum(audio().left), 48_000);
    const scale = scalePitchClasses(composeMood(track.mood).key);
    const inScale = scale.reduce((sum, pc) => sum + classes[pc], 0);
    expect(inScale).toBeGreaterThan(0.75);
    expect(classes.filter((c) => c > 0.05).length).toBeGreaterThanOrEqual(4);
  });

  it('has rhythm at its tempo: the onsets line up on a beat grid at its bpm (or the half or double)', () => {
    const { left, right } = audio();
    const mono = left.map((x, i) => (x + right[i]) / 2);
    const estimated = estimateBpm(onsetEnvelope(mono), 512 / 48_000);
    expect(matchesTempo(estimated, track.bpm), `estimated ${estimated} bpm for a ${track.bpm} bpm track`).toBe(true);
  });
});
