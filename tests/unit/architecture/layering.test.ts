// Reads the real import graph of lib/ (parsed with rolldown's oxc parser) and checks the layering rules in docs/ARCHITECTURE.md.
import fs from 'node:fs';
import path from 'node:path';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const LIB = path.join(ROOT, 'lib');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The top-level lib folder (or lone file, e.g. `errors`) a module path belongs to; null outside lib/. */
function topOf(libRelative: string): string | null {
  if (libRelative.startsWith('..')) return null;
  return libRelative.split('/')[0].replace(/\.tsx?$/, '');
}

/** Module specifiers of every import, type-only import, re-export and dynamic import() in one file. */
function importSpecifiers(file: string): string[] {
  const program = parseAst(fs.readFileSync(file, 'utf8'), { lang: file.endsWith('x') ? 'tsx' : 'ts' });
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const n = node as { type?: string; source?: { type?: string; value?: unknown } };
    const takesSource = ['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration', 'ImportExpression'];
    if (n.type && takesSource.includes(n.type) && typeof n.source?.value === 'string') found.push(n.source.value);
    for (const value of Object.values(node)) if (value && typeof value === 'object') walk(value);
  };
  walk(program.body);
  return found;
}

interface Edge {
  from: string;
  to: string;
  file: string;
  specifier: string;
}

/** Every import (static, type-only, dynamic, re-export) from one lib folder into another. */
function crossFolderEdges(): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles(LIB)) {
    const rel = path.relative(LIB, file);
    const from = topOf(rel)!;
    for (const specifier of importSpecifiers(file)) {
      let target: string;
      if (specifier.startsWith('@/')) target = path.join(ROOT, specifier.slice(2));
      else if (specifier.startsWith('.')) target = path.resolve(path.dirname(file), specifier);
      else continue; // a package
      const to = topOf(path.relative(LIB, target));
      if (to && to !== from) edges.push({ from, to, file: path.relative(ROOT, file), specifier });
    }
  }
  return edges;
}

/** Folder-level cycles, each as the list of folders in one strongly connected component. */
function folderCycles(edges: Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!next.has(e.from)) next.set(e.from, new Set());
    next.get(e.from)!.add(e.to);
  }
  const nodes = new Set(edges.flatMap((e) => [e.from, e.to]));
  // Tarjan's strongly connected components.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return cycles;
}

const ENGINE_MAY_NOT_IMPORT = ['server', 'api', 'backend', 'local', 'nemo', 'store', 'chat', 'client', 'errors'];

describe('import graph of lib/', () => {
  const edges = crossFolderEdges();

  it('sees the imports it is checking (the reader works)', () => {
    expect(edges.some((e) => e.from === 'server' && e.to === 'engine')).toBe(true);
  });

  it('keeps lib/engine pure: no server, HTTP schema, backend, store or error-table imports', () => {
    const bad = edges.filter((e) => e.from === 'engine' && ENGINE_MAY_NOT_IMPORT.includes(e.to));
    expect(bad.map((e) => `${e.file} imports ${e.specifier}`)).toEqual([]);
  });

  it('keeps the two backends apart: lib/local and lib/nemo never import each other', () => {
    const bad = edges.filter((e) => (e.from === 'local' && e.to === 'nemo') || (e.from === 'nemo' && e.to === 'local'));
    expect(bad.map((e) => `${e.file} imports ${e.specifier}`)).toEqual([]);
  });

  it('has no import cycle between top-level lib folders', () => {
    const cycles = folderCycles(edges);
    const explain = cycles.map((component) =>
      edges
        .filter((e) => component.includes(e.from) && component.includes(e.to))
        .map((e) => `${e.file} imports ${e.specifier}`),
    );
    expect(explain).toEqual([]);
  });
});
