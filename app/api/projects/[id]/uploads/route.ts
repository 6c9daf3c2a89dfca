import { requireOwnedProject } from '@/lib/server/access';
import { route } from '@/lib/server/http';
import { createUpload } from '@/lib/server/upload/tusUploads';

/** tus 1.0 creation: `Upload-Length`, `Upload-Metadata: filename <base64>`; 201 + `Location`. */
export const POST = route<{ id: string }>(async (req, { id }) => createUpload(await requireOwnedProject(id), req));
