// The one interface both editing backends implement; route handlers and the UI only see this.
import type { ChatEvent, CreditsView, TimelineView } from '@/lib/api/schemas';
import type { MediaRecord } from '@/lib/engine/media/schema';
import type { ExportRecord, ProjectRecord } from '@/lib/server/store/types';

export interface BackendContext {
  ownerId: string;
  project: ProjectRecord;
}

export interface ExportFile {
  /** Total size in bytes. */
  size: number;
  contentType: string;
  /** Opens the byte range [start, end] (inclusive) as a web stream. */
  open(range?: { start: number; end: number }): Promise<ReadableStream<Uint8Array>>;
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
  undo(ctx: BackendContext): Promise<TimelineView | null>;
  redo(ctx: BackendContext): Promise<TimelineView | null>;
  credits(ownerId: string): Promise<CreditsView>;

  startExport(ctx: BackendContext, quality: 'high' | 'preview'): Promise<ExportRecord>;
  /** The export's current record; a remote backend may refresh it from upstream first. */
  getExport(ctx: BackendContext, exportId: string): Promise<ExportRecord>;
  cancelExport(ctx: BackendContext, exportId: string): Promise<ExportRecord>;
  exportFile(ctx: BackendContext, exportId: string): Promise<ExportFile>;
}
