// Export: start a 1080p render, watch percent and time left, cancel, then download; with the history below.
'use client';
import type { ExportView } from '@/lib/api/schemas';
import { errorMessage } from '@/lib/client/apiFetch';
import { formatBytes, formatPercent, formatRelative, formatResolution, formatTimeLeft } from '@/lib/client/formatting';
import { isFinished, useCancelExport, useExportJob, useStartExport } from '@/lib/client/projectQueries';
import { Button, buttonClass } from '@/components/ui/Button';
import { Panel } from '@/components/ui/Panel';
import { ProgressBar } from '@/components/ui/ProgressBar';
import { AlertIcon, DownloadIcon, ExportIcon } from '@/components/ui/icons';

function fileFacts(e: ExportView): string {
  return [e.size ? formatBytes(e.size) : null, formatResolution(e.width, e.height)].filter(Boolean).join(' · ');
}

function ActiveExport({ projectId, job }: { projectId: string; job: ExportView }) {
  const live = useExportJob(projectId, job).data ?? job;
  const cancel = useCancelExport(projectId);
  if (isFinished(live)) return null;
  const eta = live.etaSeconds ?? null;
  return (
    <div className="flex flex-col gap-2 rounded-xl bg-canvas p-3" data-testid="export-progress">
      <div className="flex items-center justify-between text-sm">
        <span className="font-medium">{live.status === 'queued' ? 'Waiting to start…' : 'Exporting 1080p…'}</span>
        <span className="tabular-nums text-muted" data-testid="export-percent">
          {formatPercent(live.progress)}
        </span>
      </div>
      <ProgressBar value={live.progress} label="Export progress" />
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs text-muted">{eta !== null ? formatTimeLeft(eta) : 'Estimating time left…'}</span>
        <Button size="sm" variant="danger" onClick={() => cancel.mutate(live.id)} disabled={cancel.isPending}>
          Cancel export
        </Button>
      </div>
    </div>
  );
}

function History({ exports }: { exports: ExportView[] }) {
  if (exports.length === 0) return null;
  return (
    <details className="group text-sm">
      <summary className="cursor-pointer rounded-lg px-1 py-1 text-muted hover:text-ink">Export history ({exports.length})</summary>
      <ul className="mt-1 flex flex-col divide-y divide-line">
        {exports.map((e) => (
          <li key={e.id} className="flex items-center justify-between gap-2 px-1 py-2">
            <div className="min-w-0">
              <p className="truncate">
                {e.quality === 'preview' ? 'Preview' : 'Export'} · <span className="capitalize">{e.status}</span>
              </p>
              <p className="truncate text-xs text-muted">
                {e.createdAt ? formatRelative(e.createdAt) : ''}
                {fileFacts(e) ? ` · ${fileFacts(e)}` : ''}
                {e.error ? ` · ${e.error}` : ''}
              </p>
            </div>
            {e.status === 'completed' && e.url ? (
              <a href={e.url} download className={buttonClass('ghost', 'sm', 'shrink-0')} aria-label={`Save ${e.quality ?? ''} file from ${e.createdAt ? formatRelative(e.createdAt) : 'earlier'}`}>
                <DownloadIcon width={18} height={18} />
              </a>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function ExportPanel({ projectId, exports, canRender }: { projectId: string; exports: ExportView[]; canRender: boolean }) {
  const start = useStartExport(projectId);
  const finals = exports.filter((e) => e.quality !== 'preview');
  const newest = finals[0];
  const active = newest && !isFinished(newest) ? newest : undefined;
  const latestDone = finals.find((e) => e.status === 'completed' && e.url);

  return (
    <Panel title="Export" id="export" bodyClassName="flex flex-col gap-3 p-3">
      {active ? (
        <ActiveExport key={active.id} projectId={projectId} job={active} />
      ) : (
        <div className="flex items-center gap-3">
          <Button variant="primary" className="shrink-0 px-6" onClick={() => start.mutate('high')} disabled={!canRender || start.isPending}>
            <ExportIcon width={18} height={18} /> Export
          </Button>
          <p className="min-w-0 text-xs text-muted">
            {canRender ? '1080p MP4, ready for YouTube, TikTok or Reels.' : 'Add a clip first: there is nothing to export yet.'}
          </p>
        </div>
      )}
      {newest?.status === 'failed' ? (
        <p role="alert" className="flex items-start gap-1.5 rounded-xl bg-danger-soft px-3 py-2 text-sm text-danger">
          <AlertIcon width={18} height={18} className="mt-px shrink-0" />
          The last export failed: {(newest.error ?? 'unknown error').replace(/\.$/, '')}. Press Export to try again.
        </p>
      ) : null}
      {start.isError ? (
        <p role="alert" className="text-sm text-danger">
          {errorMessage(start.error)}
        </p>
      ) : null}
      {latestDone ? (
        <div className={`flex flex-col gap-2 rounded-xl p-3 ${latestDone === newest ? 'bg-success-soft' : 'border border-line'}`} data-testid="export-ready">
          <div className="flex items-center gap-3">
            <a href={latestDone.url} download className={buttonClass('secondary', 'md', 'shrink-0')}>
              <DownloadIcon width={18} height={18} /> Download
            </a>
            <p className="min-w-0 flex-1 text-xs text-muted">
              <span className={`block text-sm font-medium ${latestDone === newest ? 'text-success' : 'text-ink'}`}>
                {latestDone === newest ? 'Export finished' : 'Previous export'}
              </span>
              {fileFacts(latestDone)}
            </p>
            {latestDone === newest ? <span className="text-sm font-medium text-success tabular-nums">100%</span> : null}
          </div>
          {latestDone === newest ? <ProgressBar value={1} label="Export progress" tone="success" /> : null}
        </div>
      ) : null}
      <History exports={exports} />
    </Panel>
  );
}
