import { describe, expect, test } from 'vitest';
import { MUSIC_LIBRARY } from '@/lib/engine/music/library';
import { addMusic, DEFAULT_MUSIC_VOLUME, removeMusic, setVolume } from '@/lib/engine/timeline/operations/music';
import { OperationError } from '@/lib/engine/timeline/operations/operationContext';
import { contextWith, timelineOf } from './operationFixtures';

const ctx = contextWith();
const talk = () => timelineOf([{ sourceId: 'm-talk', out: 60 }]);
const withMusic = () => addMusic(talk(), { type: 'addMusic' }, ctx).timeline;

describe('addMusic', () => {
  test('adds a library track at 30%, ducked, looping to the end, fading out', () => {
    const { timeline, said } = addMusic(talk(), { type: 'addMusic', mood: 'calm' }, ctx);
    const calm = MUSIC_LIBRARY.find((t) => t.mood === 'calm')!;
    expect(timeline.audio).toEqual([
      { id: expect.any(String), name: calm.name, source: { kind: 'library', trackId: calm.id }, start: 0, end: null, volume: DEFAULT_MUSIC_VOLUME, duck: true, loop: true, fadeInSeconds: 1, fadeOutSeconds: 2 },
    ]);
    expect(said).toContain('at 30%, lowered under speech');
  });
  test('uses an uploaded file by name, with volume, no ducking and fades', () => {
    const { timeline } = addMusic(talk(), { type: 'addMusic', file: 'SONG.mp3', volume: 0.2, duck: false, fadeInSeconds: 0, fadeOutSeconds: 4 }, ctx);
    expect(timeline.audio[0]).toMatchObject({ name: 'song.mp3', source: { kind: 'media', mediaId: 'm-song' }, volume: 0.2, duck: false, fadeInSeconds: 0, fadeOutSeconds: 4 });
  });
  test('replaces existing music and keeps its volume unless told', () => {
    const quiet = setVolume(withMusic(), { type: 'setVolume', target: 'music', level: 0.1 }).timeline;
    const { timeline, said } = addMusic(quiet, { type: 'addMusic', file: 'song.mp3' }, ctx);
    expect(timeline.audio).toHaveLength(1);
    expect(timeline.audio[0].volume).toBe(0.1);
    expect(said).toMatch(/^Replaced the music with "song.mp3"/);
  });
  test('"duck the music" with no track named keeps the current track', () => {
    const before = withMusic();
    const { timeline, said } = addMusic(before, { type: 'addMusic', duck: true }, ctx);
    expect(timeline.audio[0].source).toEqual(before.audio[0].source);
    expect(said).toMatch(/^Updated the music/);
  });
  test('says so when the library has no track of the mood asked for', () => {
    const calmOnly = contextWith({ music: [{ id: 'calm-1', name: 'Calm One', mood: 'calm' }] });
    expect(addMusic(talk(), { type: 'addMusic', mood: 'upbeat' }, calmOnly).said).toContain('"Calm One" (there is no upbeat track, so I picked calm)');
  });
  test('refuses an upload that is not there, naming the audio files that are', () => {
    expect(() => addMusic(talk(), { type: 'addMusic', file: 'other.mp3' }, ctx)).toThrow("I can't find an upload called other.mp3 (audio files here: song.mp3).");
  });
});

describe('removeMusic and setVolume', () => {
  test('removes the music, or says there is none', () => {
    expect(removeMusic(withMusic()).timeline.audio).toEqual([]);
    expect(() => removeMusic(talk())).toThrow(OperationError);
  });
  test.each([
    [{ level: 0.1 }, 0.1],
    [{ change: 'down' as const }, 0.15],
    [{ change: 'up' as const }, 0.45],
    [{ change: 'mute' as const }, 0],
  ])('music %j -> %s', (change, expected) => {
    expect(setVolume(withMusic(), { type: 'setVolume', target: 'music', ...change }).timeline.audio[0].volume).toBeCloseTo(expected, 6);
  });
  test('voice volume changes the main track level', () => {
    expect(setVolume(talk(), { type: 'setVolume', target: 'voice', level: 1.5 }).timeline.voiceVolume).toBe(1.5);
  });
  test('music volume without music asks for music first', () => {
    expect(() => setVolume(talk(), { type: 'setVolume', target: 'music', change: 'down' })).toThrow(/add background music/);
  });
});
