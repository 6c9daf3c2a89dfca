import { NextResponse } from 'next/server';
import { requireOwnedProject } from '@/lib/server/access';
import { route } from '@/lib/server/http';
import { projectDetail } from '@/lib/server/projects';

export const GET = route<{ id: string }>(async (_req, { id }) => {
  return NextResponse.json(await projectDetail(await requireOwnedProject(id)));
});
