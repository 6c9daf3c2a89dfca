// Drum voices: pitch-swept sine kick, noise snare and clap, high-passed noise hats; each adds one hit into a stereo bus.
import type { DrumPatch } from '../arrangement';
import { Biquad } from './filters';
import { sineCycles } from './oscillators';
import type { Bus, Placement } from './bus';
import { bipolar, type Random } from './prng';

/** How long a hit rings, so the renderer can size its buffers. */
export function drumSeconds(patch: DrumPatch): number {
  return patch.kind === 'kick' ? patch.decaySeconds * 7 : patch.decaySeconds * 7 + 0.03;
}

export function renderDrum(bus: Bus, hit: Placement, velocity: number, patch: DrumPatch, sampleRate: number, random: Random): void {
  const length = Math.min(Math.round(drumSeconds(patch) * sampleRate), bus.left.length - hit.startSample);
  const sample = drumSampler(patch, sampleRate, random);
  const [gl, gr] = hit.gains;
  for (let i = 0; i < length; i++) {
    const t = i / sampleRate;
    // 1 ms fade-in keeps even the hardest hit free of a step discontinuity.
    const v = sample(t) * velocity * Math.min(1, t * 1000);
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

/** Per-sample factor of an exponential decay with time constant `seconds` (cheaper than Math.exp every sample). */
export function decayFactor(seconds: number, sampleRate: number): number {
  return Math.exp(-1 / (seconds * sampleRate));
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
    const v = sineCycles(phase) * body + click.process(bipolar(random)) * beater;
    sweep *= sweepK;
    body *= bodyK;
    beater *= beaterK;
    return Math.tanh(v * 1.6) * 0.9;
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
  // Several hands a few milliseconds apart, then one decaying tail.
  const bursts = [0, 0.011, 0.023];
  return (t) => {
    let env = 0;
    for (const b of bursts) if (t >= b) env = Math.max(env, Math.exp(-(t - b) / 0.006));
    if (t >= 0.03) env = Math.max(env, 0.7 * Math.exp(-(t - 0.03) / p.decaySeconds));
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
