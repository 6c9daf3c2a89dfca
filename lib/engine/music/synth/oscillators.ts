// Oscillator building blocks: a table sine (fast and exact enough) and a band-limited (PolyBLEP) saw.

const TABLE_SIZE = 4096;
const SINE = new Float64Array(TABLE_SIZE + 1);
for (let i = 0; i <= TABLE_SIZE; i++) SINE[i] = Math.sin((2 * Math.PI * i) / TABLE_SIZE);

/** sin(2π·cycles) by table lookup with linear interpolation; error below 1e-6, several times faster than Math.sin. */
export function sineCycles(cycles: number): number {
  const wrapped = cycles - Math.floor(cycles);
  const position = wrapped * TABLE_SIZE;
  const index = position | 0;
  const frac = position - index;
  return SINE[index] + (SINE[index + 1] - SINE[index]) * frac;
}

/** PolyBLEP correction that removes most aliasing from a naive saw's reset. */
function polyBlep(phase: number, increment: number): number {
  if (phase < increment) {
    const t = phase / increment;
    return t + t - t * t - 1;
  }
  if (phase > 1 - increment) {
    const t = (phase - 1) / increment;
    return t * t + t + t + 1;
  }
  return 0;
}

/** Saw value for a phase in [0, 1) advancing by `increment` per sample. */
export function sawSample(phase: number, increment: number): number {
  return 2 * phase - 1 - polyBlep(phase, increment);
}

export function midiToHz(midi: number): number {
  return 440 * Math.pow(2, (midi - 69) / 12);
}

/** Equal-power pan gains for pan in [-1, 1]. */
export function panGains(pan: number): [number, number] {
  const angle = ((Math.max(-1, Math.min(1, pan)) + 1) * Math.PI) / 4;
  return [Math.cos(angle), Math.sin(angle)];
}
