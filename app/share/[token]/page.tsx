import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { SharedView } from '@/components/share/SharedView';
import { asAppError } from '@/lib/errors';
import { sharedProjectView } from '@/lib/server/share';
import { sharePageMetadata } from '@/lib/server/shareMetadata';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ token: string }> }): Promise<Metadata> {
  return sharePageMetadata((await params).token, await headers());
}

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
