import { ProjectNotFound } from '@/components/project/ProjectNotFound';

export default function NotFound() {
  return <ProjectNotFound title="Page not found" body="There is nothing at this address." />;
}
