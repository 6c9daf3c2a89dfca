// ffmpeg arguments that lift a run of whole GOPs out of a source without decoding it, and that decode its edge frames for checking.
import type { VideoIndex } from '@/lib/engine/media/videoIndex';
import type { Run } from './planRuns';

type CopyRun = Extract<Run, { kind: 'copy' }>;

/**
 * Seconds for `-ss`, rounded down to the microsecond: ffmpeg seeks back to the keyframe at or
 * before the target, so rounding up past a keyframe's time would not matter, but rounding down
 * below it must not reach the previous one, and a microsecond never does.
 */
export function seekSeconds(seconds: number): string {
  return String(Math.max(0, Math.floor(seconds * 1e6 + 1e-6) / 1e6));
}

/** Time of a source frame (presentation index) as `-ss` counts it. */
export function frameSeconds(index: VideoIndex, frame: number): number {
  return index.firstFrameSeconds + frame / (index.fps ?? 1);
}

/**
 * Stream copy from the run's first keyframe: `-frames:v` counts packets in decode order, and a
 * clean cut point guarantees the next `frames` packets are exactly the run's frames. MPEG-TS
 * carries SPS/PPS in band before every keyframe (ffmpeg inserts h264_mp4toannexb itself).
 */
export function buildCopyRunArgs(sourcePath: string, index: VideoIndex, run: CopyRun, outFile: string): string[] {
  return [
    '-v', 'error',
    '-ss', seekSeconds(frameSeconds(index, run.sourceFrame)), '-i', sourcePath,
    '-map', '0:V:0', '-frames:v', String(run.frames), '-c:v', 'copy', '-an', '-sn', '-dn',
    '-f', 'mpegts', outFile,
  ];
}

/**
 * The source's own decoded first and last frames of the run, luma only, as raw bytes: what the
 * joined file must show at the run's edges. The last frame's GOP is decoded from its keyframe.
 */
export function buildCopyReferenceArgs(sourcePath: string, index: VideoIndex, run: CopyRun, lastGopStart: number, outFile: string): string[] {
  const last = run.sourceFrame + run.frames - 1;
  return [
    '-v', 'error',
    '-ss', seekSeconds(frameSeconds(index, run.sourceFrame)), '-i', sourcePath,
    '-ss', seekSeconds(frameSeconds(index, lastGopStart)), '-i', sourcePath,
    '-filter_complex',
    `[0:V:0]trim=end_frame=1,format=gray[first];[1:V:0]trim=start_frame=${last - lastGopStart}:end_frame=${last - lastGopStart + 1},format=gray[last];[first][last]concat=n=2:v=1:a=0[ref]`,
    '-map', '[ref]', '-vsync', '0', '-f', 'rawvideo', outFile,
  ];
}
