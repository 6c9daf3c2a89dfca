// Decodes a file's first audio stream once, streaming PCM into the loudness meter (never the whole file in memory).
import 'server-only';
import { EngineError } from '@/lib/engine/engineError';
import type { Tools } from '@/lib/engine/ffmpeg/tools';
import { createLoudnessMeter, type LoudnessResult } from './loudness';
import { ANALYSIS_SAMPLE_RATE, buildPcmArgs } from './mediaArgs';
import { runTool } from './runTool';
import type { ProbeResult } from './schema';

/** Null for files without audio. */
export async function analyseAudio(tools: Tools, file: string, name: string, probe: ProbeResult, signal?: AbortSignal): Promise<LoudnessResult | null> {
  if (!probe.hasAudio) return null;
  const meter = createLoudnessMeter(ANALYSIS_SAMPLE_RATE);
  const result = await runTool(tools.ffmpeg, buildPcmArgs(file, probe.format), { signal, onStdout: (chunk) => meter.push(chunk) });
  const measured = meter.finish();
  if (result.code !== 0 && measured.analysis.rmsDb.length === 0) {
    throw new EngineError('unsupported-media', `"${name}" cannot be used: its audio could not be decoded (${lastLine(result.stderr)}).`);
  }
  return measured;
}

const lastLine = (text: string) => text.split('\n').filter(Boolean).pop() ?? 'no details';
