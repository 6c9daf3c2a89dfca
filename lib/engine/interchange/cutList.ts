// The timeline as a frame-exact cut list: the one model every interchange writer reads.
import type { MediaRecord } from '@/lib/engine/media/schema';
import { segmentPlacements, timelineDuration } from '@/lib/engine/timeline/duration';
import type { AudioClip, TextItem, Timeline } from '@/lib/engine/timeline/schema';
import { fadeLengths, musicSpan } from '@/lib/engine/render/musicMix';
import { framesAt, frameRateOf, isDropFrameTimecode, timecodeToFrames, type FrameRate } from './rationalTime';

/** What a writer needs to know about one source file. */
export interface InterchangeSource {
  id: string;
  /** File name as the user knows it, unique within the edit; files are referenced by it, relative to the exported file. */
  fileName: string;
  kind: 'video' | 'audio' | 'image';
  durationSeconds: number;
  width: number | null;
  height: number | null;
  hasVideo: boolean;
  hasAudio: boolean;
  /** The source's own frame rate (the sequence's for audio and stills). */
  rate: FrameRate;
  /** The source's first frame as a frame count of its timecode (0 when it has none). */
  startFrame: number;
  /** Whole frames of the source at its rate. */
  durationFrames: number;
  /** The timecode string as the file carries it, or null. */
  startTimecode: string | null;
  /** Its timecode counts drop-frame (29.97/59.94 with ";"): written back the same way. */
  dropFrame: boolean;
}

/** Where a piece sits (sequence frames) and what it shows (source frames): what every format places. */
export interface Placement {
  source: InterchangeSource;
  recordIn: number;
  recordOut: number;
  /** Frames from the start of the file at the source's rate (add `source.startFrame` for timecode). */
  sourceIn: number;
  sourceOut: number;
}

/** One kept piece of the main track. */
export interface Cut extends Placement {
  speed: number;
  /** Linear gain of the piece's own sound (the timeline's voice volume included). */
  volume: number;
}

/** One stretch of background music; a looping clip becomes one piece per pass through its file. */
export interface MusicPiece extends Placement {
  clipId: string;
  name: string;
  volume: number;
  /** Sequence frames; only the first piece of a clip fades in and the last fades out. */
  fadeInFrames: number;
  fadeOutFrames: number;
}

export interface TextCue {
  id: string;
  text: string;
  recordIn: number;
  recordOut: number;
  style: TextItem['style'];
  position: TextItem['position'];
  size: TextItem['size'];
}

export interface InterchangeEdit {
  title: string;
  width: number;
  height: number;
  rate: FrameRate;
  durationFrames: number;
  cuts: Cut[];
  music: MusicPiece[];
  texts: TextCue[];
  /** Every source the edit uses, in order of first use. */
  sources: InterchangeSource[];
}

/** A music file that is not an upload (a library track): its name and length. */
export interface ExtraAudioFile {
  key: string;
  fileName: string;
  durationSeconds: number;
}

export type MediaFacts = Pick<MediaRecord, 'id' | 'name' | 'probe'>;

/** "take.mp4" twice becomes "take.mp4" and "take (2).mp4": each file needs its own name beside the export. */
function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; seen.has(candidate.toLowerCase()); n++) {
      const dot = name.lastIndexOf('.');
      candidate = dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
    }
    seen.add(candidate.toLowerCase());
    return candidate;
  });
}

/** A probed upload in the terms of the cut list; library music comes as an ExtraAudioFile instead. */
function factsOf(media: MediaFacts): Omit<InterchangeSource, 'fileName' | 'rate' | 'startFrame' | 'durationFrames' | 'dropFrame'> & { fps: number | null } {
  const { probe } = media;
  return {
    id: media.id,
    kind: probe.kind === 'subtitle' ? 'audio' : probe.kind,
    durationSeconds: probe.duration,
    width: probe.width,
    height: probe.height,
    fps: probe.kind === 'video' ? probe.fps : null,
    hasVideo: probe.hasVideo,
    hasAudio: probe.hasAudio,
    startTimecode: probe.startTimecode ?? null,
  };
}

function sourceOf(facts: ReturnType<typeof factsOf>, fileName: string, sequenceRate: FrameRate): InterchangeSource {
  const { fps, ...rest } = facts;
  const rate = fps ? frameRateOf(fps) : sequenceRate;
  const startFrame = facts.startTimecode ? timecodeToFrames(facts.startTimecode, rate) ?? 0 : 0;
  // Whole frames only: a probe's millisecond rounding must not add a frame the file does not have.
  const durationFrames = Math.floor((facts.durationSeconds * rate.num) / rate.den + 0.01);
  return { ...rest, fileName, rate, startFrame, durationFrames, dropFrame: isDropFrameTimecode(facts.startTimecode, rate) };
}

