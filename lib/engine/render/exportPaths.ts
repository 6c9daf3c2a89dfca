// Where a render writes under its work folder: the file being written and the job's scratch folder (the finished file is a blob).
import path from 'node:path';

export function exportPaths(dataDir: string, exportId: string, attempt: number) {
  const dir = path.join(dataDir, 'exports');
  return {
    dir,
    // One name per attempt: an ffmpeg orphaned by a crash can never write into a retry's file.
    partial: path.join(dir, `${exportId}.attempt-${attempt}.partial.mp4`),
    work: path.join(dir, `${exportId}.work`),
  };
}

/** True for leftovers of unfinished renders (removed at start-up). */
export function isUnfinishedExportFile(name: string): boolean {
  return name.endsWith('.partial.mp4') || name.endsWith('.work');
}
