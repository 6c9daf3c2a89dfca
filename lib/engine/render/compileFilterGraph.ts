// The whole timeline as one filter graph: segments, concat, text, fades, music; ends in [vout] and [aout].
import { timelineDuration } from '@/lib/engine/timeline/duration';
import { EngineError } from '@/lib/engine/engineError';
import { buildMusicMixFilter, type MusicInput } from './musicMix';
import { sec } from './outputFormat';
import type { RenderPlan } from './renderPlan';
import { buildSegmentFilters } from './segmentFilters';
import { buildTextOverlayFilter } from './textOverlay';

/** Timeline-wide fade in/out for the picture and the sound, clamped to the duration. */
function fades(kind: 'fade' | 'afade', fadeIn: number, fadeOut: number, duration: number): string[] {
  const out: string[] = [];
  const inLength = Math.min(fadeIn, duration);
  const outLength = Math.min(fadeOut, duration);
  if (inLength > 0) out.push(`${kind}=t=in:st=0:d=${sec(inLength)}`);
  if (outLength > 0) out.push(`${kind}=t=out:st=${sec(duration - outLength)}:d=${sec(outLength)}`);
  return out;
}

/**
 * Segment inputs come first (input i = segment i), music inputs after them, as
 * buildExportArgs lays them out.
 */
export function compileFilterGraph(plan: RenderPlan): string {
  const { timeline, out } = plan;
  if (timeline.video.length === 0) throw new EngineError('conflict', 'The timeline is empty: add a clip before exporting.');
  const duration = timelineDuration(timeline);
  const parts: string[] = [];
  timeline.video.forEach((segment, k) => {
    const media = plan.media[segment.sourceId];
    if (!media) throw new EngineError('conflict', 'A clip on the timeline is missing its media file. Remove it and export again.');
    const f = buildSegmentFilters({ segment, media, inputIndex: k, position: k, fit: timeline.fit, out, voiceVolume: timeline.voiceVolume });
    parts.push(f.video, f.audio);
  });
  const pairs = timeline.video.map((_, k) => `[v${k}][a${k}]`).join('');
  parts.push(`${pairs}concat=n=${timeline.video.length}:v=1:a=1[vcat][acat]`);

  const text = buildTextOverlayFilter(plan.texts, plan.fonts);
  const videoTail = [...(text ? [text] : []), ...fades('fade', timeline.fadeInSeconds, timeline.fadeOutSeconds, duration), 'format=yuv420p'];
  parts.push(`[vcat]${videoTail.join(',')}[vout]`);

  const music: MusicInput[] = plan.music.map((m, j) => ({ clip: m.clip, gain: m.gain, inputIndex: timeline.video.length + j }));
  const mix = buildMusicMixFilter('acat', music, duration, 'amixed');
  if (mix) parts.push(mix);
  const audioFades = fades('afade', timeline.fadeInSeconds, timeline.fadeOutSeconds, duration);
  parts.push(`[${mix ? 'amixed' : 'acat'}]${audioFades.length ? audioFades.join(',') : 'anull'}[aout]`);
  return parts.join(';');
}
