// A stereo sample buffer and the placement of one note in it.

export interface Bus {
  left: Float32Array;
  right: Float32Array;
}

export function createBus(length: number): Bus {
  return { left: new Float32Array(length), right: new Float32Array(length) };
}

/** Where a note starts in the bus and its equal-power pan gains (already scaled by the part's level). */
export interface Placement {
  startSample: number;
  gains: [number, number];
}
