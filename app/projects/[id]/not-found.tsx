import { ProjectNotFound } from '@/components/project/ProjectNotFound';

export const metadata = { title: 'Project not found · In Video' };

export default function NotFound() {
  return <ProjectNotFound />;
}
