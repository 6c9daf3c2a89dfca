// Lo-fi: 80 bpm in F major, swung boom-bap drums, muffled FM-piano ninth chords, round bass, vinyl hiss and crackle.
import type { Arrangement, Note } from '../arrangement';
import { createRandom } from '../synth/prng';
import { progression, type Key } from '../theory';
import { bassLine, chordHits, drumBars, melodyPhrase, range, type Grid } from './score';

const BARS = 20;
export const LOFI = { bpm: 80, bars: BARS };

export function composeLofi(): Arrangement {
  const seed = 303;
  const key: Key = { tonic: 53, scale: 'major' };
  // Lazy 16th swing and loose timing: the hip-hop "drunk" feel.
  const grid: Grid = { bpm: LOFI.bpm, swing: 0.3, random: createRandom(seed), humanizeSeconds: 0.008 };
  // ii9 - V9 - Imaj9 - vi9
  const chords = progression(key, [[1, 5], [4, 5], [0, 5], [5, 5]], 62);
  const chordOf = (bar: number) => chords[bar % chords.length];
  const bars = range(0, BARS);
  const withDrums = bars.filter((b) => b % 20 >= 1);

  const tune: Note[] = [];
  for (let start = 8; start < 16; start += 4) {
    tune.push(...melodyPhrase(grid, createRandom(seed + 1), key, start, range(start, start + 4).map(chordOf), [[[2, 2], [4, 4], [10, 4]], [[0, 6], [8, 2], [11, 3]], [[2, 2], [4, 2], [6, 6]], [[0, 12]]], [72, 84], 0.5));
  }

  return {
    mood: 'lofi',
    bpm: LOFI.bpm,
    bars: BARS,
    beatsPerBar: 4,
    key,
    seed,
    reverb: { roomSize: 0.6, damping: 0.7, returnGain: 1.4 },
    vinyl: { hiss: 0.006, cracklesPerSecond: 4 },
    masterLowpassHz: 11_000,
    parts: [
      {
        name: 'keys',
        patch: { kind: 'keys', brightness: 1.1, decaySeconds: 3, releaseSeconds: 0.35 },
        notes: bars.flatMap((b) => chordHits(grid, b, chordOf(b), [[0, 7], [10, 5]], 0.6, 0.018)),
        gain: 0.45,
        pan: -0.1,
        reverbSend: 0.3,
        lowpassHz: 2200,
      },
      {
        name: 'bass',
        patch: { kind: 'bass', wave: 'sine', cutoffHz: 450, drive: 1.2, envelope: { attackSeconds: 0.008, decaySeconds: 0.3, sustain: 0.7, releaseSeconds: 0.1 } },
        notes: bars.flatMap((b) => bassLine(grid, b, chordOf(b), [[0, 5, 0], [7, 2, 12], [10, 5, 7]], 0.8)),
        gain: 0.6,
        pan: 0,
        reverbSend: 0,
      },
      {
        name: 'kick',
        patch: { kind: 'kick', startHz: 120, endHz: 46, sweepSeconds: 0.05, decaySeconds: 0.3, click: 0.12 },
        notes: drumBars(grid, withDrums, 'x......o..x.....'),
        gain: 0.7,
        pan: 0,
        reverbSend: 0,
      },
      {
        name: 'snare',
        patch: { kind: 'snare', toneHz: 185, noiseHz: 1500, decaySeconds: 0.11, tone: 0.5 },
        notes: drumBars(grid, withDrums, '....x.......x..g'),
        gain: 0.38,
        pan: 0.05,
        reverbSend: 0.2,
        lowpassHz: 6000,
      },
      {
        name: 'hats',
        patch: { kind: 'hat', cutoffHz: 6500, decaySeconds: 0.035 },
        notes: drumBars(grid, withDrums, 'o.goo.gog.goo.go'),
        gain: 0.32,
        pan: 0.25,
        reverbSend: 0.05,
      },
      {
        name: 'tune',
        patch: { kind: 'keys', brightness: 0.7, decaySeconds: 2, releaseSeconds: 0.3 },
        notes: tune,
        gain: 0.3,
        pan: 0.2,
        reverbSend: 0.4,
        lowpassHz: 3000,
      },
    ],
  };
}
