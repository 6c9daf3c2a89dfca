// Serves the fake NemoVideo's msw handlers as a real HTTP server on 127.0.0.1, for the built app to call.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { getResponse } from 'msw';
import { FakeNemo } from './fakeNemo';
import { nemoHandlers } from './handlers';

export interface ServedFakeNemo {
  fake: FakeNemo;
  baseUrl: string;
  close(): Promise<void>;
}

export async function serveFakeNemo(fake = new FakeNemo()): Promise<ServedFakeNemo> {
  let handlers: ReturnType<typeof nemoHandlers> = [];
  const server = http.createServer(async (req, res) => {
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${req.url}`;
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const request = new Request(url, {
        method: req.method,
        headers: Object.entries(req.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.join(', ') : v] as [string, string]])),
        ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
      } as RequestInit);
      const response = (await getResponse(handlers, request)) ?? new Response('{"code":404,"message":"no such route"}', { status: 404 });
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      if (!response.body) return res.end();
      // Stream (SSE must reach the app as it is written, not at the end).
      const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
      res.on('close', () => body.destroy());
      body.on('error', () => res.destroy());
      body.pipe(res);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 500, message: String(err) }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  handlers = nemoHandlers(fake, baseUrl);
  return {
    fake,
    baseUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
