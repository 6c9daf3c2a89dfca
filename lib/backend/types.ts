// The one interface both editing backends implement; route handlers and the UI only see this.
import type { ChatEvent, CreditsView, TimelineView } from '@/lib/api/schemas';
import type { InterchangeFormat } from '@/lib/engine/interchange/formats';
import type { MediaRecord } from '@/lib/engine/media/schema';
import type { ExportQuality } from '@/lib/engine/render/exportQuality';
import type { ExportRecord, ProjectRecord } from '@/lib/store/types';

export interface BackendContext {
  ownerId: string;
  project: ProjectRecord;
}

/** An export as every caller sees it, whichever backend made it: no file path, attempt count or job state. */
export type BackendExport = Omit<ExportRecord, 'path' | 'attempts' | 'backendState'>;

/** The backend-neutral view of a stored export record (what the interface returns). */
export function backendExport(record: ExportRecord): BackendExport {
  const { path: _path, attempts: _attempts, backendState: _state, ...neutral } = record;
  return neutral;
}

export interface ExportFile {
  /** Total size in bytes. */
  size: number;
  contentType: string;
  /** Opens the byte range [start, end] (inclusive) as a web stream. */
  open(range?: { start: number; end: number }): Promise<ReadableStream<Uint8Array>>;
}

/** The timeline as a file for another editor (or zipped with its media). */
export interface InterchangeDownload {
  /** The project title; the route makes a safe file name from it. */
  baseName: string;
  extension: string;
  contentType: string;
  body: string | ReadableStream<Uint8Array>;
}

export interface EditingBackend {
  readonly name: 'local' | 'nemo';
  /** Whether credits mean anything here (the UI shows a badge when true). */
  readonly hasCredits: boolean;

  /** One chat turn after routing: plans and applies edits, yielding chat events (no `done`; the caller adds it). */
  chat(ctx: BackendContext, message: string, signal: AbortSignal): AsyncIterable<ChatEvent>;
  /** Called after files were stored and probed locally, in upload order. */
  mediaAdded(ctx: BackendContext, media: MediaRecord[]): Promise<void>;
  timeline(ctx: BackendContext): Promise<TimelineView>;
  /** The last timeline we hold, for read-only share pages: never reaches a remote service (null: none yet). */
  heldTimeline(ctx: BackendContext): Promise<TimelineView | null>;
  /** The project's length in seconds for list views (project cards): from what is stored, no upstream call. */
  cardDuration(ctx: BackendContext): Promise<number>;
  undo(ctx: BackendContext): Promise<TimelineView | null>;
  redo(ctx: BackendContext): Promise<TimelineView | null>;
  credits(ownerId: string): Promise<CreditsView>;

  /** `forceFull` skips fast export (the local backend's copy of unchanged stretches). */
  startExport(ctx: BackendContext, quality: ExportQuality, options?: { forceFull?: boolean }): Promise<BackendExport>;
  /** The export's current record; a remote backend may refresh it from upstream first. */
  getExport(ctx: BackendContext, exportId: string): Promise<BackendExport>;
  cancelExport(ctx: BackendContext, exportId: string): Promise<BackendExport>;
  exportFile(ctx: BackendContext, exportId: string): Promise<ExportFile>;
  /** The current timeline for Final Cut, Premiere, Resolve, Kdenlive... `bundle` zips the sources with it. */
  interchange(ctx: BackendContext, format: InterchangeFormat, options: { bundle: boolean }): Promise<InterchangeDownload>;
}
