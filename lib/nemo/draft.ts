// NemoVideo's draft (`t` tracks, `tt` type, `sg` segments, `d` ms, `m` metadata) as our timeline view and summary.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { TimelineTrackView, TimelineView } from '@/lib/api/schemas';
import { summarizeTracks } from '@/lib/engine/timeline/view';
import type { TrackRole } from '@/lib/engine/timeline/viewSchema';

const num = z.coerce.number();
const meta = z.looseObject({}).nullish();

/** One segment; the brief names no fields inside, so a few common spellings are accepted. */
const segmentSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  st: num.optional(),
  s: num.optional(),
  start: num.optional(),
  d: num.optional(),
  e: num.optional(),
  end: num.optional(),
  text: z.string().optional(),
  name: z.string().optional(),
  v: num.optional(),
  volume: num.optional(),
  m: meta,
});

const trackSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  tt: num,
  sg: z.array(z.unknown()).default([]),
  m: meta,
});

export const draftSchema = z.looseObject({
  t: z.array(z.unknown()).default([]),
  d: num.optional(),
  m: meta,
});
export type Draft = z.infer<typeof draftSchema>;

const TRACK_TYPES: Record<number, TimelineTrackView['type']> = { 0: 'video', 1: 'audio', 7: 'text' };
const DEFAULT_CANVAS = { width: 1920, height: 1080, fps: 30 };

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const finite = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const seconds = (ms: number) => Math.round(ms) / 1000;

function basename(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const last = url.split('?')[0].split('/').filter(Boolean).pop();
  return last ? decodeURIComponent(last) : undefined;
}

function trackRole(type: TimelineTrackView['type'], m: Record<string, unknown> | null | undefined): TrackRole {
  if (type === 'video') return 'main';
  if (type === 'audio') return 'music';
  return /caption|subtitle|字幕/i.test(str(m?.name) ?? str(m?.type) ?? '') ? 'captions' : 'title';
}

/** The names our own timeline shows for each role, so both backends' tracks read the same. */
const TRACK_NAMES: Record<TrackRole, string> = { main: 'Video', music: 'BGM', title: 'Title', captions: 'Captions' };

function segmentView(raw: unknown, type: TimelineTrackView['type'], trackIndex: number, index: number) {
  const parsed = segmentSchema.safeParse(raw);
  if (!parsed.success) return null;
  const s = parsed.data;
  const m = s.m ?? {};
  const startMs = s.st ?? s.s ?? s.start ?? 0;
  const endMs = s.d !== undefined ? startMs + s.d : (s.e ?? s.end ?? startMs);
  const rawVolume = s.v ?? s.volume ?? finite(m.volume) ?? finite(m.v);
  const volume = rawVolume === undefined ? undefined : rawVolume > 2 ? rawVolume / 100 : rawVolume;
  const text = s.text ?? str(m.text) ?? str(m.content);
  const name = s.name ?? str(m.name) ?? str(m.title) ?? basename(str(m.url) ?? str(m.src)) ?? (type === 'audio' ? 'Music' : 'Clip');
  return {
    id: String(s.id ?? `nemo-${trackIndex}-${index}`),
    start: seconds(startMs),
    end: seconds(Math.max(startMs, endMs)),
    ...(type === 'text' ? { text: text ?? '' } : { name }),
    ...(volume !== undefined && type !== 'text' ? { volume } : {}),
  };
}

export function draftTracks(draft: Draft): TimelineTrackView[] {
  const tracks: TimelineTrackView[] = [];
  draft.t.forEach((raw, trackIndex) => {
    const parsed = trackSchema.safeParse(raw);
    if (!parsed.success) return;
    const type = TRACK_TYPES[parsed.data.tt];
    if (!type) return; // effects, stickers and other kinds our view has no lane for
    const segments = parsed.data.sg
      .map((seg, i) => segmentView(seg, type, trackIndex, i))
      .filter((seg) => seg !== null)
      .sort((a, b) => a.start - b.start);
    const role = trackRole(type, parsed.data.m);
    tracks.push({ id: String(parsed.data.id ?? `nemo-track-${trackIndex}`), type, role, name: TRACK_NAMES[role], segments });
  });
  return tracks;
}

export function draftCanvas(draft: Draft): TimelineView['canvas'] {
  const m = draft.m ?? {};
  const width = finite(m.w) ?? finite(m.width);
  const height = finite(m.h) ?? finite(m.height);
  const fps = finite(m.fps) ?? finite(m.frame_rate);
  return width && height ? { width, height, fps: fps ?? DEFAULT_CANVAS.fps } : { ...DEFAULT_CANVAS, ...(fps ? { fps } : {}) };
}

export interface ViewOptions {
  version: number;
  canUndo?: boolean;
  canRedo?: boolean;
}

/** The view of a draft; `null` (no session or no draft yet) is the empty timeline. */
export function draftToView(draft: Draft | null, options: ViewOptions): TimelineView {
  const tracks = draft ? draftTracks(draft) : [];
  const lastEnd = Math.max(0, ...tracks.flatMap((t) => t.segments.map((s) => s.end)));
  const duration = draft?.d !== undefined ? seconds(draft.d) : lastEnd;
  return {
    version: options.version,
    duration,
    canvas: draft ? draftCanvas(draft) : DEFAULT_CANVAS,
    summary: summarizeTracks(tracks),
    tracks,
    canUndo: options.canUndo ?? false,
    canRedo: options.canRedo ?? false,
  };
}

/** Parses whatever `data.state.draft` holds; unreadable drafts count as none (and are logged). */
export function parseDraft(raw: unknown): Draft | null {
  if (raw === undefined || raw === null) return null;
  const value = typeof raw === 'string' ? safeJson(raw) : raw;
  const parsed = draftSchema.safeParse(value);
  if (!parsed.success) {
    console.warn('[nemo] the draft could not be read', parsed.error.issues.slice(0, 3));
    return null;
  }
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function draftFingerprint(draft: Draft | null): string {
  return createHash('sha256').update(JSON.stringify(draft ?? null)).digest('hex').slice(0, 16);
}
