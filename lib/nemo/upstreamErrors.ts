// NemoVideo failures as our AppError, in plain words and without upstream internals or stack traces.
import 'server-only';
import { AppError } from '@/lib/errors';
import { NemoApiError } from './client';
import type { NemoDeps } from './nemoDeps';
import { loadProjectState } from './projectState';
import { findBindId } from './upstream';

export interface ErrorScope {
  ownerId: string;
  projectId?: string;
}

/** The 2001 message: anonymous users get a registration link that binds their work, token users a top-up hint. */
export async function noCreditsMessage(deps: NemoDeps, scope: ErrorScope, upstreamData?: unknown): Promise<string> {
  if (deps.auth.registered) return 'Your NemoVideo credits are used up. Top up credits in your NemoVideo account, then try again.';
  const fromProject = scope.projectId ? (await loadProjectState(deps.store, scope.projectId)).bindId : undefined;
  const bindId = findBindId(upstreamData) ?? fromProject ?? (await deps.auth.bindId(scope.ownerId));
  const link = new URL(deps.config.NEMO_REGISTER_URL);
  if (bindId) link.searchParams.set('bind', bindId);
  return `The free NemoVideo credits are used up. Register to keep going (your work stays with you): ${link.toString()}`;
}

export async function toAppError(deps: NemoDeps, err: unknown, scope: ErrorScope): Promise<unknown> {
  if (err instanceof AppError) return err;
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return new AppError(502, 'NemoVideo took too long to answer. Try again.');
  }
  if (!(err instanceof NemoApiError)) return err;
  switch (err.code) {
    case 1001:
      return new AppError(1001, deps.auth.registered ? 'NemoVideo refused the configured NEMO_TOKEN. Check it in the server settings.' : undefined);
    case 2001:
      return new AppError(2001, await noCreditsMessage(deps, scope, err.data));
    case 4001:
      return new AppError(4001);
    case 4002:
      return new AppError(4002, 'The file is too large for NemoVideo (500 MB at most). Compress it or trim it, then try again.');
    case 402:
      return new AppError(402);
    case 429:
      return new AppError(429, 'NemoVideo is busy with too many requests. Wait a minute and try again.');
    case 1002:
      return new AppError(502, 'The NemoVideo session was lost. Try again.');
    default:
      console.warn(`[nemo] upstream error ${err.code} (HTTP ${err.httpStatus}): ${err.message.slice(0, 200)}`);
      if (err.httpStatus === 0) return new AppError(502, 'NemoVideo cannot be reached right now. Try again shortly.');
      if (err.httpStatus >= 500 || err.code >= 500) return new AppError(502);
      return new AppError(502, `NemoVideo could not do that (code ${err.code}). Try again shortly.`);
  }
}
