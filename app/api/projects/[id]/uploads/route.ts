import { requireOwnedProject } from '@/lib/server/access';
import { route } from '@/lib/server/http';
import { enforceRate } from '@/lib/server/limits/rateLimits';
import { createUpload } from '@/lib/server/upload/tusUploads';

/** tus 1.0 creation: `Upload-Length`, `Upload-Metadata: filename <base64>`; 201 + `Location`. Counts as an upload for rate limits. */
export const POST = route<{ id: string }>(async (req, { id }) => {
  const ctx = await requireOwnedProject(id);
  enforceRate('uploads', req, ctx.ownerId);
  return createUpload(ctx, req);
});
