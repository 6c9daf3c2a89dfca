// Where exports live under DATA_DIR: the finished file, the file being written, the job's scratch folder.
import path from 'node:path';

export function exportPaths(dataDir: string, exportId: string, attempt: number) {
  const dir = path.join(dataDir, 'exports');
  return {
    dir,
    final: path.join(dir, `${exportId}.mp4`),
    // One name per attempt: an ffmpeg orphaned by a crash can never write into a retry's file.
    partial: path.join(dir, `${exportId}.attempt-${attempt}.partial.mp4`),
    work: path.join(dir, `${exportId}.work`),
  };
}

/** True for leftovers of unfinished renders (removed at start-up). */
export function isUnfinishedExportFile(name: string): boolean {
  return name.endsWith('.partial.mp4') || name.endsWith('.work');
}
