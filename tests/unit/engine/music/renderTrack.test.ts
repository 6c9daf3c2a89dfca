// The renderer on tiny hand-written arrangements: exact loop length, wrapped tails, wrapped early notes, clean silence.
import { describe, expect, it } from 'vitest';
import type { Arrangement, Part } from '@/lib/engine/music/arrangement';
import { renderTrack } from '@/lib/engine/music/renderTrack';
import { rms } from './audioAnalysis';

const SR = 48_000;

/** One 4/4 bar at 120 bpm: a 2 s loop. */
function oneBar(parts: Part[]): Arrangement {
  return { mood: 'test', bpm: 120, bars: 1, beatsPerBar: 4, key: { tonic: 60, scale: 'major' }, seed: 1, parts, reverb: { roomSize: 0.5, damping: 0.5, returnGain: 0 } };
}

const pad = (atSeconds: number, lengthSeconds: number): Part => ({
  name: 'pad',
  patch: { kind: 'pad', voices: 2, detuneCents: 5, spread: 0.5, cutoffHz: 2000, envelope: { attackSeconds: 0.01, decaySeconds: 0, sustain: 1, releaseSeconds: 0.05 } },
  notes: [{ atSeconds, lengthSeconds, midi: 60, velocity: 0.8 }],
  gain: 1,
  pan: 0,
  reverbSend: 0,
});

const seconds = (s: number) => Math.round(s * SR);

describe('renderTrack', () => {
  it('renders exactly bars × beats × 60 / bpm seconds of stereo', () => {
    const out = renderTrack(oneBar([pad(0, 0.5)]));
    expect(out.left.length).toBe(2 * SR);
    expect(out.right.length).toBe(2 * SR);
  });

  it('wraps a note that rings past the loop end onto the start, so the loop plays seamlessly', () => {
    const out = renderTrack(oneBar([pad(1.5, 1)]));
    expect(rms(out.left, 0, seconds(0.4))).toBeGreaterThan(0.05);
    expect(rms(out.left, seconds(0.6), seconds(1.4))).toBeLessThan(1e-6);
    // Continuous across the seam: the level just before the end and just after the start match.
    expect(rms(out.left, 0, seconds(0.05)) / rms(out.left, seconds(1.95), seconds(2))).toBeCloseTo(1, 0);
  });

  it('places a note humanised to just before zero at the end of the loop', () => {
    const out = renderTrack(oneBar([pad(-0.2, 0.1)]));
    expect(rms(out.left, seconds(1.8), seconds(1.9))).toBeGreaterThan(0.05);
    expect(rms(out.left, seconds(0.1), seconds(1.7))).toBeLessThan(1e-6);
  });

  it('wraps the reverb tail of the last note onto the start', () => {
    const dry = renderTrack(oneBar([{ ...pad(1.7, 0.2), reverbSend: 1 }]));
    const wet = { ...oneBar([{ ...pad(1.7, 0.2), reverbSend: 1 }]), reverb: { roomSize: 0.9, damping: 0.3, returnGain: 2 } };
    const out = renderTrack(wet);
    expect(rms(dry.left, seconds(0.2), seconds(1))).toBeLessThan(1e-6);
    expect(rms(out.left, seconds(0.2), seconds(1))).toBeGreaterThan(0.001);
  });

  it('renders an arrangement with no notes as silence, not NaN', () => {
    const out = renderTrack(oneBar([]));
    expect(out.left.every((x) => x === 0) && out.right.every((x) => x === 0)).toBe(true);
  });
});
