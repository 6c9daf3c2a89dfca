// Probes a stored file once with ffprobe; refuses what we cannot edit (an unsupported-media error) and says why.
import 'server-only';
import fs from 'node:fs/promises';
import { EngineError } from '@/lib/engine/engineError';
import type { Tools } from '@/lib/engine/ffmpeg/tools';
import { buildProbeArgs } from './mediaArgs';
import { parseProbe } from './parseProbe';
import { runTool } from './runTool';
import type { ProbeResult } from './schema';
import { SUPPORTED_FORMATS_TEXT } from './supportedFormats';

/** "Use a video (MP4, ...)": the table's words without its opening, which our reason replaces. */
const WHAT_TO_USE = SUPPORTED_FORMATS_TEXT.replace(/^Unsupported file\.\s*/, '');

const PROBE_TIMEOUT_MS = 60_000;

/** ffprobe found a format outside PROBE_FORMAT_NAMES: in practice a playlist (HLS, concat) or another list of files. */
const NOT_A_MEDIA_FILE_LIST = 'is a playlist or a list of other files, not a media file';

/** `name` is the user's file name, used only in the message. */
export async function probeMedia(tools: Tools, file: string, name: string): Promise<{ probe: ProbeResult; ext: string }> {
  const { size } = await fs.stat(file);
  if (size === 0) throw unsupported(name, 'is empty (0 bytes)');
  const result = await runProbe(tools, file);
  let json: unknown = null;
  try {
    json = result.code === 0 ? JSON.parse(result.stdout) : null;
  } catch {
    json = null;
  }
  const parsed = json
    ? parseProbe(json)
    : { ok: false as const, reason: /not on whitelist/i.test(result.stderr) ? NOT_A_MEDIA_FILE_LIST : 'is not a video, audio or image file we can read' };
  if (!parsed.ok) throw unsupported(name, parsed.reason);
  return { probe: parsed.probe, ext: parsed.ext };
}

function runProbe(tools: Tools, file: string) {
  return runTool(tools.ffprobe, buildProbeArgs(file), { timeoutMs: PROBE_TIMEOUT_MS });
}

export function unsupported(name: string, reason: string): EngineError {
  return new EngineError('unsupported-media', `"${name}" cannot be used: it ${reason}. ${WHAT_TO_USE}`);
}
