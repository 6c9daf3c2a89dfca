// ffmpeg and ffprobe for this process: located once from the config, with plain-word problems when missing.
import 'server-only';
import { AppError } from '@/lib/errors';
import { locateBinaries, type Binary, type LocatedBinaries } from '@/lib/engine/ffmpeg/locate';
import type { Tools } from '@/lib/engine/ffmpeg/tools';
import { spawnProcess } from '@/lib/local/process/spawnProcess';
import { getConfig } from './config';

let located: LocatedBinaries | undefined;

/** What was found, and what is missing in plain words; looked up once per process. */
export function toolchain(): LocatedBinaries {
  if (!located || located.problems.length > 0) {
    const config = getConfig();
    // A missing binary is looked for again on the next call: installing it should not need a restart.
    located = locateBinaries({ ffmpegPath: config.FFMPEG_PATH, ffprobePath: config.FFPROBE_PATH });
  }
  return located;
}

/** Both binaries, or a 503 that says what is missing and how to fix it. */
export function binaries(): { ffmpeg: Binary; ffprobe: Binary } {
  const { ffmpeg, ffprobe, problems } = toolchain();
  if (!ffmpeg || !ffprobe) throw new AppError(503, problems.join(' '));
  return { ffmpeg, ffprobe };
}

/** The binaries' paths and the process runner, as the engine takes them (a 503 when a binary is missing). */
export function tools(): Tools {
  const { ffmpeg, ffprobe } = binaries();
  return { ffmpeg: ffmpeg.path, ffprobe: ffprobe.path, run: spawnProcess };
}
