// The home page's big target: drop or pick clips, and a new project opens with them uploading.
'use client';
import { useRouter } from 'next/navigation';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { errorMessage } from '@/lib/client/apiFetch';
import { useCreateProject } from '@/lib/client/projectQueries';
import { queryKeys } from '@/lib/client/queryKeys';
import { enqueueFiles } from '@/lib/client/uploadQueue';
import { buttonClass } from '@/components/ui/Button';
import { AlertIcon, UploadIcon } from '@/components/ui/icons';
import { MediaFileInput } from '@/components/upload/MediaFileInput';
import { useFileDrop } from '@/components/upload/useFileDrop';

function titleFrom(files: File[]): string {
  const first = files[0]?.name.replace(/\.[^.]+$/, '').trim();
  return (first || 'Untitled project').slice(0, 120);
}

export function StartDropZone({ compact = false }: { compact?: boolean }) {
  const router = useRouter();
  const client = useQueryClient();
  const create = useCreateProject();
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [error, setError] = useState<string | null>(null);

  const start = async (files: File[]) => {
    setError(null);
    try {
      const project = await create.mutateAsync(titleFrom(files));
      enqueueFiles(project.id, files, () => {
        void client.invalidateQueries({ queryKey: queryKeys.project(project.id) });
        void client.invalidateQueries({ queryKey: queryKeys.projects() });
      });
      router.push(`/projects/${project.id}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const { over, handlers } = useFileDrop((files) => void start(files));

  return (
    <div
      {...handlers}
      className={`relative flex flex-col items-center justify-center gap-4 rounded-3xl border-2 border-dashed px-6 text-center transition-colors ${
        compact ? 'py-6 sm:flex-row sm:justify-start sm:gap-5 sm:text-left' : 'py-12 sm:py-16'
      } ${
        over ? 'border-accent bg-accent-soft' : 'border-line-strong bg-surface'
      }`}
    >
      <span aria-hidden="true" className={`size-14 shrink-0 place-items-center rounded-2xl bg-accent-soft text-accent-text ${compact ? 'hidden sm:grid' : 'grid'}`}>
        <UploadIcon width={28} height={28} />
      </span>
      <div className={`space-y-1.5 ${compact ? 'sm:flex-1' : ''}`}>
        <p className="text-lg font-semibold tracking-tight sm:text-xl">Drop your clips here to start a project</p>
        <p className="text-sm text-muted">Video, audio or images — up to 500 MB each. Then tell the editor what you want.</p>
      </div>
      <label htmlFor={inputId} className={buttonClass('primary', 'md', 'cursor-pointer focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-ring')}>
        <UploadIcon />
        Choose files
        <MediaFileInput ref={inputRef} id={inputId} label="Choose files for a new project" disabled={create.isPending} onFiles={(files) => void start(files)} />
      </label>
      {create.isPending ? <p role="status" className="text-sm text-muted">Creating your project…</p> : null}
      {error ? (
        <p role="alert" className="flex items-center gap-2 text-sm text-danger">
          <AlertIcon /> {error}
        </p>
      ) : null}
    </div>
  );
}
