// Uploads cut off by a reload or a closed tab: how far they got, and a picker that continues them (same file = same upload).
'use client';
import { useId } from 'react';
import { formatBytes, formatPercent } from '@/lib/client/formatting';
import { forgetUnfinished, useUnfinishedUploads } from '@/lib/client/unfinishedUploads';
import { MediaFileInput } from '@/components/upload/MediaFileInput';
import { ProgressBar } from '@/components/ui/ProgressBar';
import { CloseIcon, UploadIcon } from '@/components/ui/icons';
import { useProjectUploads } from './UploadList';

export function UnfinishedUploads({ projectId, onFiles }: { projectId: string; onFiles: (files: File[]) => void }) {
  const inputId = useId();
  const unfinished = useUnfinishedUploads(projectId);
  const active = useProjectUploads(projectId).filter((u) => u.status !== 'done' && u.status !== 'failed' && u.status !== 'canceled');
  // One already running again in the queue shows there, with live progress.
  const rows = (unfinished.data ?? []).filter((u) => !active.some((a) => a.name === u.name && a.size === u.size));
  if (rows.length === 0) return null;
  return (
    <ul className="flex flex-col gap-2" aria-label="Unfinished uploads">
      {rows.map((u) => (
        <li key={u.key} className="rounded-xl border border-line bg-canvas p-3" data-upload-status="unfinished">
          <div className="flex items-center justify-between gap-2">
            <p className="min-w-0 truncate text-sm font-medium" title={u.name}>
              {u.name}
            </p>
            <button
              type="button"
              onClick={() => void forgetUnfinished(u).then(() => unfinished.refetch())}
              aria-label={`Forget the unfinished upload of ${u.name}`}
              className="grid size-8 shrink-0 place-items-center rounded-lg text-muted hover:bg-raised hover:text-ink"
            >
              <CloseIcon width={16} height={16} />
            </button>
          </div>
          <div className="mt-1.5">
            <ProgressBar value={u.size ? u.received / u.size : 0} label={`Unfinished upload of ${u.name}`} />
          </div>
          <p className="mt-1.5 text-xs text-muted tabular-nums">
            Stopped at {formatBytes(u.received)} of {formatBytes(u.size)} · {formatPercent(u.size ? u.received / u.size : 0)}. Choose the same file
            to continue from there.
          </p>
          <label
            htmlFor={`${inputId}-${u.key}`}
            className="mt-2 inline-flex h-9 cursor-pointer items-center gap-2 rounded-xl border border-line-strong bg-surface px-3 text-sm font-medium hover:bg-raised focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-ring"
          >
            <UploadIcon width={16} height={16} /> Continue {u.name}
            <MediaFileInput id={`${inputId}-${u.key}`} label={`Continue uploading ${u.name}`} onFiles={onFiles} />
          </label>
        </li>
      ))}
    </ul>
  );
}
