// One project on the home page: thumbnail, title, length and what was last exported (with its download when it finished while away).
'use client';
import Link from 'next/link';
import type { ProjectView } from '@/lib/api/schemas';
import { formatClock, formatRelative, formatResolution } from '@/lib/client/formatting';
import { markExportSeen } from '@/lib/client/seenExports';
import { useFinishedWhileAway } from '@/components/project/export/useFinishedWhileAway';
import { buttonClass } from '@/components/ui/Button';
import { DownloadIcon, FilmIcon } from '@/components/ui/icons';
import { DeleteProjectButton } from './DeleteProjectButton';

function exportLine(project: ProjectView): string {
  const e = project.lastExport;
  if (!e) return 'Not exported yet';
  if (e.status === 'completed') {
    const res = formatResolution(e.width, e.height)?.replace(/ \(.*\)$/, '');
    return `Exported ${res ?? ''} ${e.createdAt ? formatRelative(e.createdAt) : ''}`.replace(/\s+/g, ' ').trim();
  }
  if (e.status === 'failed') return 'Last export failed';
  if (e.status === 'canceled') return 'Last export canceled';
  return 'Exporting…';
}

export function ProjectCard({ project }: { project: ProjectView }) {
  const done = project.lastExport;
  const news = useFinishedWhileAway(done);
  return (
    <li className="relative flex flex-col">
      <Link
        href={`/projects/${project.id}`}
        className={`group flex flex-1 flex-row overflow-hidden border border-line bg-surface transition hover:-translate-y-0.5 hover:border-line-strong hover:shadow-lg sm:flex-col ${
          news ? 'rounded-t-2xl' : 'rounded-2xl'
        }`}
      >
        <div className="relative aspect-video w-36 shrink-0 self-center bg-raised sm:w-auto sm:self-auto">
          {project.thumbnailUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- thumbnails are our own small JPEGs behind auth
            <img src={project.thumbnailUrl} alt="" className="size-full object-cover" loading="lazy" />
          ) : (
            <span className="grid size-full place-items-center text-muted" aria-hidden="true">
              <FilmIcon width={32} height={32} />
            </span>
          )}
          {project.duration ? (
            <span className="absolute right-2 bottom-2 rounded-md bg-black/75 px-1.5 py-0.5 text-xs font-medium text-white tabular-nums">
              {formatClock(project.duration)}
            </span>
          ) : null}
        </div>
        <div className="flex min-w-0 flex-1 flex-col justify-center gap-1 px-3 py-2.5 sm:justify-start sm:p-4">
          <h3 className="truncate font-semibold tracking-tight group-hover:text-accent-text">{project.title}</h3>
          <p className="text-sm text-muted">{exportLine(project)}</p>
          <p className="text-xs text-muted">Edited {formatRelative(project.updatedAt)}</p>
        </div>
      </Link>
      {news && done?.url ? (
        <div className="flex items-center gap-2 rounded-b-2xl border border-t-0 border-line bg-success-soft px-3 py-2" data-testid="card-finished-while-away">
          <p className="min-w-0 flex-1 text-sm leading-5 font-medium text-success">Your export finished while you were away</p>
          <a
            href={done.url}
            download
            onClick={() => markExportSeen(done.id)}
            className={buttonClass('primary', 'sm', 'shrink-0')}
            aria-label={`Download the export of ${project.title}`}
          >
            <DownloadIcon width={18} height={18} /> Download
          </a>
        </div>
      ) : null}
      <DeleteProjectButton project={project} />
    </li>
  );
}
