// asAppError: our errors, and the engine's, become the one error shape, even when made by another bundle's copy of the classes.
import { describe, expect, it } from 'vitest';
import { EngineError } from '@/lib/engine/engineError';
import { AppError, asAppError } from '@/lib/errors';

/** An error as another bundled copy of lib/errors.ts or the engine would make it: same name and fields, other class. */
function foreign(name: string, fields: Record<string, unknown>, message: string): Error {
  return Object.assign(Object.assign(new Error(message), { name }), fields);
}

describe('asAppError', () => {
  it('keeps an AppError and maps engine error kinds to their codes', () => {
    const own = new AppError(409, 'busy');
    expect(asAppError(own)).toBe(own);
    expect(asAppError(new EngineError('unsupported-media', 'no'))).toMatchObject({ code: 4001, status: 415, message: 'no' });
    expect(asAppError(new EngineError('not-found', 'gone'))).toMatchObject({ code: 404, status: 404 });
    expect(asAppError(new EngineError('conflict', 'empty'))).toMatchObject({ code: 409, status: 409 });
  });

  it('recognises errors from another copy of the classes by name', () => {
    expect(asAppError(foreign('AppError', { code: 502, status: 502 }, 'upstream'))).toMatchObject({ code: 502, status: 502, message: 'upstream' });
    expect(asAppError(foreign('EngineError', { kind: 'conflict' }, 'empty'))).toMatchObject({ code: 409, message: 'empty' });
  });

  it('leaves anything else alone', () => {
    expect(asAppError(new Error('boom'))).toBeNull();
    expect(asAppError(foreign('AppError', { code: 12345 }, 'unknown code'))).toBeNull();
    expect(asAppError('text')).toBeNull();
  });
});
