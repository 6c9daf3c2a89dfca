import { NextResponse } from 'next/server';
import { route } from '@/lib/server/http';
import { sharedProjectView } from '@/lib/server/share';

export const GET = route<{ token: string }>(async (_req, { token }) => {
  return NextResponse.json(await sharedProjectView(token));
});
