// Corporate: 112 bpm in G major, steady four-on-the-floor, bright ping-pong pluck arpeggios, piano on the beat, driving 8th bass, soft pad.
import type { Arrangement } from '../arrangement';
import { createRandom } from '../synth/prng';
import { progression, type Key } from '../theory';
import { arpeggio, bassLine, chordHits, drumBars, range, type Grid } from './score';

const BARS = 28;
export const CORPORATE = { bpm: 112, bars: BARS };

export function composeCorporate(): Arrangement {
  const seed = 606;
  const key: Key = { tonic: 55, scale: 'major' };
  const grid: Grid = { bpm: CORPORATE.bpm, swing: 0, random: createRandom(seed), humanizeSeconds: 0.002 };
  // vi - IV - I - V: hopeful and "moving forward".
  const chords = progression(key, [[5, 3], [3, 4], [0, 3], [4, 3]], 64);
  const chordOf = (bar: number) => chords[bar % chords.length];
  const bars = range(0, BARS);
  const full = bars.filter((b) => b >= 4);
  const arpOrder = [0, 1, 2, 10, 11, 2, 1, 0];
  const pluck = full.flatMap((b) => arpeggio(grid, b, chordOf(b), arpOrder, 2, 1.5, 0.7));
  // Echo three 16ths later on the other side, softer: the ping-pong delay of the genre, written as notes.
  const echo = pluck.map((n) => ({ ...n, atSeconds: n.atSeconds + (3 * 60) / CORPORATE.bpm / 4, velocity: n.velocity * 0.45 }));

  return {
    mood: 'corporate',
    bpm: CORPORATE.bpm,
    bars: BARS,
    beatsPerBar: 4,
    key,
    seed,
    reverb: { roomSize: 0.72, damping: 0.45, returnGain: 1.6 },
    parts: [
      {
        name: 'kick',
        patch: { kind: 'kick', startHz: 150, endHz: 50, sweepSeconds: 0.035, decaySeconds: 0.22, click: 0.25 },
        notes: drumBars(grid, bars, 'x...x...x...x...'),
        gain: 0.7,
        pan: 0,
        reverbSend: 0,
      },
      {
        name: 'clap',
        patch: { kind: 'clap', noiseHz: 1500, decaySeconds: 0.1 },
        notes: drumBars(grid, full, '....x.......x...'),
        gain: 0.36,
        pan: 0,
        reverbSend: 0.3,
      },
      {
        name: 'hats',
        patch: { kind: 'hat', cutoffHz: 8500, decaySeconds: 0.03 },
        notes: drumBars(grid, bars, 'g.o.g.o.g.o.g.og'),
        gain: 0.2,
        pan: 0.25,
        reverbSend: 0.05,
      },
      {
        name: 'driving bass',
        patch: { kind: 'bass', wave: 'saw', cutoffHz: 650, drive: 1.3, envelope: { attackSeconds: 0.005, decaySeconds: 0.1, sustain: 0.7, releaseSeconds: 0.04 } },
        notes: bars.flatMap((b) => bassLine(grid, b, chordOf(b), range(0, 8).map((i) => [i * 2, 1.6, 0] as [number, number, number]), 0.75)),
        gain: 0.5,
        pan: 0,
        reverbSend: 0,
      },
      {
        name: 'piano',
        patch: { kind: 'keys', brightness: 1.8, decaySeconds: 1.8, releaseSeconds: 0.25 },
        notes: bars.flatMap((b) => chordHits(grid, b, chordOf(b), [[0, 3], [4, 3], [8, 3], [12, 3]], 0.5, 0.004)),
        gain: 0.34,
        pan: -0.15,
        reverbSend: 0.25,
      },
      {
        name: 'bright pluck',
        patch: { kind: 'pluck', brightness: 0.95, decaySeconds: 0.45 },
        notes: pluck.map((n) => ({ ...n, midi: n.midi + 12 })),
        gain: 0.3,
        pan: -0.4,
        reverbSend: 0.3,
      },
      {
        name: 'pluck echo',
        patch: { kind: 'pluck', brightness: 0.7, decaySeconds: 0.4 },
        notes: echo.map((n) => ({ ...n, midi: n.midi + 12 })),
        gain: 0.3,
        pan: 0.45,
        reverbSend: 0.35,
      },
      {
        name: 'pad',
        patch: { kind: 'pad', voices: 3, detuneCents: 10, spread: 0.8, cutoffHz: 1800, envelope: { attackSeconds: 0.3, decaySeconds: 0.4, sustain: 0.8, releaseSeconds: 0.6 } },
        notes: bars.flatMap((b) => chordHits(grid, b, chordOf(b), [[0, 15.5]], 0.55)),
        gain: 0.35,
        pan: 0,
        reverbSend: 0.35,
        duck: { depth: 0.4, releaseSeconds: 0.15 },
      },
    ],
  };
}
