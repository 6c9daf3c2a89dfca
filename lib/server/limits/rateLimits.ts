// Per-owner and per-address request rates for the actions that cost us (chat, new projects, uploads, URL imports).
import 'server-only';
import { getConfig, type Config } from '../config';
import { appRoot } from '../root';
import { clientAddress } from './clientAddress';
import { LimitError } from './limitError';
import { RateLimiter } from './rateLimiter';

export type LimitedAction = 'chat' | 'projects' | 'uploads' | 'urlImports';

const PER_MINUTE: Record<LimitedAction, (c: Config) => number> = {
  chat: (c) => c.RATE_CHAT_PER_MIN,
  projects: (c) => c.RATE_PROJECTS_PER_MIN,
  uploads: (c) => c.RATE_UPLOADS_PER_MIN,
  urlImports: (c) => c.RATE_URL_IMPORTS_PER_MIN,
};

const WORDS: Record<LimitedAction, string> = {
  chat: 'chat messages',
  projects: 'new projects',
  uploads: 'uploads',
  urlImports: 'URL imports',
};

function limiter(action: LimitedAction): RateLimiter {
  const { limits: { rates }, config } = appRoot();
  let l = rates.get(action);
  if (!l) {
    l = new RateLimiter(PER_MINUTE[action](config));
    rates.set(action, l);
  }
  return l;
}

/**
 * Throws 429 with Retry-After when this owner, or this client address, acted too often. The
 * address counts too because a visitor without a cookie is a new owner on every request.
 */
export function enforceRate(action: LimitedAction, req: Request, ownerId: string | null): void {
  const l = limiter(action);
  const address = clientAddress(req.headers, getConfig().TRUST_PROXY === '1');
  const waits = [l.take(`addr:${address}`), ownerId ? l.take(`owner:${ownerId}`) : 0];
  const wait = Math.max(...waits);
  if (wait > 0) {
    throw new LimitError(
      429,
      `Too many ${WORDS[action]} in a short time (at most ${PER_MINUTE[action](getConfig())} a minute). Wait ${wait} s and try again.`,
      wait,
    );
  }
}
