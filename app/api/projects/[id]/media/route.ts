import { NextResponse } from 'next/server';
import { urlImportBodySchema } from '@/lib/api/schemas';
import { requireOwnedProject } from '@/lib/server/access';
import { getStore } from '@/lib/server/context';
import { parseJsonBody, route } from '@/lib/server/http';
import { ingestUpload, ingestUrls } from '@/lib/server/ingest';
import { enforceRate } from '@/lib/server/limits/rateLimits';
import { toMediaView } from '@/lib/server/views';

/** Multipart field `files` (one or more), or JSON `{"urls": [...]}`; 201 `{media}` in upload order. */
export const POST = route<{ id: string }>(async (req, { id }) => {
  const ctx = await requireOwnedProject(id);
  const multipart = (req.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
  enforceRate(multipart ? 'uploads' : 'urlImports', req, ctx.ownerId);
  const media = multipart
    ? await ingestUpload(ctx, req)
    : await ingestUrls(ctx, (await parseJsonBody(req, urlImportBodySchema)).urls, req.signal);
  return NextResponse.json({ media }, { status: 201 });
});

export const GET = route<{ id: string }>(async (_req, { id }) => {
  const ctx = await requireOwnedProject(id);
  return NextResponse.json({ media: (await getStore().listMediaSummaries(ctx.project.id)).map(toMediaView) });
});
