import { HomeView } from '@/components/home/HomeView';
import { listProjects } from '@/lib/server/projects';
import { currentOwnerId } from '@/lib/server/session';

// The list depends on this browser's cookie.
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const ownerId = await currentOwnerId();
  const projects = ownerId ? await listProjects(ownerId) : [];
  return <HomeView initialProjects={projects} />;
}
