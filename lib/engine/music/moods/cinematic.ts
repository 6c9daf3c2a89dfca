// Cinematic: 64 bpm in D minor, slow string pads over a low drone, a building low-string ostinato, big sparse drums and a horn-like theme.
import type { Arrangement, Note } from '../arrangement';
import { createRandom } from '../synth/prng';
import { progression, type Key } from '../theory';
import { bassLine, chordHits, drumBars, melodyPhrase, range, type Grid } from './score';

const BARS = 16;
export const CINEMATIC = { bpm: 64, bars: BARS };

export function composeCinematic(): Arrangement {
  const seed = 404;
  const key: Key = { tonic: 50, scale: 'minor' };
  const grid: Grid = { bpm: CINEMATIC.bpm, swing: 0, random: createRandom(seed), humanizeSeconds: 0.004 };
  // i - VI - III - VII (Dm Bb F C)
  const chords = progression(key, [[0, 3], [5, 3], [2, 3], [6, 3]], 60);
  const chordOf = (bar: number) => chords[bar % chords.length];
  const bars = range(0, BARS);
  const building = bars.filter((b) => b >= 4);
  const climax = bars.filter((b) => b >= 8);
  const drone: Note[] = range(0, BARS / 2).flatMap((i) => [38, 45].map((midi) => ({ atSeconds: i * 2 * (240 / CINEMATIC.bpm), lengthSeconds: 2 * (240 / CINEMATIC.bpm) - 0.2, midi, velocity: 0.8 })));

  const horn: Note[] = [];
  for (let start = 8; start < BARS; start += 4) {
    horn.push(...melodyPhrase(grid, createRandom(seed + 1), key, start, range(start, start + 4).map(chordOf), [[[0, 8], [8, 8]], [[0, 12], [12, 4]], [[0, 8], [8, 4], [12, 4]], [[0, 15]]], [62, 74], 0.7));
  }

  return {
    mood: 'cinematic',
    bpm: CINEMATIC.bpm,
    bars: BARS,
    beatsPerBar: 4,
    key,
    seed,
    reverb: { roomSize: 0.92, damping: 0.3, returnGain: 2.4 },
    parts: [
      {
        name: 'strings',
        patch: { kind: 'pad', voices: 5, detuneCents: 14, spread: 0.9, cutoffHz: 2200, envelope: { attackSeconds: 1.4, decaySeconds: 0.5, sustain: 0.9, releaseSeconds: 2 }, vibratoHz: 5, vibratoCents: 8 },
        notes: bars.flatMap((b) => chordHits(grid, b, chordOf(b), [[0, 15.8]], 0.65)),
        gain: 0.55,
        pan: 0,
        reverbSend: 0.55,
      },
      {
        name: 'low drone',
        patch: { kind: 'pad', voices: 3, detuneCents: 6, spread: 0.5, cutoffHz: 520, envelope: { attackSeconds: 2, decaySeconds: 1, sustain: 0.9, releaseSeconds: 2.5 } },
        notes: drone,
        gain: 0.6,
        pan: 0,
        reverbSend: 0.3,
      },
      {
        name: 'ostinato',
        patch: { kind: 'pad', voices: 3, detuneCents: 8, spread: 0.6, cutoffHz: 1400, envelope: { attackSeconds: 0.01, decaySeconds: 0.15, sustain: 0.35, releaseSeconds: 0.12 } },
        notes: building.flatMap((b) => bassLine(grid, b, chordOf(b), [[0, 1.5, 12], [2, 1.5, 12], [4, 1.5, 19], [6, 1.5, 12], [8, 1.5, 12], [10, 1.5, 12], [12, 1.5, 19], [14, 1.5, 24]], 0.75)),
        gain: 0.42,
        pan: -0.2,
        reverbSend: 0.35,
      },
      {
        name: 'big drum',
        patch: { kind: 'kick', startHz: 95, endHz: 38, sweepSeconds: 0.08, decaySeconds: 0.55, click: 0.25 },
        notes: [...drumBars(grid, building, 'x.........o.....'), ...drumBars(grid, [BARS - 1], '........x.o.x.ox')],
        gain: 0.85,
        pan: 0,
        reverbSend: 0.45,
      },
      {
        name: 'impact',
        patch: { kind: 'snare', toneHz: 150, noiseHz: 1100, decaySeconds: 0.28, tone: 0.7 },
        notes: drumBars(grid, climax, '........x.......'),
        gain: 0.45,
        pan: 0.1,
        reverbSend: 0.6,
      },
      {
        name: 'ticking hats',
        patch: { kind: 'hat', cutoffHz: 9000, decaySeconds: 0.02 },
        notes: drumBars(grid, climax, 'o.g.o.g.o.g.o.g.'),
        gain: 0.14,
        pan: 0.35,
        reverbSend: 0.2,
      },
      {
        name: 'horn theme',
        patch: { kind: 'pad', voices: 2, detuneCents: 5, spread: 0.2, cutoffHz: 1500, envelope: { attackSeconds: 0.18, decaySeconds: 0.4, sustain: 0.8, releaseSeconds: 0.6 }, vibratoHz: 4.5, vibratoCents: 6 },
        notes: horn,
        gain: 0.5,
        pan: 0.15,
        reverbSend: 0.5,
      },
    ],
  };
}
