// The editor: chat, media, player, export and timeline; one column with tabs on phones, a grid on desktops.
'use client';
import Link from 'next/link';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { ProjectDetail } from '@/lib/api/schemas';
import { errorMessage, isNotFound } from '@/lib/client/apiFetch';
import { isFinished, useProjectDetail, useStartExport, useTimeline } from '@/lib/client/projectQueries';
import { queryKeys } from '@/lib/client/queryKeys';
import { enqueueFiles, enqueueUrl } from '@/lib/client/uploadQueue';
import { Button } from '@/components/ui/Button';
import { ChevronLeftIcon, ExportIcon } from '@/components/ui/icons';
import { ChatPanel } from './chat/ChatPanel';
import { CreditsBadge } from './CreditsBadge';
import { ExportStatus, finalExports } from './export/ExportStatus';
import { FinishedWhileAway } from './export/FinishedWhileAway';
import { MediaPanel } from './media/MediaPanel';
import { PlayerPanel } from './player/PlayerPanel';
import { ProjectNotFound } from './ProjectNotFound';
import { ShareButton } from './share/ShareButton';
import { TimelinePanel } from './timeline/TimelinePanel';
import { panelId, tabId, WorkspaceTabs, type Tab } from './WorkspaceTabs';

export function ProjectWorkspace({ projectId, initialDetail }: { projectId: string; initialDetail: ProjectDetail }) {
  const client = useQueryClient();
  const detail = useProjectDetail(projectId, initialDetail);
  const timelineQuery = useTimeline(projectId);
  const [tab, setTab] = useState<Tab>('chat');
  const [time, setTime] = useState(0);
  const videoRef = useRef<HTMLVideoElement>(null);
  const startExport = useStartExport(projectId);

  const refresh = useCallback(() => {
    void client.invalidateQueries({ queryKey: queryKeys.project(projectId) });
    void client.invalidateQueries({ queryKey: queryKeys.projects() });
  }, [client, projectId]);
  const onFiles = useCallback((files: File[]) => enqueueFiles(projectId, files, refresh), [projectId, refresh]);
  const onUrl = useCallback((url: string) => enqueueUrl(projectId, url, refresh), [projectId, refresh]);
  const seek = useCallback((seconds: number) => {
    setTime(seconds);
    if (videoRef.current) videoRef.current.currentTime = seconds;
  }, []);

  if (detail.isError && isNotFound(detail.error)) return <ProjectNotFound />;
  const data = detail.data ?? initialDetail;
  const timeline = timelineQuery.data ?? data.timeline;
  const canRender = timeline.duration > 0;
  const newestExport = finalExports(data.exports)[0];
  const exporting = Boolean(newestExport && !isFinished(newestExport));
  const exportButton = (
    <Button
      size="sm"
      variant="primary"
      onClick={() => startExport.mutate('high')}
      disabled={!canRender || exporting || startExport.isPending}
      title={canRender ? 'Render a 1080p MP4' : 'Add a clip first'}
    >
      <ExportIcon width={16} height={16} /> Export
    </Button>
  );
  // Phones show one tab at a time; from lg up every area is visible in the grid.
  const show = (t: Tab) => (tab === t ? 'flex' : 'hidden');
  const tabPanel = (t: Tab) => ({ role: 'tabpanel' as const, id: panelId(t), 'aria-labelledby': tabId(t) });

  return (
    <div className="flex h-dvh flex-col overflow-hidden">
      <header className="flex h-14 shrink-0 items-center gap-2 px-3 sm:px-4">
        <Link href="/" className="grid size-9 shrink-0 place-items-center rounded-xl text-muted hover:bg-raised hover:text-ink" aria-label="All projects">
          <ChevronLeftIcon />
        </Link>
        <h1 className="min-w-0 flex-1 truncate text-base font-semibold tracking-tight">{data.project.title}</h1>
        {detail.isError ? (
          <span role="alert" className="hidden text-xs text-danger sm:inline">
            {errorMessage(detail.error)}
          </span>
        ) : null}
        <CreditsBadge />
        <ShareButton projectId={projectId} shared={Boolean(data.project.shared)} />
      </header>
      <FinishedWhileAway exports={data.exports} />
      <WorkspaceTabs tab={tab} onChange={setTab} />
      <main className="scroll-thin flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto px-3 pb-3 lg:grid lg:grid-cols-[300px_minmax(0,1fr)_380px] lg:grid-rows-[minmax(0,1fr)_auto] lg:overflow-hidden">
        <div {...tabPanel('chat')} className={`${show('chat')} min-h-0 flex-1 flex-col lg:col-start-3 lg:row-span-2 lg:row-start-1 lg:flex`}>
          <ChatPanel projectId={projectId} history={initialDetail.messages} hasMedia={data.media.length > 0} onFiles={onFiles} />
        </div>
        {/* On desktops this wrapper vanishes (display: contents) and its children take grid cells. */}
        <div {...tabPanel('timeline')} className={`${show('timeline')} flex-col gap-3 lg:contents`}>
          <div className="min-w-0 lg:col-span-2 lg:col-start-1 lg:row-start-2">
            <TimelinePanel projectId={projectId} timeline={timeline} media={data.media} time={time} onSeek={seek} />
          </div>
          <div className="min-h-0 lg:col-start-1 lg:row-start-1">
            <MediaPanel projectId={projectId} media={data.media} onFiles={onFiles} onUrl={onUrl} />
          </div>
        </div>
        <div {...tabPanel('preview')} className={`${show('preview')} min-h-0 min-w-0 flex-col lg:col-start-2 lg:row-start-1 lg:flex`}>
          <PlayerPanel
            ref={videoRef}
            projectId={projectId}
            exports={data.exports}
            media={data.media}
            canRender={canRender}
            onTime={setTime}
            exportAction={exportButton}
            footer={
              <ExportStatus
                projectId={projectId}
                exports={data.exports}
                startError={startExport.isError ? errorMessage(startExport.error) : null}
                // A timeline with clips can be handed to another editor (the share page never offers it).
                handOff={canRender ? { hasCaptions: timeline.tracks.some((t) => t.type === 'text') } : undefined}
              />
            }
          />
        </div>
      </main>
    </div>
  );
}
