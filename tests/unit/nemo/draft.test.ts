import { describe, expect, it } from 'vitest';
import { draftToView, parseDraft } from '@/lib/nemo/draft';

const brief = {
  t: [
    { tt: 0, sg: [{ id: 'v1', st: 0, d: 10_000, m: { name: 'city timelapse' } }] },
    { tt: 1, sg: [{ id: 'a1', st: 0, d: 10_000, m: { name: 'Lo-fi', volume: 0.35 } }] },
    { tt: 7, sg: [{ id: 't1', st: 0, d: 3000, m: { text: 'Urban Dreams' } }] },
  ],
  d: 10_000,
  m: { w: 1080, h: 1920, fps: 25 },
};

describe('draftToView', () => {
  it('reads the brief example as the brief writes its summary', () => {
    const view = draftToView(parseDraft(brief), { version: 3 });
    expect(view.summary).toBe('Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) 3. Title: "Urban Dreams" (0-3s)');
    expect(view).toMatchObject({ version: 3, duration: 10, canvas: { width: 1080, height: 1920, fps: 25 } });
    expect(view.tracks.map((t) => [t.type, t.name, t.segments.length])).toEqual([
      ['video', 'Video', 1],
      ['audio', 'BGM', 1],
      ['text', 'Title', 1],
    ]);
  });

  it('accepts a draft sent as a JSON string, start/end spellings, percent volumes and names from URLs', () => {
    const draft = parseDraft(
      JSON.stringify({
        t: [
          { tt: 0, sg: [{ s: 0, e: 4000, m: { url: 'https://cdn.example/u/intro%20clip.mp4?sig=1' } }, { start: 4000, end: 9500, name: 'b-roll' }] },
          { tt: 1, sg: [{ st: 0, d: 9500, v: 30, m: { title: 'Calm' } }] },
          { tt: 3, sg: [{ st: 0, d: 100 }] },
        ],
      }),
    );
    const view = draftToView(draft, { version: 1 });
    expect(view.summary).toBe('Timeline (2 tracks): 1. Video: intro clip.mp4, b-roll (0-9.5s, 2 segments) 2. BGM: Calm (0-9.5s, 30%)');
    expect(view.duration).toBe(9.5);
    expect(view.canvas).toEqual({ width: 1920, height: 1080, fps: 30 });
  });

  it('shows no session or no draft as the empty timeline', () => {
    expect(draftToView(null, { version: 0 })).toMatchObject({ duration: 0, tracks: [], summary: 'Timeline (empty): upload a clip to start.' });
    expect(parseDraft(undefined)).toBeNull();
    expect(parseDraft('{not json')).toBeNull();
  });

  it('skips segments it cannot read instead of failing the whole draft', () => {
    const view = draftToView(parseDraft({ t: [{ tt: 0, sg: ['oops', { st: 0, d: 2000, m: { name: 'ok' } }] }] }), { version: 1 });
    expect(view.summary).toBe('Timeline (1 track): 1. Video: ok (0-2s)');
  });
});
