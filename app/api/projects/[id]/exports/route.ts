import { NextResponse } from 'next/server';
import { createExportBodySchema } from '@/lib/api/schemas';
import { getBackend } from '@/lib/server/context';
import { requireOwnedProject } from '@/lib/server/access';
import { parseJsonBody, route } from '@/lib/server/http';
import { startExportWithinQuota } from '@/lib/server/limits/quotas';
import { toExportView } from '@/lib/server/views';

export const POST = route<{ id: string }>(async (req, { id }) => {
  const ctx = await requireOwnedProject(id);
  const { quality, render } = await parseJsonBody(req, createExportBodySchema);
  const record = await startExportWithinQuota(getBackend(), ctx, quality, { forceFull: render === 'full' });
  return NextResponse.json({ export: toExportView(record) }, { status: 202 });
});
