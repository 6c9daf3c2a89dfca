// The client's network address for per-address limits: the socket's, or X-Forwarded-For behind a trusted proxy.
import 'server-only';
import http from 'node:http';

/** Set by the server from the socket itself; any value a client sends under this name is overwritten. */
const SOCKET_ADDRESS_HEADER = 'x-in-video-socket-address';

/** Marks the patched prototype, so a second call does not wrap it twice. */
const PATCHED = Symbol.for('in-video.socketAddressHeader');

/**
 * Route handlers never see the socket, and Next keeps an X-Forwarded-For the client sent
 * (it only fills the header when absent), so without a proxy that header is whatever the
 * client chose. This stamps the real peer address on every request before Next reads it.
 */
export function installSocketAddressHeader(): void {
  const proto = http.Server.prototype as http.Server & { [PATCHED]?: boolean };
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage;
      req.headers[SOCKET_ADDRESS_HEADER] = req.socket.remoteAddress ?? 'unknown';
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}

export function clientAddress(headers: Headers, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return headers.get(SOCKET_ADDRESS_HEADER) ?? 'unknown';
}
