// ffmpeg arguments that lift a run of whole GOPs out of a source without decoding it, list its packets for the check, and decode its first frame as the reference.
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

/** Keeps only IDR slices (NAL type 5): a packet without one is dropped, so what is left shows where IDR pictures are. */
export const IDR_ONLY_BSF = 'filter_units=pass_types=5';

export interface CopyRunFiles {
  run: string;
  /** framemd5 of the run's packets, as PACKET_HASH_BSF leaves them. */
  hash: string;
  /** framemd5 of the first packet holding an IDR slice: the run's first one when it starts on an IDR. */
  idr: string;
  /** The source's own decoded first frame of the run (luma, raw), when a join precedes the run. */
  ref: string | null;
}

/**
 * Stream copy from the run's first keyframe: `-frames:v` counts packets in decode order, and a
 * clean cut point guarantees the next `frames` packets are exactly the run's frames. MPEG-TS
 * carries SPS/PPS in band before every keyframe (ffmpeg inserts h264_mp4toannexb itself). The
 * same packets are hashed (framemd5) as they leave the source, for the check of the joined file,
 * and the first IDR among them is listed (see idrProblems). The reference frame is decoded in
 * the same process from a second opening of the source (one keyframe decoded; a process of its
 * own would cost as much again in start-up as the decode).
 */
export function buildCopyRunArgs(source: CopySource, index: VideoIndex, run: CopyRun, files: CopyRunFiles): string[] {
  const seek = ['-ss', seekSeconds(frameSeconds(index, run.sourceFrame)), ...probedInput(source.path, source.probe.format)];
  const packets = (n: number) => ['-map', '0:V:0', '-frames:v', String(n), '-c:v', 'copy', '-an', '-sn', '-dn'];
  return [
    '-v', 'error',
    ...seek,
    ...(files.ref ? seek : []),
    ...packets(run.frames), '-f', 'mpegts', files.run,
    ...packets(run.frames), '-bsf:v', PACKET_HASH_BSF, '-f', 'framemd5', files.hash,
    ...packets(1), '-bsf:v', IDR_ONLY_BSF, '-f', 'framemd5', files.idr,
    ...(files.ref ? ['-map', '1:V:0', '-vf', 'trim=end_frame=1,format=gray', '-frames:v', '1', '-f', 'rawvideo', files.ref] : []),
  ];
}
