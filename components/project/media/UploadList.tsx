// Per-file upload rows: name, bytes and percent, a cancel button, and errors in plain words.
'use client';
import { useSyncExternalStore } from 'react';
import { formatBytes, formatPercent } from '@/lib/client/formatting';
import { cancelUpload, dismissUpload, getServerUploads, getUploads, subscribeUploads, type UploadItem } from '@/lib/client/uploadQueue';
import { ProgressBar } from '@/components/ui/ProgressBar';
import { AlertIcon, CheckIcon, CloseIcon } from '@/components/ui/icons';

export function useProjectUploads(projectId: string): UploadItem[] {
  const all = useSyncExternalStore(subscribeUploads, getUploads, getServerUploads);
  return all.filter((u) => u.projectId === projectId);
}

function detail(u: UploadItem): string {
  const fraction = u.size ? u.loaded / u.size : 0;
  switch (u.status) {
    case 'queued':
      return 'Waiting…';
    case 'uploading':
      return u.size ? `${formatBytes(u.loaded)} of ${formatBytes(u.size)} · ${formatPercent(fraction)}` : 'Importing…';
    case 'paused':
      return u.size ? `Paused, waiting for the network · ${formatBytes(u.loaded)} of ${formatBytes(u.size)} sent` : 'Paused, waiting for the network';
    case 'processing':
      return 'Processing…';
    case 'done':
      return u.size ? `${formatBytes(u.size)} · Added` : 'Added';
    case 'canceled':
      return 'Canceled';
    case 'failed':
      return u.error ?? 'Upload failed.';
  }
}

export function UploadList({ projectId }: { projectId: string }) {
  const uploads = useProjectUploads(projectId).filter((u) => u.status !== 'done');
  if (uploads.length === 0) return null;
  return (
    <ul className="flex flex-col gap-2" aria-label="Uploads">
      {uploads.map((u) => {
        const active = u.status === 'queued' || u.status === 'uploading' || u.status === 'paused' || u.status === 'processing';
        const fraction = u.status === 'processing' ? 1 : u.size ? u.loaded / u.size : 0;
        return (
          <li key={u.id} className="rounded-xl border border-line bg-canvas p-3" data-upload-status={u.status}>
            <div className="flex items-center justify-between gap-2">
              <p className="min-w-0 truncate text-sm font-medium" title={u.name}>
                {u.name}
              </p>
              <button
                type="button"
                onClick={() => (active ? cancelUpload(u.id) : dismissUpload(u.id))}
                aria-label={active ? `Cancel upload of ${u.name}` : `Dismiss ${u.name}`}
                className="grid size-8 shrink-0 place-items-center rounded-lg text-muted hover:bg-raised hover:text-ink"
              >
                <CloseIcon width={16} height={16} />
              </button>
            </div>
            {active ? (
              <div className="mt-1.5">
                <ProgressBar value={fraction} label={`Uploading ${u.name}`} />
              </div>
            ) : null}
            <p className={`mt-1.5 flex items-start gap-1.5 text-xs ${u.status === 'failed' ? 'text-danger' : 'text-muted'}`} aria-live="polite">
              {u.status === 'failed' ? <AlertIcon width={14} height={14} className="mt-px shrink-0" /> : null}
              {u.status === 'done' ? <CheckIcon width={14} height={14} /> : null}
              <span className="tabular-nums">{detail(u)}</span>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
