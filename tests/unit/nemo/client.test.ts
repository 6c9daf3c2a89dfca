import { describe, expect, it } from 'vitest';
import { NemoApiError, unwrap } from '@/lib/nemo/client';

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
