import { exportFileResponse } from '@/lib/backend/exportDownload';
import { requireOwnedProject } from '@/lib/server/access';
import { route } from '@/lib/server/http';
import { openMediaFile } from '@/lib/server/mediaAssets';

/** An uploaded file, inline with Range support, so the player can show a source clip. */
export const GET = route<{ id: string; mid: string }>(async (req, { id, mid }) => {
  const { file, name } = await openMediaFile(await requireOwnedProject(id), mid);
  return exportFileResponse(file, req.headers.get('range'), name, 'inline');
});
