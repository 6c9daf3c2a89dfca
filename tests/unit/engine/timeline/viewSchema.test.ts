import { describe, expect, it } from 'vitest';
import { timelineViewSchema } from '@/lib/engine/timeline/viewSchema';
import { toTimelineView } from '@/lib/engine/timeline/view';
import { timelineOf } from './operations/operationFixtures';

describe('track roles', () => {
  it('loads a view stored before tracks had a role, taking the role from the old display name', () => {
    // The shape NemoVideo projects kept as their last view before the role field.
    const stored = {
      version: 3, duration: 10, canvas: { width: 1920, height: 1080, fps: 30 }, summary: 'Timeline (4 tracks): …',
      tracks: [
        { id: 'v', type: 'video', name: 'Video', segments: [{ id: 's1', start: 0, end: 10, name: 'talk.mp4' }] },
        { id: 'a', type: 'audio', name: 'BGM', segments: [{ id: 's2', start: 0, end: 10, name: 'Calm' }] },
        { id: 't', type: 'text', name: 'Title', segments: [{ id: 's3', start: 0, end: 3, text: 'Hello' }] },
        { id: 'c', type: 'text', name: 'Captions', segments: [{ id: 's4', start: 1, end: 2, text: 'hi' }] },
      ],
    };
    expect(timelineViewSchema.parse(stored).tracks.map((t) => [t.name, t.role])).toEqual([
      ['Video', 'main'], ['BGM', 'music'], ['Title', 'title'], ['Captions', 'captions'],
    ]);
  });

  it('keeps a stated role whatever the track is called', () => {
    const view = { version: 1, duration: 0, canvas: { width: 1, height: 1, fps: 30 }, summary: '', tracks: [{ id: 't', type: 'text', role: 'captions', name: 'Subtitles (EN)', segments: [] }] };
    expect(timelineViewSchema.parse(view).tracks[0].role).toBe('captions');
  });

  it('gives every track of our own view a role, and the view survives its own schema', () => {
    const timeline = { ...timelineOf([{ sourceId: 'm1', out: 5 }]), texts: [
      { id: 'x', text: 'Hello', start: 0, end: 2, position: 'top' as const, size: 'large' as const, style: 'title' as const },
      { id: 'y', text: 'hi', start: 1, end: 2, position: 'bottom' as const, size: 'medium' as const, style: 'caption' as const },
    ] };
    const view = toTimelineView(timeline, { version: 1, mediaNames: { m1: 'talk.mp4' } });
    expect(view.tracks.map((t) => t.role)).toEqual(['main', 'title', 'captions']);
    expect(timelineViewSchema.parse(view)).toEqual(view);
  });
});
