// Access control: a project is reachable only by the browser that made it (others get 404).
import 'server-only';
import { AppError } from '@/lib/errors';
import type { BackendContext } from '@/lib/backend/types';
import { getStore } from './context';
import { currentOwnerId } from './session';

export async function requireOwnedProject(projectId: string): Promise<BackendContext> {
  const ownerId = await currentOwnerId();
  const project = ownerId ? await getStore().getProject(projectId) : null;
  if (!project || project.ownerId !== ownerId) throw new AppError(1002);
  return { ownerId: ownerId!, project };
}
