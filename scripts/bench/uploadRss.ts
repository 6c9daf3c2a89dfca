// Benchmark: the server's peak memory while a ~490 MB video streams in through POST /media (uploads must not be buffered).
// Run alone: `npx tsx scripts/bench/uploadRss.ts` (needs a build; NEXT_DIST_DIR picks which one).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiClient } from '../../tests/helpers/client';
import { ffmpeg } from '../../tests/helpers/ffprobe';
import { startServer } from '../../tests/helpers/server';

const TARGET_MB = 490;
const WIDTH = 1920;
const HEIGHT = 1080;
const FPS = 30;
const MB = 1024 * 1024;

/** Uncompressed 1080p (yuv420p, 3 MB a frame) reaches the size in seconds of video: fast to make and to analyse. */
function makeVideo(dir: string): string {
  const frames = Math.floor((TARGET_MB * MB) / (WIDTH * HEIGHT * 1.5));
  const file = path.join(dir, 'upload-bench.avi');
  ffmpeg([
    '-f', 'lavfi', '-i', `testsrc2=size=${WIDTH}x${HEIGHT}:rate=${FPS}`,
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
    '-frames:v', String(frames), '-t', String(frames / FPS),
    '-c:v', 'rawvideo', '-pix_fmt', 'yuv420p', '-c:a', 'pcm_s16le', file,
  ]);
  return file;
}

/** Kilobyte fields of /proc/<pid>/status, or null once the process is gone. */
function memoryKb(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return null;
  }
}

/** The server we started (our own child; it renames itself "next-server") and every process below it, except ffmpeg/ffprobe. */
function serverProcesses(): number[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8');
      if (/^Name:\s+ff(mpeg|probe)$/m.test(status)) continue;
      parents.set(Number(entry), Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]));
    } catch {
      /* exited meanwhile */
    }
  }
  const tree = new Set<number>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!tree.has(pid) && (ppid === process.pid || tree.has(ppid))) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

export async function benchUploadRss(): Promise<object> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'in-video-bench-upload-'));
  const server = await startServer();
  try {
    const file = makeVideo(dir);
    const fileMB = Math.round((fs.statSync(file).size / MB) * 10) / 10;
    const pids = serverProcesses();
    if (pids.length === 0) throw new Error('could not find the server process');
    const client = new ApiClient(server.baseUrl);
    const projectId = await client.createProject('Upload benchmark');
    await new Promise((r) => setTimeout(r, 500));
    const baselineKb = Math.max(...pids.map((pid) => memoryKb(pid)?.rss ?? 0));

    // VmHWM is the kernel's own high-water mark, so nothing between samples is missed; the polling is a cross-check.
    let sampledPeakKb = baselineKb;
    const poll = setInterval(() => {
      for (const pid of pids) sampledPeakKb = Math.max(sampledPeakKb, memoryKb(pid)?.rss ?? 0);
    }, 50);
    const started = performance.now();
    const res = await client.upload(projectId, [{ path: file }]);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(poll);
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
    const hwmKb = Math.max(...pids.map((pid) => memoryKb(pid)?.hwm ?? 0));

    return {
      name: 'uploadPeakRss',
      fileMB,
      peakRssMB: Math.round(Math.max(hwmKb, sampledPeakKb) / 1024),
      baselineRssMB: Math.round(baselineKb / 1024),
      seconds: Math.round(seconds * 10) / 10,
    };
  } finally {
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (/uploadRss\.ts$/.test(process.argv[1] ?? '')) {
  benchUploadRss().then(
    (result) => console.log(JSON.stringify(result)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
