import { NextResponse } from 'next/server';
import { requireOwnedProject } from '@/lib/server/access';
import { route } from '@/lib/server/http';
import { continueUpload, uploadOutcome } from '@/lib/server/upload/tusUploads';

type Params = { id: string; uid: string };

/** tus offset, append and termination. */
const tus = route<Params>(async (req, { id, uid }) => continueUpload(await requireOwnedProject(id), uid, req));
export { tus as HEAD, tus as PATCH, tus as DELETE };

/** After the last byte: `{media}`, or the same error a multipart upload of that file gets. */
export const GET = route<Params>(async (_req, { id, uid }) => {
  const outcome = await uploadOutcome(await requireOwnedProject(id), uid);
  if (outcome.status === 'failed') return NextResponse.json(outcome.body, { status: outcome.httpStatus });
  return NextResponse.json({ media: outcome.media }, { headers: { 'Cache-Control': 'no-store' } });
});
