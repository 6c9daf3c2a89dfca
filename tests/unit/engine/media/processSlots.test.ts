import { describe, expect, test } from 'vitest';
import { ProcessSlots } from '@/lib/engine/media/processSlots';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('ProcessSlots', () => {
  test('runs at most N tasks at once; the rest wait their turn in order (a queue, not a refusal)', async () => {
    const slots = new ProcessSlots(2);
    const started: number[] = [];
    const finish: Array<() => void> = [];
    const tasks = [0, 1, 2, 3].map((i) =>
      slots.run(() => {
        started.push(i);
        return new Promise<number>((resolve) => finish.push(() => resolve(i)));
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(slots.queued).toBe(2);
    finish[1]();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    finish[0]();
    finish[2]();
    await tick();
    finish[3]();
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3]);
    expect(slots.active).toBe(0);
  });

  test('a failing task frees its slot', async () => {
    const slots = new ProcessSlots(1);
    await expect(slots.run(() => Promise.reject(new Error('ffprobe died')))).rejects.toThrow('ffprobe died');
    expect(await slots.run(async () => 'next')).toBe('next');
  });

  test('a waiting task whose upload is abandoned leaves the queue without running', async () => {
    const slots = new ProcessSlots(1);
    let release!: () => void;
    const first = slots.run(() => new Promise<void>((r) => (release = r)));
    const abandoned = new AbortController();
    let ran = false;
    const second = slots.run(async () => {
      ran = true;
    }, abandoned.signal);
    await tick();
    abandoned.abort(new Error('client went away'));
    await expect(second).rejects.toThrow('client went away');
    expect(slots.queued).toBe(0);
    release();
    await first;
    expect(ran).toBe(false);
  });

  test('refuses a limit below 1, quoting it', () => {
    expect(() => new ProcessSlots(0)).toThrow('limit must be at least 1, but was 0');
  });
});
