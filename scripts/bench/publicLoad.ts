// Benchmark: 20 simulated visitors create projects, upload, chat and export at once for a few minutes on loopback.
// Passes when nothing fails except by quota or rate limit, nothing accepted goes missing, and the server's memory stays flat.
// Run alone: `npx tsx scripts/bench/publicLoad.ts` (needs a build). LOAD_SECONDS sets the measured busy time (default
// 600: the memory verdict reads its second half, and a shorter half is swayed by malloc's heap going up and down).
// WARMUP_SECONDS is the least warm-up (default 60). The warm-up runs the same load, is not measured, and lasts until
// every visitor has had an upload analysed (at most WARMUP_MAX_SECONDS, default 600): Next loads each route's module on
// its first request, the speech model loads on the first analysis, caches and pools fill up.
//
// Memory, sampled every second from /proc (no flag or endpoint in the server): VmRSS and RssAnon (the heap and other
// anonymous memory, without mapped code) of the server's process tree, ffmpeg/ffprobe left out (their memory is bounded
// per job and measured by the render bench); the V8 heap after each full collection, from the server's own --trace-gc
// lines (a heap that only grows shows there first, without the noise of RSS); and every 15 s, where the anonymous memory
// lives (processMemory.ts: WebAssembly memory, JIT code, malloc's main heap and arenas, the rest). "Flat" = the
// least-squares slope over the second half of the measured phase, in MB per minute, under FLAT_MB_PER_MIN for RssAnon
// and for the heap after full GCs. The second half, because the speech model's WebAssembly is compiled by V8's optimising
// tier as its functions get hot, over its first few hundred steps; the compiler threads' malloc arenas keep that memory
// (one time, 150-250 MB, see sileroVad.ts), and with 2 analysis slots busy on short clips on a loaded machine that step
// spreads over minutes. A leak grows in both halves alike, so the second half of a long phase still shows it.
import fs from 'node:fs';
import os from 'node:os';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ApiClient } from '../../tests/helpers/client';
import { FFMPEG } from '../../tests/helpers/ffprobe';
import { mediaFile } from '../../tests/helpers/paths';
import { startServer, tempDataDir } from '../../tests/helpers/server';
import { serverAnonBreakdown, serverMemory, type AnonBreakdown } from './processMemory';

const USERS = 20;
const BUSY_SECONDS = Number(process.env.LOAD_SECONDS ?? 600);
const WARMUP_SECONDS = Number(process.env.WARMUP_SECONDS ?? 60);
/** The warm-up also lasts until every visitor has had an upload analysed, but not longer than this. */
const WARMUP_MAX_SECONDS = Number(process.env.WARMUP_MAX_SECONDS ?? 600);
/** How often the server's anonymous memory is broken down by owner from /proc/<pid>/smaps. */
const SMAPS_EVERY_SECONDS = 15;
/** Growth that would add 120 MB an hour: above this the server is not flat. */
const FLAT_MB_PER_MIN = 2;
/** After the busy time, accepted exports count as lost when none has started or finished for this long... */
const DRAIN_STALL_SECONDS = 360;
/** ...or when they are not all done after this long (the bench stops by itself). */
const DRAIN_MAX_SECONDS = 1800;
const CLIPS = ['sar-2by3.mp4', 'clip.avi', 'sar-2by3.mp4'];
// No "undo": right after an upload it would take the clip off again, and the export then rightly says the timeline is empty.
const WORDS = ['status', 'add a title "Day one" at the start', 'make it vertical for TikTok', 'add calm background music', 'cut out the pauses', 'fade in and out'];

type Outcome = 'ok' | 'limited' | 'failed';

interface Tally {
  requests: number;
  ok: number;
  limited: number;
  failed: string[];
}

