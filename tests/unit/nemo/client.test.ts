import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createNemoHttp, NemoApiError, unwrap } from '@/lib/nemo/client';

describe('unwrap', () => {
  it('returns a bare object as it is', () => {
    expect(unwrap({ available: 3, frozen: 0, total: 3 })).toEqual({ available: 3, frozen: 0, total: 3 });
  });

  it('returns the data of a successful envelope', () => {
    expect(unwrap({ code: 0, message: 'ok', data: { token: 't' } })).toEqual({ token: 't' });
  });

  it('treats a non-zero code as an error even with HTTP 200', () => {
    try {
      unwrap({ code: 2001, message: 'no credits', data: { bind_id: 'u1' } }, 200);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(NemoApiError);
      expect(err).toMatchObject({ code: 2001, httpStatus: 200, message: 'no credits', data: { bind_id: 'u1' } });
    }
  });

  it('reads a string code', () => {
    expect(() => unwrap({ code: '1002', msg: 'session not found' })).toThrow('session not found');
  });
});

describe('createNemoHttp', () => {
  const attribution = { 'X-Skill-Source': 'in-video', 'X-Skill-Version': '9.9.9', 'X-Skill-Platform': 'unknown' };
  const httpAnswering = (respond: (req: Request) => Response | Promise<Response>) => {
    const seen: Request[] = [];
    const http = createNemoHttp({
      baseUrl: 'http://127.0.0.1:9/',
      attribution,
      fetch: async (input, init) => {
        const req = new Request(input, init);
        seen.push(req);
        return respond(req);
      },
    });
    return { http, seen };
  };

  it('sends the token, the client id and the attribution headers to the base URL', async () => {
    const { http, seen } = httpAnswering(() => Response.json({ code: 0, data: { ok: true } }));
    expect(await http.json({ path: '/api/x', token: 'tok', clientId: 'cid' }, z.object({ ok: z.boolean() }))).toEqual({ ok: true });
    expect(seen[0].url).toBe('http://127.0.0.1:9/api/x');
    expect(Object.fromEntries(seen[0].headers)).toMatchObject({
      authorization: 'Bearer tok',
      'x-client-id': 'cid',
      'x-skill-source': 'in-video',
      'x-skill-version': '9.9.9',
      'x-skill-platform': 'unknown',
    });
  });

  it.each([
    ['an HTTP error with a NemoVideo code as a string', () => Response.json({ code: '1001', message: 'expired' }, { status: 401 }), 1001, 401],
    ['an HTML error page', () => new Response('<html>Bad gateway</html>', { status: 503 }), 503, 503],
    ['an HTTP 429 without a body', () => new Response(null, { status: 429 }), 429, 429],
  ])('reads %s', async (_name, respond, code, httpStatus) => {
    const { http } = httpAnswering(respond);
    await expect(http.json({ path: '/api/x' }, z.unknown())).rejects.toMatchObject({ name: 'NemoApiError', code, httpStatus });
  });

  it('turns an unreachable host into a 502 and a shape it cannot read into a 502', async () => {
    const down = createNemoHttp({ baseUrl: 'http://127.0.0.1:9', attribution, fetch: async () => Promise.reject(new TypeError('fetch failed')) });
    await expect(down.json({ path: '/api/x' }, z.unknown())).rejects.toMatchObject({ code: 502, httpStatus: 0 });
    const { http } = httpAnswering(() => Response.json({ code: 0, data: { available: 'lots' } }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(http.json({ path: '/api/x' }, z.object({ available: z.number() }))).rejects.toMatchObject({ code: 502 });
    warn.mockRestore();
  });

  it('throws the error envelope a chat call got instead of a stream', async () => {
    const { http } = httpAnswering(() => Response.json({ code: 2001, message: 'no credits' }));
    await expect(http.stream({ path: '/run_sse' })).rejects.toMatchObject({ code: 2001, httpStatus: 200 });
  });
});
