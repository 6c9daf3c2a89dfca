// Record-player texture for lo-fi: band-limited hiss plus sparse soft crackles, wrapped around the loop.
import type { Bus } from './bus';
import { Biquad } from './filters';
import { bipolar, type Random } from './prng';

export function addVinyl(mix: Bus, vinyl: { hiss: number; cracklesPerSecond: number }, random: Random, sampleRate: number): void {
  const loop = mix.left.length;
  // Hiss: noise shaped to the 1-6 kHz band where surface noise sits; warmed up once so it wraps without a step.
  const shape = [Biquad.highpass(sampleRate, 1000), Biquad.lowpass(sampleRate, 6000)];
  const hiss = new Float32Array(loop);
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < loop; i++) {
      const v = shape[1].process(shape[0].process(bipolar(random)));
      if (pass === 1) hiss[i] = v * vinyl.hiss;
    }
  }
  const count = Math.round((vinyl.cracklesPerSecond * loop) / sampleRate);
  for (let c = 0; c < count; c++) {
    const start = Math.floor(random() * loop);
    const level = vinyl.hiss * (2 + 6 * random() * random());
    const smooth = Biquad.lowpass(sampleRate, 2500 + 3000 * random());
    // A crackle is a tiny decaying burst; rendered modulo the loop so one near the end spills into the start.
    for (let i = 0; i < 96; i++) hiss[(start + i) % loop] += smooth.process(bipolar(random) * Math.exp(-i / 12)) * level;
  }
  for (let i = 0; i < loop; i++) {
    mix.left[i] += hiss[i];
    mix.right[i] += hiss[(i + 17) % loop] * 0.9;
  }
}
