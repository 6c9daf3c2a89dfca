import { describe, expect, test } from 'vitest';
import type { PlanContext } from '@/lib/engine/planner/intents/intent';
import { planWithRules } from '@/lib/engine/planner/planWithRules';
import type { PlanStep } from '@/lib/engine/planner/planStep';

const ctx: PlanContext = {
  uploads: [{ name: 'episode.mp3', kind: 'audio' }, { name: 'cover.jpg', kind: 'image' }],
  hasMusic: false,
  hasText: false,
  defaultTitle: 'Episode',
};
const ops = (message: string, c: PlanContext = ctx) => planWithRules(message, c).operations;

describe('loudness and audio-to-video phrasings', () => {
  test.each<[string, PlanStep[]]>([
    ['make it louder', [{ type: 'setLoudness', target: 'social' }]],
    ['normalise for podcast', [{ type: 'setLoudness', target: 'podcast' }]],
    ['normalize the audio for a podcast', [{ type: 'setLoudness', target: 'podcast' }]],
    ['podcast loudness please', [{ type: 'setLoudness', target: 'podcast' }]],
    ['normalize the loudness', [{ type: 'setLoudness', target: 'social' }]],
    ['no normalisation', [{ type: 'setLoudness', target: 'off' }]],
    ["don't normalize the sound", [{ type: 'setLoudness', target: 'off' }]],
    ['make a video from this audio', [{ type: 'audioAsVideo' }]],
    ['turn the podcast into a video', [{ type: 'audioAsVideo' }]],
    ['make a video from episode.mp3', [{ type: 'audioAsVideo', file: 'episode.mp3' }]],
    ['把音频做成视频', [{ type: 'audioAsVideo' }]],
  ])('%s', (message, expected) => expect(ops(message)).toEqual(expected));

  test('"make the music louder" stays the music\'s, and "make it louder" right after a music change means the music', () => {
    expect(ops('make the music louder')).toEqual([{ type: 'setVolume', target: 'music', change: 'up' }]);
    expect(ops('make it louder', { ...ctx, hasMusic: true, recentTopic: 'music' })).toEqual([{ type: 'setVolume', target: 'music', change: 'up' }]);
  });
});
