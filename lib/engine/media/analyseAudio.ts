// Decodes a file's first audio stream once, streaming PCM into the loudness meter and the speech model (never the whole file in memory).
import 'server-only';
import { EngineError } from '@/lib/engine/engineError';
import type { Tools } from '@/lib/engine/ffmpeg/tools';
import { ProcessError } from '@/lib/engine/process/runProcess';
import { createLoudnessMeter, type LoudnessResult } from './loudness';
import { ANALYSIS_SAMPLE_RATE, buildPcmArgs } from './mediaArgs';
import type { ProcessSlots } from './processSlots';
import type { ProbeResult } from './schema';
import { loadSileroVad } from './speech/sileroVad';
import { createSpeechMeter } from './speech/speechMeter';

export interface AnalysisOptions {
  /** Cancels the decode (the upload was abandoned). */
  signal?: AbortSignal;
  /** Shared across users: the decode waits for a free slot. */
  slots?: ProcessSlots;
}

/** Two minutes plus half the file's length: the speech model runs several times faster than real time even on a busy machine. */
export const analysisTimeoutMs = (durationSeconds: number) => 120_000 + Math.round(durationSeconds * 500);

/** Null for files without audio. */
export async function analyseAudio(tools: Tools, file: string, name: string, probe: ProbeResult, options: AnalysisOptions = {}): Promise<LoudnessResult | null> {
  if (!probe.hasAudio) return null;
  const vad = await loadSileroVad();
  const meter = createLoudnessMeter(ANALYSIS_SAMPLE_RATE);
  const speech = createSpeechMeter(vad);
  const decode = () =>
    tools.run(tools.ffmpeg, buildPcmArgs(file, probe.format), {
      signal: options.signal,
      timeoutMs: analysisTimeoutMs(probe.duration),
      onStdout: (chunk) => {
        meter.push(chunk);
        return speech.push(chunk);
      },
    });
  const failure = await (options.slots ? options.slots.run(decode, options.signal) : decode()).then(
    () => null,
    (err: unknown) => {
      if (err instanceof ProcessError) return err;
      throw err;
    },
  );
  const measured = meter.finish();
  // Killed (the timeout) rather than failed: a partial analysis would hide pauses in the part not reached.
  if (failure?.failure === 'timeout') throw new EngineError('unsupported-media', `"${name}" cannot be used: analysing its sound took too long (try a shorter file).`);
  // A decode that stopped at damage late in the file still measured what came before it.
  if (failure && measured.analysis.rmsDb.length === 0) {
    throw new EngineError('unsupported-media', `"${name}" cannot be used: its audio could not be decoded (${lastLine(failure.stderrTail)}).`);
  }
  return { ...measured, analysis: { ...measured.analysis, speech: await speech.finish() } };
}

const lastLine = (text: string) => text.split('\n').filter(Boolean).pop() ?? 'no details';
