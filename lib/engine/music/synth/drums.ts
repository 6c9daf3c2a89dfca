// Drum voices: pitch-swept sine kick, noise snare and clap, high-passed noise hats; each adds one hit into a stereo bus.
import type { DrumPatch } from '../arrangement';
import { decayFactor } from './envelope';
import { Biquad } from './filters';
import { sineCycles } from './oscillators';
import type { Bus, Placement } from './bus';
import { bipolar, type Random } from './prng';
import { softSaturate } from './waveshaping';

/** How long a hit rings, so the renderer can size its buffers. */
export function drumSeconds(patch: DrumPatch): number {
  // Six time constants is -52 dB; a short fade at the end hides the cut.
  return patch.kind === 'clap' ? patch.decaySeconds * 6 + 0.03 : patch.decaySeconds * 6;
}

const FADE_SECONDS = 0.005;

export function renderDrum(bus: Bus, hit: Placement, velocity: number, patch: DrumPatch, sampleRate: number, random: Random): void {
  const length = Math.min(Math.round(drumSeconds(patch) * sampleRate), bus.left.length - hit.startSample);
  const sample = drumSampler(patch, sampleRate, random);
  const [gl, gr] = hit.gains;
  const full = Math.round(drumSeconds(patch) * sampleRate);
  const fade = FADE_SECONDS * sampleRate;
  for (let i = 0; i < length; i++) {
    const t = i / sampleRate;
    // 1 ms fade-in keeps even the hardest hit free of a step discontinuity.
    const edge = Math.min(1, t * 1000, (full - i) / fade);
    const v = sample(t) * velocity * edge;
    bus.left[hit.startSample + i] += v * gl;
    bus.right[hit.startSample + i] += v * gr;
  }
}

type Sampler = (t: number) => number;

function drumSampler(patch: DrumPatch, sampleRate: number, random: Random): Sampler {
  switch (patch.kind) {
    case 'kick':
      return kick(patch, sampleRate, random);
    case 'snare':
      return snare(patch, sampleRate, random);
    case 'clap':
      return clap(patch, sampleRate, random);
    case 'hat':
      return hat(patch, sampleRate, random);
  }
}

function kick(p: Extract<DrumPatch, { kind: 'kick' }>, sampleRate: number, random: Random): Sampler {
  let phase = 0;
  let sweep = 1;
  let body = 1;
  let beater = p.click;
  const [sweepK, bodyK, beaterK] = [decayFactor(p.sweepSeconds, sampleRate), decayFactor(p.decaySeconds, sampleRate), decayFactor(0.004, sampleRate)];
  const click = Biquad.highpass(sampleRate, 2500);
  return () => {
    phase += (p.endHz + (p.startHz - p.endHz) * sweep) / sampleRate;
    // The beater click lasts a few milliseconds; skipping it afterwards saves the noise and filter work.
    const v = sineCycles(phase) * body + (beater > 1e-5 ? click.process(bipolar(random)) * beater : 0);
    sweep *= sweepK;
    body *= bodyK;
    beater *= beaterK;
    return softSaturate(v * 1.6) * 0.9;
  };
}

function snare(p: Extract<DrumPatch, { kind: 'snare' }>, sampleRate: number, random: Random): Sampler {
  const band = Biquad.bandpass(sampleRate, p.noiseHz, 0.7);
  const air = Biquad.highpass(sampleRate, 5000);
  const [noiseK, bodyK] = [decayFactor(p.decaySeconds, sampleRate), decayFactor(0.06, sampleRate)];
  let noiseLevel = 1;
  let bodyLevel = p.tone;
  return (t) => {
    const n = bipolar(random);
    const v = (band.process(n) * 1.4 + air.process(n) * 0.5) * noiseLevel + (sineCycles(p.toneHz * t) + 0.5 * sineCycles(p.toneHz * 1.6 * t)) * bodyLevel;
    noiseLevel *= noiseK;
    bodyLevel *= bodyK;
    return v;
  };
}

function clap(p: Extract<DrumPatch, { kind: 'clap' }>, sampleRate: number, random: Random): Sampler {
  const band = Biquad.bandpass(sampleRate, p.noiseHz, 1.1);
  // Several hands a few milliseconds apart (each a fast decay restarted), then one longer tail.
  const restarts = [0.011, 0.023].map((s) => Math.round(s * sampleRate));
  const tailStart = Math.round(0.03 * sampleRate);
  const [burstK, tailK] = [decayFactor(0.006, sampleRate), decayFactor(p.decaySeconds, sampleRate)];
  let i = 0;
  let burst = 1;
  let tail = 0.7;
  return () => {
    if (restarts.includes(i)) burst = 1;
    const env = i >= tailStart ? Math.max(burst, tail) : burst;
    if (i >= tailStart) tail *= tailK;
    burst *= burstK;
    i++;
    return band.process(bipolar(random)) * env * 2.2;
  };
}

function hat(p: Extract<DrumPatch, { kind: 'hat' }>, sampleRate: number, random: Random): Sampler {
  const first = Biquad.highpass(sampleRate, p.cutoffHz, 0.9);
  const second = Biquad.highpass(sampleRate, p.cutoffHz, 0.9);
  const k = decayFactor(p.decaySeconds, sampleRate);
  let level = 0.9;
  return () => {
    const v = second.process(first.process(bipolar(random))) * level;
    level *= k;
    return v;
  };
}