/** Heap after each full collection, from --trace-gc lines: `[pid:0x..]  12345 ms: Mark-Compact 55.5 (74.2) -> 45.7 (80.3) MB`. */
export function heapAfterFullGc(log: string): Array<{ pid: number; atSeconds: number; heapMB: number }> {
  return [...log.matchAll(/^\[(\d+):0x[0-9a-f]+\]\s+(\d+) ms: Mark-Compact(?: \([^)]*\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB/gm)].map((m) => ({
    pid: Number(m[1]),
    atSeconds: Number(m[2]) / 1000,
    heapMB: Number(m[3]),
  }));
}

/** Least-squares slope of y over x, per minute when x is in seconds. */
export function slopePerMinute(points: Array<[number, number]>): number | null {
  if (points.length < 3) return null;
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  if (sxx === 0) return null;
  return (points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx) * 60;
}

/**
 * A visitor's client. A POST sent on a kept-alive connection the server closed at the same moment
 * fails with ECONNRESET before any answer; browsers send it again on a new connection, and so do
 * we, once, counting it. Anything else (or a second reset) is a failure of the run.
 */
class VisitorClient extends ApiClient {
  static resets = 0;
  override async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await super.fetch(pathname, init);
    } catch (err) {
      const reset = (err as { cause?: { code?: string } }).cause?.code === 'ECONNRESET';
      if (!reset || init.body instanceof ReadableStream) throw err;
      VisitorClient.resets++;
      return super.fetch(pathname, init);
    }
  }
}

