import { getBackend } from '@/lib/server/context';
import { interchangeFormatSchema } from '@/lib/engine/interchange/formats';
import { attachmentDisposition } from '@/lib/backend/exportDownload';
import { AppError } from '@/lib/errors';
import { requireOwnedProject } from '@/lib/server/access';
import { route } from '@/lib/server/http';

/** The timeline for another editor; `?bundle=zip` adds the source media. Owners only: share links get the video alone. */
export const GET = route<{ id: string; format: string }>(async (req, { id, format }) => {
  const ctx = await requireOwnedProject(id);
  const parsed = interchangeFormatSchema.safeParse(format);
  if (!parsed.success) throw new AppError(400, `There is no "${format}" export. Choose one of: ${interchangeFormatSchema.options.join(', ')}.`);
  const file = await getBackend().interchange(ctx, parsed.data, { bundle: new URL(req.url).searchParams.get('bundle') === 'zip' });
  return new Response(file.body, {
    headers: { 'content-type': file.contentType, 'content-disposition': attachmentDisposition(file.baseName, file.extension), 'cache-control': 'private, no-store' },
  });
});
