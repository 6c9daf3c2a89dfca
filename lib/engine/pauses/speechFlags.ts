// Turns the voice model's speech probability into "speech or not" per loudness window, with hysteresis.
import type { SpeechAnalysis } from '@/lib/engine/media/schema';

export interface Hysteresis {
  /** A window becomes speech at this probability... */
  onset: number;
  /** ...and stays speech until the probability falls below this. */
  offset: number;
}

/** Speech flags (1 = speech) for `frames` windows of `windowSeconds`, from the model's coarser windows. */
export function speechFlags(speech: SpeechAnalysis, windowSeconds: number, frames: number, { onset, offset }: Hysteresis): Uint8Array {
  let on = false;
  const coarse = speech.probability.map((p) => (on = on ? p >= offset : p >= onset));
  const flags = new Uint8Array(frames);
  for (let i = 0; i < frames; i++) {
    // The model window holding this window's middle; past the model's last window, the last one counts.
    const j = Math.min(coarse.length - 1, Math.floor(((i + 0.5) * windowSeconds) / speech.windowSeconds));
    flags[i] = j >= 0 && coarse[j] ? 1 : 0;
  }
  return flags;
}

/**
 * Moves each speech run's edges inward over windows no louder than the background, by at most `maxWindows` per edge.
 * The model's probability decays for a few hundred ms after a voice stops (longer over music, which it half hears as
 * voice, and it rises early when a beat lands before a word), while the loudness envelope falls back to the background
 * at once: the loudness puts the edge where the voice really ended. A run's interior is never touched.
 */
export function snapEdgesToLoudness(talking: Uint8Array, rmsDb: ArrayLike<number>, backgroundDb: number, maxWindows: number): Uint8Array {
  const out = talking.slice();
  const quiet = (i: number) => !(rmsDb[i] > backgroundDb);
  for (let start = 0; start < out.length; ) {
    if (!talking[start]) {
      start++;
      continue;
    }
    let end = start;
    while (end < talking.length && talking[end]) end++;
    let last = end;
    while (last > start && end - last < maxWindows && quiet(last - 1)) last--;
    let first = start;
    while (first < last && first - start < maxWindows && quiet(first)) first++;
    out.fill(0, start, first);
    out.fill(0, last, end);
    start = end;
  }
  return out;
}
