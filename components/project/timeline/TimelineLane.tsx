// One track's lane: video clips over their thumbnails, audio as a waveform, text as labelled bars.
'use client';
import { Fragment } from 'react';
import type { MediaView, TimelineTrackView } from '@/lib/api/schemas';
import { usePeaks } from '@/lib/client/projectQueries';
import { formatClock } from '@/lib/client/formatting';
import { slicePeaks, Waveform } from './Waveform';

type Segment = TimelineTrackView['segments'][number];

function place(segment: Segment, duration: number) {
  const left = (segment.start / duration) * 100;
  const width = ((segment.end - segment.start) / duration) * 100;
  return { left: `calc(${left}% + 1px)`, width: `max(3px, calc(${width}% - 2px))` };
}

function SegmentWave({ media, from, to, className }: { media: MediaView | undefined; from: number; to: number; className: string }) {
  const peaks = usePeaks(media?.peaksUrl);
  if (!media || !peaks.data) return null;
  return <Waveform peaks={slicePeaks(peaks.data.peaks, peaks.data.peaksPerSecond, from, to)} className={className} />;
}

function label(segment: Segment, kind: string) {
  const range = `${formatClock(segment.start)} to ${formatClock(segment.end)}`;
  return `${kind} ${segment.text ?? segment.name ?? ''}, ${range}`.replace(/\s+/g, ' ');
}

export function TimelineLane({
  track,
  duration,
  mediaById,
  pixelsPerSecond,
}: {
  track: TimelineTrackView;
  duration: number;
  mediaById: Map<string, MediaView>;
  pixelsPerSecond: number;
}) {
  return (
    <div className="relative h-full" data-track-type={track.type} data-track-id={track.id}>
      {track.segments.map((s) => {
        const media = s.sourceId ? mediaById.get(s.sourceId) : undefined;
        const style = place(s, duration);
        if (track.type === 'video') {
          const thumb = media?.thumbnailUrl;
          return (
            <div
              key={s.id}
              data-segment="video"
              role="img"
              aria-label={label(s, 'Clip')}
              title={label(s, 'Clip')}
              className="@container absolute inset-y-0 overflow-hidden rounded-md bg-lane-video ring-1 ring-black/10"
              style={{
                ...style,
                backgroundImage: thumb ? `url(${thumb})` : undefined,
                backgroundSize: 'auto 100%',
                backgroundRepeat: 'repeat-x',
              }}
            >
              <SegmentWave media={media} from={s.sourceIn ?? 0} to={s.sourceOut ?? s.end - s.start} className="absolute inset-x-0 bottom-0 h-1/3 w-full text-white/70" />
              <span className="absolute bottom-1 left-1 hidden max-w-[calc(100%-0.5rem)] truncate rounded bg-black/75 px-1 text-[11px] font-medium text-white @min-[4.5rem]:block">
                {s.name}
              </span>
            </div>
          );
        }
        if (track.type === 'audio') {
          return (
            <div
              key={s.id}
              data-segment="audio"
              role="img"
              aria-label={label(s, 'Audio')}
              title={label(s, 'Audio')}
              className="@container absolute inset-y-1 overflow-hidden rounded-md border border-lane-audio/40 bg-lane-audio-soft text-lane-audio"
              style={style}
            >
              <SegmentWave media={media} from={s.sourceIn ?? 0} to={(s.sourceIn ?? 0) + (s.end - s.start)} className="absolute inset-0 size-full opacity-70" />
              <span className="absolute top-0.5 left-1.5 hidden max-w-[calc(100%-0.75rem)] truncate text-[11px] font-semibold @min-[4rem]:block">
                {s.name}
                {s.volume !== undefined ? ` · ${Math.round(s.volume * 100)}%` : ''}
              </span>
            </div>
          );
        }
        // A short text bar cannot hold its words; they go beside it while there is room before the next bar.
        const barPixels = (s.end - s.start) * pixelsPerSecond;
        const nextStart = track.segments.find((o) => o !== s && o.start >= s.end - 1e-6)?.start ?? duration;
        const roomPixels = (nextStart - s.end) * pixelsPerSecond;
        const inside = barPixels >= 56;
        return (
          <Fragment key={s.id}>
            <div
              data-segment="text"
              role="img"
              aria-label={label(s, 'Text')}
              title={s.text}
              className="absolute inset-y-1 flex items-center overflow-hidden rounded-md bg-lane-text px-1.5 text-lane-text-ink"
              style={style}
            >
              {inside ? <span className="truncate text-xs font-semibold">{s.text ?? s.name}</span> : null}
            </div>
            {!inside && roomPixels >= 40 ? (
              <span
                aria-hidden="true"
                className="absolute inset-y-0 flex items-center truncate pl-1.5 text-xs font-medium text-ink"
                style={{ left: `${(s.end / duration) * 100}%`, maxWidth: `${roomPixels - 4}px` }}
              >
                {s.text ?? s.name}
              </span>
            ) : null}
          </Fragment>
        );
      })}
    </div>
  );
}
