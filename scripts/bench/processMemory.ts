// Reads a server's memory from /proc without any hook in the server: totals for its process tree, and where its anonymous memory lives (smaps).
import fs from 'node:fs';

export interface Memory { rssKb: number; anonKb: number }

/** The processes below `root`, without ffmpeg/ffprobe (their memory is bounded per job and measured by the render bench). */
export function serverProcesses(root: number): Array<{ pid: number; rssKb: number; anonKb: number }> {
  const procs = new Map<number, { ppid: number; rss: number; anon: number; ff: boolean }>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8');
      procs.set(Number(entry), {
        ppid: Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]),
        rss: Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0),
        anon: Number(/^RssAnon:\s+(\d+)/m.exec(status)?.[1] ?? 0),
        ff: /^Name:\s+ff(mpeg|probe)$/m.test(status),
      });
    } catch {
      /* exited meanwhile */
    }
  }
  const tree = new Set<number>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, p] of procs) {
      if (!tree.has(pid) && (p.ppid === root || tree.has(p.ppid))) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree].flatMap((pid) => {
    const p = procs.get(pid)!;
    return p.ff ? [] : [{ pid, rssKb: p.rss, anonKb: p.anon }];
  });
}

export function serverMemory(root: number): Memory {
  const ours = serverProcesses(root);
  return { rssKb: ours.reduce((s, p) => s + p.rssKb, 0), anonKb: ours.reduce((s, p) => s + p.anonKb, 0) };
}

/**
 * Anonymous resident memory by owner, in kB:
 * - wasm: WebAssembly linear memories. V8 reserves each one as 8 GB or more (the 4 GB a 32-bit memory can address plus
 *   guard pages) and opens only the part in use; `wasmMemories` counts them, so a WebAssembly instance made per
 *   analysis and never freed would show as a growing count.
 * - code: executable anonymous mappings (V8's JIT code and compiled WebAssembly).
 * - mallocMain: glibc's main arena ([heap], grown by brk).
 * - mallocArenas: glibc's other arenas (one per thread that mallocs: libuv workers, sqlite). Each is carved from heaps of
 *   at most 64 MB aligned to 64 MB, which is how they are recognised.
 * - other: the V8 heap's pages, malloc chunks big enough to get their own mmap (large Buffers), thread stacks.
 */
export interface AnonBreakdown {
  wasm: number;
  wasmMemories: number;
  code: number;
  mallocMain: number;
  mallocArenas: number;
  other: number;
  total: number;
}

const GB_KB = 1024 * 1024;
const ARENA_ALIGN = 64n * 1024n * 1024n;

export function anonBreakdown(smaps: string): AnonBreakdown {
  const out: AnonBreakdown = { wasm: 0, wasmMemories: 0, code: 0, mallocMain: 0, mallocArenas: 0, other: 0, total: 0 };
  // A mapping's header line, then "Key: value kB" lines until the next header.
  const header = /^([0-9a-f]+)-([0-9a-f]+) (\S{4}) \S+ \S+ \d+\s*(.*)$/;
  const maps: { start: bigint; end: bigint; perms: string; path: string; anonKb: number }[] = [];
  for (const line of smaps.split('\n')) {
    const h = header.exec(line);
    if (h) maps.push({ start: BigInt(`0x${h[1]}`), end: BigInt(`0x${h[2]}`), perms: h[3], path: h[4].trim(), anonKb: 0 });
    else if (maps.length > 0 && line.startsWith('Anonymous:')) maps[maps.length - 1].anonKb = Number(/(\d+)/.exec(line)?.[1] ?? 0);
  }
  maps.forEach((m, i) => {
    const kb = m.anonKb;
    const next = maps[i + 1];
    // V8 reserves a WebAssembly memory whole (inaccessible) and opens its used part for reading and writing, which
    // splits the reservation: the used part is a read-write mapping directly followed by the rest, many GB, "---p".
    const wasm = m.perms.startsWith('rw') && next?.start === m.end && next.perms === '---p' && next.end - next.start >= BigInt(4 * GB_KB) * 1024n;
    if (kb === 0) return;
    out.total += kb;
    if (m.path === '[heap]') out.mallocMain += kb;
    else if (m.path !== '' && !m.path.startsWith('[anon')) out.other += kb; // private copies of file pages (relocations)
    else if (wasm) {
      out.wasm += kb;
      out.wasmMemories++;
    }
    else if (m.perms.includes('x')) out.code += kb;
    else if (m.start % ARENA_ALIGN === 0n && m.end - m.start <= ARENA_ALIGN) out.mallocArenas += kb;
    else out.other += kb;
  });
  return out;
}

/** The breakdown summed over the server's processes (a process that exits meanwhile is left out). */
export function serverAnonBreakdown(root: number): AnonBreakdown {
  const sum: AnonBreakdown = { wasm: 0, wasmMemories: 0, code: 0, mallocMain: 0, mallocArenas: 0, other: 0, total: 0 };
  for (const { pid } of serverProcesses(root)) {
    let text: string;
    try {
      text = fs.readFileSync(`/proc/${pid}/smaps`, 'utf8');
    } catch {
      continue;
    }
    const b = anonBreakdown(text);
    for (const k of Object.keys(sum) as (keyof AnonBreakdown)[]) sum[k] += b[k];
  }
  return sum;
}
