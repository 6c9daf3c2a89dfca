// The API's timeline view and its one-line summary, both pure functions of the timeline.
import type { TimelineTrackView, TimelineView } from './viewSchema';
import type { Timeline } from './schema';
import { segmentPlacements, timelineDuration, roundSeconds } from './duration';

export interface ViewContext {
  version: number;
  /** Display names of media by id. */
  mediaNames: Record<string, string>;
  canUndo?: boolean;
  canRedo?: boolean;
}

export function buildTracks(timeline: Timeline, mediaNames: Record<string, string>): TimelineTrackView[] {
  const duration = timelineDuration(timeline);
  const tracks: TimelineTrackView[] = [];
  tracks.push({
    id: 'video-main',
    type: 'video',
    role: 'main',
    name: 'Video',
    segments: segmentPlacements(timeline).map(({ segment, start, end }) => ({
      id: segment.id,
      start: roundSeconds(start),
      end: roundSeconds(end),
      sourceId: segment.sourceId,
      sourceIn: roundSeconds(segment.in),
      sourceOut: roundSeconds(segment.out),
      volume: segment.volume * timeline.voiceVolume,
      name: mediaNames[segment.sourceId] ?? 'missing media',
    })),
  });
  for (const clip of timeline.audio) {
    const end = Math.min(clip.end ?? duration, duration);
    tracks.push({
      id: `audio-${clip.id}`,
      type: 'audio',
      role: 'music',
      name: 'BGM',
      segments: [
        {
          id: clip.id,
          start: roundSeconds(Math.min(clip.start, end)),
          end: roundSeconds(end),
          sourceId: clip.source.kind === 'media' ? clip.source.mediaId : `library:${clip.source.trackId}`,
          volume: clip.volume,
          name: clip.name,
        },
      ],
    });
  }
  for (const style of ['title', 'caption'] as const) {
    const items = timeline.texts.filter((t) => t.style === style).sort((a, b) => a.start - b.start);
    if (items.length === 0) continue;
    tracks.push({
      id: `text-${style}`,
      type: 'text',
      role: style === 'title' ? 'title' : 'captions',
      name: style === 'title' ? 'Title' : 'Captions',
      segments: items.map((t) => ({
        id: t.id,
        start: roundSeconds(t.start),
        end: roundSeconds(Math.min(t.end, Math.max(duration, t.start))),
        text: t.text,
      })),
    });
  }
  return tracks;
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);
const range = (start: number, end: number) => `${fmt(start)}-${fmt(end)}s`;
const quote = (text: string) => `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;

export function summarizeTracks(tracks: TimelineTrackView[]): string {
  const nonEmpty = tracks.filter((t) => t.segments.length > 0);
  if (nonEmpty.length === 0) return 'Timeline (empty): upload a clip to start.';
  const parts = nonEmpty.map((track, i) => {
    const n = `${i + 1}.`;
    const first = track.segments[0];
    const last = track.segments[track.segments.length - 1];
    if (track.type === 'video') {
      const names = [...new Set(track.segments.map((s) => s.name))].join(', ');
      const count = track.segments.length > 1 ? `, ${track.segments.length} segments` : '';
      return `${n} Video: ${names} (${range(first.start, last.end)}${count})`;
    }
    if (track.type === 'audio') {
      const pct = Math.round((first.volume ?? 1) * 100);
      return `${n} ${track.name}: ${first.name} (${range(first.start, first.end)}, ${pct}%)`;
    }
    if (track.role === 'captions') {
      return `${n} Captions: ${track.segments.length} lines (${range(first.start, last.end)})`;
    }
    return `${n} ${track.name}: ${track.segments.map((s) => `${quote(s.text ?? '')} (${range(s.start, s.end)})`).join(', ')}`;
  });
  return `Timeline (${nonEmpty.length} track${nonEmpty.length === 1 ? '' : 's'}): ${parts.join(' ')}`;
}

export function toTimelineView(timeline: Timeline, ctx: ViewContext): TimelineView {
  const tracks = buildTracks(timeline, ctx.mediaNames);
  return {
    version: ctx.version,
    duration: roundSeconds(timelineDuration(timeline)),
    canvas: timeline.canvas,
    summary: summarizeTracks(tracks),
    tracks,
    canUndo: ctx.canUndo ?? false,
    canRedo: ctx.canRedo ?? false,
  };
}
