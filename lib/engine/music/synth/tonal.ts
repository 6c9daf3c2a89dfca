// Pitched voices (saw pad, FM keys, plucked string, bass, bell); each adds one note into a stereo bus.
import type { Note, TonalPatch } from '../arrangement';
import type { Bus, Placement } from './bus';
import { adsrLevel, decayFactor, soundingSeconds } from './envelope';
import { Biquad, OnePole } from './filters';
import { midiToHz, panGains, sawSample, sineCycles } from './oscillators';
import { bipolar, type Random } from './prng';
import { softSaturate } from './waveshaping';

const PLUCK_RELEASE = { attackSeconds: 0.002, decaySeconds: 0, sustain: 1, releaseSeconds: 0.12 };
const BELL_RELEASE = { attackSeconds: 0.002, decaySeconds: 0, sustain: 1, releaseSeconds: 0.5 };
const BELL_PARTIALS = [
  { ratio: 1, level: 1, decay: 1 },
  { ratio: 2.76, level: 0.45, decay: 0.45 },
  { ratio: 5.4, level: 0.22, decay: 0.22 },
  { ratio: 8.93, level: 0.1, decay: 0.12 },
];

/** How long a note rings including its release, so the renderer can size buffers. */
export function tonalSeconds(note: Note, patch: TonalPatch): number {
  switch (patch.kind) {
    case 'pad':
    case 'bass':
      return soundingSeconds(note.lengthSeconds, patch.envelope);
    case 'keys':
      return note.lengthSeconds + patch.releaseSeconds;
    case 'pluck':
      return soundingSeconds(note.lengthSeconds, PLUCK_RELEASE);
    case 'bell':
      return soundingSeconds(note.lengthSeconds, BELL_RELEASE);
  }
}

export function renderTonal(bus: Bus, at: Placement, note: Note, patch: TonalPatch, sampleRate: number, random: Random): void {
  const length = Math.min(Math.round(tonalSeconds(note, patch) * sampleRate), bus.left.length - at.startSample);
  if (patch.kind === 'pad') return renderPad(bus, at, length, note, patch, sampleRate, random);
  const sample = monoSampler(note, patch, sampleRate, random);
  const [gl, gr] = at.gains;
  for (let i = 0; i < length; i++) {
    const v = sample(i / sampleRate) * note.velocity;
    bus.left[at.startSample + i] += v * gl;
    bus.right[at.startSample + i] += v * gr;
  }
}

function monoSampler(note: Note, patch: Exclude<TonalPatch, { kind: 'pad' }>, sampleRate: number, random: Random): (t: number) => number {
  const hz = midiToHz(note.midi);
  switch (patch.kind) {
    case 'keys':
      return keys(hz, note, patch, sampleRate);
    case 'pluck':
      return pluck(hz, note, patch, sampleRate, random);
    case 'bass':
      return bass(hz, note, patch, sampleRate);
    case 'bell':
      return bell(hz, note, patch.decaySeconds, sampleRate);
  }
}

function bell(hz: number, note: Note, decaySeconds: number, sampleRate: number): (t: number) => number {
  const levels = BELL_PARTIALS.map((p) => p.level * 0.6);
  const factors = BELL_PARTIALS.map((p) => decayFactor(decaySeconds * p.decay, sampleRate));
  return (t) => {
    let v = 0;
    for (let i = 0; i < levels.length; i++) {
      v += sineCycles(hz * BELL_PARTIALS[i].ratio * t) * levels[i];
      levels[i] *= factors[i];
    }
    return v * adsrLevel(t, note.lengthSeconds, BELL_RELEASE);
  };
}

function keys(hz: number, note: Note, p: Extract<TonalPatch, { kind: 'keys' }>, sampleRate: number): (t: number) => number {
  // The modulation index falls after the strike: bright bark, then a mellow sine-like body, as on a Rhodes.
  let index = (p.brightness * (0.35 + 0.65 * note.velocity)) / (2 * Math.PI);
  let tine = 0.2;
  let level = 0.55;
  const [indexK, tineK, levelK] = [decayFactor(0.5, sampleRate), decayFactor(0.06, sampleRate), decayFactor(p.decaySeconds, sampleRate)];
  const env = { attackSeconds: 0.003, decaySeconds: 0, sustain: 1, releaseSeconds: p.releaseSeconds };
  return (t) => {
    const phase = hz * t;
    const body = sineCycles(phase + index * sineCycles(phase));
    const bell = tine > 1e-4 ? sineCycles(phase + 0.25 * sineCycles(14 * phase)) * tine : 0;
    const v = (body + bell) * level * adsrLevel(t, note.lengthSeconds, env);
    index *= indexK;
    tine *= tineK;
    level *= levelK;
    return v;
  };
}

