import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SharedView } from '@/components/share/SharedView';
import { asAppError } from '@/lib/errors';
import { sharedProjectView } from '@/lib/server/share';

export const dynamic = 'force-dynamic';

// A share link must not leak through the Referer of anything the page loads.
export const metadata: Metadata = { title: 'Shared video · In Video', referrer: 'no-referrer', robots: { index: false } };

async function load(token: string) {
  try {
    return await sharedProjectView(token);
  } catch (err) {
    if (asAppError(err)?.code === 1002) return null;
    throw err;
  }
}

export default async function SharePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = await load(token);
  if (!view) notFound();
  return <SharedView view={view} />;
}
