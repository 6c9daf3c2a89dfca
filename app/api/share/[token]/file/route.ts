import { exportFileResponse } from '@/lib/backend/exportDownload';
import { route } from '@/lib/server/http';
import { sharedExportFile } from '@/lib/server/share';

/** The shared video, with Range support so the player can seek. */
export const GET = route<{ token: string }>(async (req, { token }) => {
  const { file, title } = await sharedExportFile(token);
  return exportFileResponse(file, req.headers.get('range'), title);
});
