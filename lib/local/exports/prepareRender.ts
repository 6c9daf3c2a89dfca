// Turns an export record into a RenderPlan: loads the requested timeline version, media (as files on this machine), music and fonts, writes text files.
import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BlobStore } from '@/lib/blob/types';
import type { MediaRecord } from '@/lib/engine/media/schema';
import { AppError } from '@/lib/errors';
import type { ExportRecord, Store } from '@/lib/store/types';
import type { Tools } from '@/lib/engine/ffmpeg/tools';
import { fontFiles } from '@/lib/engine/render/fonts';
import { speechLevelDb } from '@/lib/engine/render/musicLevel';
import { musicFiles } from '@/lib/engine/render/musicFiles';
import { outputSize } from '@/lib/engine/render/outputFormat';
import { layoutTimelineTexts, type RenderPlan } from '@/lib/engine/render/renderPlan';
import type { PlacedText } from '@/lib/engine/render/textOverlay';
import { timelineDuration } from '@/lib/engine/timeline/duration';
import { audioTitle } from '@/lib/engine/render/audioPicture';
import { isAudioOnly } from '@/lib/engine/render/compileFilterGraph';
import { loudnessStep } from '@/lib/engine/render/loudness';
import { requireClips } from '@/lib/engine/timeline/requireClips';

/**
 * The record with `path` pointing at a file ffmpeg can open on this machine: the file itself on local
 * disk, a download into the cache folder from object storage (kept there for the next render of it).
 */
async function onThisMachine(blobs: BlobStore, media: MediaRecord): Promise<MediaRecord> {
  const file = await blobs.localPath(blobs.keyOf(media.path));
  if (!file) throw new AppError(409, `The file of "${media.name}" is missing from storage. Remove it from the timeline and export again.`);
  return { ...media, path: file };
}

/**
 * The plan of an export, in two stages. `picture` is ready first: everything but the music, which is
 * all the picture half reads (a library track may first have to be synthesised, then each track's
 * level is measured: seconds of work that would otherwise hold the picture back; the synthesis runs
 * on this thread, so it should start once the picture's ffmpeg runs). `plan()` adds the music, found
 * once however often it is asked for: the sound half, and an audio-only render, wait for it.
 */
export interface PreparedRender {
  picture: RenderPlan;
  plan: () => Promise<RenderPlan>;
}

export async function prepareRender(store: Store, blobs: BlobStore, tools: Tools, dataDir: string, record: ExportRecord, paths: { partial: string; work: string }): Promise<PreparedRender> {
  const version = await store.getTimelineVersion(record.projectId, record.timelineVersion);
  if (!version) throw new AppError(409, 'The timeline this export was made from no longer exists. Export again.');
  const { timeline } = version;
  requireClips(timeline);

  const listed = await store.listMedia(record.projectId);
  // Only the media this render reads are fetched: clips and uploaded music (a podcast's picture below).
  const usedIds = new Set([
    ...timeline.video.map((s) => s.sourceId),
    ...timeline.audio.flatMap((c) => (c.source.kind === 'library' ? [] : [c.source.mediaId])),
  ]);
  const all = new Map(
    await Promise.all(listed.map(async (m) => [m.id, usedIds.has(m.id) ? await onThisMachine(blobs, m) : m] as const)),
  );
  const media: RenderPlan['media'] = {};
  for (const segment of timeline.video) {
    const m = all.get(segment.sourceId);
    if (!m) throw new AppError(409, 'A clip on the timeline is missing its media file. Remove it and export again.');
    media[m.id] = { path: m.path, probe: m.probe };
  }

  // Music volumes are relative to the speech they play under (see musicLevel.ts).
  const voiceLevel = () =>
    speechLevelDb(
      timeline.video.flatMap((s) => {
        const analysis = all.get(s.sourceId)?.analysis;
        return analysis ? [{ analysis, in: s.in, out: s.out }] : [];
      }),
    );

  const out = outputSize(timeline.canvas, record.quality);
  const audioOnly = isAudioOnly({ timeline, media });
  // A podcast's picture: the project's first image behind the waveform, and its title on top.
  const background = audioOnly ? [...all.values()].find((m) => m.probe.kind === 'image') : undefined;
  const title = audioOnly && timeline.texts.length === 0 ? (await store.getProject(record.projectId))?.title.trim() : undefined;
  const textTimeline = title ? { ...timeline, texts: [audioTitle(title, timelineDuration(timeline))] } : timeline;
  await fs.mkdir(paths.work, { recursive: true });
  // Each line of text goes to its own file: drawtext reads it from there, so no user text is
  // ever part of the filter graph string.
  const texts: PlacedText[] = await Promise.all(
    layoutTimelineTexts(textTimeline, out).map(async ({ layout, start, end }, i) => ({
      layout,
      start,
      end,
      lineFiles: await Promise.all(
        layout.lines.map(async (line, j) => {
          const file = path.join(paths.work, `text-${i}-${j}.txt`);
          await fs.writeFile(file, line.text, 'utf8');
          return file;
        }),
      ),
    })),
  );

  const picture: RenderPlan = {
    timeline,
    media,
    out,
    texts,
    fonts: fontFiles(),
    // Not resolved yet (see PreparedRender): the picture half opens no music.
    music: [],
    outputPath: paths.partial,
    background: background ? { path: (await onThisMachine(blobs, background)).path, probe: background.probe } : null,
    loudness: loudnessStep(timeline.loudness),
    workDir: paths.work,
  };
  let withMusic: Promise<RenderPlan> | undefined;
  const plan = () => (withMusic ??= musicFiles(tools, dataDir, timeline.audio, all, voiceLevel()).then((music) => ({ ...picture, music })));
  return { picture, plan };
}
