// The NemoVideo backend: our EditingBackend on NemoVideo's hosted agent, reached only from the server.
import 'server-only';
import { backendExport, type BackendContext, type EditingBackend } from '@/lib/backend/types';
import { AppError } from '@/lib/errors';
import type { BlobStore } from '@/lib/blob/types';
import type { Store } from '@/lib/store/types';
import { openRunSse, runChatTurn } from './chat';
import { NemoApiError } from './client';
import { creditsSchema } from './upstream';
import { nemoExportFile, refreshNemoExport, startNemoExport } from './exports';
import { createNemoDeps, type NemoConfig, type NemoDeps, type NemoOverrides } from './nemoDeps';
import { loadProjectState, readProjectState, saveProjectState } from './projectState';
import { ensureSession, existingSessionId, renewSession, withSession } from './session';
import { fetchSnapshot } from './state';
import { uploadFiles } from './upload';
import { readAdkSignals } from './sse';
import { toAppError } from './upstreamErrors';

export function createNemoBackend(config: NemoConfig, store: Store, overrides: NemoOverrides = {}, blobs?: BlobStore): EditingBackend {
  const deps = createNemoDeps(config, store, overrides, blobs);

  /** Every upstream failure leaves here as an AppError in plain words. */
  async function guard<T>(scope: { ownerId: string; projectId?: string }, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      throw await toAppError(deps, err, scope);
    }
  }
  const scopeOf = (ctx: BackendContext) => ({ ownerId: ctx.ownerId, projectId: ctx.project.id });

  async function ownedExport(ctx: BackendContext, exportId: string) {
    const record = await store.getExport(exportId);
    if (!record || record.projectId !== ctx.project.id) throw new AppError(404, 'Export not found.');
    return record;
  }

  return {
    name: 'nemo',
    hasCredits: true,
    chat: (ctx, message, signal) => runChatTurn(deps, ctx, message, signal),
    mediaAdded: (ctx, media) =>
      guard(scopeOf(ctx), async () => {
        if (media.length === 0) return;
        const { sessionId } = await ensureSession(deps, ctx);
        try {
          await uploadFiles(deps, ctx.ownerId, sessionId, media);
        } catch (err) {
          // The session expired since it was made: a new one gets the earlier files again, then these.
          if (!(err instanceof NemoApiError) || err.code !== 1002) throw err;
          const renewed = await renewSession(deps, ctx);
          await uploadFiles(deps, ctx.ownerId, renewed.sessionId, media);
        }
      }),
    async timeline(ctx) {
      try {
        return await guard(scopeOf(ctx), async () => (await fetchSnapshot(deps, ctx)).view);
      } catch (err) {
        // An outage upstream should not hide the project: show the last timeline seen, and say so.
        const { lastView } = await loadProjectState(store, ctx.project.id);
        if (!lastView || !(err instanceof AppError) || err.status < 500) throw err;
        return { ...lastView, summary: `${lastView.summary} (NemoVideo is not answering right now: this is the last timeline seen.)` };
      }
    },
    // A share page must not open an upstream session (and re-upload the owner's files) for a visitor.
    heldTimeline: async (ctx) => readProjectState(ctx.project).lastView ?? null,
    // The last timeline seen (saved by every state fetch): a list of cards should not call NemoVideo once per project.
    cardDuration: async (ctx) => readProjectState(ctx.project).lastView?.duration ?? 0,
    // Undo and redo are words to the agent: NemoVideo keeps the edit history, we show the state after.
    undo: (ctx) => guard(scopeOf(ctx), () => historyStep(deps, ctx, 'undo')),
    redo: (ctx) => guard(scopeOf(ctx), () => historyStep(deps, ctx, 'redo')),
    credits: (ownerId) =>
      guard({ ownerId }, async () => {
        const c = await deps.auth.authorized(ownerId, ({ token, clientId }) =>
          deps.http.json({ path: '/api/credits/balance/simple', token, clientId }, creditsSchema),
        );
        return { available: c.available, frozen: c.frozen, total: c.total };
      }),
    startExport: (ctx, quality) => guard(scopeOf(ctx), async () => backendExport(await startNemoExport(deps, ctx, quality))),
    getExport: (ctx, exportId) =>
      guard(scopeOf(ctx), async () => backendExport(await refreshNemoExport(deps, ctx, await ownedExport(ctx, exportId)))),
    async cancelExport(ctx, exportId) {
      const record = await ownedExport(ctx, exportId);
      if (record.status === 'completed' || record.status === 'failed' || record.status === 'canceled') return backendExport(record);
      // NemoVideo has no cancel call: we stop polling and forget the result.
      return backendExport(await store.updateExport(exportId, { status: 'canceled', finishedAt: new Date(deps.now()).toISOString() }));
    },
    exportFile: (ctx, exportId) => guard(scopeOf(ctx), async () => nemoExportFile(deps, ctx, await ownedExport(ctx, exportId))),
    async interchange() {
      // The draft lives upstream without source frame ranges we could vouch for.
      throw new AppError(409, 'Files for other editors (Final Cut, Premiere, Resolve) come from the built-in editor only; NemoVideo exports an MP4.');
    },
  };
}

async function historyStep(deps: NemoDeps, ctx: BackendContext, word: 'undo' | 'redo') {
  if (!(await existingSessionId(deps, ctx.project.id))) return null;
  const body = await withSession(deps, ctx, (sid, { token, clientId }) =>
    openRunSse(deps, { sid, token, clientId }, word, AbortSignal.timeout(deps.config.NEMO_TURN_TIMEOUT_MS)),
  );
  for await (const signal of readAdkSignals(body)) {
    if (signal.kind === 'error') throw new AppError(409, `NemoVideo could not ${word} that.`);
  }
  await saveProjectState(deps.store, ctx.project.id, { canRedo: word === 'undo' });
  return (await fetchSnapshot(deps, ctx)).view;
}