function pluck(hz: number, note: Note, p: Extract<TonalPatch, { kind: 'pluck' }>, sampleRate: number, random: Random): (t: number) => number {
  // Karplus-Strong: a noise burst circulates in a delay line one period long, averaged (damped) each pass.
  const period = sampleRate / hz;
  const size = Math.ceil(period) + 2;
  const line = new Float32Array(size);
  const shaper = new OnePole(sampleRate, 800 + p.brightness * 9000);
  for (let i = 0; i < size; i++) line[i] = shaper.process(bipolar(random)) * 1.6;
  const delay = period - 0.5; // the two-point average adds half a sample of delay
  const loss = Math.pow(0.001, 1 / (hz * p.decaySeconds));
  let write = 0;
  let previous = 0;
  return (t) => {
    let read = write - delay;
    if (read < 0) read += size;
    const i0 = Math.floor(read);
    const frac = read - i0;
    const i1 = i0 + 1 === size ? 0 : i0 + 1;
    const y = line[i0] * (1 - frac) + line[i1] * frac;
    line[write] = loss * 0.5 * (y + previous);
    previous = y;
    if (++write === size) write = 0;
    return y * adsrLevel(t, note.lengthSeconds, PLUCK_RELEASE);
  };
}

function bass(hz: number, note: Note, p: Extract<TonalPatch, { kind: 'bass' }>, sampleRate: number): (t: number) => number {
  const filter = Biquad.lowpass(sampleRate, p.cutoffHz, 0.9);
  const increment = hz / sampleRate;
  const norm = softSaturate(p.drive);
  let phase = 0;
  return (t) => {
    phase += increment;
    if (phase >= 1) phase -= 1;
    const tone = p.wave === 'saw' ? sawSample(phase, increment) * 0.6 + sineCycles(phase) * 0.6 : sineCycles(phase) + 0.2 * sineCycles(2 * phase);
    const filtered = filter.process(tone);
    const shaped = p.drive > 1 ? softSaturate(filtered * p.drive) / norm : filtered;
    return shaped * 0.8 * adsrLevel(t, note.lengthSeconds, p.envelope);
  };
}

function renderPad(bus: Bus, at: Placement, length: number, note: Note, p: Extract<TonalPatch, { kind: 'pad' }>, sampleRate: number, random: Random): void {
  const hz = midiToHz(note.midi);
  const count = p.voices;
  // Voice state in typed arrays: this loop runs for every sample of every held chord tone, the hottest code here.
  const increments = new Float64Array(count);
  const phases = new Float64Array(count);
  const lefts = new Float64Array(count);
  const rights = new Float64Array(count);
  for (let v = 0; v < count; v++) {
    const position = count === 1 ? 0 : (v / (count - 1)) * 2 - 1;
    [lefts[v], rights[v]] = panGains(position * p.spread);
    increments[v] = (hz * Math.pow(2, (position * p.detuneCents) / 1200)) / sampleRate;
    // Random start phases keep unison voices from cancelling in the same way on every note.
    phases[v] = random();
  }
  const filterL = Biquad.lowpass(sampleRate, p.cutoffHz, 0.8);
  const filterR = Biquad.lowpass(sampleRate, p.cutoffHz, 0.8);
  const level = (note.velocity * 0.5) / Math.sqrt(count);
  const vibratoDepth = ((p.vibratoCents ?? 0) * Math.LN2) / 1200;
  const vibratoHz = p.vibratoHz ?? 0;
  const [gl, gr] = at.gains;
  for (let i = 0; i < length; i++) {
    const t = i / sampleRate;
    const wobble = vibratoDepth === 0 ? 1 : 1 + vibratoDepth * sineCycles(vibratoHz * t) * Math.min(1, t);
    let l = 0;
    let r = 0;
    for (let v = 0; v < count; v++) {
      const inc = increments[v] * wobble;
      let phase = phases[v] + inc;
      if (phase >= 1) phase -= 1;
      phases[v] = phase;
      const s = sawSample(phase, inc);
      l += s * lefts[v];
      r += s * rights[v];
    }
    const env = adsrLevel(t, note.lengthSeconds, p.envelope) * level;
    bus.left[at.startSample + i] += filterL.process(l) * env * gl;
    bus.right[at.startSample + i] += filterR.process(r) * env * gr;
  }
}
