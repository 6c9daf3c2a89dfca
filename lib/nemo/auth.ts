// The Bearer token for a browser user: NEMO_TOKEN, or an anonymous 7-day token kept with that user on the server.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Store } from '@/lib/store/types';
import { AppError } from '@/lib/errors';
import { NemoApiError, type NemoHttp } from './client';
import { anonymousTokenSchema, findBindId } from './upstream';

export const NO_PROJECT_YET = 'Create a project first: the NemoVideo account that holds your credits is made for it.';

const TOKEN_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** Renew a little early so a token never expires between our check and NemoVideo's. */
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

/** What we keep for each browser user under the `nemo` key of its owner state. Never sent to the browser. */
const ownerNemoStateSchema = z.object({
  clientId: z.string().optional(),
  token: z.string().optional(),
  expiresAt: z.number().optional(),
  bindId: z.string().optional(),
});
type OwnerNemoState = z.infer<typeof ownerNemoStateSchema>;

export interface Credentials {
  token: string;
  clientId?: string;
}

export interface NemoAuth {
  /** True when NEMO_TOKEN is set: a registered account, no anonymous tokens. */
  readonly registered: boolean;
  credentials(ownerId: string, options?: { renew?: boolean }): Promise<Credentials>;
  bindId(ownerId: string): Promise<string | undefined>;
  rememberBindId(ownerId: string, bindId: string): Promise<void>;
  /** Runs a call with the user's token: renews once on 1001, waits and retries once on 429. */
  authorized<T>(ownerId: string, call: (creds: Credentials) => Promise<T>, signal?: AbortSignal): Promise<T>;
}

export interface AuthOptions {
  http: NemoHttp;
  store: Store;
  fixedToken?: string;
  retryAfterMs: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
}

export function createNemoAuth(options: AuthOptions): NemoAuth {
  const { http, store, fixedToken, now } = options;
  // One anonymous-token request per user at a time: NemoVideo allows one token per client per 7 days.
  const inFlight = new Map<string, Promise<Credentials>>();

  async function readState(ownerId: string): Promise<OwnerNemoState> {
    const all = (await store.getOwnerState(ownerId)) ?? {};
    const parsed = ownerNemoStateSchema.safeParse(all.nemo ?? {});
    return parsed.success ? parsed.data : {};
  }

  async function writeState(ownerId: string, patch: OwnerNemoState): Promise<void> {
    const all = (await store.getOwnerState(ownerId)) ?? {};
    const current = ownerNemoStateSchema.safeParse(all.nemo ?? {});
    await store.setOwnerState(ownerId, { ...all, nemo: { ...(current.success ? current.data : {}), ...patch } });
  }

  async function retryOn429<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof NemoApiError) || err.code !== 429) throw err;
      await options.sleep(options.retryAfterMs, signal);
      return call();
    }
  }

  async function requestAnonymousToken(ownerId: string, state: OwnerNemoState): Promise<Credentials> {
    // NemoVideo allows one anonymous token per client a week: a visitor who never made a
    // project (a crawler, a script asking for credits) must not spend one.
    if ((await store.listProjects(ownerId)).length === 0) throw new AppError(1002, NO_PROJECT_YET);
    let clientId = state.clientId ?? randomUUID();
    const ask = () =>
      retryOn429(() => http.json({ method: 'POST', path: '/api/auth/anonymous-token', clientId, json: {} }, anonymousTokenSchema));
    let answer: z.infer<typeof anonymousTokenSchema>;
    try {
      answer = await ask();
    } catch (err) {
      // 400 "missing X-Client-Id": the id was lost or refused; make a new one and try once more.
      if (!(err instanceof NemoApiError) || err.code !== 400) throw err;
      clientId = randomUUID();
      answer = await ask();
    }
    const bindId = findBindId(answer);
    await writeState(ownerId, { clientId, token: answer.token, expiresAt: expiryOf(answer, now()), ...(bindId ? { bindId } : {}) });
    return { token: answer.token, clientId };
  }

  async function credentials(ownerId: string, opts: { renew?: boolean } = {}): Promise<Credentials> {
    if (fixedToken) return { token: fixedToken };
    const state = await readState(ownerId);
    if (!opts.renew && state.token && (state.expiresAt ?? 0) - EXPIRY_MARGIN_MS > now()) {
      return { token: state.token, clientId: state.clientId };
    }
    const pending = inFlight.get(ownerId);
    if (pending) return pending;
    const request = requestAnonymousToken(ownerId, state).finally(() => inFlight.delete(ownerId));
    inFlight.set(ownerId, request);
    return request;
  }

  return {
    registered: Boolean(fixedToken),
    credentials,
    bindId: async (ownerId) => (await readState(ownerId)).bindId,
    rememberBindId: (ownerId, bindId) => writeState(ownerId, { bindId }),
    async authorized(ownerId, call, signal) {
      let creds = await credentials(ownerId);
      let renewed = false;
      let waited = false;
      for (;;) {
        try {
          return await call(creds);
        } catch (err) {
          if (!(err instanceof NemoApiError)) throw err;
          if (err.code === 1001 && !renewed && !fixedToken) {
            renewed = true;
            creds = await credentials(ownerId, { renew: true });
            continue;
          }
          if (err.code === 429 && !waited) {
            waited = true;
            await options.sleep(options.retryAfterMs, signal);
            continue;
          }
          throw err;
        }
      }
    },
  };
}

/** Token expiry in epoch ms from whatever NemoVideo said, else the documented 7 days. */
export function expiryOf(answer: { expires_at?: string | number; expires_in?: number }, nowMs: number): number {
  if (answer.expires_in && answer.expires_in > 0) return nowMs + answer.expires_in * 1000;
  if (typeof answer.expires_at === 'number') return answer.expires_at < 1e12 ? answer.expires_at * 1000 : answer.expires_at;
  if (typeof answer.expires_at === 'string') {
    const parsed = Date.parse(answer.expires_at);
    if (Number.isFinite(parsed)) return parsed;
  }
  return nowMs + TOKEN_LIFETIME_MS;
}
