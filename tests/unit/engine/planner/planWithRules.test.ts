import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { PlanContext } from '@/lib/engine/planner/intents/intent';
import { planWithRules } from '@/lib/engine/planner/planWithRules';
import type { PlanStep } from '@/lib/engine/planner/planStep';
import { SHARED } from '@/tests/helpers/paths';

const ctx: PlanContext = {
  uploads: [
    { name: 'talk-1080p.mp4', kind: 'video' },
    { name: 'a.mp4', kind: 'video' },
    { name: 'b.mp4', kind: 'video' },
    { name: 'song.mp3', kind: 'audio' },
    { name: 'subs.mkv', kind: 'video' },
  ],
  hasMusic: false,
  hasText: false,
  defaultTitle: 'Talk 1080p',
};
const withMusicAndTitle: PlanContext = { ...ctx, hasMusic: true, hasText: true };
const ops = (message: string, c: PlanContext = ctx) => planWithRules(message, c).operations;

/** What each eval phrasing must plan (the HTTP eval test checks the outcome; this pins the reading). */
const evalPlans: Record<string, PlanStep[][]> = {
  p01: [[{ type: 'removePauses' }, { type: 'addMusic' }, { type: 'addText', text: 'Talk 1080p', style: 'title' }]],
  p02: [[{ type: 'removePauses' }]],
  p03: [[{ type: 'removePauses', minPauseSeconds: 1 }]],
  p04: [[{ type: 'addMusic' }]],
  p05: [[{ type: 'addMusic', file: 'song.mp3', volume: 0.2 }]],
  p06: [[{ type: 'addText', text: 'Urban Dreams', style: 'title', startSeconds: 0, durationSeconds: 3 }]],
  p07: [[{ type: 'addText', text: 'Subscribe!', style: 'title', anchor: 'end' }]],
  p08: [[{ type: 'setAspect', aspect: '9:16' }]],
  p09: [[{ type: 'setAspect', aspect: '1:1' }]],
  p10: [[{ type: 'setAspect', aspect: '16:9' }]],
  p11: [[{ type: 'setSpeed', factor: 2 }]],
  p12: [[{ type: 'trimStart', seconds: 5 }]],
  p13: [[{ type: 'trimEnd', seconds: 3 }]],
  p14: [[{ type: 'moveClip', clip: { name: 'b.mp4' }, to: 'start' }]],
  p15: [[{ type: 'addMusic' }], [{ type: 'undo' }]],
  p23: [[{ type: 'removePauses' }]],
  p24: [[{ type: 'addMusic' }]],
  p25: [[{ type: 'addText', text: '城市之梦', style: 'title' }]],
  p26: [[]],
  p28: [[{ type: 'addMusic', mood: 'upbeat' }, { type: 'setAspect', aspect: '9:16' }]],
  p29: [[{ type: 'addMusic' }], [{ type: 'setVolume', target: 'music', level: 0.1 }]],
  p30: [[{ type: 'setSpeed', factor: 0.5 }]],
};

