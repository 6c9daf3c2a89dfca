// Reads the primary storyline of an FCPXML file per Apple's FCPXML reference: assets, spine clips, time maps.
import type { ReadCut } from './cutListReading';
import { xpath, xpathOne } from './xpath';

/** FCPXML time: "0s", "5s", "1001/30000s". */
export function fcpxSeconds(value: string): number {
  const m = /^(-?\d+)(?:\/(\d+))?s$/.exec(value);
  if (!m) throw new Error(`not an FCPXML time: ${value}`);
  return Number(m[1]) / Number(m[2] ?? 1);
}

export function readFcpxml(file: string): { cuts: ReadCut[]; durationSeconds: number } {
  const clips = xpath(file, '//sequence/spine/asset-clip/@ref').length;
  const cuts: ReadCut[] = [];
  for (let i = 1; i <= clips; i++) {
    const clip = `//sequence/spine/asset-clip[${i}]`;
    const ref = xpathOne(file, `${clip}/@ref`)!;
    const asset = `//resources/asset[@id="${ref}"]`;
    const assetStart = fcpxSeconds(xpathOne(file, `${asset}/@start`) ?? '0s');
    const offset = fcpxSeconds(xpathOne(file, `${clip}/@offset`)!);
    const start = fcpxSeconds(xpathOne(file, `${clip}/@start`) ?? '0s');
    const duration = fcpxSeconds(xpathOne(file, `${clip}/@duration`)!);
    // A timeMap maps the clip's local time (time) to the original media time (value).
    const times = xpath(file, `${clip}/timeMap/timept/@time`).map(fcpxSeconds);
    const values = xpath(file, `${clip}/timeMap/timept/@value`).map(fcpxSeconds);
    const mediaAt = (t: number) => {
      if (times.length < 2) return t;
      const k = Math.max(0, times.findIndex((x, j) => j > 0 && t <= x + 1e-9) - 1);
      return values[k] + ((values[k + 1] - values[k]) * (t - times[k])) / (times[k + 1] - times[k]);
    };
    const sourceIn = mediaAt(start) - assetStart;
    const sourceOut = mediaAt(start + duration) - assetStart;
    const src = decodeURIComponent(xpathOne(file, `${asset}/media-rep/@src`)!).replace(/^\.\//, '');
    cuts.push({ file: src, recordIn: offset, recordOut: offset + duration, sourceIn, sourceOut, speed: (sourceOut - sourceIn) / duration });
  }
  return {
    cuts,
    durationSeconds: fcpxSeconds(xpathOne(file, '//sequence/@duration')!),
  };
}
