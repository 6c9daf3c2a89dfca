// A mirrored waveform drawn from 0..1 peaks, stretched to fill its box.
export function Waveform({ peaks, className = '' }: { peaks: number[]; className?: string }) {
  if (peaks.length === 0) return null;
  const points = downsample(peaks, 300);
  const n = points.length;
  const top = points.map((p, i) => `${i},${(0.5 - Math.max(0.02, p) / 2).toFixed(3)}`).join(' ');
  const bottom = points
    .map((p, i) => `${n - 1 - i},${(0.5 + Math.max(0.02, points[n - 1 - i]) / 2).toFixed(3)}`)
    .join(' ');
  return (
    <svg viewBox={`0 0 ${Math.max(1, n - 1)} 1`} preserveAspectRatio="none" aria-hidden="true" className={className}>
      <polygon points={`${top} ${bottom}`} fill="currentColor" />
    </svg>
  );
}

/** Keeps the loudest value of each bucket so short peaks stay visible. */
function downsample(values: number[], max: number): number[] {
  if (values.length <= max) return values;
  const size = values.length / max;
  return Array.from({ length: max }, (_, i) => {
    let peak = 0;
    for (let j = Math.floor(i * size); j < Math.floor((i + 1) * size); j++) peak = Math.max(peak, values[j] ?? 0);
    return peak;
  });
}

/** The peaks that cover [fromSeconds, toSeconds) of a source, looping when the clip is longer than its source. */
export function slicePeaks(peaks: number[], peaksPerSecond: number, fromSeconds: number, toSeconds: number): number[] {
  if (peaks.length === 0 || peaksPerSecond <= 0 || toSeconds <= fromSeconds) return [];
  const rate = peaksPerSecond;
  const start = Math.floor(fromSeconds * rate);
  const end = Math.max(start + 1, Math.ceil(toSeconds * rate));
  const out: number[] = [];
  for (let i = start; i < end && out.length < 4000; i++) out.push(peaks[i % peaks.length]);
  return out;
}