const evalCases = fs
  .readFileSync(path.join(SHARED, 'eval/instructions.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string; say: string | string[] })
  .filter((c) => evalPlans[c.id]);

describe('eval phrasings', () => {
  test.each(evalCases.map((c) => [c.id, c] as const))('%s', (id, c) => {
    [c.say].flat().forEach((message, i) => expect(ops(message, i > 0 ? withMusicAndTitle : ctx)).toEqual(evalPlans[id][i]));
  });
});

const own: [string, PlanStep[], PlanContext?][] = [
  // removePauses
  ['get rid of the dead air', [{ type: 'removePauses' }]],
  ['remove pauses but leave 200ms of padding', [{ type: 'removePauses', paddingSeconds: 0.2 }]],
  ['only cut pauses over 1.5 seconds', [{ type: 'removePauses', minPauseSeconds: 1.5 }]],
  ['leave a bit more room', [{ type: 'removePauses', paddingSeconds: 0.3 }]],
  ['cut the silences, make it tighter', [{ type: 'removePauses', paddingSeconds: 0.06 }]],
  ['去掉所有的静音部分', [{ type: 'removePauses' }]],
  // the two phrasings the "no pauses found" reply suggests
  ['cut even the quiet pauses', [{ type: 'removePauses', belowSpeechDb: 20 }]],
  ['only pauses over 0.3 seconds', [{ type: 'removePauses', minPauseSeconds: 0.3 }]],
  // trims
  ['trim 2.5 seconds off the start', [{ type: 'trimStart', seconds: 2.5 }]],
  ['chop off the final 500ms', [{ type: 'trimEnd', seconds: 0.5 }]],
  ['cut from 10 to 15 seconds', [{ type: 'cutRange', startSeconds: 10, endSeconds: 15 }]],
  ['remove 0:20-0:25', [{ type: 'cutRange', startSeconds: 20, endSeconds: 25 }]],
  ['keep only 0:10 to 0:40', [{ type: 'keepRange', startSeconds: 10, endSeconds: 40 }]],
  ['把前3秒剪掉', [{ type: 'trimStart', seconds: 3 }]],
  ['删掉最后两秒', [{ type: 'trimEnd', seconds: 2 }]],
  // split, move, delete
  ['split the clip at 30 s', [{ type: 'split', atSeconds: 30 }]],
  ['split at 1:05', [{ type: 'split', atSeconds: 65 }]],
  ['在10秒处分割', [{ type: 'split', atSeconds: 10 }]],
  ['move the second clip to the start', [{ type: 'moveClip', clip: { position: 2 }, to: 'start' }]],
  ['move a.mp4 to the end', [{ type: 'moveClip', clip: { name: 'a.mp4' }, to: 'end' }]],
  ['start with b.mp4', [{ type: 'moveClip', clip: { name: 'b.mp4' }, to: 'start' }]],
  ['swap the two clips', [{ type: 'moveClip', clip: { position: 2 }, to: 1 }, { type: 'moveClip', clip: { position: 2 }, to: 2 }]],
  ['把第二个片段放到最前', [{ type: 'moveClip', clip: { position: 2 }, to: 'start' }]],
  ['delete a.mp4', [{ type: 'deleteClip', clip: { name: 'a.mp4' } }]],
  ['remove the last clip', [{ type: 'deleteClip', clip: { position: -1 } }]],
  ['删除第二个片段', [{ type: 'deleteClip', clip: { position: 2 } }]],
  // music and volume
  ['play song.mp3 in the background at 15%', [{ type: 'addMusic', file: 'song.mp3', volume: 0.15 }]],
  ['add some chill lo-fi music', [{ type: 'addMusic', mood: 'lofi' }]],
  ['background music but no ducking', [{ type: 'addMusic', duck: false }]],
  ['加一段欢快的配乐', [{ type: 'addMusic', mood: 'happy' }]],
  ['make the music quieter', [{ type: 'setVolume', target: 'music', change: 'down' }], withMusicAndTitle],
  ['turn the music up', [{ type: 'setVolume', target: 'music', change: 'up' }], withMusicAndTitle],
  ['音乐音量调到百分之二十', [{ type: 'setVolume', target: 'music', level: 0.2 }], withMusicAndTitle],
  ['mute the music', [{ type: 'setVolume', target: 'music', change: 'mute' }], withMusicAndTitle],
  ['get rid of the music', [{ type: 'removeMusic' }], withMusicAndTitle],
  ['turn my voice up to 150%', [{ type: 'setVolume', target: 'voice', level: 1.5 }]],
  ['make the speech louder', [{ type: 'setVolume', target: 'voice', change: 'up' }]],
  // text
  ["write 'Hello World' at the bottom from 5 to 8 seconds", [{ type: 'addText', text: 'Hello World', style: 'title', startSeconds: 5, endSeconds: 8, position: 'bottom' }]],
  ['a title please', [{ type: 'addText', text: 'Talk 1080p', style: 'title' }]],
  ['add a huge title "Sale" in the middle at 10s for 4 seconds', [{ type: 'addText', text: 'Sale', style: 'title', startSeconds: 10, durationSeconds: 4, position: 'center', size: 'xlarge' }]],
  ['make the title bigger', [{ type: 'editText', size: 'bigger' }], withMusicAndTitle],
  ["change the title to 'Our Trip'", [{ type: 'editText', text: 'Our Trip' }], withMusicAndTitle],
  ['move the title to the bottom', [{ type: 'editText', position: 'bottom' }], withMusicAndTitle],
  ['标题改成“新标题”', [{ type: 'editText', text: '新标题' }], withMusicAndTitle],
  ['标题放大一点', [{ type: 'editText', size: 'bigger' }], withMusicAndTitle],
  ['remove the title', [{ type: 'removeText', which: 'latest' }], withMusicAndTitle],
  ['delete all the text', [{ type: 'removeText', which: 'all' }], withMusicAndTitle],
  // captions
  ['add captions from subs.mkv', [{ type: 'addCaptions', file: 'subs.mkv' }]],
  ['加字幕', [{ type: 'addCaptions' }]],
  ['remove the subtitles', [{ type: 'removeText', which: 'captions' }], withMusicAndTitle],
  // aspect and fill
  ['make it 4:5 for an instagram post with black bars', [{ type: 'setAspect', aspect: '4:5', fit: 'bars' }]],
  ['make it landscape', [{ type: 'setAspect', aspect: '16:9' }]],
  // Two ways of saying one shape in one message: one change.
  ['做成竖屏，适合抖音', [{ type: 'setAspect', aspect: '9:16' }]],
  ['use a blurred background to fill', [{ type: 'setFit', fit: 'blur' }]],
  // speed
  ['play it at 1.5x', [{ type: 'setSpeed', factor: 1.5 }]],
  ['speed up the video by 50%', [{ type: 'setSpeed', factor: 1.5 }]],
  ['make the second clip twice as fast', [{ type: 'setSpeed', factor: 2, clip: { position: 2 } }]],
  ['2倍速', [{ type: 'setSpeed', factor: 2 }]],
  ['慢放', [{ type: 'setSpeed', factor: 0.5 }]],
  // fades
  ['fade in and out', [{ type: 'fadeIn', seconds: 1 }, { type: 'fadeOut', seconds: 1 }]],
  ['fade out over 3 seconds at the end', [{ type: 'fadeOut', seconds: 3 }]],
  ['淡入2秒', [{ type: 'fadeIn', seconds: 2 }]],
  // history
  ['undo that', [{ type: 'undo' }]],
  ['take it back', [{ type: 'undo' }]],
  ['redo', [{ type: 'redo' }]],
  ['撤销', [{ type: 'undo' }]],
  // compound
  [
    "cut the pauses, add calm music at 25%, put a title 'Hi' for 2 seconds and make it vertical",
    [
      { type: 'removePauses' },
      { type: 'addMusic', mood: 'calm', volume: 0.25 },
      { type: 'addText', text: 'Hi', style: 'title', durationSeconds: 2 },
      { type: 'setAspect', aspect: '9:16' },
    ],
  ],
  ["add a title 'Big News' and make it bigger", [{ type: 'addText', text: 'Big News', style: 'title' }, { type: 'editText', size: 'bigger' }]],
  ['加背景音乐，然后做成正方形', [{ type: 'addMusic' }, { type: 'setAspect', aspect: '1:1' }]],
  ['trim the first 2 seconds then speed it up 1.25x', [{ type: 'trimStart', seconds: 2 }, { type: 'setSpeed', factor: 1.25 }]],
];

describe('own phrasings', () => {
  test('cover at least 30 requests and every operation', () => {
    expect(own.length).toBeGreaterThanOrEqual(30);
    const types = new Set(own.flatMap(([, planned]) => planned.map((op) => op.type)));
    expect([...types].sort()).toEqual(
      ['addCaptions', 'addMusic', 'addText', 'cutRange', 'deleteClip', 'editText', 'fadeIn', 'fadeOut', 'keepRange', 'moveClip', 'redo', 'removeMusic', 'removePauses', 'removeText', 'setAspect', 'setFit', 'setSpeed', 'setVolume', 'split', 'trimEnd', 'trimStart', 'undo'].sort(),
    );
  });
  test.each(own)('%s', (message, expected, c) => expect(ops(message, c)).toEqual(expected));
});

describe('what it does not understand', () => {
  test.each(['make me a sandwich', 'what is the weather', 'rotate the moon'])('%s plans nothing and is reported', (message) => {
    const plan = planWithRules(message, ctx);
    expect(plan.operations).toEqual([]);
    expect(plan.notUnderstood).toEqual([message]);
  });
  test('the understood part still runs, the rest is reported', () => {
    const plan = planWithRules('make it square, then bake a cake', ctx);
    expect(plan.operations).toEqual([{ type: 'setAspect', aspect: '1:1' }]);
    expect(plan.notUnderstood).toEqual(['bake a cake']);
  });
  test('a default title comes with a note on how to change it', () => {
    expect(planWithRules('add a title', ctx).notes).toEqual([
      'I used "Talk 1080p" as the title (bold centre card); say change the title to "Your words" to change it, or pick a style: lower third, subtitle bar, minimal.',
    ]);
  });
});

describe('title styles by name', () => {
  test.each<[string, PlanContext, PlanStep[]]>([
    ['lower-third style', withMusicAndTitle, [{ type: 'editText', look: 'lower-third' }]],
    ['make the title a lower third', withMusicAndTitle, [{ type: 'editText', look: 'lower-third' }]],
    ['use the subtitle bar style', withMusicAndTitle, [{ type: 'editText', look: 'subtitle-bar' }]],
    ['make the title minimal', withMusicAndTitle, [{ type: 'editText', look: 'minimal' }]],
    ['bold card title please', withMusicAndTitle, [{ type: 'editText', look: 'card' }]],
    ['make the title bigger', withMusicAndTitle, [{ type: 'editText', size: 'bigger' }]],
    ['add a lower third "Ana Lima, host"', ctx, [{ type: 'addText', text: 'Ana Lima, host', style: 'title', look: 'lower-third' }]],
    ['lower-third style', ctx, [{ type: 'addText', text: 'Talk 1080p', style: 'title', look: 'lower-third' }]],
  ])('%j', (message, c, expected) => {
    expect(ops(message, c)).toEqual(expected);
  });
  test('everyday words are not styles', () => {
    expect(ops('keep it simple', withMusicAndTitle)).toEqual([]);
    expect(ops('add subtitles', ctx)).toEqual([{ type: 'addCaptions' }]);
  });
});
