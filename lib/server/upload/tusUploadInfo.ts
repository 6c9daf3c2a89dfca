// What we know of one resumable upload without touching its bytes: its tus info file and, once ingested, its outcome.
import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { mediaViewSchema } from '@/lib/api/schemas';
import { errorBodySchema } from '@/lib/errors';

/** tus-node-server's `<uid>.json`; metadata values are strings (or null) after decoding. */
export const tusInfoSchema = z.object({
  id: z.string(),
  size: z.number().int().nonnegative().optional(),
  creation_date: z.string().optional(),
  metadata: z.record(z.string(), z.string().nullable()).optional(),
});
export type TusInfo = z.infer<typeof tusInfoSchema>;

export const uploadOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('completed'), projectId: z.string(), size: z.number(), media: mediaViewSchema }),
  z.object({ status: z.literal('failed'), projectId: z.string(), size: z.number(), httpStatus: z.number(), body: errorBodySchema }),
]);
export type UploadOutcome = z.infer<typeof uploadOutcomeSchema>;

/** tus ids are our naming function's output; anything else never reaches the disk. */
export const UPLOAD_ID = /^[A-Za-z0-9_-]{16,64}$/;

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8'));
  } catch {
    return null;
  }
}

export async function readTusInfo(dir: string, uid: string): Promise<TusInfo | null> {
  if (!UPLOAD_ID.test(uid)) return null;
  const parsed = tusInfoSchema.safeParse(await readJson(path.join(dir, `${uid}.json`)));
  return parsed.success ? parsed.data : null;
}

export async function readOutcome(outcomeDir: string, uid: string): Promise<UploadOutcome | null> {
  if (!UPLOAD_ID.test(uid)) return null;
  const parsed = uploadOutcomeSchema.safeParse(await readJson(path.join(outcomeDir, `${uid}.json`)));
  return parsed.success ? parsed.data : null;
}

export async function writeOutcome(outcomeDir: string, uid: string, outcome: UploadOutcome): Promise<void> {
  await fs.mkdir(outcomeDir, { recursive: true });
  const file = path.join(outcomeDir, `${uid}.json`);
  // Written whole then renamed, so a reader never sees half an outcome.
  await fs.writeFile(`${file}.tmp`, JSON.stringify(uploadOutcomeSchema.parse(outcome)));
  await fs.rename(`${file}.tmp`, file);
}

/** Bytes already on disk for an unfinished upload (0 once ingest moved them away). */
export async function receivedBytes(dir: string, uid: string): Promise<number> {
  try {
    return (await fs.stat(path.join(dir, uid))).size;
  } catch {
    return 0;
  }
}
