// One chat turn on NemoVideo: /run_sse events become our chat events; silent edits are summarised from state.
import 'server-only';
import type { ChatEvent } from '@/lib/api/schemas';
import type { BackendContext } from '@/lib/backend/types';
import { AppError } from '@/lib/errors';
import { NemoApiError } from './client';
import { describeChange } from './describeChange';
import type { NemoDeps } from './nemoDeps';
import { saveProjectState } from './projectState';
import { ReplyText } from './replyText';
import { detectLanguage, existingSessionId, withSession } from './session';
import { readAdkSignals, type AdkSignal } from './sse';
import { fetchSnapshot, type Snapshot } from './state';
import { QUIET, withQuietTicks } from './stillWorking';
import { GuiTalkTranslator } from './translate';
import { toAppError } from './upstreamErrors';

export const STILL_WORKING = 'Still working...';

/** Sends one message to the agent and yields the reply as chat events (the caller adds `done`). */
export async function* runChatTurn(deps: NemoDeps, ctx: BackendContext, message: string, signal: AbortSignal): AsyncGenerator<ChatEvent> {
  const scope = { ownerId: ctx.ownerId, projectId: ctx.project.id };
  const language = detectLanguage(message);
  const notices: string[] = [];
  const sessionOptions = { language, signal, onRenewed: (m: string) => notices.push(m) };
  const errorEvent = async (err: unknown): Promise<ChatEvent> => {
    const mapped = await toAppError(deps, err, scope);
    const app = mapped instanceof AppError ? mapped : new AppError(502);
    return { type: 'error', code: app.code, message: app.message };
  };

  if (!(await existingSessionId(deps, ctx.project.id))) yield { type: 'status', message: 'Connecting...' };
  const turnSignal = AbortSignal.any([signal, AbortSignal.timeout(deps.config.NEMO_TURN_TIMEOUT_MS)]);
  let before: Snapshot;
  let body: ReadableStream<Uint8Array>;
  try {
    before = await fetchSnapshot(deps, ctx, sessionOptions);
    body = await withSession(
      deps,
      ctx,
      (sid, { token, clientId }) =>
        openRunSse(deps, { sid, token, clientId }, message, turnSignal),
      sessionOptions,
    );
  } catch (err) {
    if (signal.aborted) return;
    for (const notice of notices.splice(0)) yield { type: 'status', message: notice };
    yield await errorEvent(err);
    return;
  }
  for (const notice of notices.splice(0)) yield { type: 'status', message: notice };
  // Any new edit ends the redo chain of an earlier undo.
  await saveProjectState(deps.store, ctx.project.id, { canRedo: false });

  const reply = new ReplyText();
  const translator = new GuiTalkTranslator();
  let wroteText = false;
  let announcedEditing = false;
  const isText = (s: AdkSignal) => s.kind === 'text';
  try {
    for await (const item of withQuietTicks(readAdkSignals(body), deps.config.NEMO_STILL_WORKING_MS, isText, turnSignal)) {
      if (item === QUIET) {
        yield { type: 'status', message: STILL_WORKING };
        continue;
      }
      if (item.kind === 'heartbeat') yield { type: 'heartbeat' };
      if (item.kind === 'toolCall' && !announcedEditing) {
        announcedEditing = true;
        yield { type: 'status', message: 'Editing...' };
      }
      if (item.kind === 'error') {
        yield await errorEvent(new NemoApiError(item.code ?? 502, 200, item.message));
        return;
      }
      if (item.kind === 'text') {
        const out = translator.push(reply.delta(item.text, item.partial));
        if (out) {
          wroteText ||= out.trim() !== '';
          yield { type: 'text', delta: out };
        }
      }
    }
  } catch (err) {
    if (signal.aborted) return;
    yield await errorEvent(err);
    return;
  }
  if (signal.aborted) return;
  if (turnSignal.aborted) {
    yield await errorEvent(turnSignal.reason);
    return;
  }
  const rest = translator.flush();
  if (rest) {
    wroteText ||= rest.trim() !== '';
    yield { type: 'text', delta: rest };
  }

  let after: Snapshot;
  try {
    after = await fetchSnapshot(deps, ctx, { language, signal });
  } catch (err) {
    if (!wroteText) yield await errorEvent(err);
    return;
  }
  if (!wroteText) yield { type: 'text', delta: describeChange(before.view, after.view) };
  else if (translator.showsSummary) yield { type: 'text', delta: `\n\n${after.view.summary}` };
  yield { type: 'timeline', timeline: after.view };
}

/** POST /run_sse: one message to the agent, answered as an event stream. */
export function openRunSse(
  deps: NemoDeps,
  auth: { sid: string; token: string; clientId?: string },
  text: string,
  signal: AbortSignal,
): Promise<ReadableStream<Uint8Array>> {
  return deps.http.stream({
    method: 'POST',
    path: '/run_sse',
    token: auth.token,
    clientId: auth.clientId,
    accept: 'text/event-stream',
    json: { app_name: 'nemo_agent', user_id: 'me', session_id: auth.sid, new_message: { parts: [{ text }] } },
    signal,
  });
}
