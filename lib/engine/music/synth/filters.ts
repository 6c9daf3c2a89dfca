// Biquad filters (RBJ cookbook) and a one-pole lowpass, used by voices, buses and the master.

export class Biquad {
  private z1 = 0;
  private z2 = 0;

  constructor(
    private readonly b0: number,
    private readonly b1: number,
    private readonly b2: number,
    private readonly a1: number,
    private readonly a2: number,
  ) {}

  static lowpass(sampleRate: number, hz: number, q = Math.SQRT1_2): Biquad {
    const { cos, alpha } = shape(sampleRate, hz, q);
    const a0 = 1 + alpha;
    return new Biquad((1 - cos) / 2 / a0, (1 - cos) / a0, (1 - cos) / 2 / a0, (-2 * cos) / a0, (1 - alpha) / a0);
  }

  static highpass(sampleRate: number, hz: number, q = Math.SQRT1_2): Biquad {
    const { cos, alpha } = shape(sampleRate, hz, q);
    const a0 = 1 + alpha;
    return new Biquad((1 + cos) / 2 / a0, -(1 + cos) / a0, (1 + cos) / 2 / a0, (-2 * cos) / a0, (1 - alpha) / a0);
  }

  /** Constant 0 dB peak gain band-pass. */
  static bandpass(sampleRate: number, hz: number, q: number): Biquad {
    const { cos, alpha } = shape(sampleRate, hz, q);
    const a0 = 1 + alpha;
    return new Biquad(alpha / a0, 0, -alpha / a0, (-2 * cos) / a0, (1 - alpha) / a0);
  }

  /** Direct coefficients (a0 normalised to 1), e.g. the BS.1770 K-weighting stages. */
  static raw(b: [number, number, number], a: [number, number]): Biquad {
    return new Biquad(b[0], b[1], b[2], a[0], a[1]);
  }

  process(x: number): number {
    const y = this.b0 * x + this.z1;
    this.z1 = this.b1 * x - this.a1 * y + this.z2;
    this.z2 = this.b2 * x - this.a2 * y;
    return y;
  }
}

function shape(sampleRate: number, hz: number, q: number): { cos: number; alpha: number } {
  const w = (2 * Math.PI * Math.min(hz, sampleRate * 0.45)) / sampleRate;
  return { cos: Math.cos(w), alpha: Math.sin(w) / (2 * q) };
}

/** Gentle 6 dB/octave lowpass, cheap enough to run per voice. */
export class OnePole {
  private y = 0;
  private readonly coefficient: number;

  constructor(sampleRate: number, hz: number) {
    this.coefficient = 1 - Math.exp((-2 * Math.PI * hz) / sampleRate);
  }

  process(x: number): number {
    this.y += this.coefficient * (x - this.y);
    return this.y;
  }
}
