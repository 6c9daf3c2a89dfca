// Upbeat: 128 bpm in A minor, four-on-the-floor with claps and 16th hats, pumping offbeat saw bass, breathing pad, pluck arps and a lead.
import type { Arrangement, Note } from '../arrangement';
import { createRandom } from '../synth/prng';
import { progression, type Key } from '../theory';
import { arpeggio, bassLine, chordHits, drumBars, melodyPhrase, range, type Grid } from './score';

const BARS = 32;
export const UPBEAT = { bpm: 128, bars: BARS };

export function composeUpbeat(): Arrangement {
  const seed = 202;
  const key: Key = { tonic: 57, scale: 'minor' };
  const grid: Grid = { bpm: UPBEAT.bpm, swing: 0, random: createRandom(seed), humanizeSeconds: 0.002 };
  // i - VI - III - VII (Am F C G), the lift of countless dance tracks.
  const chords = progression(key, [[0, 3], [5, 3], [2, 3], [6, 3]], 62);
  const chordOf = (bar: number) => chords[bar % chords.length];
  const bars = range(0, BARS);
  const full = bars.filter((b) => b % 16 >= 4);
  const lastOfPhrase = bars.filter((b) => b % 8 === 7);

  const lead: Note[] = [];
  for (let start = 16; start < BARS; start += 4) {
    const rhythm: Array<Array<[number, number]>> = [[[0, 3], [3, 3], [6, 2], [8, 4], [12, 2], [14, 2]], [[0, 4], [6, 2], [8, 6]], [[0, 3], [3, 3], [6, 2], [8, 4], [12, 4]], [[0, 8], [10, 2], [12, 4]]];
    lead.push(...melodyPhrase(grid, createRandom(seed + ((start / 4) % 2)), key, start, range(start, start + 4).map(chordOf), rhythm, [69, 81], 0.7));
  }

  return {
    mood: 'upbeat',
    bpm: UPBEAT.bpm,
    bars: BARS,
    beatsPerBar: 4,
    key,
    seed,
    reverb: { roomSize: 0.7, damping: 0.5, returnGain: 1.6 },
    parts: [
      {
        name: 'kick',
        patch: { kind: 'kick', startHz: 165, endHz: 50, sweepSeconds: 0.032, decaySeconds: 0.22, click: 0.35 },
        notes: drumBars(grid, bars, 'x...x...x...x...'),
        gain: 0.8,
        pan: 0,
        reverbSend: 0,
      },
      {
        name: 'clap',
        patch: { kind: 'clap', noiseHz: 1400, decaySeconds: 0.11 },
        notes: drumBars(grid, full, '....x.......x...'),
        gain: 0.42,
        pan: 0,
        reverbSend: 0.3,
      },
      {
        name: 'closed hats',
        patch: { kind: 'hat', cutoffHz: 9000, decaySeconds: 0.025 },
        notes: drumBars(grid, bars, 'gogogogogogogogo'),
        gain: 0.2,
        pan: 0.3,
        reverbSend: 0.05,
      },
      {
        name: 'open hats',
        patch: { kind: 'hat', cutoffHz: 7000, decaySeconds: 0.11 },
        notes: drumBars(grid, full, '..o...o...o...o.'),
        gain: 0.18,
        pan: -0.2,
        reverbSend: 0.1,
      },
      {
        name: 'snare fill',
        patch: { kind: 'snare', toneHz: 200, noiseHz: 2500, decaySeconds: 0.09, tone: 0.5 },
        notes: drumBars(grid, lastOfPhrase, '............gogx'),
        gain: 0.35,
        pan: 0.05,
        reverbSend: 0.25,
      },
      {
        name: 'offbeat bass',
        patch: { kind: 'bass', wave: 'saw', cutoffHz: 900, drive: 1.8, envelope: { attackSeconds: 0.004, decaySeconds: 0.12, sustain: 0.6, releaseSeconds: 0.05 } },
        notes: bars.flatMap((b) => bassLine(grid, b, chordOf(b), [[2, 2, 0], [6, 2, 0], [10, 2, 12], [14, 2, 0]], 0.85)),
        gain: 0.5,
        pan: 0,
        reverbSend: 0,
      },
      {
        name: 'pumping pad',
        patch: { kind: 'pad', voices: 4, detuneCents: 16, spread: 0.85, cutoffHz: 2600, envelope: { attackSeconds: 0.05, decaySeconds: 0.3, sustain: 0.85, releaseSeconds: 0.3 } },
        notes: bars.flatMap((b) => chordHits(grid, b, chordOf(b), [[0, 15.5]], 0.7)),
        gain: 0.5,
        pan: 0,
        reverbSend: 0.25,
        duck: { depth: 0.65, releaseSeconds: 0.12 },
      },
      {
        name: 'pluck arpeggio',
        patch: { kind: 'pluck', brightness: 0.8, decaySeconds: 0.5 },
        notes: full.flatMap((b) => arpeggio(grid, b, chordOf(b), [0, 1, 2, 10, 11, 10, 2, 1], 1, 1, 0.55)),
        gain: 0.3,
        pan: 0.35,
        reverbSend: 0.3,
      },
      {
        name: 'lead',
        patch: { kind: 'pad', voices: 2, detuneCents: 7, spread: 0.3, cutoffHz: 3200, envelope: { attackSeconds: 0.01, decaySeconds: 0.2, sustain: 0.7, releaseSeconds: 0.12 }, vibratoHz: 5.5, vibratoCents: 10 },
        notes: lead,
        gain: 0.45,
        pan: -0.1,
        reverbSend: 0.3,
      },
    ],
  };
}
