// Probes a stored file once with ffprobe (measuring its length when the header has none); refuses what we cannot edit (an unsupported-media error) and says why.
import 'server-only';
import fs from 'node:fs/promises';
import { EngineError } from '@/lib/engine/engineError';
import type { Tools } from '@/lib/engine/ffmpeg/tools';
import { ProcessError } from '@/lib/engine/process/runProcess';
import { buildMeasureArgs, buildProbeArgs, measuredSeconds } from './mediaArgs';
import { DEFAULT_MEDIA_LIMITS, limitProblem, type MediaLimits } from './mediaLimits';
import { parseProbe } from './parseProbe';
import type { ProcessSlots } from './processSlots';
import type { ProbeResult } from './schema';
import { SUPPORTED_FORMATS_TEXT } from './supportedFormats';

/** "Use a video (MP4, ...)": the table's words without its opening, which our reason replaces. */
const WHAT_TO_USE = SUPPORTED_FORMATS_TEXT.replace(/^Unsupported file\.\s*/, '');

const PROBE_TIMEOUT_MS = 60_000;
/** Reading every packet of a 4-hour file without decoding takes seconds on a local disk; this is a generous ceiling. */
const MEASURE_TIMEOUT_MS = 300_000;

export interface ProbeOptions {
  limits?: MediaLimits;
  /** Shared across users: each ffprobe/ffmpeg run waits for a free slot. */
  slots?: ProcessSlots;
  signal?: AbortSignal;
}

/** ffprobe found a format outside PROBE_FORMAT_NAMES: in practice a playlist (HLS, concat) or another list of files. */
const NOT_A_MEDIA_FILE_LIST = 'is a playlist or a list of other files, not a media file';

/** `name` is the user's file name, used only in the message. */
export async function probeMedia(tools: Tools, file: string, name: string, options: ProbeOptions = {}): Promise<{ probe: ProbeResult; ext: string }> {
  const limits = options.limits ?? DEFAULT_MEDIA_LIMITS;
  const { size } = await fs.stat(file);
  if (size === 0) throw unsupported(name, 'is empty (0 bytes)');
  const result = await inSlot(options, () => tools.run(tools.ffprobe, buildProbeArgs(file), { timeoutMs: PROBE_TIMEOUT_MS, signal: options.signal }).then(succeeded)).catch(failedRun);
  let json: unknown = null;
  try {
    json = result.ok ? JSON.parse(result.stdout) : null;
  } catch {
    json = null;
  }
  const parsed = json
    ? parseProbe(json)
    : { ok: false as const, reason: /not on whitelist/i.test(result.stderrTail) ? NOT_A_MEDIA_FILE_LIST : 'is not a video, audio or image file we can read' };
  if (!parsed.ok) throw unsupported(name, parsed.reason);
  // Streams and pixels before anything reads the whole file; the length once it is known.
  const early = limitProblem(parsed.probe, parsed.streamCount, limits);
  if (early) throw unsupported(name, early);
  let probe = parsed.probe;
  if (!parsed.durationKnown) {
    const seconds = await measureDuration(tools, file, options);
    if (!(seconds !== null && seconds > 0)) throw unsupported(name, 'has no playable length (it may be cut short or damaged)');
    probe = { ...probe, duration: seconds };
    const late = limitProblem(probe, parsed.streamCount, limits);
    if (late) throw unsupported(name, late);
  }
  return { probe, ext: parsed.ext };
}

async function measureDuration(tools: Tools, file: string, options: ProbeOptions): Promise<number | null> {
  const result = await inSlot(options, () => tools.run(tools.ffmpeg, buildMeasureArgs(file), { timeoutMs: MEASURE_TIMEOUT_MS, signal: options.signal }).then(succeeded)).catch(failedRun);
  return result.ok ? measuredSeconds(result.stdout) : null;
}

const succeeded = (r: { stdout: string; stderrTail: string }) => ({ ok: true as const, ...r });

/** A file ffprobe or ffmpeg could not read is an answer here (the file is unusable), not an error; a cancel still is one. */
function failedRun(err: unknown): { ok: false; stdout: string; stderrTail: string } {
  if (err instanceof ProcessError) return { ok: false, stdout: '', stderrTail: err.stderrTail };
  throw err;
}

const inSlot = <T,>(options: ProbeOptions, task: () => Promise<T>) => (options.slots ? options.slots.run(task, options.signal) : task());

export function unsupported(name: string, reason: string): EngineError {
  return new EngineError('unsupported-media', `"${name}" cannot be used: it ${reason}. ${WHAT_TO_USE}`);
}
