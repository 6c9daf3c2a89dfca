import { describe, expect, it } from 'vitest';
import { describeChange } from '@/lib/nemo/describeChange';
import { draftToView } from '@/lib/nemo/draft';

const video = { tt: 0, sg: [{ st: 0, d: 60_000, m: { name: 'talk.mp4' } }] };
const view = (t: unknown[], d: number) => draftToView({ t, d, m: null }, { version: 1 });

describe('describeChange', () => {
  it('names added tracks and the new length, then the summary', () => {
    const before = view([video], 60_000);
    const after = view(
      [
        { tt: 0, sg: [{ st: 0, d: 20_000, m: { name: 'talk.mp4' } }, { st: 20_000, d: 22_000, m: { name: 'talk.mp4' } }] },
        { tt: 1, sg: [{ st: 0, d: 42_000, m: { name: 'Lo-fi', volume: 0.3 } }] },
        { tt: 7, sg: [{ st: 0, d: 3000, m: { text: 'Hello' } }] },
      ],
      42_000,
    );
    expect(describeChange(before, after)).toBe(
      'Done: the video now has 2 segments (was 1); added a music track; added a title track; length 42 s (was 60 s). ' +
        'Timeline (3 tracks): 1. Video: talk.mp4 (0-42s, 2 segments) 2. BGM: Lo-fi (0-42s, 30%) 3. Title: "Hello" (0-3s)',
    );
  });

  it('mentions new text on an existing text track', () => {
    const before = view([video, { tt: 7, sg: [{ st: 0, d: 3000, m: { text: 'One' } }] }], 60_000);
    const after = view([video, { tt: 7, sg: [{ st: 0, d: 3000, m: { text: 'One' } }, { st: 5000, d: 3000, m: { text: 'Two' } }] }], 60_000);
    expect(describeChange(before, after)).toMatch(/^Done: new text "Two"\. Timeline \(2 tracks\)/);
  });

  it('says honestly when nothing changed', () => {
    const same = view([video], 60_000);
    expect(describeChange(same, same)).toMatch(/^NemoVideo finished, but the timeline looks the same\. Timeline \(1 track\)/);
  });
});
