// Amplitude envelopes: ADSR for held notes, with every edge ramped so no note starts or stops with a click.

export interface Adsr {
  attackSeconds: number;
  decaySeconds: number;
  sustain: number;
  releaseSeconds: number;
}

const MIN_EDGE_SECONDS = 0.003;

/** Level before note-off at t seconds after the note starts. */
function held(t: number, env: Adsr): number {
  const attack = Math.max(env.attackSeconds, MIN_EDGE_SECONDS);
  if (t < attack) return t / attack;
  const d = t - attack;
  if (d < env.decaySeconds) return 1 - (1 - env.sustain) * (d / env.decaySeconds);
  return env.sustain;
}

/** Level at t seconds for a note held `lengthSeconds`; zero once the release is over. */
export function adsrLevel(t: number, lengthSeconds: number, env: Adsr): number {
  if (t < 0) return 0;
  if (t < lengthSeconds) return held(t, env);
  const release = Math.max(env.releaseSeconds, MIN_EDGE_SECONDS);
  const r = t - lengthSeconds;
  if (r >= release) return 0;
  // Squared fall sounds natural and reaches zero exactly at the end of the release.
  const fall = 1 - r / release;
  return held(lengthSeconds, env) * fall * fall;
}

/** Total sounding time of a note including its release. */
export function soundingSeconds(lengthSeconds: number, env: Adsr): number {
  return lengthSeconds + Math.max(env.releaseSeconds, MIN_EDGE_SECONDS);
}

/** Per-sample factor of an exponential decay with time constant `seconds` (cheaper than Math.exp every sample). */
export function decayFactor(seconds: number, sampleRate: number): number {
  return Math.exp(-1 / (seconds * sampleRate));
}
