// Downloads one URL to a file with size and time caps, following at most 5 redirects by hand, each hop re-checked and pinned.
import 'server-only';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '@/lib/errors';
import { hashingTap } from '@/lib/server/upload/contentHash';
import { megabytes } from '@/lib/server/upload/receiveMultipart';
import type { AddressPolicy } from './addressPolicy';
import { importName } from './importName';
import { refused, resolveAllowedAddress, type PinnedAddress } from './resolveAllowedAddress';

export const MAX_REDIRECTS = 5;

export interface DownloadOptions {
  dest: string;
  maxBytes: number;
  timeoutMs: number;
  policy: AddressPolicy;
  signal?: AbortSignal;
}

export function parseImportUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refused(`"${raw.slice(0, 200)}" is not a valid link`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw refused('only http and https links can be imported');
  return url;
}

/** Resolves to the display name, size and SHA-256 (hex, taken while saving); the bytes are in `dest`. Removes `dest` on any failure. */
export async function downloadUrl(raw: string, options: DownloadOptions): Promise<{ name: string; size: number; sha256: string }> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    let url = parseImportUrl(raw);
    for (let hop = 0; ; hop++) {
      const pinned = await resolveAllowedAddress(url, options.policy);
      const res = await get(url, pinned, signal);
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        if (hop >= MAX_REDIRECTS) throw refused(`it redirects more than ${MAX_REDIRECTS} times`);
        url = parseImportUrl(new URL(res.headers.location, url).toString());
        continue;
      }
      if (status < 200 || status >= 300) {
        res.resume();
        throw refused(`the server answered ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`);
      }
      const name = importName(url, res.headers['content-disposition']);
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBytes) {
        res.destroy();
        throw tooLarge(name, options.maxBytes);
      }
      const { size, sha256 } = await save(res, options.dest, options.maxBytes, name);
      return { name, size, sha256 };
    }
  } catch (err) {
    await fs.promises.rm(options.dest, { force: true });
    if (err instanceof AppError) throw err;
    if (timeout.aborted) throw refused(`it did not finish downloading within ${Math.round(options.timeoutMs / 1000)} s`);
    throw refused(`the download failed (${(err as Error).message})`);
  }
}

function get(url: URL, pinned: PinnedAddress, signal: AbortSignal): Promise<http.IncomingMessage> {
  // The connection goes to the address we checked, whatever DNS says a moment later (no rebinding).
  const lookup: LookupFunction = (_host, opts, callback) => {
    if (opts?.all) (callback as unknown as (e: null, a: PinnedAddress[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(url, { lookup, signal, agent: false, headers: { 'user-agent': 'InVideo-URL-Import/1', accept: '*/*' } });
    req.on('response', resolve);
    req.on('error', reject);
  });
}

async function save(res: http.IncomingMessage, dest: string, maxBytes: number, name: string): Promise<{ size: number; sha256: string }> {
  let size = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      done(size > maxBytes ? tooLarge(name, maxBytes) : null, chunk);
    },
  });
  const tap = hashingTap();
  await pipeline(res, cap, tap.stream, fs.createWriteStream(dest, { flags: 'wx' }));
  return { size, sha256: tap.digest() };
}

const tooLarge = (name: string, maxBytes: number) => new AppError(4002, `"${name}" is larger than the ${megabytes(maxBytes)} upload limit.`);
