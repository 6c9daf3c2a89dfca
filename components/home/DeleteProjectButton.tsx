// The project card's delete control: asks, then removes the project with everything in it.
'use client';
import type { ProjectView } from '@/lib/api/schemas';
import { useDeleteProject } from '@/lib/client/projectQueries';
import { ConfirmDelete } from '@/components/ui/ConfirmDelete';

export function DeleteProjectButton({ project }: { project: ProjectView }) {
  const remove = useDeleteProject();
  return (
    <ConfirmDelete
      label={`Delete project "${project.title}"`}
      question={`Delete "${project.title}" with its files, edits and exports? This cannot be undone.`}
      onDelete={() => remove.mutate(project.id)}
      busy={remove.isPending}
      error={remove.error}
      className="absolute top-2 right-2 z-10 bg-surface/90"
    />
  );
}
