// Memoryless saturation curves.

/** tanh-like saturation (a Padé approximant), a fraction of the cost of Math.tanh per sample. */
export function softSaturate(x: number): number {
  if (x >= 3) return 1;
  if (x <= -3) return -1;
  const x2 = x * x;
  return (x * (27 + x2)) / (27 + 9 * x2);
}
