// Sends stored media files to the NemoVideo session as multipart `files`, streamed from disk (a cached download when they live in S3).
import 'server-only';
import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import type { MediaRecord } from '@/lib/engine/media/schema';
import { NemoApiError } from './client';
import type { NemoDeps } from './nemoDeps';
import { loadProjectState, saveProjectState } from './projectState';

const uploadAnswerSchema = z.unknown();

export async function uploadFiles(deps: NemoDeps, ownerId: string, sessionId: string, media: MediaRecord[]): Promise<void> {
  // One request per file, so a refusal names the file it is about.
  for (const m of media) {
    try {
      await deps.auth.authorized(ownerId, async ({ token, clientId }) => {
        const form = new FormData();
        const file = deps.blobs ? await deps.blobs.localPath(deps.blobs.keyOf(m.path)) : m.path;
        if (!file) throw new AppError(404, `The file of "${m.name}" is missing from storage.`);
        form.append('files', await fs.openAsBlob(file), m.name);
        await deps.http.json(
          { method: 'POST', path: `/api/upload-video/nemo_agent/me/${encodeURIComponent(sessionId)}`, token, clientId, body: form },
          uploadAnswerSchema,
        );
      });
      const { uploaded } = await loadProjectState(deps.store, m.projectId);
      await saveProjectState(deps.store, m.projectId, { uploaded: [...new Set([...uploaded, m.id])] });
    } catch (err) {
      if (err instanceof NemoApiError && err.code === 4001) {
        throw new AppError(4001, `NemoVideo cannot use "${m.name}". Supported: MP4, MOV, AVI, WebM, MKV, JPG, PNG, GIF, WebP, MP3, WAV, M4A, AAC.`);
      }
      if (err instanceof NemoApiError && err.code === 4002) {
        throw new AppError(4002, `"${m.name}" is too large for NemoVideo (500 MB at most). Compress it or trim it, then upload again.`);
      }
      throw err;
    }
  }
}
