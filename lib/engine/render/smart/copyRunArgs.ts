// ffmpeg arguments that lift a run of whole GOPs out of a source without decoding it, and that decode its edge frames for checking.
import { probedInput } from '@/lib/engine/media/inputArgs';
import type { VideoIndex } from '@/lib/engine/media/videoIndex';

/** A probed source: opened as the demuxer its probe found, through the file protocol only. */
export interface CopySource {
  path: string;
  probe: { format: string };
}
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
 * What a packet's hash covers: its slices and SEI, without the parameter sets and access unit
 * delimiters, which the MPEG-TS hop adds in band (the parameter sets' effect is checked by
 * decoding the run's first frame against the source's). Equal hashes then mean the joined file
 * carries the source's own coded pictures, in order.
 */
export const PACKET_HASH_BSF = 'filter_units=remove_types=7|8|9';

/**
 * Stream copy from the run's first keyframe: `-frames:v` counts packets in decode order, and a
 * clean cut point guarantees the next `frames` packets are exactly the run's frames. MPEG-TS
 * carries SPS/PPS in band before every keyframe (ffmpeg inserts h264_mp4toannexb itself). The
 * same packets are hashed (framemd5) as they leave the source, for the check of the joined file.
 */
export function buildCopyRunArgs(source: CopySource, index: VideoIndex, run: CopyRun, outFile: string, hashFile: string): string[] {
  const packets = ['-map', '0:V:0', '-frames:v', String(run.frames), '-c:v', 'copy', '-an', '-sn', '-dn'];
  return [
    '-v', 'error',
    '-ss', seekSeconds(frameSeconds(index, run.sourceFrame)), ...probedInput(source.path, source.probe.format),
    ...packets, '-f', 'mpegts', outFile,
    ...packets, '-bsf:v', PACKET_HASH_BSF, '-f', 'framemd5', hashFile,
  ];
}

/**
 * The source's own decoded first frame of the run (a keyframe: one frame decoded), luma only, as
 * raw bytes: what the joined file must show where the run starts. The rest of the run is checked
 * by packet hashes: identical coded pictures under the parameter sets that frame proves.
 */
export function buildCopyReferenceArgs(source: CopySource, index: VideoIndex, run: CopyRun, outFile: string): string[] {
  return [
    '-v', 'error',
    '-ss', seekSeconds(frameSeconds(index, run.sourceFrame)), ...probedInput(source.path, source.probe.format),
    '-map', '0:V:0', '-vf', 'trim=end_frame=1,format=gray', '-frames:v', '1', '-f', 'rawvideo', outFile,
  ];
}
