// How long one render may run: a multiple of the video it makes, plus start-up time, so no job holds the queue forever.

export interface RenderTimeLimits {
  /** Wall-clock seconds allowed per second of output. */
  factor: number;
  /** Fixed seconds on top (probing, music measurement, encoder start). */
  graceSeconds: number;
}

export function renderTimeCapMs(outputSeconds: number, limits: RenderTimeLimits): number {
  return Math.round((Math.max(0, outputSeconds) * limits.factor + limits.graceSeconds) * 1000);
}

export function renderTimeCapMessage(capMs: number): string {
  const minutes = capMs / 60_000;
  const said = minutes >= 1 ? `${Math.round(minutes * 10) / 10} minutes` : `${Math.max(1, Math.round(capMs / 1000))} s`;
  return `The render took longer than ${said} and was stopped, so it would not hold up everyone else. Try a preview export, or shorten the timeline.`;
}
