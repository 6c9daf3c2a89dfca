// The pause chain for one recording: envelope -> own-loudness threshold -> silent runs -> min pause -> padding -> min kept piece.
import type { AudioAnalysis } from '@/lib/engine/media/schema';
import { loudnessThreshold } from './loudnessThreshold';
import type { PauseSettings } from './pauseSettings';
import { dropShortKeeps, longEnough, padRuns, silentRuns, type Range } from './silentRuns';

/** Source-time ranges to cut from this recording (empty when it has no clear pauses). */
export function detectPauses(analysis: AudioAnalysis, settings: PauseSettings): Range[] {
  const { thresholdDb } = loudnessThreshold(analysis.rmsDb, settings.belowSpeechDb);
  if (thresholdDb === null) return [];
  const total = analysis.rmsDb.length * analysis.windowSeconds;
  const runs = longEnough(silentRuns(analysis.rmsDb, analysis.windowSeconds, thresholdDb), settings.minPauseSeconds);
  return dropShortKeeps(padRuns(runs, settings.paddingSeconds, total), settings.minKeptSeconds, total);
}
