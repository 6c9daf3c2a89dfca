import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tusErrorResponse } from '@/lib/server/upload/tusErrors';
import { pendingUploadBytes } from '@/lib/server/upload/tusQuota';
import { sweepExpiredUploads } from '@/lib/server/upload/tusSweep';
import { AppError } from '@/lib/errors';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-12-01T12:00:00Z');

let dir: string;
let outcomeDir: string;
beforeEach(() => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tus-unit-'));
  dir = path.join(root, 'tus');
  outcomeDir = path.join(root, 'tus-outcomes');
  fs.mkdirSync(dir);
  fs.mkdirSync(outcomeDir);
});
afterEach(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

/** An upload as tus-node-server leaves it: `<id>.json` info and `<id>` bytes (absent once ingested). */
function upload(id: string, o: { owner: string; size: number; received?: number; ageMs: number; outcome?: boolean }) {
  const info = { id, size: o.size, offset: 0, creation_date: new Date(NOW - o.ageMs).toISOString(), metadata: { ownerId: o.owner, projectId: 'p1', filename: 'a.mp4' } };
  fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify(info));
  if (o.received !== undefined) fs.writeFileSync(path.join(dir, id), Buffer.alloc(o.received));
  if (o.outcome) fs.writeFileSync(path.join(outcomeDir, `${id}.json`), '{}');
}

describe('unfinished uploads and the quota', () => {
  it('counts the declared size of this owner\'s unfinished, unexpired uploads only', async () => {
    upload('aaaaaaaaaaaaaaaaaaaaaaaa', { owner: 'me', size: 1000, received: 10, ageMs: 60_000 });
    upload('bbbbbbbbbbbbbbbbbbbbbbbb', { owner: 'me', size: 500, received: 0, ageMs: 60_000 });
    upload('cccccccccccccccccccccccc', { owner: 'someone else', size: 7000, received: 10, ageMs: 60_000 });
    upload('dddddddddddddddddddddddd', { owner: 'me', size: 9000, received: 10, ageMs: 2 * DAY });
    // Finished: the bytes moved into the project's media and count as media.
    upload('eeeeeeeeeeeeeeeeeeeeeeee', { owner: 'me', size: 3000, ageMs: 60_000, outcome: true });
    expect(await pendingUploadBytes(dir, 'me', DAY, NOW)).toBe(1500);
  });
});

describe('the daily sweep', () => {
  it('removes uploads created more than a day ago, finished or not, and keeps younger ones', async () => {
    upload('oldunfinished000000000000', { owner: 'me', size: 1000, received: 10, ageMs: DAY + 1 });
    upload('oldfinished00000000000000', { owner: 'me', size: 1000, ageMs: DAY + 1, outcome: true });
    upload('young0000000000000000000', { owner: 'me', size: 1000, received: 10, ageMs: DAY - 60_000 });
    expect(await sweepExpiredUploads({ dir, outcomeDir }, DAY, NOW)).toBe(2);
    expect(fs.readdirSync(dir).sort()).toEqual(['young0000000000000000000', 'young0000000000000000000.json']);
    expect(fs.readdirSync(outcomeDir)).toEqual([]);
  });
});

describe('tus errors in the one error shape', () => {
  it.each([
    [{ status_code: 413, body: 'Maximum size exceeded\n' }, 413, 4002, 'The file is larger than the 500 MB upload limit.'],
    [{ status_code: 404, body: 'The file for this url was not found\n' }, 404, 404, /not known here.*Start it again/],
    [{ status_code: 410, body: 'The file for this url no longer exists\n' }, 410, 404, /expired/],
    [{ status_code: 409, body: 'Upload-Offset conflict\n' }, 409, 409, /offset/],
    [{ status_code: 412, body: 'Tus-Resumable Required\n' }, 412, 400, 'The upload request is not valid: Tus-Resumable Required'],
    [new Error('disk on fire'), 500, 500, /on our side/],
    [new AppError(4002, 'Over your storage.'), 413, 4002, 'Over your storage.'],
  ] as const)('%j -> %i, code %s', (err, status, code, message) => {
    const out = tusErrorResponse(err as never, 500 * 1024 * 1024);
    expect(out.status_code).toBe(status);
    const body = JSON.parse(out.body);
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(message);
  });
});
