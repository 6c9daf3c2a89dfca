// The default backend: our own engine (planner, timeline versions, ffmpeg render queue), built from a store and settings. No network.
import 'server-only';
import { AppError } from '@/lib/errors';
import { timelineDuration } from '@/lib/engine/timeline/duration';
import { appendMedia } from '@/lib/engine/timeline/operations/appendMedia';
import { loadTimelineView, viewOfHead } from '@/lib/local/timeline/projectTimeline';
import { runLocalChat } from '@/lib/local/chat/localChat';
import type { ExportQueue, LocalDeps, LocalSettings } from '@/lib/local/localDeps';
import { cancelLocalExport, localExportFile, startLocalExport } from '@/lib/local/exports/exportService';
import { interchangeBundle, interchangeDownload } from '@/lib/local/interchangeExport';
import { backendExport, type BackendContext, type EditingBackend } from '@/lib/backend/types';

/** Why an export must encode every frame before it starts, or null to let the render decide. */
function fullRenderReason(settings: LocalSettings, forceFull: boolean | undefined): string | null {
  if (forceFull) return 'full quality was asked for';
  if (settings.fastExport === false) return 'fast export is turned off on this server (FAST_EXPORT=0)';
  return null;
}

/** `queue` is the process's render worker (see renderWorker.ts), shared with every bundle through the composition root. */
export function createLocalBackend(deps: LocalDeps, queue: ExportQueue): EditingBackend {
  const { store } = deps;
  async function ownedExport(ctx: BackendContext, exportId: string) {
    const record = await store.getExport(exportId);
    if (!record || record.projectId !== ctx.project.id) throw new AppError(404, 'Export not found.');
    return record;
  }

  return {
    name: 'local',
    hasCredits: false,
    chat: (ctx, message, signal) => runLocalChat(deps, ctx, message, signal),
    async mediaAdded(ctx, media) {
      const head = await store.getTimelineHead(ctx.project.id);
      const next = appendMedia(head.current.timeline, media, await store.listMediaSummaries(ctx.project.id));
      if (JSON.stringify(next) === JSON.stringify(head.current.timeline)) return;
      const names = media.map((m) => m.name).join(', ');
      await store.commitTimeline(ctx.project.id, next, `Added ${names}`);
    },
    timeline: (ctx) => loadTimelineView(store, ctx.project.id),
    heldTimeline: (ctx) => loadTimelineView(store, ctx.project.id),
    async cardDuration(ctx) {
      return timelineDuration((await store.getTimelineHead(ctx.project.id)).current.timeline);
    },
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
    startExport: async (ctx, quality, options) =>
      backendExport(await startLocalExport(store, queue, ctx.project.id, quality, fullRenderReason(deps.settings, options?.forceFull))),
    getExport: async (ctx, exportId) => backendExport(await ownedExport(ctx, exportId)),
    async cancelExport(ctx, exportId) {
      await ownedExport(ctx, exportId);
      return backendExport(await cancelLocalExport(store, queue, exportId));
    },
    async exportFile(ctx, exportId) {
      return localExportFile(deps.blobs, await ownedExport(ctx, exportId));
    },
    interchange: (ctx, format, { bundle }) =>
      bundle ? interchangeBundle(deps, ctx.project, format) : interchangeDownload(store, ctx.project, format),
  };
}
