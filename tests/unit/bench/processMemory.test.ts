import { describe, expect, it } from 'vitest';
import { anonBreakdown } from '../../../scripts/bench/processMemory';

/** One smaps entry: the header line and the Anonymous field (the only field the breakdown reads). */
const entry = (range: string, perms: string, anonKb: number, path = '') =>
  `${range} ${perms} 00000000 00:00 0 ${path}\nSize: 0 kB\nRss: ${anonKb} kB\nAnonymous: ${anonKb} kB\n`;

describe('anonBreakdown', () => {
  it('sorts anonymous memory into WebAssembly memory, code, malloc arenas and the rest', () => {
    const smaps = [
      entry('00400000-00500000', 'r-xp', 0, '/usr/bin/node'),
      entry('3fa83000-42694000', 'rw-p', 40_000, '[heap]'),
      // A WebAssembly memory: its used 28 MB, then the rest of its 8 GB reservation, inaccessible.
      entry('7ef43c000000-7ef43dbc0000', 'rw-p', 21_000),
      entry('7ef43dbc0000-7ef63c000000', '---p', 0),
      // A malloc arena: 64 MB aligned, at most 64 MB, its unused tail inaccessible.
      entry('7efe28000000-7efe2bffc000', 'rw-p', 58_000),
      entry('7efe2bffc000-7efe2c000000', '---p', 0),
      // JIT code, and V8 heap pages (not 64 MB aligned).
      entry('6a774cae000-6a775774000', 'rwxp', 11_000),
      entry('7ef6424d6000-7ef644000000', 'rw-p', 27_000),
      // A private copy of a library's data pages.
      entry('7f0000001000-7f0000002000', 'rw-p', 4, '/usr/lib/libc.so.6'),
    ].join('');
    expect(anonBreakdown(smaps)).toEqual({
      wasm: 21_000,
      wasmMemories: 1,
      code: 11_000,
      mallocMain: 40_000,
      mallocArenas: 58_000,
      other: 27_004,
      total: 157_004,
    });
  });

  it('does not take a malloc arena for a WebAssembly memory although both start 64 MB aligned', () => {
    const arena = entry('7efe28000000-7efe2a000000', 'rw-p', 10) + entry('7efe2a000000-7efe2c000000', '---p', 0);
    expect(anonBreakdown(arena)).toMatchObject({ wasm: 0, wasmMemories: 0, mallocArenas: 10 });
  });
});
