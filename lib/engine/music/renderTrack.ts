// Plays an arrangement into seamless looping 48 kHz stereo: every note, effect tail and filter state wraps from the end to the start.
import { isDrumPatch, loopSeconds, SAMPLE_RATE, type Arrangement, type Part } from './arrangement';
import { createBus, type Bus } from './synth/bus';
import { drumSeconds, renderDrum } from './synth/drums';
import { Biquad } from './synth/filters';
import { master } from './synth/master';
import { panGains } from './synth/oscillators';
import { createRandom } from './synth/prng';
import { addLoopedReverb } from './synth/reverb';
import { tonalSeconds, renderTonal } from './synth/tonal';
import { addVinyl } from './synth/vinyl';

export function loopSamples(arrangement: Arrangement): number {
  return Math.round(loopSeconds(arrangement) * SAMPLE_RATE);
}

/** Renders the whole loop (exactly `bars` long) and masters it. */
export function renderTrack(arrangement: Arrangement): Bus {
  const loop = loopSamples(arrangement);
  const mix = createBus(loop);
  const send = createBus(loop);
  // One scratch bus for every part (twice the loop, the most a note can spill) saves ~25 MB of garbage per part.
  const scratch = createBus(loop * 2);
  arrangement.parts.forEach((part, index) => {
    const bus = renderPart(scratch, part, loop, arrangement.seed * 7919 + index * 104_729);
    if (part.lowpassHz) for (const channel of [bus.left, bus.right]) filterCircular(channel, Biquad.lowpass(SAMPLE_RATE, part.lowpassHz));
    if (part.duck) applyDuck(bus, kickStarts(arrangement, loop), part.duck);
    addInto(mix, bus, 1);
    if (part.reverbSend > 0) addInto(send, bus, part.reverbSend);
  });
  addLoopedReverb(send, mix, arrangement.reverb, SAMPLE_RATE);
  if (arrangement.vinyl) addVinyl(mix, arrangement.vinyl, createRandom(arrangement.seed ^ 0x5eed), SAMPLE_RATE);
  for (const channel of [mix.left, mix.right]) {
    // Removes DC and sub-sonic rumble that would only eat headroom.
    filterCircular(channel, Biquad.highpass(SAMPLE_RATE, 25));
    if (arrangement.masterLowpassHz) filterCircular(channel, Biquad.lowpass(SAMPLE_RATE, arrangement.masterLowpassHz));
  }
  return master(mix, SAMPLE_RATE);
}

function addInto(target: Bus, source: Bus, gain: number): void {
  const { left, right } = target;
  const sourceLeft = source.left;
  const sourceRight = source.right;
  for (let i = 0; i < left.length; i++) {
    left[i] += sourceLeft[i] * gain;
    right[i] += sourceRight[i] * gain;
  }
}

/** Renders one part's notes; anything sounding past the loop end is folded back onto the start. */
function renderPart(scratch: Bus, part: Part, loop: number, seed: number): Bus {
  const random = createRandom(seed);
  const [l, r] = panGains(part.pan);
  const gains: [number, number] = [l * part.gain, r * part.gain];
  const patch = part.patch;
  const placed = part.notes.map((note) => {
    const startSample = wrap(note.atSeconds, loop);
    const seconds = isDrumPatch(patch) ? drumSeconds(patch) : tonalSeconds(note, patch);
    return { note, startSample, end: startSample + Math.ceil(seconds * SAMPLE_RATE) };
  });
  const spill = Math.min(loop, Math.max(0, ...placed.map((p) => p.end - loop)));
  const bus = { left: scratch.left.subarray(0, loop + spill), right: scratch.right.subarray(0, loop + spill) };
  bus.left.fill(0);
  bus.right.fill(0);
  for (const { note, startSample } of placed) {
    if (isDrumPatch(patch)) renderDrum(bus, { startSample, gains }, note.velocity, patch, SAMPLE_RATE, random);
    else renderTonal(bus, { startSample, gains }, note, patch, SAMPLE_RATE, random);
  }
  for (let i = 0; i < spill; i++) {
    bus.left[i] += bus.left[loop + i];
    bus.right[i] += bus.right[loop + i];
  }
  return { left: bus.left.subarray(0, loop), right: bus.right.subarray(0, loop) };
}

/** Warms a filter on the loop's last second, then runs the loop, so its state at the start is the state the end leaves. */
function filterCircular(channel: Float32Array, filter: Biquad): void {
  for (let i = Math.max(0, channel.length - SAMPLE_RATE); i < channel.length; i++) filter.process(channel[i]);
  for (let i = 0; i < channel.length; i++) channel[i] = filter.process(channel[i]);
}

function kickStarts(arrangement: Arrangement, loop: number): number[] {
  const kicks = arrangement.parts.filter((p) => p.patch.kind === 'kick').flatMap((p) => p.notes);
  return kicks.map((n) => wrap(n.atSeconds, loop)).sort((a, b) => a - b);
}

/** Sample index of a time on the loop; humanised notes slightly before zero land at the end. */
function wrap(seconds: number, loop: number): number {
  return ((Math.round(seconds * SAMPLE_RATE) % loop) + loop) % loop;
}

/** Dips the bus after each kick (5 ms down, exponential recovery), wrapping around the loop. */
function applyDuck(bus: Bus, kicks: number[], duck: { depth: number; releaseSeconds: number }): void {
  if (kicks.length === 0) return;
  const loop = bus.left.length;
  const attack = 0.005 * SAMPLE_RATE;
  const release = duck.releaseSeconds * SAMPLE_RATE;
  let next = 0;
  let last = kicks[kicks.length - 1] - loop;
  for (let i = 0; i < loop; i++) {
    while (next < kicks.length && kicks[next] <= i) last = kicks[next++];
    const since = i - last;
    const shape = since < attack ? since / attack : Math.exp(-(since - attack) / release);
    const gain = 1 - duck.depth * shape;
    bus.left[i] *= gain;
    bus.right[i] *= gain;
  }
}
