import { ProjectNotFound } from '@/components/project/ProjectNotFound';

export default function NotFound() {
  return <ProjectNotFound title="Link not found" body="This video is not shared any more, or the link is incomplete. Ask the sender for a new link." />;
}