function musicPieces(clip: AudioClip, source: InterchangeSource, rate: FrameRate, durationSeconds: number, totalFrames: number): MusicPiece[] {
  const span = musicSpan(clip, durationSeconds);
  if (!span) return [];
  const recordIn = framesAt(span.start, rate);
  const recordOut = Math.min(totalFrames, framesAt(span.start + span.length, rate));
  const fileFrames = Math.max(1, source.durationFrames);
  const fades = fadeLengths(clip, span.length);
  const pieces: MusicPiece[] = [];
  for (let at = recordIn; at < recordOut; at += fileFrames) {
    const length = Math.min(fileFrames, recordOut - at);
    pieces.push({
      clipId: clip.id, name: clip.name, source, recordIn: at, recordOut: at + length,
      sourceIn: 0, sourceOut: length, volume: clip.volume, fadeInFrames: 0, fadeOutFrames: 0,
    });
    if (!clip.loop) break;
  }
  if (pieces.length > 0) {
    pieces[0].fadeInFrames = Math.min(framesAt(fades.in, rate), pieces[0].recordOut - pieces[0].recordIn);
    const last = pieces[pieces.length - 1];
    last.fadeOutFrames = Math.min(framesAt(fades.out, rate), last.recordOut - last.recordIn);
  }
  return pieces;
}

/**
 * Places every piece exactly where the render puts it (segmentPlacements' frame snapping), with
 * source in/out as whole frames of each source at its own rate. Media missing from `media` is an
 * error for the caller to word; here it is skipped so the writers never see a hole.
 */
export function buildCutList(
  timeline: Timeline,
  media: MediaFacts[],
  options: { title: string; extraAudio?: ExtraAudioFile[] },
): InterchangeEdit {
  const rate = frameRateOf(timeline.canvas.fps);
  const durationSeconds = timelineDuration(timeline);
  const durationFrames = framesAt(durationSeconds, rate);
  const extra = options.extraAudio ?? [];
  const names = uniqueNames([...media.map((m) => m.name), ...extra.map((e) => e.fileName)]);
  const byId = new Map<string, InterchangeSource>();
  media.forEach((m, i) => byId.set(m.id, sourceOf(factsOf(m), names[i], rate)));
  extra.forEach((e, i) => {
    const facts = { id: e.key, kind: 'audio', durationSeconds: e.durationSeconds, width: null, height: null, fps: null, hasVideo: false, hasAudio: true, startTimecode: null } as const;
    byId.set(e.key, sourceOf(facts, names[media.length + i], rate));
  });

  const cuts: Cut[] = [];
  for (const { segment, start, end } of segmentPlacements(timeline)) {
    const source = byId.get(segment.sourceId);
    if (!source) continue;
    const still = source.kind === 'image';
    const recordIn = framesAt(start, rate);
    const recordOut = framesAt(end, rate);
    const sourceIn = still ? 0 : Math.min(framesAt(segment.in, source.rate), Math.max(0, source.durationFrames - 1));
    const sourceOut = still ? recordOut - recordIn : Math.max(sourceIn + 1, Math.min(framesAt(segment.out, source.rate), source.durationFrames));
    cuts.push({ source, recordIn, recordOut, sourceIn, sourceOut, speed: segment.speed, volume: segment.volume * timeline.voiceVolume });
  }

  const music = timeline.audio.flatMap((clip) => {
    const key = clip.source.kind === 'media' ? clip.source.mediaId : `library:${clip.source.trackId}`;
    const source = byId.get(key);
    return source ? musicPieces(clip, source, rate, durationSeconds, durationFrames) : [];
  });

  const texts = timeline.texts
    .map((t) => ({ id: t.id, text: t.text, recordIn: framesAt(t.start, rate), recordOut: Math.min(durationFrames, framesAt(t.end, rate)), style: t.style, position: t.position, size: t.size }))
    .filter((t) => t.recordOut > t.recordIn)
    .sort((a, b) => a.recordIn - b.recordIn);

  const used = new Set([...cuts.map((c) => c.source), ...music.map((p) => p.source)]);
  return {
    title: options.title,
    width: timeline.canvas.width,
    height: timeline.canvas.height,
    rate,
    durationFrames,
    cuts,
    music,
    texts,
    sources: [...used],
  };
}
