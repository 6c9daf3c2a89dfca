// The overlay fonts, shipped from npm (Inter Bold for Latin, Noto Sans SC Bold for Chinese), found on disk.
import 'server-only';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FontFiles } from './textOverlay';

const FONT_FILES: Record<keyof FontFiles, string> = {
  latin: '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf',
  cjk: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

/**
 * Node's own resolution from the project root. The require is made at run time on purpose: a
 * static require.resolve would make the bundler copy a 10 MB font into the server build, when
 * only ffmpeg needs to read the file.
 */
export function fontFiles(root = process.cwd()): FontFiles {
  const req = createRequire(path.join(root, 'package.json'));
  const resolve = (spec: string) => {
    try {
      return req.resolve(spec);
    } catch {
      throw new Error(`Font ${spec} is missing: run npm install`);
    }
  };
  return { latin: resolve(FONT_FILES.latin), cjk: resolve(FONT_FILES.cjk) };
}
