// The storage seam: everything the app keeps, behind one interface (SQLite by default, Postgres with DATABASE_URL).
import { z } from 'zod';
import { measuredLoudnessSchema } from '@/lib/engine/render/loudness';
import type { AudioAnalysis, MediaRecord, MediaSummary } from '@/lib/engine/media/schema';
import type { Timeline } from '@/lib/engine/timeline/schema';
import type { EditOperationKind } from '@/lib/engine/timeline/operations/editOperation';
import { exportQualitySchema } from '@/lib/engine/render/exportQuality';
import { exportJobSchema, exportStatusSchema } from './exportJob';

export const projectRecordSchema = z.object({
  id: z.string(),
  ownerId: z.string(),
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  headVersion: z.number().int(),
  shareToken: z.string().nullable(),
  /** Backend-specific state (e.g. NemoVideo task and session ids), validated by that backend. */
  backendState: z.record(z.string(), z.unknown()).nullable(),
});
export type ProjectRecord = z.infer<typeof projectRecordSchema>;

export const exportRecordSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  status: exportStatusSchema,
  progress: z.number(),
  quality: exportQualitySchema,
  timelineVersion: z.number().int(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  duration: z.number().nullable(),
  size: z.number().nullable(),
  path: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  /** The owning backend's state of the job, tagged with its name (see exportJob.ts). */
  backendState: exportJobSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /**
   * Which render made the file: "smart" copied unchanged GOPs, "full" re-encoded every frame.
   * Set to "full" at creation when full quality was asked for; null until a high render decides.
   */
  render: z.enum(['smart', 'full']).nullish(),
  /** Why the export went the full way (plain words, for the user and the log). */
  renderReason: z.string().nullish(),
  /** Measured on the finished file (EBU R128), for exports of the local engine. */
  loudness: measuredLoudnessSchema.nullable().optional(),
});
export type ExportRecord = z.infer<typeof exportRecordSchema>;

export const messageRecordSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  role: z.enum(['user', 'assistant']),
  text: z.string(),
  createdAt: z.string(),
});
export type MessageRecord = z.infer<typeof messageRecordSchema>;

export interface TimelineVersion {
  version: number;
  projectId: string;
  parentVersion: number | null;
  timeline: Timeline;
  /** What the change did, in words for people (undo and redo quote it); never parsed. */
  label: string;
  /** The kinds of edit operation that made this version, in order (empty for uploads and the start). */
  operations: EditOperationKind[];
  createdAt: string;
}

export interface TimelineHead {
  current: TimelineVersion;
  canUndo: boolean;
  canRedo: boolean;
}

export interface Store {
  // Owners: a browser's identity plus backend data kept on the server for it.
  getOwnerState(ownerId: string): Promise<Record<string, unknown> | null>;
  setOwnerState(ownerId: string, state: Record<string, unknown>): Promise<void>;

  createProject(input: { id: string; ownerId: string; title: string; timeline: Timeline }): Promise<ProjectRecord>;
  getProject(id: string): Promise<ProjectRecord | null>;
  listProjects(ownerId: string): Promise<ProjectRecord[]>;
  updateProject(id: string, patch: Partial<Pick<ProjectRecord, 'title' | 'shareToken' | 'backendState'>>): Promise<void>;
  findProjectByShareToken(token: string): Promise<ProjectRecord | null>;

