// Independent audio measurements for the music tests: FFT spectra, band shares, chroma, onset envelope and its tempo.

const twiddles = new Map<number, { cos: Float64Array; sin: Float64Array; window: Float64Array }>();

/** Cosine/sine tables and a Hann window per FFT size, computed once: the analysis runs thousands of FFTs. */
function tablesFor(n: number) {
  let t = twiddles.get(n);
  if (!t) {
    t = {
      cos: Float64Array.from({ length: n / 2 }, (_, k) => Math.cos((-2 * Math.PI * k) / n)),
      sin: Float64Array.from({ length: n / 2 }, (_, k) => Math.sin((-2 * Math.PI * k) / n)),
      window: Float64Array.from({ length: n }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n)),
    };
    twiddles.set(n, t);
  }
  return t;
}

/** In-place iterative radix-2 FFT; length must be a power of two. */
export function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  const { cos, sin } = tablesFor(n);
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j], re[i]];
      [im[i], im[j]] = [im[j], im[i]];
    }
  }
  for (let size = 2; size <= n; size <<= 1) {
    const half = size / 2;
    const step = n / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * step];
        const wi = sin[k * step];
        const a = start + k;
        const b = a + half;
        const tr = re[b] * wr - im[b] * wi;
        const ti = re[b] * wi + im[b] * wr;
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
      }
    }
  }
}

function powerSpectrum(signal: Float32Array, offset: number, size: number): Float64Array {
  const { window } = tablesFor(size);
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  for (let i = 0; i < size; i++) re[i] = (signal[offset + i] ?? 0) * window[i];
  fft(re, im);
  const power = new Float64Array(size / 2);
  for (let k = 0; k < size / 2; k++) power[k] = re[k] * re[k] + im[k] * im[k];
  return power;
}

/** Power spectrum averaged over `frames` windows spread evenly across the signal. */
export function averageSpectrum(signal: Float32Array, size = 8192, frames = 48): Float64Array {
  const sum = new Float64Array(size / 2);
  const stride = Math.max(1, Math.floor((signal.length - size) / frames));
  for (let f = 0; f < frames; f++) {
    const p = powerSpectrum(signal, f * stride, size);
    for (let k = 0; k < p.length; k++) sum[k] += p[k];
  }
  return sum;
}

/** Share (0..1) of the spectrum's power between lowHz and highHz. */
export function bandShare(spectrum: Float64Array, sampleRate: number, lowHz: number, highHz: number): number {
  const binHz = sampleRate / (spectrum.length * 2);
  let band = 0;
  let total = 0;
  spectrum.forEach((p, k) => {
    total += p;
    if (k * binHz >= lowHz && k * binHz < highHz) band += p;
  });
  return band / total;
}

/** Power per pitch class (0 = C) between 150 Hz and 2.5 kHz, normalised to sum to 1. */
export function chroma(spectrum: Float64Array, sampleRate: number): number[] {
  const binHz = sampleRate / (spectrum.length * 2);
  const classes = new Array<number>(12).fill(0);
  spectrum.forEach((p, k) => {
    const hz = k * binHz;
    if (hz < 150 || hz > 2500) return;
    const midi = Math.round(69 + 12 * Math.log2(hz / 440));
    classes[((midi % 12) + 12) % 12] += p;
  });
  const total = classes.reduce((a, b) => a + b, 0);
  return classes.map((c) => c / total);
}

/**
 * Spectral flux on log-compressed magnitudes (so quiet hats count next to loud kicks), minus its own running mean
 * (so reverb swells do not read as a beat): the usual onset strength for tempo estimation.
 */
export function onsetEnvelope(signal: Float32Array, hop = 512, size = 2048): Float64Array {
  const frames = Math.floor((signal.length - size) / hop);
  const flux = new Float64Array(frames);
  let previous = new Float64Array(size / 2);
  for (let f = 0; f < frames; f++) {
    const magnitude = powerSpectrum(signal, f * hop, size).map((p) => Math.log1p(100 * Math.sqrt(p)));
    let sum = 0;
    for (let k = 0; k < magnitude.length; k++) sum += Math.max(0, magnitude[k] - previous[k]);
    flux[f] = sum;
    previous = magnitude;
  }
  const half = 20;
  return flux.map((x, i) => {
    let local = 0;
    let count = 0;
    for (let j = Math.max(0, i - half); j <= Math.min(frames - 1, i + half); j++, count++) local += flux[j];
    return Math.max(0, x - local / count);
  });
}

function autocorrelation(envelope: Float64Array, maxLag: number): Float64Array {
  const acf = new Float64Array(maxLag + 1);
  for (let lag = 0; lag <= maxLag; lag++) {
    let sum = 0;
    for (let i = 0; i + lag < envelope.length; i++) sum += envelope[i] * envelope[i + lag];
    acf[lag] = sum / (envelope.length - lag);
  }
  return acf;
}

/**
 * Tempo (bpm, 50-200) whose beat grid best matches the onsets: for each candidate, the autocorrelation summed at
 * one to four beats (a comb), so a bar-long or syncopated pattern still points at its beat.
 */
export function estimateBpm(envelope: Float64Array, hopSeconds: number): number {
  const maxLag = Math.ceil((4 * 60) / 50 / hopSeconds) + 1;
  const acf = autocorrelation(envelope, maxLag);
  const at = (lag: number) => {
    const i = Math.floor(lag);
    return acf[i] + (acf[i + 1] - acf[i]) * (lag - i);
  };
  let best = 0;
  let bestBpm = 0;
  for (let bpm = 50; bpm <= 200; bpm += 0.25) {
    const beat = 60 / bpm / hopSeconds;
    const score = (at(beat) + at(2 * beat) + at(3 * beat) + at(4 * beat)) / 4;
    if (score > best) {
      best = score;
      bestBpm = bpm;
    }
  }
  return bestBpm;
}

/** True when the estimate is the tempo, or its half or double (the usual octave ambiguity), within 2%. */
export function matchesTempo(estimatedBpm: number, bpm: number): boolean {
  return [0.5, 1, 2].some((r) => Math.abs(estimatedBpm - bpm * r) <= bpm * r * 0.02);
}

export function rms(signal: Float32Array, from = 0, to = signal.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += signal[i] * signal[i];
  return Math.sqrt(sum / Math.max(1, to - from));
}

/** The q-quantile (0..1) of |x[i+1] - x[i]|: how big a sample-to-sample step normally is. */
export function stepQuantile(signal: Float32Array, q: number): number {
  const steps = new Float32Array(signal.length - 1);
  for (let i = 0; i < steps.length; i++) steps[i] = Math.abs(signal[i + 1] - signal[i]);
  steps.sort();
  return steps[Math.floor(q * (steps.length - 1))];
}
