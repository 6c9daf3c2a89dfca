// Upload (drop, pick, paste a URL) and the media bin: every file with thumbnail, name, length and size.
'use client';
import { useId, useState } from 'react';
import type { MediaView } from '@/lib/api/schemas';
import { formatBytes, formatClock } from '@/lib/client/formatting';
import { Button } from '@/components/ui/Button';
import { Panel } from '@/components/ui/Panel';
import { FilmIcon, ImageIcon, LinkIcon, MusicIcon, UploadIcon } from '@/components/ui/icons';
import { MediaFileInput } from '@/components/upload/MediaFileInput';
import { useFileDrop } from '@/components/upload/useFileDrop';
import { UnfinishedUploads } from './UnfinishedUploads';
import { DeleteMediaButton } from './DeleteMediaButton';
import { UploadList } from './UploadList';

function MediaThumb({ media }: { media: MediaView }) {
  const Icon = media.kind === 'audio' ? MusicIcon : media.kind === 'image' ? ImageIcon : FilmIcon;
  return (
    <span className="relative grid h-12 w-20 shrink-0 place-items-center overflow-hidden rounded-lg bg-raised text-muted">
      {media.thumbnailUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- small JPEGs from our API
        <img src={media.thumbnailUrl} alt="" className="size-full object-cover" loading="lazy" />
      ) : (
        <Icon aria-hidden="true" />
      )}
    </span>
  );
}

export function MediaPanel({
  projectId,
  media,
  onFiles,
  onUrl,
}: {
  projectId: string;
  media: MediaView[];
  onFiles: (files: File[]) => void;
  onUrl: (url: string) => void;
}) {
  const inputId = useId();
  const urlId = useId();
  const [url, setUrl] = useState('');
  const [urlError, setUrlError] = useState<string | null>(null);
  const { over, handlers } = useFileDrop(onFiles);

  const submitUrl = () => {
    const value = url.trim();
    try {
      const parsed = new URL(value);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error();
    } catch {
      setUrlError('Paste a full link that starts with http:// or https://');
      return;
    }
    setUrlError(null);
    setUrl('');
    onUrl(value);
  };

  return (
    <Panel title="Media" id="media" className="h-full" bodyClassName="scroll-thin flex flex-col gap-3 overflow-y-auto p-3">
      <div
        {...handlers}
        className={`flex flex-col items-center gap-2 rounded-xl border-2 border-dashed px-3 py-4 text-center transition-colors ${
          over ? 'border-accent bg-accent-soft' : 'border-line-strong'
        }`}
      >
        <p className="text-sm font-medium">Drop video, audio or images</p>
        <label
          htmlFor={inputId}
          className="inline-flex h-9 cursor-pointer items-center gap-2 rounded-xl bg-accent px-3 text-sm font-medium text-accent-ink shadow-sm hover:bg-accent-hover focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-ring"
        >
          <UploadIcon width={18} height={18} /> Upload files
          <MediaFileInput id={inputId} label="Upload files" onFiles={onFiles} />
        </label>
        <p className="text-xs text-muted">Up to 500 MB each</p>
      </div>

      <form
        className="flex flex-col gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          submitUrl();
        }}
      >
        <label htmlFor={urlId} className="text-xs font-medium text-muted">
          Or paste a link to a file
        </label>
        <div className="flex gap-2">
          <div className="relative min-w-0 flex-1">
            <LinkIcon width={16} height={16} className="pointer-events-none absolute top-1/2 left-2.5 -translate-y-1/2 text-muted" />
            <input
              id={urlId}
              type="url"
              inputMode="url"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              placeholder="https://…"
              aria-invalid={urlError ? true : undefined}
              aria-describedby={urlError ? `${urlId}-error` : undefined}
              className="h-9 w-full rounded-xl border border-line-strong bg-canvas pr-2 pl-8 text-sm placeholder:text-muted focus:border-ring focus:outline-none"
            />
          </div>
          <Button type="submit" size="sm" disabled={!url.trim()}>
            Import
          </Button>
        </div>
        {urlError ? (
          <p id={`${urlId}-error`} role="alert" className="text-xs text-danger">
            {urlError}
          </p>
        ) : null}
      </form>

      <UploadList projectId={projectId} />
      <UnfinishedUploads projectId={projectId} onFiles={onFiles} />

      {media.length === 0 ? (
        <p className="px-1 py-2 text-sm text-muted">No media yet. Files you add show up here and go onto the timeline in order.</p>
      ) : (
        <ul className="flex flex-col gap-1" aria-label="Media bin">
          {media.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center gap-3 rounded-xl p-1.5 hover:bg-raised">
              <MediaThumb media={m} />
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium" title={m.name}>
                  {m.name}
                </p>
                <p className="text-xs text-muted tabular-nums">
                  {m.kind === 'image' ? 'Image' : formatClock(m.duration)} · {formatBytes(m.size)}
                  {m.width && m.height ? ` · ${m.width}×${m.height}` : ''}
                </p>
              </div>
              <DeleteMediaButton projectId={projectId} media={m} />
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
