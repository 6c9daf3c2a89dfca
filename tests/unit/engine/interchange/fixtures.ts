// Hand-made edits for the interchange tests: mixed frame rates, timecodes, speed changes, music and titles.
import type { z } from 'zod';
import type { MediaFacts } from '@/lib/engine/interchange/cutList';
import type { ProbeResult } from '@/lib/engine/media/schema';
import { timelineSchema, type Canvas, type Timeline } from '@/lib/engine/timeline/schema';

function video(fps: number, startTimecode: string | null, width = 1920, height = 1080): ProbeResult {
  return { kind: 'video', format: 'mov,mp4,m4a,3gp,3g2,mj2', duration: 20, width, height, fps, rotation: 0, hasAudio: true, hasVideo: true, videoCodec: 'h264', audioCodec: 'aac', startTimecode };
}

/** Four cameras at the four common rates, three with timecode (one drop-frame), plus a song. */
export const MEDIA: MediaFacts[] = [
  { id: 'cam24', name: 'interview 23.976.mov', probe: video(23.976, '01:00:00:00') },
  { id: 'cam25', name: 'b-roll 25.mp4', probe: video(25, '10:00:00:00') },
  { id: 'cam2997', name: 'phone 29.97 & "vertical".mp4', probe: video(29.97, '00:59:58;00', 1080, 1920) },
  { id: 'cam30', name: 'screen 30.mp4', probe: video(30, null) },
  { id: 'song', name: 'song.mp3', probe: { ...video(30, null), kind: 'audio', fps: null, width: null, height: null, hasVideo: false, videoCodec: null, audioCodec: 'mp3', duration: 7 } },
];

export const VERTICAL: Canvas = { width: 1080, height: 1920, fps: 30 };
export const LANDSCAPE_NTSC: Canvas = { width: 1920, height: 1080, fps: 29.97 };

/** Uneven in/out points (none on a frame of any rate), one piece at 2x and one at 0.5x. */
export function mixedTimeline(canvas: Canvas, patch: Partial<z.input<typeof timelineSchema>> = {}): Timeline {
  return timelineSchema.parse({
    canvas,
    video: [
      { id: 's1', sourceId: 'cam24', in: 1.2345, out: 3.5171 },
      { id: 's2', sourceId: 'cam25', in: 0.3333, out: 4.1, speed: 2 },
      { id: 's3', sourceId: 'cam2997', in: 5.05, out: 6.6049, volume: 0.5 },
      { id: 's4', sourceId: 'cam30', in: 0.01, out: 1.9, speed: 0.5 },
      { id: 's5', sourceId: 'cam24', in: 10.7, out: 12.31 },
    ],
    audio: [{ id: 'bgm', name: 'Song', source: { kind: 'media', mediaId: 'song' }, start: 0.5, volume: 0.3, fadeInSeconds: 1, fadeOutSeconds: 2 }],
    texts: [
      { id: 't1', text: 'Urban <Dreams> & more', start: 0, end: 2.5, position: 'top', style: 'title' },
      { id: 't2', text: 'Second line\nof a caption', start: 3.2, end: 5.9, position: 'bottom', style: 'caption' },
    ],
    ...patch,
  });
}

export const NAMES: Record<string, string> = Object.fromEntries(MEDIA.map((m) => [m.id, m.name]));
export const RATES: Record<string, number> = Object.fromEntries(MEDIA.map((m) => [m.name, m.probe.fps ?? 30]));
/** Exact NTSC rates where the probe rounded them. */
for (const [name, fps] of Object.entries(RATES)) if (fps === 23.976 || fps === 29.97) RATES[name] = (Math.round(fps * 1.001) * 1000) / 1001;

export const CANVASES = [
  ['a vertical 30 fps canvas', VERTICAL],
  ['a 29.97 fps landscape canvas', LANDSCAPE_NTSC],
] as const;
