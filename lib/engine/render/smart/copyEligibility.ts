// Whether a source's own compressed frames can go into the export untouched, and in plain words why not.
import type { ProbeResult } from '@/lib/engine/media/schema';
import type { VideoIndex } from '@/lib/engine/media/videoIndex';
import type { OutputSize } from '../outputFormat';

export interface SmartSource {
  name: string;
  probe: ProbeResult;
  videoIndex?: VideoIndex | null;
}

/** The stream settings every copied stretch and every encoded run of one export share, so they join cleanly. */
export interface JoinFormat {
  /** H.264 level_idc of the copied source (40 = 4.0). */
  level: number;
  /** Reorder delay (B-frame depth): the encoded runs must match it, or decode timestamps collide at a join. */
  reorderDelay: number;
}

// x264 encodes with a reorder delay of 0, 1 or 2 depending on its B-frame settings (see encodeRunArgs).
const MATCHABLE_DELAYS = new Set([0, 1, 2]);

/** Null when `source` can be copied into an `out` export; otherwise the reason, as a sentence fragment. */
export function copyRefusal(source: SmartSource, out: OutputSize): string | null {
  const index = source.videoIndex;
  const name = `"${source.name}"`;
  if (source.probe.kind !== 'video') return `${name} is not a video`;
  if (!index) return `${name} has no keyframe index (it was uploaded before fast export existed)`;
  if (!index.constantFrameRate) return `${name} has a variable frame rate`;
  if (index.fps !== out.fps) return `${name} runs at ${index.fps ?? 'an unknown'} fps, the export at ${out.fps}`;
  if (index.codec !== 'h264') return `${name} is ${index.codec.toUpperCase()}, not H.264 like the export`;
  if (index.profile !== 'High') return `${name} is H.264 ${index.profile ?? 'of unknown profile'}, not High like the export`;
  if (index.pixFmt !== 'yuv420p') return `${name} stores ${index.pixFmt ?? 'unknown'} pixels, not yuv420p like the export`;
  if (index.width !== out.width || index.height !== out.height || index.rotation !== 0) {
    return `${name} is ${index.width}x${index.height}${index.rotation ? ` turned ${index.rotation}°` : ''}, the export ${out.width}x${out.height}`;
  }
  if (index.sar !== '1:1' && index.sar !== 'N/A' && index.sar !== '0:1') return `${name} has non-square pixels (${index.sar})`;
  if (index.fieldOrder && index.fieldOrder !== 'progressive' && index.fieldOrder !== 'unknown') return `${name} is interlaced`;
  if (index.level === null) return `${name} declares no H.264 level`;
  if (!MATCHABLE_DELAYS.has(index.reorderDelay)) return `${name} reorders frames more deeply than our encoder can match`;
  if (index.cutFrames.length === 0) return `${name} has no keyframe it can be split at`;
  return null;
}

export function joinFormatOf(index: VideoIndex): JoinFormat {
  return { level: index.level ?? 40, reorderDelay: index.reorderDelay };
}

export const sameJoinFormat = (a: JoinFormat, b: JoinFormat) => a.level === b.level && a.reorderDelay === b.reorderDelay;
