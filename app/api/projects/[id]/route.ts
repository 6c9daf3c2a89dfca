import { NextResponse } from 'next/server';
import { requireOwnedProject } from '@/lib/server/access';
import { deleteProject } from '@/lib/server/deletion';
import { route } from '@/lib/server/http';
import { projectDetail } from '@/lib/server/projects';

export const GET = route<{ id: string }>(async (_req, { id }) => {
  return NextResponse.json(await projectDetail(await requireOwnedProject(id)));
});

/** The project with its media, versions, messages, exports and files. */
export const DELETE = route<{ id: string }>(async (_req, { id }) => {
  await deleteProject(await requireOwnedProject(id));
  return NextResponse.json({ deleted: id });
});
