// The data a mood composes and the renderer plays: parts of timed notes, each with an instrument patch and mix settings.
import type { Adsr } from './synth/envelope';
import type { Key } from './theory';

export const SAMPLE_RATE = 48_000;

export interface Note {
  atSeconds: number;
  lengthSeconds: number;
  /** Pitch for tonal voices; drums ignore it. */
  midi: number;
  /** 0..1 */
  velocity: number;
}

export type DrumPatch =
  | { kind: 'kick'; startHz: number; endHz: number; sweepSeconds: number; decaySeconds: number; click: number }
  | { kind: 'snare'; toneHz: number; noiseHz: number; decaySeconds: number; tone: number }
  | { kind: 'clap'; noiseHz: number; decaySeconds: number }
  | { kind: 'hat'; cutoffHz: number; decaySeconds: number };

export type TonalPatch =
  /** Detuned band-limited saws through a lowpass: pads, strings, stabs, leads. */
  | { kind: 'pad'; voices: number; detuneCents: number; spread: number; cutoffHz: number; envelope: Adsr; vibratoHz?: number; vibratoCents?: number }
  /** Two-operator FM electric piano with a decaying modulation index. */
  | { kind: 'keys'; brightness: number; decaySeconds: number; releaseSeconds: number }
  /** Karplus-Strong plucked string. */
  | { kind: 'pluck'; brightness: number; decaySeconds: number }
  | { kind: 'bass'; wave: 'sine' | 'saw'; cutoffHz: number; envelope: Adsr; drive: number }
  /** Inharmonic partials like a glockenspiel or celesta. */
  | { kind: 'bell'; decaySeconds: number };

export type Patch = DrumPatch | TonalPatch;

export interface Part {
  name: string;
  patch: Patch;
  notes: Note[];
  gain: number;
  /** -1 (left) .. 1 (right) */
  pan: number;
  /** Share of the part sent to the reverb, 0..1. */
  reverbSend: number;
  /** Bus lowpass, e.g. the muffled keys of lo-fi. */
  lowpassHz?: number;
  /** Sidechain-style dip after each kick so pads breathe with the beat. */
  duck?: { depth: number; releaseSeconds: number };
}

export interface Arrangement {
  mood: string;
  bpm: number;
  bars: number;
  beatsPerBar: number;
  /** The key it is composed in (the tests check the harmony against it). */
  key: Key;
  seed: number;
  parts: Part[];
  reverb: { roomSize: number; damping: number; returnGain: number };
  /** Record-player hiss and crackle for lo-fi. */
  vinyl?: { hiss: number; cracklesPerSecond: number };
  masterLowpassHz?: number;
}

export function loopSeconds(arrangement: Pick<Arrangement, 'bars' | 'beatsPerBar' | 'bpm'>): number {
  return (arrangement.bars * arrangement.beatsPerBar * 60) / arrangement.bpm;
}

export function isDrumPatch(patch: Patch): patch is DrumPatch {
  return patch.kind === 'kick' || patch.kind === 'snare' || patch.kind === 'clap' || patch.kind === 'hat';
}
