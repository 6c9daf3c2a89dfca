// The media bin's delete control: asks; if the timeline uses the file, says so and offers to remove its pieces too.
'use client';
import type { MediaView } from '@/lib/api/schemas';
import { AppError } from '@/lib/errors';
import { useDeleteMedia } from '@/lib/client/projectQueries';
import { ConfirmDelete } from '@/components/ui/ConfirmDelete';

export function DeleteMediaButton({ projectId, media }: { projectId: string; media: MediaView }) {
  const remove = useDeleteMedia(projectId);
  const inUse = remove.error instanceof AppError && remove.error.code === 409;
  return (
    <ConfirmDelete
      label={`Delete "${media.name}"`}
      question={`Delete "${media.name}" from this project?`}
      onDelete={() => remove.mutate({ mediaId: media.id, force: false })}
      busy={remove.isPending}
      error={remove.error}
      retry={inUse ? { label: 'Delete with its pieces', run: () => remove.mutate({ mediaId: media.id, force: true }) } : null}
    />
  );
}
