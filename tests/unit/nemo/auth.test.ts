import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/errors';
import { useFakeNemo } from './harness';

const h = useFakeNemo();
const SEVEN_DAYS = 7 * 24 * 3600 * 1000;

afterEach(() => vi.useRealTimers());
// Anonymous tokens are only for owners who made a project.
beforeEach(async () => {
  await h.project('owner-1');
  await h.project('owner-2');
});

describe('tokens', () => {
  it('mints no anonymous token for a visitor who never made a project', async () => {
    const backend = h.make();
    await expect(backend.credits('drive-by')).rejects.toMatchObject({ code: 1002, message: /Create a project first/ });
    expect(h.fake.requestsTo('token')).toHaveLength(0);
    expect(await backend.credits('owner-1')).toMatchObject({ available: 100 });
    expect(h.fake.requestsTo('token')).toHaveLength(1);
  });

  it('gets one anonymous token per browser user, keeps it with its client id on the server, and renews it after 7 days', async () => {
    let clock = Date.now();
    const backend = h.make({}, { now: () => clock });
    expect(await backend.credits('owner-1')).toEqual({ available: 100, frozen: 0, total: 100 });
    await backend.credits('owner-1');
    await backend.credits('owner-2');
    const tokenCalls = h.fake.requestsTo('token');
    expect(tokenCalls).toHaveLength(2);
    const clientIds = tokenCalls.map((r) => r.headers['x-client-id']);
    expect(clientIds[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(clientIds[1]).not.toBe(clientIds[0]);

    const kept = (await h.store.getOwnerState('owner-1'))!.nemo as Record<string, unknown>;
    expect(kept.clientId).toBe(clientIds[0]);
    expect(h.fake.tokens.has(kept.token as string)).toBe(true);
    expect(kept.expiresAt).toBeGreaterThan(clock + SEVEN_DAYS - 60_000);

    clock += SEVEN_DAYS + 1;
    await backend.credits('owner-1');
    expect(h.fake.requestsTo('token')).toHaveLength(3);
    expect(h.fake.requestsTo('token')[2].headers['x-client-id']).toBe(clientIds[0]);
  });

  it('asks for a single token when one user makes calls at the same time', async () => {
    const backend = h.make();
    await Promise.all([backend.credits('owner-1'), backend.credits('owner-1'), backend.credits('owner-1')]);
    expect(h.fake.requestsTo('token')).toHaveLength(1);
  });

  it('uses NEMO_TOKEN as it is and never asks for an anonymous token', async () => {
    h.fake.acceptToken('registered-token');
    const backend = h.make({ NEMO_TOKEN: 'registered-token' });
    expect(await backend.credits('owner-1')).toEqual({ available: 500, frozen: 0, total: 500 });
    expect(h.fake.requestsTo('token')).toHaveLength(0);
    expect(h.fake.requestsTo('credits')[0].headers.authorization).toBe('Bearer registered-token');
  });

  it('gets a new token once on 1001 and retries the call', async () => {
    const backend = h.make();
    await backend.credits('owner-1');
    h.fake.expireTokens();
    expect(await backend.credits('owner-1')).toEqual({ available: 100, frozen: 0, total: 100 });
    expect(h.fake.requestsTo('token')).toHaveLength(2);
    expect(h.fake.requestsTo('credits').map((r) => r.token === h.fake.requestsTo('credits')[0].token)).toEqual([true, true, false]);
  });

  it('says the configured token was refused when NEMO_TOKEN gets 1001', async () => {
    h.fake.acceptToken('registered-token');
    h.fake.expireTokens();
    const backend = h.make({ NEMO_TOKEN: 'registered-token' });
    await expect(backend.credits('owner-1')).rejects.toMatchObject({ code: 1001, message: expect.stringContaining('NEMO_TOKEN') });
    expect(h.fake.requestsTo('credits')).toHaveLength(1);
  });

  it('makes a new client id and retries when NemoVideo answers 400 missing X-Client-Id', async () => {
    h.fake.failNext('token', { code: 400, message: 'missing X-Client-Id' });
    const backend = h.make();
    await backend.credits('owner-1');
    const [first, second] = h.fake.requestsTo('token').map((r) => r.headers['x-client-id']);
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
    expect(((await h.store.getOwnerState('owner-1'))!.nemo as { clientId: string }).clientId).toBe(second);
  });

  it('waits 30 s after a 429 and retries once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    h.fake.failNext('token', { code: 429, message: 'rate limited' });
    const backend = h.make();
    let settled = false;
    const call = backend.credits('owner-1').finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(29_900);
    expect(settled).toBe(false);
    expect(h.fake.requestsTo('token')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(await call).toEqual({ available: 100, frozen: 0, total: 100 });
    expect(h.fake.requestsTo('token')).toHaveLength(2);
  });

  it('gives up with our 429 when the retry is limited too', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const backend = h.make();
    await backend.credits('owner-1');
    h.fake.failNext('credits', { code: 429, message: 'slow down' }, 2);
    const call = backend.credits('owner-1');
    const outcome = expect(call).rejects.toSatisfy((e: AppError) => e instanceof AppError && e.code === 429 && e.status === 429);
    await vi.advanceTimersByTimeAsync(30_000);
    await outcome;
    expect(h.fake.requestsTo('credits')).toHaveLength(3);
  });
});
