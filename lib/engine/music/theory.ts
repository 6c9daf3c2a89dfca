// Just enough music theory to compose: scales, diatonic chords stacked in thirds, and close voicings.

export const SCALES = {
  major: [0, 2, 4, 5, 7, 9, 11],
  minor: [0, 2, 3, 5, 7, 8, 10],
} as const;

export interface Key {
  /** MIDI note of the tonic, e.g. 62 for D4. */
  tonic: number;
  scale: keyof typeof SCALES;
}

/** One chord of a progression: degree 0 = I, size 3 = triad, 4 = seventh, 5 = ninth. */
export interface ChordSpec {
  degree: number;
  size: 3 | 4 | 5;
}

export interface Chord {
  /** Voiced chord tones (MIDI), close around a centre pitch. */
  tones: number[];
  /** Root in the bass register (MIDI 36-47). */
  bass: number;
}

/** MIDI pitch of a scale degree (any integer; 7 is the tonic an octave up). */
function degreePitch(key: Key, degree: number): number {
  const steps = SCALES[key.scale];
  const octave = Math.floor(degree / steps.length);
  const index = ((degree % steps.length) + steps.length) % steps.length;
  return key.tonic + octave * 12 + steps[index];
}

/** Places each pitch class in the octave nearest the centre, so successive chords move little. */
function voiceNear(pitches: number[], centre: number): number[] {
  return pitches
    .map((p) => {
      const pc = ((p % 12) + 12) % 12;
      let m = centre - 6 + ((pc - (centre - 6)) % 12 + 12) % 12;
      if (m > centre + 5) m -= 12;
      return m;
    })
    .sort((a, b) => a - b);
}

function buildChord(key: Key, spec: ChordSpec, centre: number): Chord {
  const pitches = Array.from({ length: spec.size }, (_, i) => degreePitch(key, spec.degree + 2 * i));
  return { tones: voiceNear(pitches, centre), bass: 36 + (((pitches[0] % 12) + 12) % 12) };
}

/** Every scale note between low and high (MIDI, inclusive). */
export function scaleRange(key: Key, low: number, high: number): number[] {
  const notes: number[] = [];
  for (let m = low; m <= high; m++) {
    const offset = (((m - key.tonic) % 12) + 12) % 12;
    if ((SCALES[key.scale] as readonly number[]).includes(offset)) notes.push(m);
  }
  return notes;
}

/** Pitch classes of the key's scale, for tests and analysis. */
export function scalePitchClasses(key: Key): number[] {
  return SCALES[key.scale].map((s) => (key.tonic + s) % 12);
}

/** Chords from [degree, size] pairs, each voiced near the centre. */
export function progression(key: Key, specs: Array<[number, ChordSpec['size']]>, centre: number): Chord[] {
  return specs.map(([degree, size]) => buildChord(key, { degree, size }, centre));
}
