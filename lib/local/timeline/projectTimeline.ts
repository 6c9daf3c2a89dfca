// Reads a project's current timeline with what the view needs (media names, undo/redo state).
import 'server-only';
import type { TimelineView } from '@/lib/api/schemas';
import type { Store, TimelineHead } from '@/lib/store/types';
import { toTimelineView } from '@/lib/engine/timeline/view';

export async function mediaNames(store: Store, projectId: string): Promise<Record<string, string>> {
  return namesOf(await store.listMediaSummaries(projectId));
}

const namesOf = (media: { id: string; name: string }[]) => Object.fromEntries(media.map((m) => [m.id, m.name]));

/** `media` may be passed when the caller already listed it (a chat turn), saving a second read. */
export async function viewOfHead(store: Store, projectId: string, head: TimelineHead, media?: { id: string; name: string }[]): Promise<TimelineView> {
  return toTimelineView(head.current.timeline, {
    version: head.current.version,
    mediaNames: media ? namesOf(media) : await mediaNames(store, projectId),
    canUndo: head.canUndo,
    canRedo: head.canRedo,
  });
}

export async function loadTimelineView(store: Store, projectId: string): Promise<TimelineView> {
  return viewOfHead(store, projectId, await store.getTimelineHead(projectId));
}
