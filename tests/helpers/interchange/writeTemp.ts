// Writes a generated file into a fresh temporary folder, for tools that read files (xmllint, melt).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function writeTemp(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'in-video-interchange-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}
