// Helpers moods compose with: a swung 16th-note grid, drum patterns written as strings, chords, bass, arpeggios and melodies.
import type { Note } from '../arrangement';
import type { Chord, Key } from '../theory';
import { scaleRange } from '../theory';
import { bipolar, type Random } from '../synth/prng';

export const STEPS_PER_BAR = 16;

export interface Grid {
  bpm: number;
  /** How late the odd 16ths land, as a share of a step (0 = straight, ~0.33 = lazy swing). */
  swing: number;
  random: Random;
  /** Timing wobble in seconds, for a played rather than sequenced feel. */
  humanizeSeconds: number;
}

export function stepSeconds(grid: Grid): number {
  return 60 / grid.bpm / 4;
}

export function timeAt(grid: Grid, bar: number, step: number): number {
  const whole = Math.floor(step);
  const swing = whole % 2 === 1 ? grid.swing : 0;
  return (bar * STEPS_PER_BAR + step + swing) * stepSeconds(grid) + bipolar(grid.random) * grid.humanizeSeconds;
}

function jitter(grid: Grid, velocity: number): number {
  return Math.max(0.05, Math.min(1, velocity * (1 + bipolar(grid.random) * 0.08)));
}

const HIT_VELOCITY: Record<string, number> = { x: 1, o: 0.65, g: 0.35 };

/** One character per 16th: x = accent, o = normal, g = ghost, anything else = rest. */
export function drumBars(grid: Grid, bars: number[], pattern: string): Note[] {
  const notes: Note[] = [];
  for (const bar of bars) {
    for (let step = 0; step < STEPS_PER_BAR; step++) {
      const velocity = HIT_VELOCITY[pattern[step]];
      if (velocity) notes.push({ atSeconds: timeAt(grid, bar, step), lengthSeconds: 0.1, midi: 0, velocity: jitter(grid, velocity) });
    }
  }
  return notes;
}

/** Chord hits: each [step, lengthSteps] plays every tone, strummed upwards by strumSeconds per string. */
export function chordHits(grid: Grid, bar: number, chord: Chord, hits: Array<[number, number]>, velocity: number, strumSeconds = 0): Note[] {
  return hits.flatMap(([step, length]) => {
    const at = timeAt(grid, bar, step);
    return chord.tones.map((midi, i) => ({
      atSeconds: at + i * strumSeconds,
      lengthSeconds: length * stepSeconds(grid),
      midi,
      velocity: jitter(grid, velocity),
    }));
  });
}

/** Bass notes from [step, lengthSteps, semitones above the chord's bass root]. */
export function bassLine(grid: Grid, bar: number, chord: Chord, pattern: Array<[number, number, number]>, velocity: number): Note[] {
  return pattern.map(([step, length, interval]) => ({
    atSeconds: timeAt(grid, bar, step),
    lengthSeconds: length * stepSeconds(grid),
    midi: chord.bass + interval,
    velocity: jitter(grid, velocity),
  }));
}

/** Chord tones cycled in `order` (indexes into tones, +n*10 for n octaves up) every `everySteps`. */
export function arpeggio(grid: Grid, bar: number, chord: Chord, order: number[], everySteps: number, lengthSteps: number, velocity: number): Note[] {
  const notes: Note[] = [];
  for (let s = 0, i = 0; s < STEPS_PER_BAR; s += everySteps, i++) {
    const code = order[i % order.length];
    const tone = chord.tones[code % 10 % chord.tones.length] + 12 * Math.floor(code / 10);
    const accent = s % 4 === 0 ? 1 : 0.8;
    notes.push({ atSeconds: timeAt(grid, bar, s), lengthSeconds: lengthSteps * stepSeconds(grid), midi: tone, velocity: jitter(grid, velocity * accent) });
  }
  return notes;
}

/**
 * A melody over one bar: rhythm is [step, lengthSteps] pairs; pitches walk mostly by step through the scale and
 * land on chord tones on strong beats, so it sings rather than wanders.
 */
export function melodyBar(grid: Grid, random: Random, key: Key, bar: number, chord: Chord, rhythm: Array<[number, number]>, range: [number, number], start: number, velocity: number): { notes: Note[]; last: number } {
  const scale = scaleRange(key, range[0], range[1]);
  const chordClasses = chord.tones.map((t) => ((t % 12) + 12) % 12);
  let current = start;
  const notes: Note[] = [];
  for (const [step, length] of rhythm) {
    const strong = step % 4 === 0;
    const candidates = scale.filter((m) => Math.abs(m - current) <= (strong ? 4 : 3) && (!strong || chordClasses.includes(m % 12)));
    const pool = candidates.length > 0 ? candidates : scale;
    // Prefer small steps: weight by closeness, never repeat more than the pool forces.
    const weights = pool.map((m) => (m === current ? 0.4 : 1 / (1 + Math.abs(m - current))));
    let r = random() * weights.reduce((a, b) => a + b, 0);
    let choice = pool[pool.length - 1];
    for (let i = 0; i < pool.length; i++) {
      r -= weights[i];
      if (r <= 0) {
        choice = pool[i];
        break;
      }
    }
    current = choice;
    notes.push({ atSeconds: timeAt(grid, bar, step), lengthSeconds: length * stepSeconds(grid), midi: current, velocity: jitter(grid, velocity * (strong ? 1 : 0.85)) });
  }
  return { notes, last: current };
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

/** A melody across consecutive bars; the same seed gives the same phrase, so phrases can repeat like a real tune. */
export function melodyPhrase(grid: Grid, random: Random, key: Key, firstBar: number, chords: Chord[], rhythms: Array<Array<[number, number]>>, span: [number, number], velocity: number): Note[] {
  let last = Math.round((span[0] + span[1]) / 2);
  return chords.flatMap((chord, i) => {
    const bar = melodyBar(grid, random, key, firstBar + i, chord, rhythms[i % rhythms.length], span, last, velocity);
    last = bar.last;
    return bar.notes;
  });
}
