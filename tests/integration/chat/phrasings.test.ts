// Our own phrasings (English and Chinese) through POST /api/projects/:id/chat, covering every edit operation.
import { describe, expect, test } from 'vitest';
import type { ChatEvent, MediaView, TimelineView } from '@/lib/api/schemas';
import { cancelExports, expectWellFormed, projectWith, replyText, timelineOf, type SetupKind, useChatApp } from './chatFixtures';

interface Run {
  initial: TimelineView;
  after: TimelineView;
  /** Events of every message, in order. */
  replies: ChatEvent[][];
  media: MediaView[];
}

const video = (t: TimelineView) => t.tracks.find((tr) => tr.type === 'video')!.segments;
const music = (t: TimelineView) => t.tracks.find((tr) => tr.type === 'audio')?.segments[0];
const texts = (t: TimelineView) => t.tracks.filter((tr) => tr.type === 'text').flatMap((tr) => tr.segments);
const last = (r: Run) => replyText(r.replies.at(-1)!);
const near = (a: number, b: number, tol = 0.25) => expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(tol);
const shrink = (r: Run) => r.initial.duration - r.after.duration;

const table: [SetupKind, string | string[], (r: Run) => void][] = [
  ['talk', 'get rid of the dead air', (r) => expect(shrink(r)).toBeGreaterThan(2.5)],
  ['talk', '去掉所有的静音部分', (r) => expect(shrink(r)).toBeGreaterThan(2.5)],
  ['talk', 'only cut pauses over 1.5 seconds', (r) => expect(shrink(r)).toBeGreaterThan(0.5)],
  [
    'talk',
    ['remove the pauses', 'leave a bit more room'],
    (r) => {
      const firstCut = timelineFromEvents(r.replies[0]);
      expect(r.after.duration).toBeGreaterThan(firstCut.duration + 0.5);
      expect(r.after.duration).toBeLessThan(r.initial.duration - 1);
    },
  ],
  ['talk', 'trim 2.5 seconds off the start', (r) => near(shrink(r), 2.5)],
  ['talk', 'cut from 10 to 15 seconds', (r) => near(shrink(r), 5)],
  ['talk', '删掉最后两秒', (r) => near(shrink(r), 2)],
  ['talk', 'keep only 0:10 to 0:40', (r) => near(r.after.duration, 30)],
  ['talk', '把前3秒剪掉', (r) => near(shrink(r), 3)],
  [
    'talk',
    'split the clip at 30 s',
    (r) => {
      expect(video(r.after)).toHaveLength(2);
      near(video(r.after)[0].end, 30, 0.05);
      near(r.after.duration, r.initial.duration, 0.05);
    },
  ],
  ['two', 'move the second clip to the start', (r) => expect(video(r.after)[0].name).toBe('b.mp4')],
  ['two', 'swap the two clips', (r) => expect(video(r.after).map((s) => s.name)).toEqual(['b.mp4', 'a.mp4'])],
  ['two', 'delete a.mp4', (r) => expect(video(r.after).map((s) => s.name)).toEqual(['b.mp4'])],
  ['two', 'remove the last clip', (r) => expect(video(r.after).map((s) => s.name)).toEqual(['a.mp4'])],
  [
    'talk+song',
    'play song.mp3 in the background at 15%',
    (r) => {
      expect(music(r.after)?.sourceId).toBe(r.media.find((m) => m.name === 'song.mp3')!.id);
      near(music(r.after)!.volume!, 0.15, 0.001);
    },
  ],
  ['talk', 'add some cinematic music', (r) => expect(music(r.after)?.sourceId).toMatch(/^library:/)],
  ['talk', ['add background music', 'make the music quieter'], (r) => expect(music(r.after)!.volume!).toBeLessThan(0.3)],
  ['talk', ['add music', 'get rid of the music'], (r) => expect(music(r.after)).toBeUndefined()],
  ['talk', 'turn my voice up to 150%', (r) => near(video(r.after)[0].volume!, 1.5, 0.001)],
  [
    'talk',
    "write 'Hello World' at the bottom from 5 to 8 seconds",
    (r) => {
      const t = texts(r.after).find((s) => s.text === 'Hello World')!;
      near(t.start, 5);
      near(t.end, 8);
    },
  ],
  [
    'talk',
    ["add a title 'My Trip'", "change the title to 'Our Trip'"],
    (r) => expect(texts(r.after).map((t) => t.text)).toEqual(['Our Trip']),
  ],
  ['talk', ['加标题“旧标题”', '标题改成“新标题”'], (r) => expect(texts(r.after).map((t) => t.text)).toEqual(['新标题'])],
  [
    'talk',
    ["add a title 'Big News'", 'make it bigger'],
    (r) => {
      expect(r.after.version).toBe(r.initial.version + 2);
      expect(last(r)).toMatch(/size to xlarge/);
    },
  ],
  ['talk', ["add a title 'Bye'", 'remove the title'], (r) => expect(texts(r.after)).toEqual([])],
  [
    'talk+subs',
    'add captions from webvtt-subs.mkv',
    (r) => {
      const captions = r.after.tracks.find((t) => t.name === 'Captions')!.segments;
      expect(captions.map((c) => c.text)).toEqual(['oop', 'boop']);
      // The subtitles belong to the second clip, which starts at 60 s.
      near(captions[0].start, 60.546, 0.05);
    },
  ],
  ['talk', 'make it 4:5 for an instagram post with black bars', (r) => expect([r.after.canvas.width, r.after.canvas.height]).toEqual([1080, 1350])],
  ['vertical', 'make it landscape', (r) => expect([r.after.canvas.width, r.after.canvas.height]).toEqual([1920, 1080])],
  ['talk', '做成竖屏，适合抖音', (r) => expect([r.after.canvas.width, r.after.canvas.height]).toEqual([1080, 1920])],
  ['talk', 'crop it to fill a square frame for Instagram', (r) => expect(last(r)).toMatch(/1:1 \(1080x1080\), filling with cropping/)],
  ['talk', 'play it at 1.5x', (r) => near(r.after.duration, r.initial.duration / 1.5, 0.1)],
  ['talk', 'speed up the video by 50%', (r) => near(r.after.duration, r.initial.duration / 1.5, 0.1)],
  [
    'two',
    'make the second clip twice as fast',
    (r) => {
      const b = video(r.after)[1];
      near(b.end - b.start, (b.sourceOut! - b.sourceIn!) / 2, 0.05);
      near(video(r.after)[0].end - video(r.after)[0].start, video(r.initial)[0].end - video(r.initial)[0].start, 0.05);
    },
  ],
  [
    'talk',
    'fade in and out',
    (r) => {
      expect(r.after.version).toBe(r.initial.version + 1);
      expect(last(r)).toMatch(/fade-in.*fade-out/);
    },
  ],
  ['talk', '淡出3秒', (r) => expect(last(r)).toMatch(/3 s fade-out/)],
  ['talk', ['trim the first 5 seconds', 'undo', 'redo'], (r) => near(shrink(r), 5)],
  ['talk', ['trim the first 5 seconds', '撤销'], (r) => expect(r.after.duration).toBe(r.initial.duration)],
  [
    'talk',
    "cut the pauses, add calm music at 25%, put a title 'Hi' for 2 seconds and make it vertical",
    (r) => {
      expect(shrink(r)).toBeGreaterThan(2.5);
      near(music(r.after)!.volume!, 0.25, 0.001);
      near(texts(r.after)[0].end - texts(r.after)[0].start, 2);
      expect(r.after.canvas.height).toBe(1920);
      expect(r.after.version, 'one version for the whole message').toBe(r.initial.version + 1);
    },
  ],
  [
    'talk',
    '加背景音乐，然后做成正方形',
    (r) => {
      expect(music(r.after)).toBeDefined();
      expect([r.after.canvas.width, r.after.canvas.height]).toEqual([1080, 1080]);
    },
  ],
  [
    'talk',
    'cut the pauses and export',
    (r) => {
      const types = r.replies[0].map((e) => e.type);
      expect(types.indexOf('timeline')).toBeGreaterThan(-1);
      expect(types.indexOf('export')).toBeGreaterThan(types.indexOf('timeline'));
    },
  ],
  [
    'talk',
    "add a title 'Export now'",
    (r) => {
      expect(r.replies[0].some((e) => e.type === 'export')).toBe(false);
      expect(texts(r.after)[0].text).toBe('Export now');
    },
  ],
  ['talk', 'a title please', (r) => expect(texts(r.after)[0].text).toBe('Talk 1080p')],
  [
    'talk',
    'please rotate the moon',
    (r) => {
      expect(r.after.version).toBe(r.initial.version);
      expect(last(r)).toMatch(/I can cut pauses/);
    },
  ],
  ['talk', 'slow down the first clip', (r) => near(r.after.duration, r.initial.duration * 2, 0.1)],
];

function timelineFromEvents(events: ChatEvent[]): TimelineView {
  const t = events.findLast((e) => e.type === 'timeline');
  if (!t || t.type !== 'timeline') throw new Error('no timeline event');
  return t.timeline;
}

const app = useChatApp();

describe('own phrasings through the chat API', () => {
  test('cover at least 30 requests', () => expect(table.length).toBeGreaterThanOrEqual(30));

  test.each(table.map(([setup, say, check]) => [[say].flat().join(' / '), setup, say, check] as const))('%s', async (_name, setup, say, check) => {
    const id = await projectWith(app.client, app.fixtures, setup);
    const initial = await timelineOf(app.client, id);
    const replies: ChatEvent[][] = [];
    for (const message of [say].flat()) {
      const events = await app.client.chat(id, message);
      expectWellFormed(events);
      await cancelExports(app.client, id, events);
      replies.push(events);
    }
    const after = await timelineOf(app.client, id);
    const { body } = await app.client.json<{ media: MediaView[] }>(`/api/projects/${id}`);
    check({ initial, after, replies, media: body.media });
  });
});