  addMedia(record: MediaRecord): Promise<void>;
  /** Full rows, analysis arrays included: for the few places that use them (a render). */
  listMedia(projectId: string): Promise<MediaRecord[]>;
  /** Rows without their analysis arrays, in upload order: names, kinds and durations for views, the planner and lists. */
  listMediaSummaries(projectId: string): Promise<MediaSummary[]>;
  /** The loudness and speech analyses of a project's media by id (null for files without sound): for pause detection. */
  listMediaAnalyses(projectId: string): Promise<Record<string, AudioAnalysis | null>>;
  getMedia(id: string): Promise<MediaRecord | null>;
  /**
   * The newest media row of this owner holding these bytes (same SHA-256 and byte length) whose analysis was made
   * by `analysisVersion`, or null: an upload of a file the owner already uploaded takes its probe and analysis from it.
   * Only this owner's projects are searched, so nobody learns whether anyone else has a file.
   */
  findReusableMedia(query: ReusableMediaQuery): Promise<MediaRecord | null>;
  /** Removes media rows (files are the caller's); used to roll back an ingest the backend refused. */
  deleteMedia(ids: string[]): Promise<void>;

  /** The head of the project's timeline history. */
  getTimelineHead(projectId: string): Promise<TimelineHead>;
  /** Stores a new version as the head; clears the redo stack. Fails with 409 if the head moved since `expectedHead`. */
  commitTimeline(projectId: string, timeline: Timeline, label: string, expectedHead?: number, operations?: readonly EditOperationKind[]): Promise<TimelineVersion>;
  undo(projectId: string): Promise<TimelineHead | null>;
  redo(projectId: string): Promise<TimelineHead | null>;
  getTimelineVersion(projectId: string, version: number): Promise<TimelineVersion | null>;

  addMessage(record: MessageRecord): Promise<void>;
  listMessages(projectId: string): Promise<MessageRecord[]>;

  createExport(record: ExportRecord): Promise<void>;
  getExport(id: string): Promise<ExportRecord | null>;
  listExports(projectId: string): Promise<ExportRecord[]>;
  updateExport(id: string, patch: Partial<Omit<ExportRecord, 'id' | 'projectId' | 'createdAt'>>): Promise<ExportRecord>;
  /** Exports in the given states, oldest first (the job queue and start-up recovery read this). */
  listExportsByStatus(statuses: ExportRecord['status'][]): Promise<ExportRecord[]>;
  /**
   * Atomically moves the next queued export to rendering and returns it. Fair across owners:
   * the owner served longest ago (or never) goes first, oldest export first within an owner,
   * and an owner with `maxRunningPerOwner` renders already running waits.
   */
  claimNextExport(options?: { maxRunningPerOwner?: number }): Promise<ExportRecord | null>;
  /**
   * Moves one export, delivered by the shared job queue, to rendering (attempts + 1) and returns it;
   * 'busy' when its owner already has `maxRunningPerOwner` other renders running (counted under a
   * per-owner lock, so workers in several processes cannot each start one past the cap); null when
   * it is no longer waiting or rendering (canceled, finished, deleted).
   */
  beginExportRender(id: string, options?: { maxRunningPerOwner?: number }): Promise<ExportRecord | 'busy' | null>;

  deleteExport(id: string): Promise<void>;
  /** What one owner holds and runs, for quotas: bytes of media and finished exports, projects, renders. */
  ownerUsage(ownerId: string): Promise<OwnerUsage>;
  /** Removes the project and every row under it (media, versions, messages, exports); files are the caller's. */
  deleteProject(id: string): Promise<void>;
  /** Projects not updated since `beforeIso`, oldest first (the retention sweep reads this). */
  listProjectsUpdatedBefore(beforeIso: string): Promise<ProjectRecord[]>;
  /** Every stored file path the database knows (media and exports), for the orphan sweep. */
  listKnownFiles(): Promise<{ projectIds: string[]; mediaPaths: string[]; exportPaths: string[]; exportIds: string[] }>;

  /** Plain words when the store cannot be used (its database out of reach), else null: for /api/health. */
  problem(): Promise<string | null>;
  close(): Promise<void>;
}

export interface ReusableMediaQuery {
  ownerId: string;
  contentSha256: string;
  size: number;
  analysisVersion: number;
}

export interface OwnerUsage {
  storedBytes: number;
  projects: number;
  rendersRunning: number;
  rendersQueued: number;
}
