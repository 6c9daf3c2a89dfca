// The picture of an audio-only export: a still (the uploaded image, or a plain colour) with the sound's waveform.
import type { TextItem } from '@/lib/engine/timeline/schema';
import { buildFitFilter, type Fit } from './fitFilter';
import type { OutputSize } from './outputFormat';
import type { SegmentMedia } from './segmentFilters';

export const AUDIO_BACKGROUND_COLOR = '0x1d2230';

export interface AudioPictureInput {
  /** The finished voice track; it is split so the waveform shows what is heard. */
  voice: string;
  out: OutputSize;
  totalFrames: number;
  /** The background image and its ffmpeg input, or null for a plain colour. */
  background: { inputIndex: number; media: SegmentMedia } | null;
  fit: Fit;
}

/**
 * Ends the picture in `[vcat]` (exactly totalFrames long) and the voice in `[avoice]`. The
 * waveform is a band across the middle third; the background is fitted once and repeated.
 */
export function buildAudioPicture(input: AudioPictureInput): string {
  const { out, totalFrames, background, fit } = input;
  const parts = [`[${input.voice}]asplit=2[avoice][awave]`];
  if (background) {
    const { inputIndex: b, media } = background;
    const display = media.probe.width && media.probe.height ? { width: media.probe.width, height: media.probe.height } : null;
    parts.push(`[${b}:v:0]trim=end_frame=1[bgin]`, buildFitFilter(fit, display, out, 'bgin', 'bgfit', 'bg'));
    parts.push(`[bgfit]format=yuv420p,loop=loop=-1:size=1,setpts=N/${out.fps}/TB,trim=end_frame=${totalFrames}[bgv]`);
  } else {
    parts.push(`color=c=${AUDIO_BACKGROUND_COLOR}:s=${out.width}x${out.height}:r=${out.fps},format=yuv420p,trim=end_frame=${totalFrames}[bgv]`);
  }
  const waveHeight = Math.max(2, Math.round(out.height / 3 / 2) * 2);
  parts.push(`[awave]showwaves=s=${out.width}x${waveHeight}:mode=cline:rate=${out.fps}:scale=sqrt:colors=white[wave]`);
  parts.push(`[bgv][wave]overlay=x=0:y=(main_h-overlay_h)/2:eof_action=pass[vcat]`);
  return parts.join(';');
}

/** The project title shown at the top of an audio-only export for its whole length. */
export function audioTitle(title: string, durationSeconds: number): TextItem {
  return { id: 'project-title', text: title.slice(0, 200), start: 0, end: durationSeconds, position: 'top', size: 'large', style: 'title' };
}
