// Decides what "silent" means for one recording, from its own loudness, so quiet recordings work too.

/** Quieter than any real recording: digital silence in the envelope. */
const FLOOR_DB = -100;

export function percentile(values: number[], q: number): number {
  if (values.length === 0) return FLOOR_DB;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
}

export interface Loudness {
  /** Typical loud speech: the 95th percentile of the envelope. */
  speechDb: number;
  /** Background noise: the 2nd percentile (low, so a clip with few pauses still shows its floor). */
  noiseDb: number;
  /** Windows below this are silent; null when the clip has no clear quiet parts. */
  thresholdDb: number | null;
}

/** threshold = speech level - belowSpeechDb, but never into the noise floor (+6 dB), and only when speech stands out. */
export function loudnessThreshold(rmsDb: number[], belowSpeechDb: number): Loudness {
  const finite = rmsDb.map((v) => (Number.isFinite(v) ? Math.max(v, FLOOR_DB) : FLOOR_DB));
  const speechDb = percentile(finite, 0.95);
  const noiseDb = percentile(finite, 0.02);
  if (speechDb - noiseDb < 12) return { speechDb, noiseDb, thresholdDb: null };
  return { speechDb, noiseDb, thresholdDb: Math.max(speechDb - belowSpeechDb, noiseDb + 6) };
}
