// The timeline: a ruler, one lane per track, a playhead tied to the player, the summary, undo and redo.
'use client';
import { useEffect, useMemo, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { MediaView, TimelineView } from '@/lib/api/schemas';
import { errorMessage } from '@/lib/client/apiFetch';
import { formatClock } from '@/lib/client/formatting';
import { useTimelineAction } from '@/lib/client/projectQueries';
import { Button } from '@/components/ui/Button';
import { Panel } from '@/components/ui/Panel';
import { FilmIcon, MusicIcon, RedoIcon, TextIcon, UndoIcon } from '@/components/ui/icons';
import { rulerStep, rulerTicks, tickLabel } from './rulerTicks';
import { TimelineLane } from './TimelineLane';

const LANE_HEIGHT = { video: 'h-14', audio: 'h-10', text: 'h-8' } as const;
const LANE_ICON = { video: FilmIcon, audio: MusicIcon, text: TextIcon } as const;

/** Tracks an element's width; a callback ref so it works when the element appears later (first clip added). */
function useWidth() {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, width] as const;
}

export function TimelinePanel({
  projectId,
  timeline,
  media,
  time,
  onSeek,
}: {
  projectId: string;
  timeline: TimelineView;
  media: MediaView[];
  time: number;
  onSeek: (seconds: number) => void;
}) {
  const action = useTimelineAction(projectId);
  const [areaRef, width] = useWidth();
  const mediaById = useMemo(() => new Map(media.map((m) => [m.id, m])), [media]);
  const duration = timeline.duration;
  const tracks = timeline.tracks.filter((t) => t.segments.length > 0);
  const step = rulerStep(duration, width);
  const playhead = duration > 0 ? Math.min(1, time / duration) : 0;

  const seekFromPointer = (e: PointerEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    onSeek(Math.max(0, Math.min(duration, ((e.clientX - rect.left) / rect.width) * duration)));
  };
  const seekFromKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, PageDown: -10, PageUp: 10 };
    if (e.key in moves) onSeek(Math.max(0, Math.min(duration, time + moves[e.key])));
    else if (e.key === 'Home') onSeek(0);
    else if (e.key === 'End') onSeek(duration);
    else return;
    e.preventDefault();
  };

  const actions = (
    <>
      <Button size="sm" variant="ghost" onClick={() => action.mutate('undo')} disabled={action.isPending || timeline.canUndo === false}>
        <UndoIcon width={18} height={18} /> Undo
      </Button>
      <Button size="sm" variant="ghost" onClick={() => action.mutate('redo')} disabled={action.isPending || timeline.canRedo === false}>
        <RedoIcon width={18} height={18} /> Redo
      </Button>
    </>
  );

  return (
    <Panel title="Timeline" id="timeline" actions={actions} bodyClassName="flex flex-col gap-2 p-3">
      <p className="text-sm text-muted" data-testid="timeline-summary">
        <span className="font-medium text-ink tabular-nums">{formatClock(duration)}</span>
        <span aria-hidden="true"> · </span>
        {timeline.summary}
      </p>
      {action.isError ? (
        <p role="alert" className="text-sm text-danger">
          {errorMessage(action.error)}
        </p>
      ) : null}
      {tracks.length === 0 ? (
        <div className="rounded-xl border border-dashed border-line-strong px-4 py-6 text-center text-sm text-muted">
          The timeline is empty. Add a clip and it lands here; then ask the chat for cuts, music or titles.
        </div>
      ) : (
        <div className="grid grid-cols-[4.5rem_minmax(0,1fr)] gap-x-2 sm:grid-cols-[6rem_minmax(0,1fr)]">
          <div className="flex flex-col gap-1.5">
            <div className="h-6" />
            {tracks.map((t) => {
              const Icon = LANE_ICON[t.type];
              return (
                <div key={t.id} className={`${LANE_HEIGHT[t.type]} flex items-center gap-1.5 text-xs font-medium text-muted`}>
                  <Icon width={16} height={16} className="shrink-0" />
                  <span className="truncate">{t.name}</span>
                </div>
              );
            })}
          </div>
          <div
            ref={areaRef}
            role="slider"
            tabIndex={0}
            aria-label="Playhead"
            aria-valuemin={0}
            aria-valuemax={Math.round(duration * 10) / 10}
            aria-valuenow={Math.round(time * 10) / 10}
            aria-valuetext={`${formatClock(time)} of ${formatClock(duration)}`}
            onPointerDown={seekFromPointer}
            onKeyDown={seekFromKey}
            className="relative flex cursor-pointer touch-none flex-col gap-1.5 rounded-md"
          >
            <div className="relative h-6 border-b border-line text-[11px] text-muted tabular-nums" aria-hidden="true">
              {rulerTicks(duration, step).map((t) => (
                <span
                  key={t}
                  className="absolute bottom-0 flex h-full flex-col justify-between border-l border-line-strong pl-1"
                  style={{ left: `${(t / duration) * 100}%` }}
                >
                  <span className={t / duration > 0.94 ? '-translate-x-full pr-2' : ''}>{tickLabel(t, step)}</span>
                </span>
              ))}
            </div>
            {tracks.map((t) => (
              <div key={t.id} className={`${LANE_HEIGHT[t.type]} overflow-hidden rounded-lg bg-raised`}>
                <TimelineLane track={t} duration={duration} mediaById={mediaById} pixelsPerSecond={duration > 0 ? width / duration : 0} />
              </div>
            ))}
            <div
              aria-hidden="true"
              className="pointer-events-none absolute inset-y-0 w-0.5 -translate-x-1/2 bg-playhead"
              style={{ left: `${playhead * 100}%` }}
            >
              <span className="absolute -top-0.5 left-1/2 size-2.5 -translate-x-1/2 rounded-full bg-playhead" />
            </div>
          </div>
        </div>
      )}
    </Panel>
  );
}
