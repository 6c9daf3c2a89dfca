// The binaries the engine runs and the one way it runs them, passed in by its caller (the composition root; see lib/server/binaries.ts).
import type { RunProcess } from '@/lib/engine/process/runProcess';

export interface Tools {
  /** Path of the ffmpeg binary. */
  ffmpeg: string;
  /** Path of the ffprobe binary. */
  ffprobe: string;
  /** Starts processes (lib/local/process/spawnProcess.ts); the engine never spawns on its own. */
  run: RunProcess;
}
