// The shared queue's job for an export: a stable UUID per export, the fair priority, the queue settings.
import { describe, expect, it } from 'vitest';
import { fairPriority, INTERRUPTED_QUEUE, renderJobId, renderQueueOptions } from '@/lib/local/exports/renderJobs';

describe('renderJobId', () => {
  it('is a version 5 shaped UUID, the same for the same export and different for another', () => {
    const id = renderJobId('V1StGXR8_Z5jdHi6');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(renderJobId('V1StGXR8_Z5jdHi6')).toBe(id);
    expect(renderJobId('V1StGXR8_Z5jdHi7')).not.toBe(id);
  });
});

describe('fairPriority', () => {
  it.each([
    [0, 0],
    [1, -1],
    [3, -3],
    [-2, 0], // a count that raced below zero still means "nothing ahead"
  ])('with %i of the owner\'s renders ahead is %i', (ahead, priority) => {
    expect(fairPriority(ahead)).toBe(priority);
  });

  it('orders two owners\' queued exports in turns, oldest first within a turn', () => {
    // Owner a queues three, then b queues two: a's first, b's first, a's second, b's second, a's third.
    const jobs = [
      { id: 'a1', at: 1, p: fairPriority(0) },
      { id: 'a2', at: 2, p: fairPriority(1) },
      { id: 'a3', at: 3, p: fairPriority(2) },
      { id: 'b1', at: 4, p: fairPriority(0) },
      { id: 'b2', at: 5, p: fairPriority(1) },
    ];
    // pg-boss's fetch order: priority high to low, then creation.
    const order = [...jobs].sort((x, y) => y.p - x.p || x.at - y.at).map((j) => j.id);
    expect(order).toEqual(['a1', 'b1', 'a2', 'b2', 'a3']);
  });
});

describe('renderQueueOptions', () => {
  it('leases by heartbeat, retries a lost job at once up to the attempts allowed, then dead-letters it', () => {
    expect(renderQueueOptions(30, 3)).toEqual({
      heartbeatSeconds: 30,
      expireInSeconds: 43_200,
      retryLimit: 2,
      retryDelay: 0,
      deadLetter: INTERRUPTED_QUEUE,
    });
  });
});
