// The binaries the engine runs, passed in by its caller (the composition root locates them; see lib/server/binaries.ts).

export interface Tools {
  /** Path of the ffmpeg binary. */
  ffmpeg: string;
  /** Path of the ffprobe binary. */
  ffprobe: string;
}
