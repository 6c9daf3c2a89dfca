// The pure steps from an envelope to cut ranges: silent runs, minimum pause, padding, minimum kept piece.
export type Range = [number, number];

/** Runs of windows below the threshold, in seconds. */
export function silentRuns(rmsDb: number[], windowSeconds: number, thresholdDb: number): Range[] {
  return quietRuns(Uint8Array.from(rmsDb, (db) => (db >= thresholdDb ? 0 : 1)), windowSeconds);
}

/** Runs of windows flagged 1 (quiet), in seconds. */
export function quietRuns(quiet: ArrayLike<number>, windowSeconds: number): Range[] {
  const runs: Range[] = [];
  let start = -1;
  for (let i = 0; i < quiet.length; i++) {
    const silent = quiet[i] === 1;
    if (silent && start < 0) start = i;
    if (!silent && start >= 0) {
      runs.push([start * windowSeconds, i * windowSeconds]);
      start = -1;
    }
  }
  if (start >= 0) runs.push([start * windowSeconds, quiet.length * windowSeconds]);
  return runs;
}

export function longEnough(runs: Range[], minPauseSeconds: number): Range[] {
  return runs.filter(([a, b]) => b - a >= minPauseSeconds - 1e-9);
}

/** Shrinks each run by the padding on its speech sides (a run touching the file's edge has speech on one side only). */
export function padRuns(runs: Range[], paddingSeconds: number, totalSeconds: number): Range[] {
  return runs
    .map(([a, b]): Range => [a <= 0 ? 0 : a + paddingSeconds, b >= totalSeconds ? totalSeconds : b - paddingSeconds])
    .filter(([a, b]) => b - a > 1e-9);
}

/** Joins neighbouring cuts when the piece kept between them (or at either edge) is shorter than minKeptSeconds. */
export function dropShortKeeps(cuts: Range[], minKeptSeconds: number, totalSeconds: number): Range[] {
  const out: Range[] = [];
  for (const cut of cuts) {
    const last = out[out.length - 1];
    const keptBefore = cut[0] - (last ? last[1] : 0);
    if (last && keptBefore < minKeptSeconds) last[1] = cut[1];
    else if (!last && keptBefore > 0 && keptBefore < minKeptSeconds) out.push([0, cut[1]]);
    else out.push([...cut]);
  }
  const last = out[out.length - 1];
  if (last && totalSeconds - last[1] > 0 && totalSeconds - last[1] < minKeptSeconds) last[1] = totalSeconds;
  return out;
}
