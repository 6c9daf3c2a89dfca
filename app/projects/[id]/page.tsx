import { notFound } from 'next/navigation';
import { ProjectWorkspace } from '@/components/project/ProjectWorkspace';
import { asAppError } from '@/lib/errors';
import { requireOwnedProject } from '@/lib/server/access';
import { projectDetail } from '@/lib/server/projects';

export const dynamic = 'force-dynamic';

async function loadOwned(id: string) {
  try {
    return await projectDetail(await requireOwnedProject(id));
  } catch (err) {
    if (asAppError(err)?.code === 1002) return null;
    throw err;
  }
}

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const detail = await loadOwned(id);
  if (!detail) notFound();
  return <ProjectWorkspace projectId={id} initialDetail={detail} />;
}
