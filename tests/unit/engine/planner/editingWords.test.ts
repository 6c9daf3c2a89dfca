// Every phrase of the vocabulary table, said in a plain request, plans the edit its group stands for.
import { describe, expect, test } from 'vitest';
import type { PlanContext } from '@/lib/engine/planner/intents/intent';
import { EDITING_WORDS } from '@/lib/engine/planner/parameters/editingWords';
import { planWithRules } from '@/lib/engine/planner/planWithRules';

const ctx: PlanContext = { uploads: [{ name: 'talk.mp4', kind: 'video' }], hasMusic: false, hasText: false, defaultTitle: 'Talk', videoSeconds: 60 };
const withMusic: PlanContext = { ...ctx, hasMusic: true };
const say = (phrase: string) => phrase.replace(/\*/g, 'is');
const types = (message: string, c = ctx) => planWithRules(message, c).operations.map((op) => op.type);

describe('the vocabulary table', () => {
  test.each([...EDITING_WORDS.pauses.en.map((p) => `remove the ${say(p)}`), ...EDITING_WORDS.pauses.zh.map((p) => `去掉${p}`)])('"%s" cuts pauses', (message) =>
    expect(types(message)).toEqual(['removePauses']));
  test.each([...EDITING_WORDS.music.en.map((p) => `add a ${p}`), ...EDITING_WORDS.music.zh.map((p) => `加${p}`)])('"%s" adds music', (message) =>
    expect(types(message)).toEqual(['addMusic']));
  test.each([...EDITING_WORDS.undo.en, ...EDITING_WORDS.undo.zh])('"%s" undoes once', (message) => expect(types(message)).toEqual(['undo']));
  test.each([...EDITING_WORDS.redo.en, ...EDITING_WORDS.redo.zh])('"%s" redoes once', (message) => expect(types(message)).toEqual(['redo']));
  test.each([...EDITING_WORDS.slower.en, ...EDITING_WORDS.slower.zh])('"%s" slows it down', (message) => {
    const [op] = planWithRules(message, ctx).operations;
    expect(op?.type === 'setSpeed' && op.factor).toBeLessThan(1);
  });
  test.each([...EDITING_WORDS.faster.en, ...EDITING_WORDS.faster.zh])('"%s" speeds it up', (message) => {
    const [op] = planWithRules(message, ctx).operations;
    expect(op?.type === 'setSpeed' && op.factor).toBeGreaterThan(1);
  });
  test.each(
    (['vertical', 'square', 'landscape', 'portraitPost'] as const).flatMap((group) =>
      [...EDITING_WORDS[group].en, ...EDITING_WORDS[group].zh].map((p) => [`make it ${p}`, group] as const),
    ),
  )('"%s" sets the %s shape', (message, group) => {
    const [op] = planWithRules(message, ctx).operations;
    expect(op?.type === 'setAspect' && op.aspect).toBe({ vertical: '9:16', square: '1:1', landscape: '16:9', portraitPost: '4:5' }[group]);
  });
  test.each(EDITING_WORDS.voice.en.map((p) => `turn the ${p} up`))('"%s" raises the voice', (message) => {
    const [op] = planWithRules(message, withMusic).operations;
    expect(op).toMatchObject({ type: 'setVolume', target: 'voice', change: 'up' });
  });
});
