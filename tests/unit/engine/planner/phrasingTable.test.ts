// The phrasing table's pure mirror: the same cases through routing, the planner, the store's history and the edit operations, without HTTP or ffmpeg.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { ChatEvent, TimelineView } from '@/lib/api/schemas';
import { routeMessage, stripExportRequest } from '@/lib/chat/routeMessage';
import type { MediaRecord, ProbeResult } from '@/lib/engine/media/schema';
import { rulePlanner } from '@/lib/engine/planner/planner';
import { planWithRules } from '@/lib/engine/planner/planWithRules';
import { planContextOf } from '@/lib/engine/planner/planContext';
import { SUGGESTION_CATALOGUE } from '@/lib/engine/planner/suggestions';
import { appendMedia } from '@/lib/engine/timeline/operations/appendMedia';
import { emptyTimeline } from '@/lib/engine/timeline/schema';
import { runLocalChat } from '@/lib/local/chat/localChat';
import { LocalBlobStore } from '@/lib/blob/localBlobStore';
import type { LocalDeps } from '@/lib/local/localDeps';
import { loadTimelineView } from '@/lib/local/timeline/projectTimeline';
import { SqliteStore } from '@/lib/store/sqliteStore';
import { ALL_CASES, APPLIED_ONCE, ASKS } from '@/tests/phrasings/cases';
import { checkOutcome, type Setup } from '@/tests/phrasings/expectations';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'in-video-phrasings-'));
const store = new SqliteStore(path.join(dir, 'db.sqlite'));
// The local backend's chat with the rule planner; nothing here renders, so no binaries are located.
const deps: LocalDeps = {
  store,
  blobs: new LocalBlobStore(dir),
  settings: { dataDir: dir, renderConcurrency: 1, maxUploadBytes: 1, maxRunningPerOwner: 1, renderTimeFactor: 10, renderTimeGraceSeconds: 60 },
  tools: () => {
    throw new Error('no ffmpeg in the pure mirror');
  },
  planner: rulePlanner,
};
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Speech at -20 dBFS with 13 pauses of 0.4-1.4 s (like the real talk clip), in 50 ms windows. */
function speechWithPauses(seconds: number) {
  const windowSeconds = 0.05;
  const rmsDb = Array.from({ length: Math.round(seconds / windowSeconds) }, (_, i) => -20 - ((i * 7) % 5));
  for (let p = 0; p < 13 && 4 + p * 4 < seconds - 2; p++) {
    const start = 4 + p * 4;
    const length = 0.4 + (p % 6) * 0.2;
    for (let i = Math.round(start / windowSeconds); i < Math.round((start + length) / windowSeconds); i++) rmsDb[i] = -62;
  }
  return { windowSeconds, rmsDb };
}

const probe = (kind: 'video' | 'audio', duration: number, width: number | null, height: number | null): ProbeResult => ({
  kind, format: kind === 'video' ? 'mov,mp4' : 'mp3', duration, width, height, fps: kind === 'video' ? 30 : null, rotation: 0,
  hasAudio: true, hasVideo: kind === 'video', videoCodec: kind === 'video' ? 'h264' : null, audioCodec: 'aac',
});

const FILES: Record<Setup, [string, ProbeResult][]> = {
  talk: [['talk-1080p.mp4', probe('video', 60, 1920, 1080)]],
  'talk+song': [['talk-1080p.mp4', probe('video', 60, 1920, 1080)], ['song.mp3', probe('audio', 120, null, null)]],
  two: [['a.mp4', probe('video', 20, 1920, 1080)], ['b.mp4', probe('video', 20, 1920, 1080)]],
  vertical: [['talk-vertical-1080x1920.mp4', probe('video', 60, 1080, 1920)]],
};

let n = 0;
async function projectWith(setup: Setup) {
  const id = `p${++n}`;
  const project = await store.createProject({ id, ownerId: 'owner', title: `Untitled project ${n}`, timeline: emptyTimeline() });
  const media: MediaRecord[] = FILES[setup].map(([name, p], i) => ({
    id: `${id}-m${i}`, projectId: id, name, path: `/nowhere/${name}`, size: 1, probe: p,
    analysis: speechWithPauses(p.duration), peaks: null, hasThumbnail: false, createdAt: new Date().toISOString(),
  }));
  for (const m of media) {
    await store.addMedia(m);
    const head = await store.getTimelineHead(id);
    await store.commitTimeline(id, appendMedia(head.current.timeline, [m]), `Added ${m.name}`);
  }
  return { project, media };
}

async function say(ctx: { ownerId: string; project: Awaited<ReturnType<typeof store.createProject>> }, message: string): Promise<ChatEvent[]> {
  const route = routeMessage(message);
  if (route.kind !== 'edit') return [{ type: 'text', delta: route.kind }];
  const events: ChatEvent[] = [];
  for await (const e of runLocalChat(deps, ctx, route.exportAfter ? stripExportRequest(message) : message, new AbortController().signal)) events.push(e);
  return events;
}

describe('the phrasing table, planned and applied without HTTP', () => {
  test('has at least 200 cases, 20 applied-once and 20 asking ones', () => {
    expect(ALL_CASES.length).toBeGreaterThanOrEqual(200);
    expect(APPLIED_ONCE.length).toBeGreaterThanOrEqual(20);
    expect(ASKS.length).toBeGreaterThanOrEqual(20);
  });

  test.each(ALL_CASES.map(([setup, words, e]) => [[words].flat().join(' / '), setup, words, e] as const))('%s', async (_name, setup, words, e) => {
    const { project, media } = await projectWith(setup);
    const ctx = { ownerId: 'owner', project };
    const initial = await loadTimelineView(store, project.id);
    const afterEach: TimelineView[] = [];
    let events: ChatEvent[] = [];
    for (const message of [words].flat()) {
      events = await say(ctx, message);
      afterEach.push(await loadTimelineView(store, project.id));
    }
    const suggestions = events.flatMap((ev) => (ev.type === 'suggestions' ? ev.items : []));
    checkOutcome({ initial, afterEach, suggestions }, e, media.find((m) => m.name === 'song.mp3')?.id);
  });
});

describe('suggestions', () => {
  const ctx = planContextOf(emptyTimeline(), [], 'Talk');
  test.each(SUGGESTION_CATALOGUE.map((s) => [s.say] as const))('"%s" is itself understood', (chip) => {
    const plan = planWithRules(chip, { ...ctx, uploads: [{ name: 'talk.mp4', kind: 'video' }], hasMusic: true, hasText: true });
    expect(plan.operations.length).toBeGreaterThan(0);
    expect(plan.suggestions).toEqual([]);
  });
});
