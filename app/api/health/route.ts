import { NextResponse } from 'next/server';
import { healthReport } from '@/lib/server/health';
import { route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

export const GET = route(async () => {
  const report = await healthReport();
  return NextResponse.json(report, { status: report.ok ? 200 : 503 });
});
