// Reads the first subtitle stream of an upload (an .srt/.vtt file, or a video carrying subtitles) as cues.
import 'server-only';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runFfmpeg } from '@/lib/engine/ffmpeg/runFfmpeg';
import { probedInput } from '@/lib/engine/media/inputArgs';
import type { Tools } from '@/lib/engine/ffmpeg/tools';
import type { MediaSummary } from '@/lib/engine/media/schema';
import type { CaptionCue } from '@/lib/engine/timeline/operations/operationContext';
import { parseSubtitles } from './parseSubtitles';

/** ffmpeg arguments that write the first subtitle stream of `input` (probed as `formatName`) as SRT to `output`. */
export function buildSubtitleArgs(input: string, formatName: string, output: string): string[] {
  return ['-v', 'error', ...probedInput(input, formatName), '-map', '0:s:0', '-f', 'srt', output];
}

/** SRT and WebVTT uploads are text we parse ourselves; ffmpeg only reads subtitle streams inside videos (and ASS). */
const OUR_PARSER = new Set(['srt', 'webvtt']);

export async function loadCaptions(tools: Tools, media: Pick<MediaSummary, 'path' | 'probe'>, signal?: AbortSignal): Promise<CaptionCue[]> {
  if (OUR_PARSER.has(media.probe.format)) {
    return parseSubtitles(await fs.readFile(media.path, 'utf8').catch(() => ''));
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'in-video-subs-'));
  const out = path.join(dir, 'cues.srt');
  try {
    await runFfmpeg(tools, buildSubtitleArgs(media.path, media.probe.format, out), { signal });
    return parseSubtitles(await fs.readFile(out, 'utf8'));
  } catch {
    // No subtitle stream in this file: not an error, just no cues.
    return [];
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Where an upload's bytes can be read on this machine (a download from object storage), or null when they are gone. */
export type LocalFileOf = (media: MediaSummary) => Promise<string | null>;

/** Cues for the uploads a plan's addCaptions operations may mean, newest first, by media id. */
export async function loadCaptionCandidates(
  tools: Tools,
  media: MediaSummary[],
  file: string | undefined,
  localFileOf: LocalFileOf,
  signal?: AbortSignal,
) {
  const wanted = file?.toLowerCase();
  const candidates = wanted
    ? media.filter((m) => m.name.toLowerCase() === wanted)
    : [...media].reverse().filter((m) => /\.(srt|vtt|mkv|mp4|mov|webm)$/i.test(m.name));
  const captions: Record<string, CaptionCue[]> = {};
  for (const m of candidates) {
    const local = await localFileOf(m);
    const cues = local ? await loadCaptions(tools, { path: local, probe: m.probe }, signal) : [];
    if (cues.length > 0) {
      captions[m.id] = cues;
      if (!wanted) break;
    }
  }
  return captions;
}
