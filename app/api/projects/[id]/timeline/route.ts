import { NextResponse } from 'next/server';
import { timelineActionBodySchema } from '@/lib/api/schemas';
import { getBackend } from '@/lib/server/context';
import { AppError } from '@/lib/errors';
import { requireOwnedProject } from '@/lib/server/access';
import { parseJsonBody, route } from '@/lib/server/http';

export const GET = route<{ id: string }>(async (_req, { id }) => {
  return NextResponse.json(await getBackend().timeline(await requireOwnedProject(id)));
});

/** Undo and redo from the timeline's buttons (the chat understands them too). */
export const POST = route<{ id: string }>(async (req, { id }) => {
  const ctx = await requireOwnedProject(id);
  const { action } = await parseJsonBody(req, timelineActionBodySchema);
  const backend = getBackend();
  const view = action === 'undo' ? await backend.undo(ctx) : await backend.redo(ctx);
  if (!view) throw new AppError(409, action === 'undo' ? 'There is nothing to undo.' : 'There is nothing to redo.');
  return NextResponse.json(view);
});
