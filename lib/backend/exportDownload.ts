// Serving a finished export over HTTP: single byte ranges (206/416) and a safe attachment file name.
import type { ExportFile } from '@/lib/backend/types';

export type RangeRequest = { start: number; end: number } | 'unsatisfiable' | null;

/** Parses a `Range` header for one range; null means "send everything" (absent or not bytes/multi-range). */
export function parseRange(header: string | null, size: number): RangeRequest {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return null;
  const [, first, last] = m;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/** `attachment` with an ASCII fallback name and the exact name in RFC 5987 form. */
export function attachmentDisposition(title: string, extension = 'mp4'): string {
  const base = title.normalize('NFC').replace(/[\p{Cc}\\/:*?"<>|]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'video';
  const ascii = base.replace(/[^\x20-\x7e]/g, '_').replace(/[%;]/g, '_');
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${base}.${extension}`)}`;
}

/** `inline` serves a file for playing in the page (source clips); `attachment` for downloading. */
export async function exportFileResponse(
  file: ExportFile,
  rangeHeader: string | null,
  title: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): Promise<Response> {
  const headers = new Headers({
    'content-type': file.contentType,
    'accept-ranges': 'bytes',
    'content-disposition': disposition === 'inline' ? 'inline' : attachmentDisposition(title),
    'cache-control': 'private, max-age=0',
  });
  const range = parseRange(rangeHeader, file.size);
  if (range === 'unsatisfiable') {
    headers.set('content-range', `bytes */${file.size}`);
    return new Response(null, { status: 416, headers });
  }
  if (range) {
    headers.set('content-range', `bytes ${range.start}-${range.end}/${file.size}`);
    headers.set('content-length', String(range.end - range.start + 1));
    return new Response(await file.open(range), { status: 206, headers });
  }
  headers.set('content-length', String(file.size));
  return new Response(await file.open(), { status: 200, headers });
}
