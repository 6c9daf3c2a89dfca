import { describe, expect, test } from 'vitest';
import { applyPlan } from '@/lib/engine/planner/applyPlan';
import { defaultTitle, topicOfOperations } from '@/lib/engine/planner/planContext';
import type { EditOperationKind } from '@/lib/engine/timeline/operations/editOperation';
import { CAPABILITIES, replySentences } from '@/lib/engine/planner/replyText';
import type { MediaRecord } from '@/lib/engine/media/schema';
import { contextWith, timelineOf } from '../timeline/operations/operationFixtures';

const talk = () => timelineOf([{ sourceId: 'm-talk', out: 60 }]);

describe('applyPlan', () => {
  test('applies every operation in order and says what each did', () => {
    const r = applyPlan(talk(), [{ type: 'trimStart', seconds: 5 }, { type: 'setAspect', aspect: '9:16' }], contextWith());
    expect(r.done).toEqual(['Trimmed the first 5 s.', 'Set the frame to 9:16 (1080x1920), filling with a blurred background.']);
    expect(r.timeline).not.toEqual(talk());
    expect(r.timeline.video[0].in).toBe(5);
  });
  test('a refused operation is reported and the others still apply', () => {
    const r = applyPlan(talk(), [{ type: 'removeMusic' }, { type: 'fadeIn', seconds: 1 }], contextWith());
    expect(r.refused).toEqual(['There is no background music to remove.']);
    expect(r.timeline.fadeInSeconds).toBe(1);
  });
  test('nothing applicable leaves the same timeline', () => {
    const t = talk();
    const r = applyPlan(t, [{ type: 'removeText', which: 'all' }], contextWith());
    expect(r).toMatchObject({ timeline: t, done: [] });
    // The very same object: the chat turn then knows nothing changed without serialising either timeline.
    expect(r.timeline).toBe(t);
  });
});

describe('replySentences', () => {
  const empty = { history: [], done: [], refused: [], notUnderstood: [], notes: [] };
  test('nothing understood: an honest answer with what it can do', () => {
    expect(replySentences({ ...empty, notUnderstood: ['make me a sandwich'] })).toEqual([`I'm not sure what you mean by "make me a sandwich", so I changed nothing. ${CAPABILITIES}`]);
  });
  test('unsure: names the suggestions it offers', () => {
    expect(replySentences({ ...empty, notUnderstood: ['cut the end'], suggestions: ['Trim the last 2 seconds', 'Cut the pauses'] })).toEqual([
      `I'm not sure what you mean by "cut the end", so I changed nothing. Did you mean: Trim the last 2 seconds · Cut the pauses? ${CAPABILITIES}`,
    ]);
  });
  test('partly understood: the changes, then what was left out', () => {
    expect(replySentences({ ...empty, done: ['Made it square.'], notUnderstood: ['bake a cake'], notes: ['A note.'] })).toEqual([
      'Made it square.',
      `I didn't understand "bake a cake", so I left that out.`,
      'A note.',
    ]);
  });
  test('the planner note comes first', () => {
    expect(replySentences({ ...empty, done: ['x'], plannerNote: 'Fell back.' })[0]).toBe('Fell back.');
  });
});

describe('planContext helpers', () => {
  const media = [{ id: 'm1', name: 'my_holiday-clip.mp4' }] as MediaRecord[];
  test.each([
    ['Summer in Rome', 'Summer in Rome'],
    ['Untitled project 3', 'My holiday clip'],
    // Named after its file by the home page's picker: the name is read as words.
    ['my_holiday-clip', 'My holiday clip'],
  ])('default title for project %s is %s', (title, expected) => {
    expect(defaultTitle(title, timelineOf([{ sourceId: 'm1', out: 5 }]), media)).toBe(expected);
  });
  test.each<[EditOperationKind[], string | undefined]>([
    [['addText'], 'title'],
    [['removePauses', 'addMusic'], 'music'],
    // An upload's version: no edit operations.
    [[], undefined],
  ])('topic of a version made by %j', (kinds, topic) => expect(topicOfOperations(kinds)).toBe(topic));
});
