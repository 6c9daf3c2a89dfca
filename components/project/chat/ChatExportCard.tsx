// An export asked for in the chat, live inside that chat message: progress, then Download (the same job Preview shows).
'use client';
import type { ExportView } from '@/lib/api/schemas';
import { formatBytes, formatPercent, formatResolution, formatTimeLeft } from '@/lib/client/formatting';
import { isFinished, useExportJob } from '@/lib/client/projectQueries';
import { buttonClass } from '@/components/ui/Button';
import { ProgressBar } from '@/components/ui/ProgressBar';
import { AlertIcon, CheckIcon, DownloadIcon } from '@/components/ui/icons';

export function ChatExportCard({ projectId, job }: { projectId: string; job: ExportView }) {
  const live = useExportJob(projectId, job).data ?? job;
  const facts = [live.size ? formatBytes(live.size) : null, formatResolution(live.width, live.height)].filter(Boolean).join(' · ');
  const label = live.quality === 'preview' ? 'preview' : '1080p';

  if (!isFinished(live)) {
    const eta = live.etaSeconds ?? null;
    return (
      <div className="flex flex-col gap-2 rounded-xl border border-line bg-canvas p-3" data-testid="chat-export" data-export-status={live.status}>
        <p className="text-sm font-medium">
          {live.status === 'queued' ? 'Waiting to start…' : `Exporting ${label}…`}{' '}
          <span className="text-muted tabular-nums">{formatPercent(live.progress)}</span>
        </p>
        <ProgressBar value={live.progress} label="Export progress in the chat" />
        <p className="text-xs text-muted">{eta !== null ? formatTimeLeft(eta) : 'Estimating time left…'}</p>
      </div>
    );
  }
  if (live.status === 'completed' && live.url) {
    // Stacked, so the words and the button fit a phone's chat bubble without cutting either.
    return (
      <div className="flex flex-col gap-2 rounded-xl bg-success-soft p-3" data-testid="chat-export" data-export-status="completed">
        <div>
          <p className="flex items-center gap-1.5 text-sm font-medium text-success">
            <CheckIcon width={16} height={16} className="shrink-0" /> Your video is ready
          </p>
          {facts ? <p className="text-xs text-muted tabular-nums">{facts}</p> : null}
        </div>
        <a href={live.url} download className={buttonClass('primary', 'sm', 'w-full sm:w-auto sm:self-start')}>
          <DownloadIcon width={18} height={18} /> Download
        </a>
      </div>
    );
  }
  return (
    <p className="flex items-start gap-1.5 rounded-xl bg-danger-soft px-3 py-2 text-sm text-danger" data-testid="chat-export" data-export-status={live.status}>
      <AlertIcon width={18} height={18} className="mt-px shrink-0" />
      {live.status === 'canceled'
        ? 'This export was canceled. Say "export" to start another.'
        : `This export failed: ${(live.error ?? 'unknown error').replace(/\.$/, '')}. Say "export" to try again.`}
    </p>
  );
}
