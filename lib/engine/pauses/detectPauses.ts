// The pause chain for one recording: quiet windows (voice model + own-loudness threshold) -> runs -> min pause -> padding -> min kept piece.
import type { AudioAnalysis } from '@/lib/engine/media/schema';
import { hysteresisFor, type PauseSettings } from './pauseSettings';
import { quietWindows } from './quietWindows';
import { dropShortKeeps, longEnough, padRuns, quietRuns, type Range } from './silentRuns';

export interface PauseDetection {
  /** Source-time ranges to cut (empty when the recording has no clear pauses). */
  cuts: Range[];
  /** True when the voice model was unsure about much of what was cut: the reply offers stricter or gentler wording. */
  unsure: boolean;
}

/** Above this share of doubtful windows among the cut ones, the reply says detection was unsure. */
const UNSURE_SHARE = 0.15;

export function detectPausesIn(analysis: AudioAnalysis, settings: PauseSettings): PauseDetection {
  const { quiet, unsureShare } = quietWindows(analysis, settings.belowSpeechDb, hysteresisFor(settings.belowSpeechDb));
  const total = analysis.rmsDb.length * analysis.windowSeconds;
  const runs = longEnough(quietRuns(quiet, analysis.windowSeconds), settings.minPauseSeconds);
  const cuts = dropShortKeeps(padRuns(runs, settings.paddingSeconds, total), settings.minKeptSeconds, total);
  return { cuts, unsure: cuts.length > 0 && unsureShare > UNSURE_SHARE };
}

/** Source-time ranges to cut from this recording (empty when it has no clear pauses). */
export function detectPauses(analysis: AudioAnalysis, settings: PauseSettings): Range[] {
  return detectPausesIn(analysis, settings).cuts;
}
