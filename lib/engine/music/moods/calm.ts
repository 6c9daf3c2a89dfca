// Calm: 72 bpm in D major, warm pad and soft FM-piano arpeggios over a gentle kick, brushed hats and a sparse bell tune.
import type { Arrangement, Note } from '../arrangement';
import { createRandom } from '../synth/prng';
import { progression, type Key } from '../theory';
import { arpeggio, bassLine, chordHits, drumBars, melodyPhrase, range, type Grid } from './score';

const BARS = 20;
export const CALM = { bpm: 72, bars: BARS };

export function composeCalm(): Arrangement {
  const seed = 101;
  const key: Key = { tonic: 62, scale: 'major' };
  const grid: Grid = { bpm: CALM.bpm, swing: 0, random: createRandom(seed), humanizeSeconds: 0.006 };
  const chords = progression(key, [[0, 4], [5, 4], [3, 4], [4, 3]], 60);
  const chordOf = (bar: number) => chords[bar % chords.length];
  const bars = range(0, BARS);
  const withDrums = bars.filter((b) => b >= 2);

  const bell: Note[] = [];
  for (let cycle = 8; cycle < 16; cycle += 4) {
    // Same seed for both cycles: the tune is stated, then repeated.
    bell.push(...melodyPhrase(grid, createRandom(seed + 1), key, cycle, range(cycle, cycle + 4).map(chordOf), [[[0, 6], [6, 2], [8, 8]], [[0, 4], [4, 4], [8, 8]], [[0, 6], [6, 2], [8, 4], [12, 4]], [[0, 12]]], [74, 86], 0.55));
  }

  return {
    mood: 'calm',
    bpm: CALM.bpm,
    bars: BARS,
    beatsPerBar: 4,
    key,
    seed,
    reverb: { roomSize: 0.86, damping: 0.45, returnGain: 2.2 },
    parts: [
      {
        name: 'pad',
        patch: { kind: 'pad', voices: 3, detuneCents: 9, spread: 0.7, cutoffHz: 1300, envelope: { attackSeconds: 0.9, decaySeconds: 0.6, sustain: 0.8, releaseSeconds: 1.6 } },
        notes: bars.flatMap((b) => chordHits(grid, b, chordOf(b), [[0, 15.5]], 0.6)),
        gain: 0.55,
        pan: 0,
        reverbSend: 0.45,
      },
      {
        name: 'piano arpeggio',
        patch: { kind: 'keys', brightness: 1.3, decaySeconds: 2.2, releaseSeconds: 0.5 },
        notes: bars.filter((b) => b >= 4).flatMap((b) => arpeggio(grid, b, chordOf(b), [0, 1, 2, 3, 10, 3, 2, 1], 2, 3, 0.5)),
        gain: 0.42,
        pan: 0.2,
        reverbSend: 0.35,
      },
      {
        name: 'bass',
        patch: { kind: 'bass', wave: 'sine', cutoffHz: 700, drive: 1.1, envelope: { attackSeconds: 0.01, decaySeconds: 0.4, sustain: 0.75, releaseSeconds: 0.25 } },
        notes: bars.flatMap((b) => bassLine(grid, b, chordOf(b), [[0, 6, 0], [6, 2, 7], [8, 7, 12]], 0.7)),
        gain: 0.55,
        pan: 0,
        reverbSend: 0.05,
      },
      {
        name: 'kick',
        patch: { kind: 'kick', startHz: 115, endHz: 48, sweepSeconds: 0.04, decaySeconds: 0.28, click: 0.1 },
        notes: drumBars(grid, withDrums, 'x.........o.....'),
        gain: 0.6,
        pan: 0,
        reverbSend: 0.1,
      },
      {
        name: 'rim',
        patch: { kind: 'snare', toneHz: 330, noiseHz: 2200, decaySeconds: 0.05, tone: 0.6 },
        notes: drumBars(grid, withDrums, '........o.......'),
        gain: 0.22,
        pan: -0.15,
        reverbSend: 0.35,
      },
      {
        name: 'brushed hats',
        patch: { kind: 'hat', cutoffHz: 7500, decaySeconds: 0.035 },
        notes: drumBars(grid, withDrums, 'o.g.o.g.o.g.o.gg'),
        gain: 0.16,
        pan: 0.25,
        reverbSend: 0.15,
      },
      {
        name: 'bell tune',
        patch: { kind: 'bell', decaySeconds: 1.4 },
        notes: bell,
        gain: 0.3,
        pan: -0.2,
        reverbSend: 0.5,
      },
    ],
  };
}
