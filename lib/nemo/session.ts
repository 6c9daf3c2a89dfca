// The NemoVideo session behind a project: created lazily, kept with the project, renewed on 1002.
import 'server-only';
import type { BackendContext } from '@/lib/backend/types';
import { NemoApiError } from './client';
import type { Credentials } from './auth';
import type { NemoDeps } from './nemoDeps';
import { loadProjectState, saveProjectState } from './projectState';
import { findBindId, sessionCreatedSchema } from './upstream';
import { uploadFiles } from './upload';

export type Language = 'en' | 'zh';

/** Chinese when the text has CJK ideographs, English otherwise. */
export function detectLanguage(text?: string): Language {
  return text && /[\u3400-\u9fff]/.test(text) ? 'zh' : 'en';
}

export async function createSession(deps: NemoDeps, ctx: BackendContext, language: Language): Promise<string> {
  const answer = await deps.auth.authorized(ctx.ownerId, ({ token, clientId }) =>
    deps.http.json(
      { method: 'POST', path: '/api/tasks/me/with-session/nemo_agent', token, clientId, json: { task_name: 'project', language } },
      sessionCreatedSchema,
    ),
  );
  const bindId = findBindId(answer);
  if (bindId) await deps.auth.rememberBindId(ctx.ownerId, bindId);
  // A new session starts from an empty draft: forget what the old one showed.
  await saveProjectState(deps.store, ctx.project.id, {
    taskId: answer.task_id,
    sessionId: answer.session_id,
    ...(bindId ? { bindId } : {}),
    draftHash: undefined,
    summary: undefined,
    canRedo: false,
    uploaded: [],
  });
  return answer.session_id;
}

export async function existingSessionId(deps: NemoDeps, projectId: string): Promise<string | undefined> {
  return (await loadProjectState(deps.store, projectId)).sessionId;
}

export async function ensureSession(deps: NemoDeps, ctx: BackendContext, language: Language = 'en'): Promise<{ sessionId: string; created: boolean }> {
  const existing = await existingSessionId(deps, ctx.project.id);
  if (existing) return { sessionId: existing, created: false };
  return { sessionId: await createSession(deps, ctx, language), created: true };
}

export interface SessionCallOptions {
  language?: Language;
  /** Told in plain words when the old session was gone and a new one replaced it. */
  onRenewed?: (message: string) => void;
  signal?: AbortSignal;
}

/**
 * Runs a call inside the project's session with the user's token. On 1002 (session not found) it starts
 * a new session, sends the project's media to it again, and runs the call once more.
 */
export async function withSession<T>(
  deps: NemoDeps,
  ctx: BackendContext,
  call: (sessionId: string, creds: Credentials) => Promise<T>,
  options: SessionCallOptions = {},
): Promise<T> {
  const { sessionId } = await ensureSession(deps, ctx, options.language);
  const run = (sid: string) => deps.auth.authorized(ctx.ownerId, (creds) => call(sid, creds), options.signal);
  try {
    return await run(sessionId);
  } catch (err) {
    if (!(err instanceof NemoApiError) || err.code !== 1002) throw err;
    const renewed = await renewSession(deps, ctx, options.language ?? 'en');
    options.onRenewed?.(renewed.notice);
    return run(renewed.sessionId);
  }
}

/** Replaces a lost session with a new one and sends the project's stored media to it again. */
export async function renewSession(deps: NemoDeps, ctx: BackendContext, language: Language = 'en'): Promise<{ sessionId: string; notice: string }> {
  const { uploaded } = await loadProjectState(deps.store, ctx.project.id);
  const sessionId = await createSession(deps, ctx, language);
  // Only what the old session had accepted: a file NemoVideo refused would fail the renewal too.
  const media = (await deps.store.listMedia(ctx.project.id)).filter((m) => uploaded.includes(m.id));
  await uploadFiles(deps, ctx.ownerId, sessionId, media);
  const clips = media.length === 1 ? 'your clip' : `your ${media.length} clips`;
  const notice =
    media.length > 0
      ? `The editing session had expired, so I started a new one and sent ${clips} again. Earlier edits there are gone.`
      : 'The editing session had expired, so I started a new one.';
  return { sessionId, notice };
}
