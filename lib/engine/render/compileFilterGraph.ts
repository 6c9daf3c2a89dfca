// The whole timeline as one filter graph: reads, pieces, concat, text, fades, music, loudness; ends in [vout] and [aout].
import { timelineDuration } from '@/lib/engine/timeline/duration';
import { requireClips } from '@/lib/engine/timeline/requireClips';
import { EngineError } from '@/lib/engine/engineError';
import { buildAudioPicture } from './audioPicture';
import { loudnormFilter } from './loudness';
import { buildMusicMixFilter, type MusicInput } from './musicMix';
import { sec } from './outputFormat';
import { buildReadFilters } from './readFilters';
import type { RenderPlan } from './renderPlan';
import { buildSegmentFilters, type SegmentMedia } from './segmentFilters';
import { pieceWindow, planSourceReads } from './sourceReads';
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

/** Titles and fades over the joined picture, then the output pixel format. */
function pictureTail(plan: RenderPlan, duration: number): string[] {
  const text = buildTextOverlayFilter(plan.texts, plan.fonts);
  return [...(text ? [text] : []), ...fades('fade', plan.timeline.fadeInSeconds, plan.timeline.fadeOutSeconds, duration), 'format=yuv420p'];
}

/** A source as the picture pass sees it: its sound is left undecoded (the sound pass reads it). */
function pictureOnlyMedia(media: SegmentMedia): SegmentMedia {
  return { ...media, probe: { ...media.probe, hasAudio: false } };
}

/** True when no piece on the main track has a picture of its own (a podcast): the export makes one. */
export function isAudioOnly(plan: Pick<RenderPlan, 'timeline' | 'media'>): boolean {
  return plan.timeline.video.every((s) => plan.media[s.sourceId]?.probe.kind === 'audio');
}

/**
 * Inputs, as buildExportArgs lays them out: one per read (planSourceReads), then the background
 * image of an audio-only export when there is one, then the music. With `measureLoudness` the graph
 * makes only `[aout]`, measuring loudness instead of normalising it (the first of two passes); with
 * `soundOnly` it makes only the finished `[aout]` (the sound laid over the encoded or copied
 * picture); with `pictureOnly` it makes only `[vout]` and reads no sound at all (the export's video
 * pass, which runs while the sound is made by another process; not for audio-only timelines, whose
 * picture is drawn from their sound).
 */
export function compileFilterGraph(plan: RenderPlan, options: { measureLoudness?: boolean; soundOnly?: boolean; pictureOnly?: boolean } = {}): string {
  const { timeline, out } = plan;
  requireClips(timeline);
  const measuring = options.measureLoudness === true;
  const picture = !measuring && options.soundOnly !== true;
  const duration = timelineDuration(timeline);
  const audioOnly = isAudioOnly(plan);
  const withVideo = !audioOnly && picture;
  const sound = !options.pictureOnly;
  if (!sound && (audioOnly || !picture)) throw new EngineError('conflict', 'This export has no picture of its own to render without its sound.');
  const reads = planSourceReads(timeline, plan.media);
  const parts: string[] = [];
  const pieces: { video: string | null; audio: string }[] = [];
  reads.forEach((read, i) => {
    const media = sound ? plan.media[read.sourceId] : pictureOnlyMedia(plan.media[read.sourceId]);
    const f = buildReadFilters({ read, media, inputIndex: i, fit: timeline.fit, out, withVideo });
    parts.push(...f.parts);
    read.positions.forEach((k, j) => {
      const segment = timeline.video[k];
      const { startFrame } = pieceWindow(segment, read, out.fps);
      pieces[k] = buildSegmentFilters({ segment, media, videoIn: f.video[j], audioIn: f.audio[j], startFrame: read.kind === 'image' ? 0 : startFrame, position: k, out, voiceVolume: timeline.voiceVolume });
    });
  });
  if (pieces.length !== timeline.video.length || pieces.some((p) => !p)) {
    throw new EngineError('conflict', 'A clip on the timeline is missing its media file. Remove it and export again.');
  }
  const n = pieces.length;
  if (!sound) {
    for (const piece of pieces) parts.push(piece.video!);
    parts.push(`${pieces.map((_, k) => `[v${k}]`).join('')}concat=n=${n}:v=1:a=0[vcat]`, `[vcat]${pictureTail(plan, duration).join(',')}[vout]`);
    return parts.join(';');
  }
  for (const piece of pieces) parts.push(...(piece.video ? [piece.video] : []), piece.audio);
  if (withVideo) {
    parts.push(`${pieces.map((_, k) => `[v${k}][a${k}]`).join('')}concat=n=${n}:v=1:a=1[vcat][acat]`);
  } else {
    parts.push(`${pieces.map((_, k) => `[a${k}]`).join('')}concat=n=${n}:v=0:a=1[acat]`);
  }

  let voice = 'acat';
  if (audioOnly && picture) {
    const background = plan.background ? { inputIndex: reads.length, media: plan.background } : null;
    parts.push(buildAudioPicture({ voice, out, totalFrames: Math.round(duration * out.fps), background, fit: timeline.fit }));
    voice = 'avoice';
  }
  if (picture) parts.push(`[vcat]${pictureTail(plan, duration).join(',')}[vout]`);

  const firstMusicInput = reads.length + (audioOnly && plan.background ? 1 : 0);
  const music: MusicInput[] = plan.music.map((m, j) => ({ clip: m.clip, gain: m.gain, inputIndex: firstMusicInput + j }));
  const mix = buildMusicMixFilter(voice, music, duration, 'amixed');
  if (mix) parts.push(mix);
  const audioTail = [...fades('afade', timeline.fadeInSeconds, timeline.fadeOutSeconds, duration), ...loudnormFilter(plan.loudness, measuring)];
  parts.push(`[${mix ? 'amixed' : voice}]${audioTail.length ? audioTail.join(',') : 'anull'}[aout]`);
  return parts.join(';');
}
