// The browser's identity: an iron-session cookie holding a random owner id.
import 'server-only';
import { cookies } from 'next/headers';
import { getIronSession, type SessionOptions } from 'iron-session';
import { nanoid } from 'nanoid';
import { getConfig } from './config';
import { sessionSecret } from './sessionSecret';

interface SessionData {
  ownerId?: string;
}

export const SESSION_COOKIE = 'in_video_session';

function sessionOptions(): SessionOptions {
  const config = getConfig();
  return {
    password: sessionSecret(config),
    cookieName: SESSION_COOKIE,
    ttl: 0,
    cookieOptions: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.isProduction,
      path: '/',
      maxAge: 60 * 60 * 24 * 365,
    },
  };
}

async function session() {
  return getIronSession<SessionData>(await cookies(), sessionOptions());
}

/** The current browser's owner id, or null when it has no session yet. */
export async function currentOwnerId(): Promise<string | null> {
  return (await session()).ownerId ?? null;
}

/** The current browser's owner id, creating the session cookie when absent. */
export async function ensureOwnerId(): Promise<string> {
  const s = await session();
  if (!s.ownerId) {
    s.ownerId = nanoid(24);
    await s.save();
  }
  return s.ownerId;
}
