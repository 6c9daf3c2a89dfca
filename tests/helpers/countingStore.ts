// A store wrapper that counts, per method, the calls, the rows handed back and their size as JSON: how the tests and the note measure database reads.
import type { Store } from '@/lib/store/types';

export interface StoreReads {
  calls: number;
  rows: number;
  bytes: number;
}

/** Rows in a result: an array's length, one for a record, none for nothing. */
const rowsOf = (value: unknown) => (Array.isArray(value) ? value.length : value === null || value === undefined ? 0 : 1);

export function countingStore(store: Store): { store: Store; reads: Map<string, StoreReads>; reset(): void } {
  const reads = new Map<string, StoreReads>();
  const wrapped = new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const result = await value.apply(target, args);
        const seen = reads.get(String(key)) ?? { calls: 0, rows: 0, bytes: 0 };
        reads.set(String(key), {
          calls: seen.calls + 1,
          rows: seen.rows + rowsOf(result),
          bytes: seen.bytes + (result === undefined ? 0 : JSON.stringify(result).length),
        });
        return result;
      };
    },
  });
  return { store: wrapped, reads, reset: () => reads.clear() };
}

/** `{ listMedia: 1, getTimelineHead: 1 }`: calls by method. */
export const callsOf = (reads: Map<string, StoreReads>) => Object.fromEntries([...reads].map(([name, r]) => [name, r.calls]));

/** Totals over the reading methods (get*, list*), for the note. */
export function readTotals(reads: Map<string, StoreReads>): StoreReads {
  return [...reads]
    .filter(([name]) => name.startsWith('get') || name.startsWith('list'))
    .reduce((sum, [, r]) => ({ calls: sum.calls + r.calls, rows: sum.rows + r.rows, bytes: sum.bytes + r.bytes }), { calls: 0, rows: 0, bytes: 0 });
}
