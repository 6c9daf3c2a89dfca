import { NextResponse } from 'next/server';
import { getBackend } from '@/lib/server/context';
import { requireOwnedProject } from '@/lib/server/access';
import { deleteExport } from '@/lib/server/deletion';
import { route } from '@/lib/server/http';
import { toExportView } from '@/lib/server/views';

export const GET = route<{ id: string; eid: string }>(async (_req, { id, eid }) => {
  const record = await getBackend().getExport(await requireOwnedProject(id), eid);
  return NextResponse.json({ export: toExportView(record) });
});

/** Cancels a queued or running export (`{export}`); deletes a finished one with its file (`{deleted}`). */
export const DELETE = route<{ id: string; eid: string }>(async (_req, { id, eid }) => {
  const canceled = await deleteExport(await requireOwnedProject(id), eid);
  return NextResponse.json(canceled ? { export: toExportView(canceled) } : { deleted: eid });
});
