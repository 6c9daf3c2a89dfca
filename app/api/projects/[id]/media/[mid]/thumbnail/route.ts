import { requireOwnedProject } from '@/lib/server/access';
import { route } from '@/lib/server/http';
import { openThumbnail } from '@/lib/server/mediaAssets';

/** The poster never changes for a media id, so the browser may keep it. */
export const GET = route<{ id: string; mid: string }>(async (_req, { id, mid }) => {
  const { size, body } = await openThumbnail(await requireOwnedProject(id), mid);
  return new Response(body, {
    headers: {
      'content-type': 'image/jpeg',
      'content-disposition': 'inline; filename="poster.jpg"',
      'content-length': String(size),
      'cache-control': 'private, max-age=31536000, immutable',
    },
  });
});
