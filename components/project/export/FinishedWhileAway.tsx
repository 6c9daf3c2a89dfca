// On the project page: the export that finished while the page was closed, with its download, until seen.
'use client';
import type { ExportView } from '@/lib/api/schemas';
import { formatBytes, formatRelative, formatResolution } from '@/lib/client/formatting';
import { markExportSeen } from '@/lib/client/seenExports';
import { buttonClass } from '@/components/ui/Button';
import { CheckIcon, CloseIcon, DownloadIcon } from '@/components/ui/icons';
import { useFinishedWhileAway } from './useFinishedWhileAway';

export function FinishedWhileAway({ exports }: { exports: ExportView[] }) {
  const latest = exports.find((e) => e.quality !== 'preview' && e.status === 'completed');
  const news = useFinishedWhileAway(latest);
  if (!latest || !news) return null;
  const facts = [latest.size ? formatBytes(latest.size) : null, formatResolution(latest.width, latest.height)].filter(Boolean).join(' · ');
  return (
    <div role="status" className="mx-3 mb-2 flex items-center gap-3 rounded-xl bg-success-soft px-3 py-2" data-testid="finished-while-away">
      <CheckIcon width={18} height={18} className="shrink-0 text-success" />
      <div className="min-w-0 flex-1">
        <p className="text-sm leading-5 font-medium text-success">Your export finished while you were away</p>
        <p className="truncate text-xs text-muted tabular-nums">
          {[facts, latest.createdAt ? `started ${formatRelative(latest.createdAt)}` : null].filter(Boolean).join(' · ')}
        </p>
      </div>
      <a href={latest.url} download onClick={() => markExportSeen(latest.id)} className={buttonClass('primary', 'sm', 'shrink-0')}>
        <DownloadIcon width={18} height={18} /> Download
      </a>
      <button
        type="button"
        onClick={() => markExportSeen(latest.id)}
        aria-label="Dismiss the finished export note"
        className="grid size-8 shrink-0 place-items-center rounded-lg text-muted hover:bg-raised hover:text-ink"
      >
        <CloseIcon width={16} height={16} />
      </button>
    </div>
  );
}
