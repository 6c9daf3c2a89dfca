// Which finished exports this browser has already seen (localStorage), so one that finished while the page was closed can say so.
const KEY = 'in-video:seen-exports';
const KEEP = 200;
/** Older finished exports are not news any more. */
const NEWS_FOR_MS = 3 * 24 * 60 * 60 * 1000;

const listeners = new Set<() => void>();
let cache: string | null | undefined;

function read(): string[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
}

export function markExportSeen(id: string) {
  const seen = read();
  if (seen.includes(id)) return;
  try {
    localStorage.setItem(KEY, JSON.stringify([id, ...seen].slice(0, KEEP)));
  } catch {
    /* storage full or blocked: the note shows again next time, nothing worse */
  }
  cache = undefined;
  for (const l of listeners) l();
}

export function subscribeSeenExports(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => e.key === KEY && listener();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The raw stored list (a string, so React sees a stable snapshot). */
export function seenSnapshot(): string | null {
  if (cache === undefined) cache = localStorage.getItem(KEY);
  return cache;
}

/** The server render knows nothing of this browser: say nothing there, and let the client decide. */
export const seenServerSnapshot = () => null;

export function finishedWhileAway(
  e: { id: string; status: string; url?: string; createdAt?: string } | null | undefined,
  snapshot: string | null,
  hydrated: boolean,
  now = Date.now(),
): boolean {
  if (!hydrated || !e || e.status !== 'completed' || !e.url) return false;
  if (e.createdAt && now - Date.parse(e.createdAt) > NEWS_FOR_MS) return false;
  let seen: string[] = [];
  try {
    seen = JSON.parse(snapshot ?? '[]') as string[];
  } catch {
    /* unreadable: treat as nothing seen */
  }
  return !seen.includes(e.id);
}
