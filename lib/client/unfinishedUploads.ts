// Uploads this browser started and did not finish (tus-js-client keeps them in localStorage), with how far the server got.
'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { defaultOptions } from 'tus-js-client';
import { queryKeys } from './queryKeys';
import { getUploads, subscribeUploads } from './uploadQueue';

export interface UnfinishedUpload {
  key: string;
  url: string;
  name: string;
  size: number;
  /** Bytes the server holds. */
  received: number;
}

async function findUnfinished(projectId: string): Promise<UnfinishedUpload[]> {
  const storage = defaultOptions.urlStorage;
  const stored = await storage.findAllUploads();
  const mine = stored.filter((u) => u.uploadUrl && new URL(u.uploadUrl, window.location.href).pathname.startsWith(`/api/projects/${projectId}/uploads/`));
  const found: UnfinishedUpload[] = [];
  for (const u of mine) {
    const res = await fetch(u.uploadUrl!, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' }, cache: 'no-store' }).catch(() => null);
    if (!res) continue;
    // Gone (expired after a day) or whole: nothing left to offer.
    const received = Number(res.headers.get('upload-offset'));
    if (!res.ok || received >= (u.size ?? 0)) {
      if (res.status === 404 || res.status === 410 || res.ok) await storage.removeUpload(u.urlStorageKey);
      continue;
    }
    found.push({ key: u.urlStorageKey, url: u.uploadUrl!, name: u.metadata.filename ?? 'a file', size: u.size ?? 0, received });
  }
  return found;
}

export function useUnfinishedUploads(projectId: string) {
  const client = useQueryClient();
  // An upload of the queue ending (done, failed, canceled) changes what is unfinished; progress does not.
  useEffect(() => {
    const ended = () => getUploads().filter((u) => u.projectId === projectId && ['done', 'failed', 'canceled'].includes(u.status)).length;
    let seen = ended();
    return subscribeUploads(() => {
      const now = ended();
      if (now !== seen) void client.invalidateQueries({ queryKey: queryKeys.unfinishedUploads(projectId) });
      seen = now;
    });
  }, [client, projectId]);
  return useQuery({ queryKey: queryKeys.unfinishedUploads(projectId), queryFn: () => findUnfinished(projectId), staleTime: 5_000 });
}

/** Forgets an unfinished upload here and asks the server to drop its bytes. */
export async function forgetUnfinished(upload: UnfinishedUpload): Promise<void> {
  await defaultOptions.urlStorage.removeUpload(upload.key);
  await fetch(upload.url, { method: 'DELETE', headers: { 'Tus-Resumable': '1.0.0' } }).catch(() => undefined);
}
