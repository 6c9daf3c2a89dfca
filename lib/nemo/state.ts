// The project's latest NemoVideo state as our timeline view; a project without a session has an empty one.
import 'server-only';
import type { TimelineView } from '@/lib/api/schemas';
import type { BackendContext } from '@/lib/backend/types';
import { draftFingerprint, draftToView, parseDraft, type Draft } from './draft';
import type { NemoDeps } from './nemoDeps';
import { loadProjectState, saveProjectState } from './projectState';
import { withSession, type SessionCallOptions } from './session';
import { findBindId, stateSchema } from './upstream';

export interface Snapshot {
  view: TimelineView;
  draft: Draft | null;
}

export async function fetchSnapshot(deps: NemoDeps, ctx: BackendContext, options: SessionCallOptions = {}): Promise<Snapshot> {
  const stored = await loadProjectState(deps.store, ctx.project.id);
  if (!stored.sessionId) return { view: draftToView(null, { version: stored.version }), draft: null };

  const answer = await withSession(
    deps,
    ctx,
    (sid, { token, clientId }) =>
      deps.http.json({ path: `/api/state/nemo_agent/me/${encodeURIComponent(sid)}/latest`, token, clientId, signal: options.signal }, stateSchema),
    options,
  );
  const bindId = findBindId(answer) ?? findBindId(answer.state);
  if (bindId) await deps.auth.rememberBindId(ctx.ownerId, bindId);

  const draft = parseDraft(answer.state?.draft);
  const hash = draftFingerprint(draft);
  let current = await loadProjectState(deps.store, ctx.project.id);
  const view = (version: number) =>
    draftToView(draft, { version, canUndo: (draft?.t.length ?? 0) > 0, canRedo: current.canRedo });
  if (current.draftHash !== hash) {
    const version = current.version + 1;
    current = await saveProjectState(deps.store, ctx.project.id, { draftHash: hash, version, summary: view(version).summary, lastView: view(version) });
  }
  return { view: view(current.version), draft };
}
