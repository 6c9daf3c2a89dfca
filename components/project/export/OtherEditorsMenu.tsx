// "For other editors" on the export card: the timeline as FCPXML, FCP7 XML, EDL, OTIO, MLT or subtitles, alone or zipped with its media.
'use client';
import { INTERCHANGE_FILES, interchangeFormatSchema, type InterchangeFormat } from '@/lib/engine/interchange/formats';
import { DownloadIcon } from '@/components/ui/icons';

/** Timeline formats that reference media files, so a zip with the media makes sense. */
const WITH_MEDIA: InterchangeFormat[] = ['fcpxml', 'fcp7', 'otio', 'mlt'];

export function OtherEditorsMenu({ projectId, hasCaptions }: { projectId: string; hasCaptions: boolean }) {
  const href = (format: InterchangeFormat, zip = false) => `/api/projects/${projectId}/interchange/${format}${zip ? '?bundle=zip' : ''}`;
  const formats = interchangeFormatSchema.options.filter((f) => hasCaptions || (f !== 'srt' && f !== 'vtt'));
  return (
    <details className="text-sm" data-testid="other-editors">
      <summary className="cursor-pointer rounded-lg px-1 py-1 text-muted hover:text-ink">For other editors</summary>
      <ul className="mt-1 flex flex-col divide-y divide-line">
        {formats.map((format) => (
          <li key={format} className="flex items-center justify-between gap-2 px-1 py-2">
            <a href={href(format)} download className="flex min-w-0 items-center gap-1.5 hover:text-accent-text">
              <DownloadIcon width={16} height={16} className="shrink-0" />
              <span className="truncate">{INTERCHANGE_FILES[format].label}</span>
            </a>
            {WITH_MEDIA.includes(format) ? (
              <a href={href(format, true)} download className="shrink-0 text-xs text-muted hover:text-ink" aria-label={`${INTERCHANGE_FILES[format].label} with the media, as a zip`}>
                + media (zip)
              </a>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="px-1 pt-1 text-xs text-muted">Keep the original files beside the timeline file, or take the zip, so the editor finds them.</p>
    </details>
  );
}
