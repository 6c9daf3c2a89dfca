// Everything one export needs, resolved to plain data: the input of the pure argument builders.
import { timelineDuration } from '@/lib/engine/timeline/duration';
import type { AudioClip, TextItem, Timeline } from '@/lib/engine/timeline/schema';
import type { LoudnessStep } from './loudness';
import type { OutputSize } from './outputFormat';
import type { SegmentMedia } from './segmentFilters';
import { layoutText, type TextLayout } from './textLayout';
import type { FontFiles, PlacedText } from './textOverlay';

export interface RenderPlan {
  timeline: Timeline;
  /** Media of the main-track segments, by media id. */
  media: Record<string, SegmentMedia>;
  out: OutputSize;
  texts: PlacedText[];
  fonts: FontFiles;
  /** Music clips with the file each one plays and its loudness match to the voice. */
  /** `format`: the probed demuxer of an uploaded file, 'wav' for a library track (absent: file protocol only). */
  music: { clip: AudioClip; path: string; format?: string; gain: number }[];
  outputPath: string;
  /** The still behind an audio-only export (the project's first image), or null for a plain colour. */
  background: SegmentMedia | null;
  /** Loudness normalisation, or null when the timeline asks for none. */
  loudness: LoudnessStep | null;
  /** Scratch folder of this render: the filter graphs are written there (never passed in argv). */
  workDir: string;
}

export interface PendingText {
  item: TextItem;
  layout: TextLayout;
  start: number;
  end: number;
}

/** Text items that show during the video, laid out for the output size (lines still to be written to files). */
export function layoutTimelineTexts(timeline: Timeline, out: OutputSize): PendingText[] {
  const duration = timelineDuration(timeline);
  return timeline.texts.flatMap((item) => {
    const end = Math.min(item.end, duration);
    if (item.start >= end) return [];
    const layout = layoutText(item, out);
    return layout ? [{ item, layout, start: item.start, end }] : [];
  });
}
