// Happy: 120 bpm in C major, strummed ukulele-like plucks, bouncy root-fifth bass, claps and shaker, and a glockenspiel tune.
import type { Arrangement, Note } from '../arrangement';
import { createRandom } from '../synth/prng';
import { progression, type Chord, type Key } from '../theory';
import { bassLine, chordHits, drumBars, melodyPhrase, range, type Grid } from './score';

const BARS = 32;
export const HAPPY = { bpm: 120, bars: BARS };

export function composeHappy(): Arrangement {
  const seed = 505;
  const key: Key = { tonic: 60, scale: 'major' };
  const grid: Grid = { bpm: HAPPY.bpm, swing: 0.08, random: createRandom(seed), humanizeSeconds: 0.004 };
  // I - vi - IV - V
  const chords = progression(key, [[0, 3], [5, 3], [3, 3], [4, 3]], 64);
  const chordOf = (bar: number) => chords[bar % chords.length];
  const bars = range(0, BARS);
  const full = bars.filter((b) => b % 16 >= 2);

  const glockenspiel: Note[] = [];
  for (let start = 8; start < BARS; start += 4) {
    if (start >= 16 && start < 20) continue; // a breath in the middle
    glockenspiel.push(...melodyPhrase(grid, createRandom(seed + ((start / 4) % 2)), key, start, range(start, start + 4).map(chordOf), [[[0, 2], [2, 2], [4, 4], [8, 2], [10, 2], [12, 4]], [[0, 4], [4, 2], [6, 2], [8, 8]], [[0, 2], [2, 2], [4, 4], [8, 2], [10, 2], [12, 4]], [[0, 6], [6, 2], [8, 8]]], [76, 88], 0.6));
  }

  return {
    mood: 'happy',
    bpm: HAPPY.bpm,
    bars: BARS,
    beatsPerBar: 4,
    key,
    seed,
    reverb: { roomSize: 0.65, damping: 0.5, returnGain: 1.5 },
    parts: [
      {
        name: 'ukulele strum',
        patch: { kind: 'pluck', brightness: 0.55, decaySeconds: 0.9 },
        notes: bars.flatMap((b) => strum(grid, b, chordOf(b))),
        gain: 0.42,
        pan: -0.25,
        reverbSend: 0.2,
      },
      {
        name: 'bouncy bass',
        patch: { kind: 'bass', wave: 'sine', cutoffHz: 900, drive: 1.6, envelope: { attackSeconds: 0.005, decaySeconds: 0.15, sustain: 0.5, releaseSeconds: 0.06 } },
        notes: bars.flatMap((b) => bassLine(grid, b, chordOf(b), [[0, 3, 0], [4, 2, 7], [8, 3, 12], [12, 2, 7], [14, 1, 0]], 0.8)),
        gain: 0.55,
        pan: 0,
        reverbSend: 0,
      },
      {
        name: 'kick',
        patch: { kind: 'kick', startHz: 140, endHz: 52, sweepSeconds: 0.035, decaySeconds: 0.2, click: 0.2 },
        notes: drumBars(grid, full, 'x.......x.o.....'),
        gain: 0.65,
        pan: 0,
        reverbSend: 0,
      },
      {
        name: 'clap',
        patch: { kind: 'clap', noiseHz: 1600, decaySeconds: 0.09 },
        notes: drumBars(grid, full, '....x.......x...'),
        gain: 0.38,
        pan: 0.1,
        reverbSend: 0.25,
      },
      {
        name: 'shaker',
        patch: { kind: 'hat', cutoffHz: 5500, decaySeconds: 0.045 },
        notes: drumBars(grid, bars, 'gogxgogxgogxgogx'),
        gain: 0.16,
        pan: 0.35,
        reverbSend: 0.05,
      },
      {
        name: 'glockenspiel',
        patch: { kind: 'bell', decaySeconds: 0.9 },
        notes: glockenspiel,
        gain: 0.32,
        pan: 0.2,
        reverbSend: 0.35,
      },
    ],
  };
}

/** Down-up strumming: down strums on the beat sweep low to high, up strums off the beat sweep back and play lighter. */
function strum(grid: Grid, bar: number, chord: Chord): Note[] {
  const down = chordHits(grid, bar, chord, [[0, 3], [6, 2], [10, 2], [12, 3]], 0.75, 0.012);
  const upChord = { ...chord, tones: [...chord.tones].reverse() };
  const up = chordHits(grid, bar, upChord, [[3, 1], [8, 2], [15, 1]], 0.45, 0.01);
  return [...down, ...up];
}
