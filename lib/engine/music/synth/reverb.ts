// A Freeverb-style stereo reverb (eight damped combs and four allpasses per side), run over a loop so its tail wraps.

const COMB_TUNING = [1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617];
const ALLPASS_TUNING = [556, 441, 341, 225];
const STEREO_SPREAD = 23;
const INPUT_GAIN = 0.015;

class Comb {
  private readonly line: Float32Array;
  private index = 0;
  private store = 0;

  constructor(size: number, private readonly feedback: number, private readonly damp: number) {
    this.line = new Float32Array(size);
  }

  process(x: number): number {
    const y = this.line[this.index];
    this.store = y * (1 - this.damp) + this.store * this.damp;
    this.line[this.index] = x + this.store * this.feedback;
    if (++this.index === this.line.length) this.index = 0;
    return y;
  }
}

class Allpass {
  private readonly line: Float32Array;
  private index = 0;

  constructor(size: number) {
    this.line = new Float32Array(size);
  }

  process(x: number): number {
    const buffered = this.line[this.index];
    this.line[this.index] = x + buffered * 0.5;
    if (++this.index === this.line.length) this.index = 0;
    return buffered - x;
  }
}

class Side {
  private readonly combs: Comb[];
  private readonly allpasses: Allpass[];

  constructor(sampleRate: number, offset: number, roomSize: number, damping: number) {
    const scale = sampleRate / 44_100;
    const feedback = roomSize * 0.28 + 0.7;
    this.combs = COMB_TUNING.map((n) => new Comb(Math.round((n + offset) * scale), feedback, damping * 0.4));
    this.allpasses = ALLPASS_TUNING.map((n) => new Allpass(Math.round((n + offset) * scale)));
  }

  process(x: number): number {
    let sum = 0;
    for (const comb of this.combs) sum += comb.process(x);
    for (const allpass of this.allpasses) sum = allpass.process(sum);
    return sum;
  }
}

/** Long enough for the longest tail here to fall below -120 dB, so the warm-up equals a full pass. */
const WARM_UP_SECONDS = 12;

/**
 * Adds the reverb of a looping send (left/right) into out, scaled by returnGain. The end of the loop is run first to
 * fill the delay lines, then the whole loop for output, so the tail of the last bar rings over the first.
 */
export function addLoopedReverb(
  send: { left: Float32Array; right: Float32Array },
  out: { left: Float32Array; right: Float32Array },
  settings: { roomSize: number; damping: number; returnGain: number },
  sampleRate: number,
): void {
  const left = new Side(sampleRate, 0, settings.roomSize, settings.damping);
  const right = new Side(sampleRate, STEREO_SPREAD, settings.roomSize, settings.damping);
  const n = send.left.length;
  for (let i = Math.max(0, n - WARM_UP_SECONDS * sampleRate); i < n; i++) {
    const input = (send.left[i] + send.right[i]) * INPUT_GAIN;
    left.process(input);
    right.process(input);
  }
  for (let i = 0; i < n; i++) {
    const input = (send.left[i] + send.right[i]) * INPUT_GAIN;
    out.left[i] += left.process(input) * settings.returnGain;
    out.right[i] += right.process(input) * settings.returnGain;
  }
}
