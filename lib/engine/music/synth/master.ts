// Master stage: BS.1770-style loudness measurement, gain to a target, and a soft limiter under a peak ceiling.
import type { Bus } from './bus';
import { Biquad } from './filters';

export const TARGET_LUFS = -16;
/** -1 dBFS */
export const PEAK_CEILING = Math.pow(10, -1 / 20);

/** Integrated loudness (LUFS) with K-weighting and the absolute and relative gates of ITU-R BS.1770 (48 kHz coefficients). */
export function integratedLoudness(bus: Bus, sampleRate: number): number {
  const segment = Math.round(sampleRate * 0.1);
  const segments = new Float64Array(Math.floor(bus.left.length / segment));
  for (const channel of [bus.left, bus.right]) {
    const shelf = Biquad.raw([1.53512485958697, -2.69169618940638, 1.19839281085285], [-1.69065929318241, 0.73248077421585]);
    const highpass = Biquad.raw([1, -2, 1], [-1.99004745483398, 0.99007225036621]);
    for (let s = 0; s < segments.length; s++) {
      let sum = 0;
      for (let i = s * segment, end = i + segment; i < end; i++) {
        const k = highpass.process(shelf.process(channel[i]));
        sum += k * k;
      }
      segments[s] += sum;
    }
  }
  // 400 ms blocks overlapping by 75%.
  const blocks: number[] = [];
  for (let s = 0; s + 4 <= segments.length; s++) {
    blocks.push((segments[s] + segments[s + 1] + segments[s + 2] + segments[s + 3]) / (4 * segment));
  }
  const lufs = (power: number) => -0.691 + 10 * Math.log10(power);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const audible = blocks.filter((p) => lufs(p) > -70);
  const relativeGate = lufs(mean(audible)) - 10;
  return lufs(mean(audible.filter((p) => lufs(p) > relativeGate)));
}

/** Linear below the knee, then a tanh curve that approaches but never reaches the ceiling. */
export function softLimit(x: number, ceiling = PEAK_CEILING): number {
  const knee = ceiling * 0.7;
  const magnitude = Math.abs(x);
  if (magnitude <= knee) return x;
  const room = ceiling - knee;
  return Math.sign(x) * (knee + room * Math.tanh((magnitude - knee) / room));
}

function gained(bus: Bus, gain: number): Bus {
  const apply = (channel: Float32Array) => {
    const out = new Float32Array(channel.length);
    for (let i = 0; i < channel.length; i++) out[i] = softLimit(channel[i] * gain);
    return out;
  };
  return { left: apply(bus.left), right: apply(bus.right) };
}

/** Brings the mix to about TARGET_LUFS with peaks under -1 dBFS; a second pass makes up what the limiter took. */
export function master(bus: Bus, sampleRate: number): Bus {
  const dbToGain = (db: number) => Math.pow(10, db / 20);
  const loudness = integratedLoudness(bus, sampleRate);
  // Silence (or near it) has no loudness to match; gaining it up would only amplify rounding noise.
  if (!Number.isFinite(loudness) || loudness < -70) return bus;
  const first = dbToGain(TARGET_LUFS - loudness);
  const limited = gained(bus, first);
  const makeUp = dbToGain(TARGET_LUFS - integratedLoudness(limited, sampleRate));
  return gained(bus, first * Math.min(makeUp, 1.5));
}
