// The display name of an imported file: the server's Content-Disposition filename, else the URL's last path part.
import { sanitizeName } from '@/lib/server/upload/sanitizeName';

export function importName(url: URL, contentDisposition: string | undefined | null): string {
  return sanitizeName(fromDisposition(contentDisposition) ?? fromPath(url) ?? url.hostname);
}

function fromDisposition(header: string | undefined | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      /* fall through to the plain form */
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/.exec(header);
  return plain ? (plain[1] ?? plain[2]).replace(/\\(.)/g, '$1').trim() : null;
}

function fromPath(url: URL): string | null {
  const last = url.pathname.split('/').filter(Boolean).pop();
  if (!last) return null;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
