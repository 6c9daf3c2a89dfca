import { describe, expect, test } from 'vitest';
import { dropShortKeeps, longEnough, padRuns, silentRuns } from '@/lib/engine/pauses/silentRuns';

const loud = -15;
const quiet = -60;
/** An envelope from [level, windows] pairs. */
const envelope = (...parts: [number, number][]) => parts.flatMap(([db, n]) => Array<number>(n).fill(db));

describe('silentRuns', () => {
  test.each([
    ['no silence', envelope([loud, 10]), []],
    ['one gap in the middle', envelope([loud, 10], [quiet, 5], [loud, 10]), [[0.1, 0.15]]],
    ['silence at both edges', envelope([quiet, 3], [loud, 4], [quiet, 2]), [[0, 0.03], [0.07, 0.09]]],
    ['all silent', envelope([quiet, 4]), [[0, 0.04]]],
    ['-Infinity counts as silent', [-Infinity, -Infinity, loud], [[0, 0.02]]],
  ])('%s', (_name, rmsDb, expected) => {
    const runs = silentRuns(rmsDb, 0.01, -40);
    expect(runs.map(([a, b]) => [Number(a.toFixed(6)), Number(b.toFixed(6))])).toEqual(expected);
  });
});

describe('longEnough', () => {
  test.each([
    [0.5, [[0, 0.4], [1, 1.5], [2, 3]], [[1, 1.5], [2, 3]]],
    [1, [[0, 0.4], [1, 1.5], [2, 3]], [[2, 3]]],
    [0.1, [], []],
  ])('keeps runs of at least %s s', (min, runs, expected) => {
    expect(longEnough(runs as [number, number][], min)).toEqual(expected);
  });
});

describe('padRuns', () => {
  test.each([
    ['shrinks both speech sides', [[1, 2]], 0.15, 10, [[1.15, 1.85]]],
    ['keeps the file edges', [[0, 1], [9, 10]], 0.2, 10, [[0, 0.8], [9.2, 10]]],
    ['drops runs the padding eats', [[1, 1.2]], 0.15, 10, []],
    ['no padding changes nothing', [[1, 2]], 0, 10, [[1, 2]]],
  ])('%s', (_name, runs, padding, total, expected) => {
    expect(padRuns(runs as [number, number][], padding, total).map(([a, b]) => [Number(a.toFixed(6)), Number(b.toFixed(6))])).toEqual(expected);
  });
});

describe('dropShortKeeps', () => {
  test.each([
    ['joins cuts around a blip', [[1, 2], [2.1, 3]], 0.2, 10, [[1, 3]]],
    ['keeps a real piece between cuts', [[1, 2], [2.5, 3]], 0.2, 10, [[1, 2], [2.5, 3]]],
    ['cuts a blip at the start', [[0.1, 1]], 0.2, 10, [[0, 1]]],
    ['cuts a blip at the end', [[8, 9.9]], 0.2, 10, [[8, 10]]],
    ['nothing to do', [], 0.2, 10, []],
  ])('%s', (_name, cuts, min, total, expected) => {
    expect(dropShortKeeps(cuts as [number, number][], min, total)).toEqual(expected);
  });
});
