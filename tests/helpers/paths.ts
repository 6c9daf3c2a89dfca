// Where the shared test media live (../shared/media beside the project).
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const SHARED = path.resolve(ROOT, '../shared');
export const MEDIA = path.join(SHARED, 'media');

export function mediaFile(name: string): string {
  const p = path.join(MEDIA, name);
  if (!fs.existsSync(p)) throw new Error(`Test media missing: ${p} (../shared/media must sit beside the project)`);
  return p;
}
