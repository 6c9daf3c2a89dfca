import { NextResponse } from 'next/server';
import { createProjectBodySchema } from '@/lib/api/schemas';
import { parseJsonBody, route } from '@/lib/server/http';
import { enforceRate } from '@/lib/server/limits/rateLimits';
import { createProject, listProjects } from '@/lib/server/projects';
import { currentOwnerId, ensureOwnerId } from '@/lib/server/session';

export const POST = route(async (req) => {
  enforceRate('projects', req, await currentOwnerId());
  const body = await parseJsonBody(req, createProjectBodySchema);
  const ownerId = await ensureOwnerId();
  return NextResponse.json({ project: await createProject(ownerId, body.title) }, { status: 201 });
});

export const GET = route(async () => {
  const ownerId = await currentOwnerId();
  return NextResponse.json({ projects: ownerId ? await listProjects(ownerId) : [] });
});
