// One chat turn: store the user's words, route them, answer (export, credits, status, upload, or the backend's edit), store the reply.
import type { ExportQuality } from '@/lib/api/schemas';
import 'server-only';
import { nanoid } from 'nanoid';
import type { ChatEvent } from '@/lib/api/schemas';
import type { BackendContext, EditingBackend } from '@/lib/backend/types';
import { startExportWithinQuota } from '@/lib/server/limits/quotas';
import type { Store } from '@/lib/store/types';
import { toExportView } from '@/lib/server/views';
import { INTERCHANGE_FILES, type InterchangeFormat } from '@/lib/engine/interchange/formats';
import { errorEvent } from './chatEventStream';
import { routeMessage, stripExportRequest } from './routeMessage';

export interface ChatTurnDeps {
  store: Store;
  backend: EditingBackend;
}

async function* startExport(deps: ChatTurnDeps, ctx: BackendContext, quality: ExportQuality, full = false): AsyncIterable<ChatEvent> {
  yield { type: 'status', message: 'Starting the export…' };
  const record = await startExportWithinQuota(deps.backend, ctx, quality, { forceFull: full });
  const what = quality === 'preview' ? 'a quick 540p preview' : 'the 1080p MP4';
  yield { type: 'text', delta: `Exporting ${what} now. You'll see its progress here, and a download link when it's ready.` };
  yield { type: 'export', export: toExportView(record) };
}

/** The reply carries the download link; the file was made once before, so its errors come back as chat errors. */
function handOff(ctx: BackendContext, format: InterchangeFormat): ChatEvent {
  const url = `/api/projects/${ctx.project.id}/interchange/${format}`;
  const what = INTERCHANGE_FILES[format].label;
  const beside = format === 'srt' || format === 'vtt' ? '' : ' Keep your original files in the same folder as it (or take the zip with the media) so the editor finds them.';
  return { type: 'text', delta: `Here is the timeline for ${what}: ${url}${beside}` };
}

async function* answer(deps: ChatTurnDeps, ctx: BackendContext, message: string, signal: AbortSignal): AsyncIterable<ChatEvent> {
  const route = routeMessage(message);
  switch (route.kind) {
    case 'export':
      return yield* startExport(deps, ctx, route.quality, route.full === true);
    case 'credits': {
      const credits = await deps.backend.credits(ctx.ownerId);
      const text =
        credits.available === null
          ? 'Credits are unlimited here: this app edits and exports on its own server, so nothing is counted.'
          : `You have ${credits.available} credits available${credits.frozen ? ` (${credits.frozen} reserved for running jobs)` : ''}.`;
      return yield { type: 'text', delta: text };
    }
    case 'status': {
      const timeline = await deps.backend.timeline(ctx);
      yield { type: 'text', delta: timeline.summary };
      return yield { type: 'timeline', timeline };
    }
    case 'interchange':
      await deps.backend.interchange(ctx, route.format, { bundle: false });
      return yield handOff(ctx, route.format);
    case 'upload':
      return yield {
        type: 'text',
        delta: 'Pick a file with the upload button (or drop it on the page): videos (MP4, MOV, AVI, WebM, MKV), audio for music (MP3, WAV, M4A, OGG, FLAC) or images. Then tell me what to do with it.',
      };
    case 'edit': {
      let failed = false;
      for await (const event of deps.backend.chat(ctx, route.exportAfter ? stripExportRequest(message) : message, signal)) {
        if (event.type === 'error') failed = true;
        yield event;
      }
      if (route.exportAfter && !failed && !signal.aborted) yield* startExport(deps, ctx, route.exportAfter);
    }
  }
}

export async function* runChatTurn(deps: ChatTurnDeps, ctx: BackendContext, message: string, signal: AbortSignal): AsyncIterable<ChatEvent> {
  const projectId = ctx.project.id;
  await deps.store.addMessage({ id: nanoid(12), projectId, role: 'user', text: message, createdAt: new Date().toISOString() });
  yield { type: 'status', message: 'Working on it…' };
  let reply = '';
  try {
    for await (const event of answer(deps, ctx, message, signal)) {
      if (event.type === 'text') reply += event.delta;
      if (event.type === 'error') reply += `${reply ? ' ' : ''}${event.message}`;
      yield event;
    }
  } catch (err) {
    if (signal.aborted) return;
    const event = errorEvent(err);
    if (event.type === 'error') reply += `${reply ? ' ' : ''}${event.message}`;
    yield event;
  } finally {
    if (reply) await deps.store.addMessage({ id: nanoid(12), projectId, role: 'assistant', text: reply, createdAt: new Date().toISOString() });
  }
}