const run = promisify(execFile);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function benchPublicLoad(): Promise<object> {
  // Each visitor has its own address, as behind a proxy: per-address limits then apply per visitor.
  const spawnedAt = Date.now();
  const server = await startServer({
    env: { TRUST_PROXY: '1', QUOTA_STORAGE_MB: '40', QUOTA_PROJECTS: '5', RENDER_CONCURRENCY: '2' },
    nodeArgs: ['--trace-gc'],
  });
  const tally: Tally = { requests: 0, ok: 0, limited: 0, failed: [] };
  const samples: { atSeconds: number; rssMB: number; anonMB: number }[] = [];
  const started = Date.now();
  const loadAtStart = os.loadavg().map((l) => Math.round(l * 10) / 10);
  const breakdowns: { atSeconds: number; kb: AnonBreakdown }[] = [];
  /** Visitors who have had an upload accepted, so analysed: the speech model is loaded and has run under load. */
  const analysed = new Set<number>();
  let warmEndsAt: number | null = null;
  let warmupEndedBy = '';
  const elapsed = () => (Date.now() - started) / 1000;
  const sampler = setInterval(() => {
    const at = elapsed();
    const m = serverMemory(process.pid);
    samples.push({ atSeconds: at, rssMB: m.rssKb / 1024, anonMB: m.anonKb / 1024 });
    if (samples.length % SMAPS_EVERY_SECONDS === 1) breakdowns.push({ atSeconds: at, kb: serverAnonBreakdown(process.pid) });
    if (warmEndsAt === null && at >= WARMUP_SECONDS && (analysed.size === USERS || at >= WARMUP_MAX_SECONDS)) {
      warmEndsAt = at;
      warmupEndedBy = analysed.size === USERS ? 'every visitor had an upload analysed' : `time (${analysed.size} of ${USERS} visitors analysed)`;
    }
  }, 1000);
  const busy = () => warmEndsAt === null || elapsed() < warmEndsAt + BUSY_SECONDS;
  // Every upload is a file of its own (the same clip, a different comment tag), so no upload can reuse another's analysis.
  const copies = tempDataDir('in-video-load-clips-');
  let copyCount = 0;
  async function distinctCopy(clip: string, tag: string): Promise<string> {
    const file = path.join(copies, `${++copyCount}-${clip}`);
    await run(FFMPEG, ['-v', 'error', '-nostdin', '-y', '-i', mediaFile(clip), '-map', '0', '-c', 'copy', '-metadata', `comment=${tag}`, file]);
    return file;
  }

  const judge = (what: string, status: number, body?: unknown): Outcome => {
    tally.requests++;
    if (status < 400) return (tally.ok++, 'ok');
    if (status === 429 || status === 413) return (tally.limited++, 'limited');
    tally.failed.push(`${what}: ${status} ${JSON.stringify(body).slice(0, 200)}`);
    return 'failed';
  };

  /** What each visitor was told it has, checked against the server at the end. */
  const promised = new Map<VisitorClient, { projects: Map<string, Set<string>>; exports: { projectId: string; id: string }[] }>();

  async function visitor(n: number) {
    const c = new VisitorClient(server.baseUrl);
    const forwarded = { 'x-forwarded-for': `198.51.100.${n + 1}` };
    const mine = { projects: new Map<string, Set<string>>(), exports: [] as { projectId: string; id: string }[] };
    promised.set(c, mine);
    let turn = 0;
    while (busy()) {
      turn++;
      if (mine.projects.size === 0 || turn % 4 === 0) {
        const r = await c.json('/api/projects', { method: 'POST', body: { title: `Visitor ${n} #${turn}` }, headers: forwarded });
        if (judge('create', r.status, r.body) === 'ok') mine.projects.set(r.body.project.id, new Set());
      }
      const ids = [...mine.projects.keys()];
      const id = ids[turn % ids.length];
      if (!id) continue;
      const clip = CLIPS[(n + turn) % CLIPS.length];
      const copy = await distinctCopy(clip, `visitor ${n} turn ${turn}`);
      const up = await c.upload(id, [{ path: copy, as: clip }]);
      fs.rmSync(copy, { force: true });
      if (judge('upload', up.status, up.body) === 'ok') {
        analysed.add(n);
        for (const m of up.body.media) mine.projects.get(id)!.add(m.id);
      }
      const chat = await c.fetch(`/api/projects/${id}/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...forwarded },
        body: JSON.stringify({ message: WORDS[(n + turn) % WORDS.length] }),
      });
      const text = await chat.text();
      if (judge('chat', chat.status, text) === 'ok' && /"type":"error","code":(500|502)/.test(text)) tally.failed.push(`chat error event: ${text.slice(0, 200)}`);
      // Only a project that holds a clip: after a refused upload (quota, rate limit) the export rightly says the timeline is empty.
      if (turn % 2 === 1 && mine.projects.get(id)!.size > 0) {
        const e = await c.json(`/api/projects/${id}/exports`, { method: 'POST', body: { quality: 'preview' }, headers: forwarded });
        if (judge('export', e.status, e.body) === 'ok') mine.exports.push({ projectId: id, id: e.body.export.id });
      }
      if (turn % 5 === 0 && ids.length > 1) {
        // Taking data back under load: the oldest project goes, with whatever it still renders.
        const gone = ids[0];
        const d = await c.json(`/api/projects/${gone}`, { method: 'DELETE' });
        if (judge('delete', d.status, d.body) === 'ok') {
          mine.projects.delete(gone);
          mine.exports = mine.exports.filter((x) => x.projectId !== gone);
        }
      }
      await new Promise((r) => setTimeout(r, 500 + ((n * 37 + turn * 101) % 1500)));
    }
  }

  try {
    await Promise.all(Array.from({ length: USERS }, (_, n) => visitor(n)));
    const busySeconds = (Date.now() - started) / 1000;

    // Nothing lost: every file and export the server accepted is there, and every export finishes.
    let media = 0;
    let exportsDone = 0;
    const lost: string[] = [];
    for (const [c, mine] of promised) {
      for (const [id, expected] of mine.projects) {
        const listed = new Set(((await c.json(`/api/projects/${id}/media`)).body.media as { id: string }[]).map((m) => m.id));
        for (const m of expected) (listed.has(m) ? media++ : lost.push(`media ${m} of ${id}`));
      }
    }
    // The queue drains at the machine's pace: wait while exports keep moving (one starts or finishes), so a slow
    // shared machine is not mistaken for a lost export, and a stuck queue still is.
    const drainStarted = Date.now();
    let lastMove = Date.now();
    let pending = [...promised].flatMap(([c, mine]) => mine.exports.map((e) => ({ c, ...e, status: '' })));
    while (pending.length > 0) {
      const still: typeof pending = [];
      for (const e of pending) {
        const r = await e.c.json(`/api/projects/${e.projectId}/exports/${e.id}`);
        const status: string | undefined = r.body?.export?.status;
        if (status !== e.status) lastMove = Date.now();
        if (status === 'completed') {
          const file = await e.c.fetch(`/api/projects/${e.projectId}/exports/${e.id}/file`, { headers: { range: 'bytes=0-0' } });
          await file.body?.cancel();
          if (file.status === 206) exportsDone++;
          else lost.push(`export ${e.id} file ${file.status}`);
        } else if (status !== 'queued' && status !== 'rendering') lost.push(`export ${e.id} ${status ?? r.status}: ${r.body?.export?.error ?? ''}`);
        else still.push({ ...e, status });
      }
      pending = still;
      const stalled = Date.now() - lastMove > DRAIN_STALL_SECONDS * 1000;
      if (pending.length > 0 && (stalled || Date.now() - drainStarted > DRAIN_MAX_SECONDS * 1000)) {
        for (const e of pending) lost.push(`export ${e.id} still ${e.status} after ${stalled ? `${DRAIN_STALL_SECONDS} s without any export moving` : 'the longest drain'}`);
        break;
      }
      if (pending.length > 0) await new Promise((r) => setTimeout(r, 2000));
    }
    const drainSeconds = Math.round((Date.now() - drainStarted) / 1000);
    clearInterval(sampler);
    // Flat memory: least-squares slopes over the measured phase (warm-up left out), judged on its second half. Memory
    // that fills to a high-water mark (allocator arenas, code compiled as it gets hot) rises early and levels off;
    // a leak grows at the same rate in both halves, so the second half of a long phase still shows it.
    const from = warmEndsAt ?? busySeconds;
    const mid = (from + busySeconds) / 2;
    const steady = samples.filter((s) => s.atSeconds >= from && s.atSeconds <= busySeconds);
    const late2 = steady.filter((s) => s.atSeconds >= mid);
    const third = Math.max(1, Math.floor(steady.length / 3));
    const early = median(steady.slice(0, third).map((s) => s.rssMB));
    const late = median(steady.slice(-third).map((s) => s.rssMB));
    const slopes = (xs: typeof steady, pick: (s: (typeof steady)[number]) => number) => slopePerMinute(xs.map((s) => [s.atSeconds, pick(s)]));
    // GC times count from the server's start, a moment before `started`.
    const offset = (started - spawnedAt) / 1000;
    const gcs = heapAfterFullGc(server.logs());
    const byPid = new Map<number, typeof gcs>();
    for (const g of gcs) byPid.set(g.pid, [...(byPid.get(g.pid) ?? []), g]);
    // The server is the process with the most full collections (next start may fork; its parent barely allocates).
    const serverGcs = [...byPid.values()].sort((a, b) => b.length - a.length)[0] ?? [];
    const steadyGcs = serverGcs.filter((g) => g.atSeconds - offset >= from && g.atSeconds - offset <= busySeconds);
    const lateGcs = steadyGcs.filter((g) => g.atSeconds - offset >= mid);
    const heapSlope = (xs: typeof gcs) => slopePerMinute(xs.map((g) => [g.atSeconds, g.heapMB]));
    const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
    const anonLate = slopes(late2, (s) => s.anonMB);
    const heapLate = heapSlope(lateGcs);
    const flat = anonLate !== null && anonLate < FLAT_MB_PER_MIN && (heapLate === null || heapLate < FLAT_MB_PER_MIN);
    // Where the anonymous memory is, at the start, middle and end of the measured phase, and each owner's second-half slope.
    const at = (t: number) => breakdowns.reduce((best, b) => (Math.abs(b.atSeconds - t) < Math.abs(best.atSeconds - t) ? b : best), breakdowns[0]);
    const mb = (b: AnonBreakdown) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, k === 'wasmMemories' ? v : Math.round(v / 1024)]));
    const lateBreakdowns = breakdowns.filter((b) => b.atSeconds >= mid && b.atSeconds <= busySeconds);
    const anonByOwner = breakdowns.length
      ? {
          atStartMB: mb(at(from).kb),
          atMiddleMB: mb(at(mid).kb),
          atEndMB: mb(at(busySeconds).kb),
          secondHalfSlopeMBPerMin: Object.fromEntries(
            (['wasm', 'code', 'mallocMain', 'mallocArenas', 'other', 'total'] as const).map((k) => [k, round1(slopePerMinute(lateBreakdowns.map((b) => [b.atSeconds, b.kb[k] / 1024])))]),
          ),
        }
      : null;
    const result = {
      name: 'publicLoad',
      users: USERS,
      warmupSeconds: Math.round(from),
      warmupEndedBy,
      busySeconds: Math.round(busySeconds - from),
      requests: tally.requests,
      ok: tally.ok,
      limitedByQuotaOrRate: tally.limited,
      failed: tally.failed.length,
      mediaKept: media,
      exportsCompleted: exportsDone,
      lost: lost.length,
      drainSeconds,
      resentAfterConnectionReset: VisitorClient.resets,
      memory: {
        samples: steady.length,
        rssMB: { early: Math.round(early), late: Math.round(late), peak: Math.round(Math.max(...steady.map((s) => s.rssMB))) },
        slopeMBPerMin: {
          whole: { rss: round1(slopes(steady, (s) => s.rssMB)), anon: round1(slopes(steady, (s) => s.anonMB)), heapAfterFullGc: round1(heapSlope(steadyGcs)) },
          secondHalf: { rss: round1(slopes(late2, (s) => s.rssMB)), anon: round1(anonLate), heapAfterFullGc: round1(heapLate) },
        },
        anonMB: { first: Math.round(steady[0]?.anonMB ?? 0), middle: Math.round(late2[0]?.anonMB ?? 0), last: Math.round(steady.at(-1)?.anonMB ?? 0) },
        fullGcs: steadyGcs.length,
        heapAfterFullGcMB: { first: steadyGcs[0]?.heapMB ?? null, last: steadyGcs.at(-1)?.heapMB ?? null, max: steadyGcs.length ? Math.max(...steadyGcs.map((g) => g.heapMB)) : null },
        anonByOwner,
        criterion: `second half of the measured phase: RssAnon and heap-after-full-GC slopes under ${FLAT_MB_PER_MIN} MB/min`,
        flat,
      },
      loadAverage: { start: loadAtStart, end: os.loadavg().map((l) => Math.round(l * 10) / 10) },
      pass: tally.failed.length === 0 && lost.length === 0 && flat,
    };
    if (tally.failed.length > 0) console.error('[publicLoad] failures:\n' + tally.failed.slice(0, 20).join('\n'));
    if (lost.length > 0) console.error('[publicLoad] lost:\n' + lost.slice(0, 20).join('\n'));
    if (!result.pass) process.exitCode = 1;
    return result;
  } catch (err) {
    console.error(`[publicLoad] the server said:\n${server.logs().split('\n').slice(-40).join('\n')}`);
    throw err;
  } finally {
    clearInterval(sampler);
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
    fs.rmSync(copies, { recursive: true, force: true });
  }
}

if (/publicLoad\.ts$/.test(process.argv[1] ?? '')) {
  benchPublicLoad().then(
    (result) => console.log(JSON.stringify(result)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
