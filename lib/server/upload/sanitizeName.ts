// Makes a user's file name safe to show and store as text; it is never used as a path.
const MAX_NAME_LENGTH = 120;
const FALLBACK = 'untitled';

/**
 * Keeps the last path part (both / and \ count), drops control and bidi-override characters,
 * turns quotes and angle brackets into plain ones safe in HTML attributes and headers,
 * collapses spaces and trims leading dots so "../../etc/passwd" becomes "passwd".
 */
export function sanitizeName(raw: string | undefined | null): string {
  if (!raw) return FALLBACK;
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/["`]/g, "'")
    .replace(/[<>]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .trim();
  if (!cleaned) return FALLBACK;
  return truncateKeepingExtension(cleaned, MAX_NAME_LENGTH);
}

/**
 * Browsers (and undici's FormData) percent-encode only `"`, CR and LF in multipart file names
 * (WHATWG HTML, "multipart/form-data encoding"); undo exactly that before sanitizing.
 */
export function decodeFormDataFilename(raw: string): string {
  return raw.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
}

function truncateKeepingExtension(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return [...name.slice(0, name.length - ext.length)].slice(0, max - ext.length).join('').trimEnd() + ext;
}
