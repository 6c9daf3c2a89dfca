// Export progress under the player: percent and time left with cancel, then Download with size and resolution, and the history.
'use client';
import type { ExportView } from '@/lib/api/schemas';
import { formatBytes, formatPercent, formatRelative, formatResolution, formatTimeLeft } from '@/lib/client/formatting';
import { isFinished, useCancelExport, useExportJob } from '@/lib/client/projectQueries';
import { Button, buttonClass } from '@/components/ui/Button';
import { ProgressBar } from '@/components/ui/ProgressBar';
import { AlertIcon, CheckIcon, DownloadIcon } from '@/components/ui/icons';
import { OtherEditorsMenu } from './OtherEditorsMenu';

/** Loudness as measured on the finished file, e.g. "-14.0 LUFS, peak -1.6 dBTP". */
export function loudnessFacts(e: Pick<ExportView, 'loudness'>): string | null {
  if (!e.loudness) return null;
  return `${e.loudness.integratedLufs.toFixed(1)} LUFS, peak ${e.loudness.truePeakDb.toFixed(1)} dBTP`;
}

function fileFacts(e: ExportView): string {
  return [e.size ? formatBytes(e.size) : null, formatResolution(e.width, e.height), loudnessFacts(e)].filter(Boolean).join(' · ');
}

/** The final exports (not previews), newest first; the first one is the one this strip is about. */
export function finalExports(exports: ExportView[]): ExportView[] {
  return exports.filter((e) => e.quality !== 'preview');
}

function Rendering({ projectId, job }: { projectId: string; job: ExportView }) {
  const live = useExportJob(projectId, job).data ?? job;
  const cancel = useCancelExport(projectId);
  if (isFinished(live)) return null;
  const eta = live.etaSeconds ?? null;
  return (
    <div className="flex flex-col gap-2 rounded-xl bg-canvas p-3" data-testid="export-progress">
      <div className="flex items-center gap-3">
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-medium">
            {live.status === 'queued' ? 'Waiting to start…' : 'Exporting 1080p…'}{' '}
            <span className="text-muted tabular-nums">{formatPercent(live.progress)}</span>
          </p>
          <p className="truncate text-xs text-muted">{eta !== null ? formatTimeLeft(eta) : 'Estimating time left…'}</p>
        </div>
        <Button size="sm" variant="danger" onClick={() => cancel.mutate(live.id)} disabled={cancel.isPending}>
          Cancel export
        </Button>
      </div>
      <ProgressBar value={live.progress} label="Export progress" />
    </div>
  );
}

/** Which path made the file: "Fast export" when unchanged stretches were copied; the reason when a 1080p export was encoded in full. */
function RenderNote({ job }: { job: ExportView }) {
  if (job.render === 'smart') {
    return (
      <span
        className="shrink-0 rounded-full bg-canvas px-2 py-0.5 text-xs font-medium text-ink"
        title="Unchanged stretches were copied from your clip as they are; only the frames around cuts, titles and other changes were encoded."
        data-testid="fast-export-badge"
      >
        Fast export
      </span>
    );
  }
  if (job.render === 'full' && job.renderReason) return <p className="truncate text-xs text-muted">Full render: {job.renderReason}</p>;
  return null;
}

function Finished({ job, latest }: { job: ExportView; latest: boolean }) {
  return (
    <div className={`flex flex-col gap-2 rounded-xl p-3 ${latest ? 'bg-success-soft' : 'border border-line'}`} data-testid="export-ready">
      <div className="flex items-center gap-3">
        <div className="min-w-0 flex-1">
          <p className={`flex items-center gap-1.5 text-sm font-medium ${latest ? 'text-success' : ''}`}>
            {latest ? <CheckIcon width={16} height={16} className="shrink-0" /> : null}
            <span className="truncate">{latest ? 'Export finished · 100%' : 'Earlier export'}</span>
            {job.render === 'smart' ? <RenderNote job={job} /> : null}
          </p>
          <p className="truncate text-xs text-muted tabular-nums">{fileFacts(job)}</p>
          {job.render === 'full' ? <RenderNote job={job} /> : null}
        </div>
        <a href={job.url} download className={buttonClass('secondary', 'sm', 'shrink-0')}>
          <DownloadIcon width={18} height={18} /> Download
        </a>
      </div>
      {latest ? <ProgressBar value={1} label="Export progress" tone="success" /> : null}
    </div>
  );
}

function History({ exports }: { exports: ExportView[] }) {
  if (exports.length === 0) return null;
  return (
    <details className="text-sm">
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
              <a href={e.url} download className={buttonClass('ghost', 'sm', 'shrink-0')} aria-label={`Save the ${e.quality ?? ''} file from ${e.createdAt ? formatRelative(e.createdAt) : 'earlier'}`}>
                <DownloadIcon width={18} height={18} />
              </a>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function ExportStatus({ projectId, exports, startError, handOff }: { projectId: string; exports: ExportView[]; startError: string | null; handOff?: { hasCaptions: boolean } }) {
  const finals = finalExports(exports);
  const newest = finals[0];
  const latestDone = finals.find((e) => e.status === 'completed' && e.url);
  return (
    <div className="flex flex-col gap-2">
      {newest && !isFinished(newest) ? <Rendering key={newest.id} projectId={projectId} job={newest} /> : null}
      {newest?.status === 'failed' ? (
        <p role="alert" className="flex items-start gap-1.5 rounded-xl bg-danger-soft px-3 py-2 text-sm text-danger">
          <AlertIcon width={18} height={18} className="mt-px shrink-0" />
          The last export failed: {(newest.error ?? 'unknown error').replace(/\.$/, '')}. Press Export to try again.
        </p>
      ) : null}
      {startError ? (
        <p role="alert" className="text-sm text-danger">
          {startError}
        </p>
      ) : null}
      {latestDone ? <Finished job={latestDone} latest={latestDone === newest} /> : null}
      <History exports={exports} />
      {handOff ? <OtherEditorsMenu projectId={projectId} hasCaptions={handOff.hasCaptions} /> : null}
    </div>
  );
}
