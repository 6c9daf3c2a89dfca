// What the local backend is built from: a store, its settings, the located binaries and the planner (the composition root passes them).
import type { BlobStore } from '@/lib/blob/types';
import type { Tools } from '@/lib/engine/ffmpeg/tools';
import type { Planner } from '@/lib/engine/planner/planner';
import type { ExportRecord, Store } from '@/lib/store/types';

export interface LocalSettings {
  /** This machine's folder for renders in progress, generated music and work files (DATA_DIR, or the cache folder with S3). */
  dataDir: string;
  /** How many exports render at once. */
  renderConcurrency: number;
  /** Renders one owner may have running at once (the queue is round-robin across owners). */
  maxRunningPerOwner: number;
  /** A render is stopped after `renderTimeFactor` times its output duration plus `renderTimeGraceSeconds`. */
  renderTimeFactor: number;
  renderTimeGraceSeconds: number;
  /** The per-file upload cap, which also caps a zip of a project's media for other editors. */
  maxUploadBytes: number;
  /** False (FAST_EXPORT=0) makes every export encode every frame; on when left out. */
  fastExport?: boolean;
  /** FAST_EXPORT=always: copy whatever may be copied, even where the estimate says it saves nothing (for trying the path). */
  fastExportAlways?: boolean;
}

export interface LocalDeps {
  store: Store;
  /** Where sources are read from and finished exports go. */
  blobs: BlobStore;
  settings: LocalSettings;
  /** The binaries, asked for when a job needs them (missing ones fail that job with a clear message, not start-up). */
  tools: () => Tools;
  planner: Planner;
}

/** What the export service needs from the render queue (in-process on SQLite, shared on PostgreSQL). */
export interface ExportQueue {
  /** The export's row was stored as queued: hand it to the queue. */
  queued(record: ExportRecord): Promise<void>;
  /** The export's row now says canceled: stop its render wherever it runs. */
  canceled(exportId: string): Promise<void>;
}
