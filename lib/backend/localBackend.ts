// The default backend: our own engine (planner, timeline store, ffmpeg render worker). No network.
import 'server-only';
import { AppError } from '@/lib/errors';
import { appendMedia } from '@/lib/engine/timeline/operations/appendMedia';
import { loadTimelineView, viewOfHead } from '@/lib/engine/timeline/projectTimeline';
import { runLocalChat } from '@/lib/engine/planner/localChat';
import { cancelLocalExport, localExportFile, startLocalExport } from '@/lib/engine/render/exportService';
import type { Store } from '@/lib/server/store/types';
import type { BackendContext, EditingBackend } from './types';

export function createLocalBackend(store: Store): EditingBackend {
  async function ownedExport(ctx: BackendContext, exportId: string) {
    const record = await store.getExport(exportId);
    if (!record || record.projectId !== ctx.project.id) throw new AppError(404, 'Export not found.');
    return record;
  }

  return {
    name: 'local',
    hasCredits: false,
    chat: (ctx, message, signal) => runLocalChat(store, ctx, message, signal),
    async mediaAdded(ctx, media) {
      const head = await store.getTimelineHead(ctx.project.id);
      const next = appendMedia(head.current.timeline, media);
      if (next.video.length === head.current.timeline.video.length && next.canvas === head.current.timeline.canvas) return;
      const names = media.map((m) => m.name).join(', ');
      await store.commitTimeline(ctx.project.id, next, `Added ${names}`);
    },
    timeline: (ctx) => loadTimelineView(store, ctx.project.id),
    heldTimeline: (ctx) => loadTimelineView(store, ctx.project.id),
    async undo(ctx) {
      const head = await store.undo(ctx.project.id);
      return head ? viewOfHead(store, ctx.project.id, head) : null;
    },
    async redo(ctx) {
      const head = await store.redo(ctx.project.id);
      return head ? viewOfHead(store, ctx.project.id, head) : null;
    },
    async credits() {
      return { available: null, frozen: 0, total: null };
    },
    startExport: (ctx, quality) => startLocalExport(store, ctx.project.id, quality),
    getExport: ownedExport,
    async cancelExport(ctx, exportId) {
      await ownedExport(ctx, exportId);
      return cancelLocalExport(store, exportId);
    },
    async exportFile(ctx, exportId) {
      return localExportFile(await ownedExport(ctx, exportId));
    },
  };
}
