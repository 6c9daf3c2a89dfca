// Row <-> record mapping shared by both stores: every row read back is validated by its zod schema.
// Both stores hand rows over in one shape: snake_case columns, JSON as text, timestamps as ISO strings.
import { audioAnalysisSchema, mediaRecordSchema, mediaSummarySchema, type AudioAnalysis, type MediaRecord, type MediaSummary } from '@/lib/engine/media/schema';
import { parseExportJob } from './exportJob';
import { timelineSchema } from '@/lib/engine/timeline/schema';
import { EDIT_OPERATION_KINDS, type EditOperationKind } from '@/lib/engine/timeline/operations/editOperation';
import { z } from 'zod';
import {
  exportRecordSchema,
  messageRecordSchema,
  projectRecordSchema,
  type ExportRecord,
  type MessageRecord,
  type OwnerUsage,
  type ProjectRecord,
  type TimelineVersion,
} from './types';

export type Row = Record<string, unknown>;
export const now = () => new Date().toISOString();
export const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
export const parseJson = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : null);

export const toProject = (r: Row): ProjectRecord =>
  projectRecordSchema.parse({
    id: r.id,
    ownerId: r.owner_id,
    title: r.title,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    headVersion: r.head_version,
    shareToken: r.share_token ?? null,
    backendState: parseJson(r.backend_state),
  });

/** The columns a media record and its summary share. */
const mediaCommon = (r: Row) => ({
  id: r.id,
  projectId: r.project_id,
  name: r.name,
  path: r.path,
  size: r.size,
  probe: parseJson(r.probe),
  hasThumbnail: Boolean(r.has_thumbnail), // SQLite's 0/1, Postgres' boolean
  createdAt: r.created_at,
});

export const toMedia = (r: Row): MediaRecord =>
  mediaRecordSchema.parse({
    ...mediaCommon(r),
    analysis: parseJson(r.analysis),
    peaks: parseJson(r.peaks),
    videoIndex: parseJson(r.video_index),
    contentSha256: r.content_sha256 ?? null,
    analysisVersion: r.analysis_version ?? null,
  });

/** Columns of a media summary: everything but the analysis arrays, and whether peaks exist (SQLite's 0/1, Postgres' boolean). */
export const MEDIA_SUMMARY_COLUMNS = 'id, project_id, name, path, size, probe, has_thumbnail, created_at, peaks IS NOT NULL AS has_peaks';

export const toMediaSummary = (r: Row): MediaSummary => mediaSummarySchema.parse({ ...mediaCommon(r), hasPeaks: Boolean(r.has_peaks) });

/** The owner-usage row (SQLite numbers, or Postgres bigint/numeric sums that node-postgres hands over as strings). */
export const toOwnerUsage = (row: Row): OwnerUsage => ({
  storedBytes: Number(row.media_bytes) + Number(row.export_bytes),
  projects: Number(row.projects),
  rendersRunning: Number(row.running),
  rendersQueued: Number(row.queued),
});

/** `{ id, analysis }` rows as analyses by media id. */
export const toAnalyses = (rows: Row[]): Record<string, AudioAnalysis | null> =>
  Object.fromEntries(rows.map((r) => [r.id as string, audioAnalysisSchema.nullable().parse(parseJson(r.analysis))]));

export const toExport = (r: Row): ExportRecord =>
  exportRecordSchema.parse({
    id: r.id,
    projectId: r.project_id,
    status: r.status,
    progress: r.progress,
    quality: r.quality,
    timelineVersion: r.timeline_version,
    width: r.width ?? null,
    height: r.height ?? null,
    duration: r.duration ?? null,
    size: r.size ?? null,
    path: r.path ?? null,
    error: r.error ?? null,
    attempts: r.attempts,
    backendState: parseExportJob(parseJson(r.backend_state)),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    startedAt: r.started_at ?? null,
    finishedAt: r.finished_at ?? null,
    render: r.render ?? null,
    renderReason: r.render_reason ?? null,
    loudness: parseJson(r.loudness),
  });

export const toMessage = (r: Row): MessageRecord =>
  messageRecordSchema.parse({ id: r.id, projectId: r.project_id, role: r.role, text: r.text, createdAt: r.created_at });

const KNOWN_KINDS = new Set<string>(EDIT_OPERATION_KINDS);
/** The stored kinds; one that is no longer an edit operation is dropped rather than making the version unreadable. */
const operationKinds = (v: unknown): EditOperationKind[] =>
  z.array(z.string()).catch([]).parse(parseJson(v)).filter((k): k is EditOperationKind => KNOWN_KINDS.has(k));

export const toVersion = (r: Row): TimelineVersion => ({
  version: r.version as number,
  projectId: r.project_id as string,
  parentVersion: (r.parent_version as number | null) ?? null,
  timeline: timelineSchema.parse(JSON.parse(r.timeline as string)),
  label: r.label as string,
  operations: operationKinds(r.operations),
  createdAt: r.created_at as string,
});

/** Export fields stored as JSON text (written with json(), read back with parseJson). */
export const EXPORT_JSON_FIELDS = new Set(['backendState', 'loudness']);

export const EXPORT_COLUMNS: Record<string, string> = {
  status: 'status', progress: 'progress', quality: 'quality', timelineVersion: 'timeline_version',
  width: 'width', height: 'height', duration: 'duration', size: 'size', path: 'path', error: 'error',
  attempts: 'attempts', backendState: 'backend_state', updatedAt: 'updated_at', startedAt: 'started_at',
  finishedAt: 'finished_at', render: 'render', renderReason: 'render_reason', loudness: 'loudness',
};
