import { describe, expect, test } from 'vitest';
import { timelineDuration } from '@/lib/engine/timeline/duration';
import { pauseOutputRanges, removePauses } from '@/lib/engine/timeline/operations/removePauses';
import { OperationError } from '@/lib/engine/timeline/operations/operationContext';
import { planWithRules } from '@/lib/engine/planner/planWithRules';
import { contextWith, envelope, timelineOf } from './operationFixtures';

// talk.mp4 with pauses at 10-11 s and 30-32 s; a.mp4 with one at 5-6 s.
const ctx = contextWith({ analyses: { 'm-talk': envelope(60, [[10, 11], [30, 32]]), 'm-a': envelope(20, [[5, 6]]) } });
const round = (r: [number, number][]) => r.map(([a, b]) => [Math.round(a * 100) / 100, Math.round(b * 100) / 100]);

describe('removePauses', () => {
  test('cuts each pause, keeping 0.15 s of room on both sides', () => {
    const { timeline, said } = removePauses(timelineOf([{ sourceId: 'm-talk', out: 60 }]), { type: 'removePauses' }, ctx);
    expect(round(timeline.video.map((s) => [s.in, s.out]))).toEqual([[0, 10.15], [10.85, 30.15], [31.85, 60]]);
    expect(said).toBe('Cut 2 pauses (2.4 s in all; pauses of 0.5 s or more, keeping 0.15 s around speech).');
  });

  test('maps pauses through in/out, order and speed of the existing segments', () => {
    const t = timelineOf([
      { sourceId: 'm-a', out: 20 },
      { sourceId: 'm-talk', in: 25, out: 35, speed: 2 },
    ]);
    // a.mp4: 5.15-5.85 at 1x; talk 30.15-31.85 is 5.15-6.85 into the segment, halved by 2x speed, after a's 20 s.
    expect(round(pauseOutputRanges(t, { type: 'removePauses' }, ctx))).toEqual([[5.15, 5.85], [22.58, 23.43]]);
    const cut = removePauses(t, { type: 'removePauses' }, ctx).timeline;
    expect(round(cut.video.map((s) => [s.in, s.out]))).toEqual([[0, 5.15], [5.85, 20], [25, 30.15], [31.85, 35]]);
    expect(cut.video.map((s) => s.speed)).toEqual([1, 1, 2, 2]);
  });

  test('a longer minimum pause leaves shorter ones', () => {
    const { timeline } = removePauses(timelineOf([{ sourceId: 'm-talk', out: 60 }]), { type: 'removePauses', minPauseSeconds: 1.5 }, ctx);
    expect(timeline.video).toHaveLength(2);
    expect(timelineDuration(timeline)).toBeCloseTo(58.3, 1);
  });

  test('no pauses: the timeline stays the same object and the reply says so', () => {
    const t = timelineOf([{ sourceId: 'm-b', out: 20 }]);
    const r = removePauses(t, { type: 'removePauses' }, contextWith({ analyses: { 'm-b': envelope(20, []) } }));
    expect(r.timeline).toBe(t);
    expect(r.said).toBe(
      'I found no pauses of 0.5 s or more to cut. If there is steady background noise, try "cut even the quiet pauses" or "only pauses over 0.3 seconds".',
    );
  });

  test('when the voice model was unsure, the reply says so and offers gentler and stricter wording the planner understands', () => {
    // Noise in the pauses, where the model hovers at 0.5: cut, but doubtful.
    const probability = Array.from({ length: Math.ceil(10 / 0.032) }, (_, j) => ((j + 0.5) * 0.032 >= 4 && (j + 0.5) * 0.032 < 6 ? 0.5 : 0.95));
    const rmsDb = Array.from({ length: 1000 }, (_, i) => (i >= 400 && i < 600 ? -27 : -15));
    const hesitant = contextWith({ analyses: { 'm-n': { windowSeconds: 0.01, rmsDb, speech: { windowSeconds: 0.032, probability } } } });
    const t = timelineOf([{ sourceId: 'm-n', out: 10 }]);
    const { said } = removePauses(t, { type: 'removePauses' }, hesitant);
    expect(said).toMatch(/^Cut 1 pause .* Background noise made some of this hard to call: if words got clipped, say "cut the pauses gently"; if pauses are left, say "cut the pauses more aggressively"\.$/);
    // The phrases offered, said back to the chat, plan gentler and stricter cuts.
    const planCtx = { uploads: [{ name: 'talk.mp4', kind: 'video' as const }], hasMusic: false, hasText: false, defaultTitle: 'Talk', videoSeconds: 10 };
    expect(planWithRules('cut the pauses gently', planCtx).operations).toEqual([{ type: 'removePauses', belowSpeechDb: 38 }]);
    expect(planWithRules('cut the pauses more aggressively', planCtx).operations).toEqual([{ type: 'removePauses', paddingSeconds: 0.06, belowSpeechDb: 20 }]);
  });

  test('refuses clips without analysed sound', () => {
    expect(() => removePauses(timelineOf([{ sourceId: 'm-b', out: 20 }]), { type: 'removePauses' }, contextWith())).toThrow(OperationError);
  });
});
