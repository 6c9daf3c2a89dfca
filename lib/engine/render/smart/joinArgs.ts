// The join: a concat-demuxer list of the run files with exact durations, and the mux of joined picture and one audio pass.
import path from 'node:path';

/**
 * ffconcat list. Each file's duration is the difference of its rounded start and end times on
 * the output, so the offsets the demuxer adds up never drift from frame boundaries, however many
 * runs there are; file timestamps are then shifted by the demuxer to start at those offsets.
 */
export function buildConcatList(files: { file: string; frames: number }[], fps: number): string {
  const lines = ['ffconcat version 1.0'];
  let frame = 0;
  const at = (f: number) => Math.round((f / fps) * 1e6);
  for (const { file, frames } of files) {
    const duration = (at(frame + frames) - at(frame)) / 1e6;
    frame += frames;
    lines.push(`file '${path.basename(file).replace(/'/g, "'\\''")}'`, `duration ${duration}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Joined picture (stream copy) and the audio pass (stream copy) into the export's MP4, index up front. */
export function buildMuxArgs(listFile: string, audioFile: string, outFile: string): string[] {
  return [
    '-v', 'error',
    '-f', 'concat', '-safe', '0', '-i', listFile,
    '-i', audioFile,
    '-map', '0:v:0', '-map', '1:a:0', '-c', 'copy',
    '-movflags', '+faststart', '-f', 'mp4', outFile,
  ];
}
