// OpenTimelineIO JSON (.otio), read natively by DaVinci Resolve 18.5+ and OTIO's own tools.
import type { InterchangeEdit, InterchangeSource } from './cutList';
import { fpsOf, type FrameRate } from './rationalTime';
import { relativeFileUrl } from './xmlText';

const time = (value: number, rate: FrameRate) => ({ OTIO_SCHEMA: 'RationalTime.1', rate: fpsOf(rate), value });
const range = (start: number, duration: number, startRate: FrameRate, durationRate = startRate) => ({
  OTIO_SCHEMA: 'TimeRange.1',
  start_time: time(start, startRate),
  duration: time(duration, durationRate),
});

function reference(source: InterchangeSource) {
  return {
    OTIO_SCHEMA: 'ExternalReference.1',
    name: source.fileName,
    target_url: relativeFileUrl(source.fileName),
    // Media time starts at the file's timecode, so source ranges below are timecode-based too.
    available_range: range(source.startFrame, source.durationFrames, source.rate),
    metadata: {},
  };
}

interface Piece {
  name: string;
  source: InterchangeSource;
  recordIn: number;
  recordOut: number;
  sourceIn: number;
  speed: number;
  metadata: Record<string, unknown>;
}

const item = (name: string, extra: Record<string, unknown>) => ({ name, effects: [], markers: [], metadata: {}, ...extra });

/**
 * A track with gaps wherever nothing plays. A clip's source_range duration is its length on the
 * track (in sequence frames); a LinearTimeWarp says how much faster its media plays.
 */
function track(name: string, kind: 'Video' | 'Audio', pieces: Piece[], rate: FrameRate, markers: unknown[] = []) {
  const children: unknown[] = [];
  let cursor = 0;
  for (const p of pieces) {
    if (p.recordIn > cursor) children.push({ OTIO_SCHEMA: 'Gap.1', ...item('', { source_range: range(0, p.recordIn - cursor, rate) }) });
    children.push({
      OTIO_SCHEMA: 'Clip.1',
      ...item(p.name, {
        source_range: range(p.source.startFrame + p.sourceIn, p.recordOut - p.recordIn, p.source.rate, rate),
        media_reference: reference(p.source),
        effects: p.speed !== 1 ? [{ OTIO_SCHEMA: 'LinearTimeWarp.1', name: '', effect_name: 'LinearTimeWarp', time_scalar: p.speed, metadata: {} }] : [],
        metadata: p.metadata,
      }),
    });
    cursor = p.recordOut;
  }
  return { OTIO_SCHEMA: 'Track.1', ...item(name, { kind, children, markers, source_range: null }) };
}

export function writeOtioJson(edit: InterchangeEdit): string {
  const { rate } = edit;
  const cutPieces = (filter: (s: InterchangeSource) => boolean) =>
    edit.cuts.filter((c) => filter(c.source)).map((c) => ({ name: c.source.fileName, source: c.source, recordIn: c.recordIn, recordOut: c.recordOut, sourceIn: c.sourceIn, speed: c.speed, metadata: { in_video: { volume: c.volume } } }));
  // Titles have no OTIO element of their own: they travel as markers on the picture track (and as SRT).
  const markers = edit.texts.map((c) => ({
    OTIO_SCHEMA: 'Marker.2',
    name: c.text,
    color: c.style === 'title' ? 'YELLOW' : 'CYAN',
    marked_range: range(c.recordIn, c.recordOut - c.recordIn, rate),
    metadata: { in_video: { style: c.style, position: c.position, size: c.size } },
  }));
  const tracks = [track('V1', 'Video', cutPieces((s) => s.hasVideo), rate, markers), track('A1', 'Audio', cutPieces((s) => s.hasAudio), rate)];
  const musicByClip = new Map<string, typeof edit.music>();
  for (const p of edit.music) musicByClip.set(p.clipId, [...(musicByClip.get(p.clipId) ?? []), p]);
  [...musicByClip.values()].forEach((pieces, i) => {
    tracks.push(
      track(`A${i + 2}`, 'Audio', pieces.map((p) => ({
        name: p.name, source: p.source, recordIn: p.recordIn, recordOut: p.recordOut, sourceIn: p.sourceIn, speed: 1,
        metadata: { in_video: { volume: p.volume, fadeInFrames: p.fadeInFrames, fadeOutFrames: p.fadeOutFrames } },
      })), rate),
    );
  });
  const timeline = {
    OTIO_SCHEMA: 'Timeline.1',
    name: edit.title,
    global_start_time: time(0, rate),
    metadata: { in_video: { width: edit.width, height: edit.height } },
    tracks: { OTIO_SCHEMA: 'Stack.1', ...item('tracks', { children: tracks, source_range: null }) },
  };
  return `${JSON.stringify(timeline, null, 2)}\n`;
}
