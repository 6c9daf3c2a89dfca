// Records to API views: the only place stored rows become what the browser sees.
import 'server-only';
import type { ExportView, MediaView, MessageView, ProjectView } from '@/lib/api/schemas';
import { mediaSummaryOf, type MediaRecord, type MediaSummary } from '@/lib/engine/media/schema';
import type { BackendExport } from '@/lib/backend/types';
import type { MessageRecord, ProjectRecord } from '@/lib/store/types';

/** Takes a summary (what lists read) or a full record (just ingested). */
export function toMediaView(media: MediaSummary | MediaRecord): MediaView {
  const m = 'hasPeaks' in media ? media : mediaSummaryOf(media);
  const base = `/api/projects/${m.projectId}/media/${m.id}`;
  return {
    id: m.id,
    name: m.name,
    kind: m.probe.kind,
    duration: m.probe.duration,
    width: m.probe.width,
    height: m.probe.height,
    fps: m.probe.fps,
    hasAudio: m.probe.hasAudio,
    size: m.size,
    thumbnailUrl: m.hasThumbnail ? `${base}/thumbnail` : null,
    peaksUrl: m.hasPeaks ? `${base}/peaks` : null,
    url: `${base}/file`,
  };
}

function etaSeconds(e: BackendExport): number | null {
  if (e.status !== 'rendering' || !e.startedAt || e.progress <= 0.02) return null;
  const elapsed = (Date.now() - Date.parse(e.startedAt)) / 1000;
  return Math.max(0, Math.round((elapsed / e.progress) * (1 - e.progress)));
}

export function toExportView(e: BackendExport, urlBase = `/api/projects/${e.projectId}`): ExportView {
  return {
    id: e.id,
    status: e.status,
    progress: Math.min(1, Math.max(0, e.progress)),
    quality: e.quality,
    ...(e.width ? { width: e.width } : {}),
    ...(e.height ? { height: e.height } : {}),
    ...(e.duration ? { duration: e.duration } : {}),
    ...(e.size ? { size: e.size } : {}),
    ...(e.status === 'completed' ? { url: `${urlBase}/exports/${e.id}/file` } : {}),
    ...(e.error ? { error: e.error } : {}),
    createdAt: e.createdAt,
    etaSeconds: etaSeconds(e),
    ...(e.render ? { render: e.render } : {}),
    ...(e.render === 'full' && e.renderReason ? { renderReason: e.renderReason } : {}),
    ...(e.loudness ? { loudness: e.loudness } : {}),
  };
}

export function toMessageView(m: MessageRecord): MessageView {
  return { id: m.id, role: m.role, text: m.text, createdAt: m.createdAt };
}

export function toProjectView(
  p: ProjectRecord,
  extra: { duration?: number; thumbnailUrl?: string | null; lastExport?: BackendExport | null } = {},
): ProjectView {
  return {
    id: p.id,
    title: p.title,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    shared: p.shareToken !== null,
    ...(extra.duration !== undefined ? { duration: extra.duration } : {}),
    thumbnailUrl: extra.thumbnailUrl ?? null,
    lastExport: extra.lastExport ? toExportView(extra.lastExport) : null,
  };
}
