import { NextResponse } from 'next/server';
import { requireOwnedProject } from '@/lib/server/access';
import { route } from '@/lib/server/http';
import { disableSharing, enableSharing, shareUrl } from '@/lib/server/share';

/** Makes (or returns) the project's read-only link. */
export const POST = route<{ id: string }>(async (req, { id }) => {
  const token = await enableSharing(await requireOwnedProject(id));
  return NextResponse.json({ url: shareUrl(req, token) });
});

/** Stops sharing: the old link answers "not found" from now on. */
export const DELETE = route<{ id: string }>(async (_req, { id }) => {
  await disableSharing(await requireOwnedProject(id));
  return NextResponse.json({ shared: false });
});
