// A TCP proxy in front of the app that plays a phone's connection: every byte to the server counted at its door, and cut on demand.
import net from 'node:net';

export interface PhoneUplink {
  /** Where the browser should go instead of the app. */
  baseUrl: string;
  /** Bytes passed on to the server since the last reset (request lines, headers and bodies). */
  uploaded(): number;
  resetCount(): void;
  /** Calls `fn` once, the first time the count reaches `bytes`. */
  when(bytes: number, fn: () => void): void;
  /** Drops every open connection and refuses new ones, as a phone losing its signal. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startPhoneUplink(targetPort: number): Promise<PhoneUplink> {
  const sockets = new Set<net.Socket>();
  let count = 0;
  let down = false;
  const waiting: { bytes: number; fn: () => void }[] = [];

  const server = net.createServer((client) => {
    if (down) return void client.destroy();
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    upstream.pipe(client);
    // Not throttled here: kernel buffers would hide a slow link from the browser (the page's own network emulation does that).
    client.on('data', (chunk: Buffer) => {
      if (down) return;
      count += chunk.length;
      upstream.write(chunk);
      for (const w of waiting.filter((w) => count >= w.bytes)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.fn();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    uploaded: () => count,
    resetCount: () => (count = 0),
    when: (bytes, fn) => waiting.push({ bytes, fn }),
    cut: () => {
      down = true;
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    restore: () => (down = false),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
