// The player: the newest finished render of this project, with "Preview" to make a quick one and room for export controls.
'use client';
import { forwardRef, useEffect, useRef, useState } from 'react';
import type { ExportView, MediaView } from '@/lib/api/schemas';
import { errorMessage } from '@/lib/client/apiFetch';
import { formatPercent, formatRelative, formatResolution } from '@/lib/client/formatting';
import { useExportJob, useStartExport } from '@/lib/client/projectQueries';
import { Button } from '@/components/ui/Button';
import { Panel } from '@/components/ui/Panel';
import { ProgressBar } from '@/components/ui/ProgressBar';
import { PlayIcon } from '@/components/ui/icons';

function PreviewProgress({ projectId, job }: { projectId: string; job: ExportView }) {
  const live = useExportJob(projectId, job).data ?? job;
  if (live.status !== 'queued' && live.status !== 'rendering') return null;
  return (
    <div className="flex items-center gap-3 px-1">
      <div className="flex-1">
        <ProgressBar value={live.progress} label="Preview render" />
      </div>
      <span className="text-xs text-muted tabular-nums">Preview {formatPercent(live.progress)}</span>
    </div>
  );
}

export const PlayerPanel = forwardRef<
  HTMLVideoElement,
  {
    projectId: string;
    exports: ExportView[];
    media: MediaView[];
    canRender: boolean;
    onTime: (seconds: number) => void;
    /** The Export button, beside Preview. */
    exportAction: React.ReactNode;
    /** Export progress and downloads, under the picture. */
    footer: React.ReactNode;
  }
>(function PlayerPanel({ projectId, exports, media, canRender, onTime, exportAction, footer }, ref) {
  const start = useStartExport(projectId);
  const playable = exports.find((e) => e.status === 'completed' && e.url);
  const pendingPreview = exports.find((e) => e.quality === 'preview' && (e.status === 'queued' || e.status === 'rendering'));
  const poster = media.find((m) => m.thumbnailUrl)?.thumbnailUrl ?? undefined;
  // Before anything is rendered, play the first source clip as uploaded (if this browser can decode it).
  const [unplayableSource, setUnplayableSource] = useState<string | null>(null);
  const sourceClip = playable ? undefined : media.find((m) => m.kind === 'video' && m.url && m.url !== unplayableSource);
  const src = playable?.url ?? sourceClip?.url;
  const localRef = useRef<HTMLVideoElement | null>(null);

  // A smooth playhead: timeupdate fires only ~4 times a second, so follow frames while playing.
  useEffect(() => {
    const video = localRef.current;
    if (!video) return;
    let frame = 0;
    const tick = () => {
      onTime(video.currentTime);
      if (!video.paused) frame = requestAnimationFrame(tick);
    };
    const onPlay = () => (frame = requestAnimationFrame(tick));
    video.addEventListener('play', onPlay);
    video.addEventListener('seeked', tick);
    video.addEventListener('timeupdate', tick);
    return () => {
      cancelAnimationFrame(frame);
      video.removeEventListener('play', onPlay);
      video.removeEventListener('seeked', tick);
      video.removeEventListener('timeupdate', tick);
    };
  }, [onTime, src]);

  const action = (
    <>
      <Button size="sm" variant="secondary" onClick={() => start.mutate('preview')} disabled={!canRender || start.isPending || Boolean(pendingPreview)}>
        <PlayIcon width={16} height={16} /> Preview
      </Button>
      {exportAction}
    </>
  );

  return (
    <Panel title="Player" id="player" actions={action} className="h-full" bodyClassName="flex flex-col gap-2 p-3">
      <div className="relative grid min-h-0 flex-1 place-items-center overflow-hidden rounded-xl bg-black lg:min-h-48">
        {src ? (
          <video
            key={src}
            ref={(el) => {
              localRef.current = el;
              if (typeof ref === 'function') ref(el);
              else if (ref) ref.current = el;
            }}
            src={src}
            poster={poster}
            onError={() => {
              if (!playable && sourceClip?.url) setUnplayableSource(sourceClip.url);
            }}
            controls
            playsInline
            preload="metadata"
            aria-label="Video player"
            className="aspect-video w-full object-contain lg:absolute lg:inset-0 lg:aspect-auto lg:size-full"
          />
        ) : (
          <div className="flex aspect-video w-full flex-col items-center justify-center gap-2 p-6 text-center text-white lg:absolute lg:inset-0 lg:aspect-auto lg:size-full">
            {poster ? (
              // eslint-disable-next-line @next/next/no-img-element -- a thumbnail behind the empty-state text
              <img src={poster} alt="" className="absolute inset-0 size-full object-cover opacity-30" />
            ) : null}
            <p className="relative font-semibold">{canRender ? 'Nothing rendered yet' : 'Add a clip to get started'}</p>
            <p className="relative max-w-xs text-sm text-white/85">
              {canRender ? 'Press Preview for a quick low-resolution render of your edit.' : 'Upload a video and it appears here.'}
            </p>
          </div>
        )}
      </div>
      {pendingPreview ? <PreviewProgress projectId={projectId} job={pendingPreview} /> : null}
      {sourceClip ? (
        <p className="px-1 text-xs text-muted">
          Playing the source clip “{sourceClip.name}” as uploaded. Press Preview to see your edit.
        </p>
      ) : null}
      {playable ? (
        <p className="px-1 text-xs text-muted">
          Playing the {playable.quality === 'preview' ? 'preview' : 'export'}
          {playable.createdAt ? ` from ${formatRelative(playable.createdAt)}` : ''}
          {formatResolution(playable.width, playable.height) ? ` · ${formatResolution(playable.width, playable.height)}` : ''}
        </p>
      ) : null}
      {start.isError ? (
        <p role="alert" className="px-1 text-sm text-danger">
          {errorMessage(start.error)}
        </p>
      ) : null}
      {footer}
    </Panel>
  );
});
