import { getBackend } from '@/lib/server/context';
import { exportFileResponse } from '@/lib/backend/exportDownload';
import { requireOwnedProject } from '@/lib/server/access';
import { route } from '@/lib/server/http';

/** The finished MP4, with single-range support for players and resumable downloads. */
export const GET = route<{ id: string; eid: string }>(async (req, { id, eid }) => {
  const ctx = await requireOwnedProject(id);
  const file = await getBackend().exportFile(ctx, eid);
  return exportFileResponse(file, req.headers.get('range'), ctx.project.title);
});
