import { NextResponse } from 'next/server';
import { getBackend } from '@/lib/server/context';
import { AppError } from '@/lib/errors';
import { NO_PROJECT_YET } from '@/lib/nemo/auth';
import { route } from '@/lib/server/http';
import { currentOwnerId } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

/** Never makes a session: a browser without one has no credits anywhere (and mints no NemoVideo token). */
export const GET = route(async () => {
  const backend = getBackend();
  const ownerId = await currentOwnerId();
  if (!ownerId && backend.hasCredits) throw new AppError(1002, NO_PROJECT_YET);
  return NextResponse.json(await backend.credits(ownerId ?? ''));
});
