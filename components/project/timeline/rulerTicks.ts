// Where the time ruler puts its labels: the smallest "nice" step that leaves room for each label.
const STEPS = [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600];

export function rulerStep(durationInSeconds: number, widthInPixels: number, minLabelPixels = 64): number {
  if (durationInSeconds <= 0 || widthInPixels <= 0) return 1;
  const pixelsPerSecond = widthInPixels / durationInSeconds;
  return STEPS.find((s) => s * pixelsPerSecond >= minLabelPixels) ?? STEPS[STEPS.length - 1];
}

export function rulerTicks(durationInSeconds: number, step: number): number[] {
  const ticks: number[] = [];
  for (let t = 0; t <= durationInSeconds + 1e-6; t += step) ticks.push(Math.round(t * 1000) / 1000);
  return ticks;
}

export function tickLabel(seconds: number, step: number): string {
  if (step < 1) return `${seconds.toFixed(1)}s`;
  if (seconds < 60) return `${seconds}s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return `${m}:${String(s).padStart(2, '0')}`;
}
