// The library data and mood lookup: what the planner and the timeline summary rely on.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loopSeconds } from '@/lib/engine/music/arrangement';
import { composeMood } from '@/lib/engine/music/compose';
import { findTrackByMood, MUSIC_LIBRARY, type Mood } from '@/lib/engine/music/library';

describe('MUSIC_LIBRARY', () => {
  it('has one track for each of the six moods, with unique ids and human names', () => {
    expect(MUSIC_LIBRARY.map((t) => t.mood).sort()).toEqual(['calm', 'cinematic', 'corporate', 'happy', 'lofi', 'upbeat']);
    expect(new Set(MUSIC_LIBRARY.map((t) => t.id)).size).toBe(6);
    for (const track of MUSIC_LIBRARY) {
      expect(track.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(track.name).toMatch(/^[A-Z][\w-]*( [A-Z][\w-]*)+$/);
      expect(track.credit).toBe('In Video built-in track (generated, CC0)');
      expect(track.durationSeconds).toBeGreaterThanOrEqual(60);
    }
  });

  it.each(MUSIC_LIBRARY)('states the tempo and length that $name is composed with', (track) => {
    const arrangement = composeMood(track.mood);
    expect(arrangement.bpm).toBe(track.bpm);
    expect(arrangement.mood).toBe(track.mood);
    expect(loopSeconds(arrangement)).toBeCloseTo(track.durationSeconds, 9);
  });

  it('is pure data that client code can import (no imports at all)', () => {
    const source = fs.readFileSync(path.resolve(__dirname, '../../../../lib/engine/music/library.ts'), 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).not.toMatch(/require\(/);
  });
});

describe('findTrackByMood', () => {
  const cases: Array<[string, Mood | undefined]> = [
    ['calm', 'calm'],
    ['Chill', 'calm'],
    ['relaxing', 'calm'],
    ['upbeat', 'upbeat'],
    ['energetic', 'upbeat'],
    ['fun', 'upbeat'],
    ['lofi', 'lofi'],
    ['lo-fi', 'lofi'],
    ['Lo Fi', 'lofi'],
    ['lo_fi', 'lofi'],
    ['cinematic', 'cinematic'],
    ['epic', 'cinematic'],
    ['dramatic', 'cinematic'],
    ['happy', 'happy'],
    ['cheerful', 'happy'],
    ['joyful', 'happy'],
    ['corporate', 'corporate'],
    ['business', 'corporate'],
    ['professional', 'corporate'],
    ['轻松', 'calm'],
    ['平静', 'calm'],
    ['欢快', 'upbeat'],
    ['动感', 'upbeat'],
    ['史诗', 'cinematic'],
    ['电影感', 'cinematic'],
    ['快乐', 'happy'],
    ['开心', 'happy'],
    ['商务', 'corporate'],
    ['加点轻松的音乐', 'calm'],
    ['some epic music please', 'cinematic'],
    ['a lo-fi beat', 'lofi'],
    ['Lo-fi Morning', 'lofi'],
    ['northern-saga', 'cinematic'],
    ['  CALM  ', 'calm'],
    ['funky', undefined],
    ['fundraiser', undefined],
    ['heavy metal', undefined],
    ['', undefined],
    ['   ', undefined],
  ];

  it.each(cases)('%j finds the %s track', (words, mood) => {
    expect(findTrackByMood(words)?.mood).toBe(mood);
  });
});
