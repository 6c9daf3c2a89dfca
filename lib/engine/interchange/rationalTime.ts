// Frame rates as exact ratios, frame counts as rational seconds and as SMPTE timecode.

/** Frames per second as `num/den` (29.97 is 30000/1001), so frame boundaries stay exact. */
export interface FrameRate {
  num: number;
  den: number;
}

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));

/** The exact rate behind a probed or canvas fps: 29.97 -> 30000/1001, 25 -> 25/1. */
export function frameRateOf(fps: number): FrameRate {
  if (!(fps > 0)) throw new RangeError(`A frame rate must be greater than 0, but was ${fps}`);
  const whole = Math.round(fps);
  if (Math.abs(fps - whole) < 0.001) return { num: whole, den: 1 };
  // NTSC-family rates (23.976, 29.97, 59.94) are n*1000/1001; probes round them to 3 decimals.
  const ntsc = Math.round(fps * 1.001);
  if (Math.abs(fps - (ntsc * 1000) / 1001) < 0.002) return { num: ntsc * 1000, den: 1001 };
  const num = Math.round(fps * 1000);
  const g = gcd(num, 1000);
  return { num: num / g, den: 1000 / g };
}

export const fpsOf = (rate: FrameRate): number => rate.num / rate.den;
export const secondsOf = (frames: number, rate: FrameRate): number => (frames * rate.den) / rate.num;
export const framesAt = (seconds: number, rate: FrameRate): number => Math.max(0, Math.round((seconds * rate.num) / rate.den));
/** Frames per timecode second: 30 for 29.97, 24 for 23.976. */
export const timecodeBase = (rate: FrameRate): number => Math.round(rate.num / rate.den);
export const isNtsc = (rate: FrameRate): boolean => rate.den === 1001;

/** An exact time in seconds, `n/d`. */
export interface Rational {
  n: number;
  d: number;
}

export function rational(n: number, d = 1): Rational {
  const g = gcd(n, d) || 1;
  return { n: n / g, d: d / g };
}
export const framesToRational = (frames: number, rate: FrameRate): Rational => rational(frames * rate.den, rate.num);
export const addRational = (a: Rational, b: Rational): Rational => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const mulRational = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d);

/** FCPXML's time notation: "0s", "5s", "1001/30000s". */
export function fcpxTime(t: Rational): string {
  const r = rational(t.n, t.d);
  if (r.n === 0) return '0s';
  return r.d === 1 ? `${r.n}s` : `${r.n}/${r.d}s`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Whether timecode at this rate may be drop-frame (29.97 and 59.94 only). */
export const canDropFrame = (rate: FrameRate): boolean => isNtsc(rate) && timecodeBase(rate) % 30 === 0;

/**
 * SMPTE timecode of a frame count: "01:00:02:15", or drop-frame "00:59:58;00", which skips
 * the labels :00 and :01 (:00-:03 at 59.94) each minute except every tenth.
 */
export function framesToTimecode(frames: number, rate: FrameRate, dropFrame = false): string {
  const base = timecodeBase(rate);
  let labelled = frames;
  const df = dropFrame && canDropFrame(rate);
  if (df) {
    const dropped = base / 15;
    const perTenMinutes = base * 600 - dropped * 9;
    const perMinute = base * 60 - dropped;
    const tens = Math.floor(frames / perTenMinutes);
    const rest = frames % perTenMinutes;
    labelled += dropped * 9 * tens + (rest > dropped ? dropped * Math.floor((rest - dropped) / perMinute) : 0);
  }
  const ff = labelled % base;
  const totalSeconds = Math.floor(labelled / base);
  const hh = Math.floor(totalSeconds / 3600) % 24;
  return `${pad(hh)}:${pad(Math.floor(totalSeconds / 60) % 60)}:${pad(totalSeconds % 60)}${df ? ';' : ':'}${pad(ff)}`;
}

/** A timecode written with ";" (or ",") before the frames is drop-frame. */
export const isDropFrameTimecode = (timecode: string | null, rate: FrameRate): boolean =>
  !!timecode && /[;,]\d+$/.test(timecode.trim()) && canDropFrame(rate);

/**
 * Frame count of a timecode as cameras write it ("01:00:00:00", drop-frame "00:01:00;02"), at
 * the source's rate. Drop-frame skips frame numbers 0 and 1 (0-3 at 59.94) each minute except
 * every tenth, so the count is the label minus the skipped numbers. Null when it is not one.
 */
export function timecodeToFrames(timecode: string, rate: FrameRate): number | null {
  const m = /^(\d{1,2}):(\d{2}):(\d{2})([:;.,])(\d{2,3})$/.exec(timecode.trim());
  if (!m) return null;
  const [h, min, s, ff] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[5])];
  const base = timecodeBase(rate);
  if (min > 59 || s > 59 || ff >= base) return null;
  const labelled = ((h * 60 + min) * 60 + s) * base + ff;
  if (!isDropFrameTimecode(timecode, rate)) return labelled;
  const dropped = base / 15;
  const totalMinutes = h * 60 + min;
  return labelled - dropped * (totalMinutes - Math.floor(totalMinutes / 10));
}
