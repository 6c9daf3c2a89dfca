import { NextResponse } from 'next/server';
import { requireOwnedProject } from '@/lib/server/access';
import { route } from '@/lib/server/http';
import { mediaPeaks } from '@/lib/server/mediaAssets';

export const GET = route<{ id: string; mid: string }>(async (_req, { id, mid }) => {
  const peaks = await mediaPeaks(await requireOwnedProject(id), mid);
  return NextResponse.json(peaks, { headers: { 'cache-control': 'private, max-age=31536000, immutable' } });
});
