import { NextResponse } from 'next/server';
import { getBackend } from '@/lib/server/context';
import { route } from '@/lib/server/http';
import { ensureOwnerId } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

export const GET = route(async () => {
  return NextResponse.json(await getBackend().credits(await ensureOwnerId()));
});
