// Starts the built app on the nemo backend against a fake NemoVideo served on loopback; collects what clients saw.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiClient } from '@/tests/helpers/client';
import { ffmpeg } from '@/tests/helpers/ffprobe';
import { FakeNemo } from './fakeNemo';
import { serveFakeNemo, type ServedFakeNemo } from './serve';
import { startServer, type TestServer } from '@/tests/helpers/server';

export interface NemoApp {
  nemo: ServedFakeNemo;
  fake: FakeNemo;
  server: TestServer;
  clients: ApiClient[];
  client(): ApiClient;
  /** Stops the app and starts it again on the same data (clients keep their cookies, pointed at the new port). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A distinctive secret per run, so a scan cannot miss it or match something else. */
export const NEMO_SECRET = `nemo-secret-token-${crypto.randomBytes(12).toString('hex')}`;

/** A real 2 s 1080p H.264 + AAC MP4 the fake serves as every finished render. */
export function renderOutput(): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nemo-render-'));
  const out = path.join(dir, 'render.mp4');
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30:duration=2', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', '-movflags', '+faststart', out]);
  const bytes = fs.readFileSync(out);
  fs.rmSync(dir, { recursive: true, force: true });
  return bytes;
}

export async function startNemoApp(env: Record<string, string> = {}): Promise<NemoApp> {
  const nemo = await serveFakeNemo(new FakeNemo());
  const appEnv = {
    EDIT_BACKEND: 'nemo',
    NEMO_API_BASE: nemo.baseUrl,
    NEMO_POLL_MS: '300',
    NEMO_RETRY_AFTER_MS: '400',
    NEMO_STILL_WORKING_MS: '1000',
    ...env,
  };
  const clients: ApiClient[] = [];
  const app: NemoApp = {
    nemo,
    fake: nemo.fake,
    server: await startServer({ env: appEnv }),
    clients,
    client() {
      const c = new ApiClient(app.server.baseUrl);
      clients.push(c);
      return c;
    },
    async restart() {
      const { dataDir, port } = app.server;
      await app.server.stop();
      app.server = await startServer({ env: appEnv, dataDir, port });
    },
    async stop() {
      await app.server.stop();
      await nemo.close();
    },
  };
  return app;
}
