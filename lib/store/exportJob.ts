// An export job's status, and each backend's own state of it: stored with a backend tag, checked by one discriminated union.
import { z } from 'zod';

export const exportStatusSchema = z.enum(['queued', 'rendering', 'completed', 'failed', 'canceled']);
export type ExportStatus = z.infer<typeof exportStatusSchema>;

/** The local render queue's job: the pid of the ffmpeg rendering it (a restart stops an orphan by it). */
export const localExportJobSchema = z.object({ backend: z.literal('local'), pid: z.number().int().optional() });

/** A NemoVideo cloud render: its id upstream, the last poll, and where the file is (server-side only). */
export const nemoExportJobSchema = z.object({
  backend: z.literal('nemo'),
  renderId: z.string(),
  lastPollAt: z.number().default(0),
  outputUrl: z.string().url().optional(),
  outputSize: z.number().optional(),
  contentType: z.string().optional(),
});
export type NemoExportJob = z.infer<typeof nemoExportJobSchema>;

export const exportJobSchema = z.discriminatedUnion('backend', [localExportJobSchema, nemoExportJobSchema]);
export type ExportJob = z.infer<typeof exportJobSchema>;

/**
 * Reads a stored job state. Rows written before the tag existed are tagged by their shape (a renderId
 * means NemoVideo); anything unreadable is no state at all rather than a broken export list.
 */
export function parseExportJob(value: unknown): ExportJob | null {
  if (!value || typeof value !== 'object') return null;
  const tagged = 'backend' in value ? value : { backend: 'renderId' in value ? 'nemo' : 'local', ...value };
  const parsed = exportJobSchema.safeParse(tagged);
  return parsed.success ? parsed.data : null;
}
