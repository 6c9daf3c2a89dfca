import { NextResponse } from 'next/server';
import { requireOwnedProject } from '@/lib/server/access';
import { deleteMedia } from '@/lib/server/deletion';
import { route } from '@/lib/server/http';

/** Removes an uploaded file: 409 while the timeline uses it, unless `?force=1` takes its pieces off too. */
export const DELETE = route<{ id: string; mid: string }>(async (req, { id, mid }) => {
  const force = new URL(req.url).searchParams.get('force') === '1';
  await deleteMedia(await requireOwnedProject(id), mid, force);
  return NextResponse.json({ deleted: mid });
});
