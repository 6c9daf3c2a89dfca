import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/client';
import { startServer, tempDataDir, type TestServer } from '../../helpers/server';

// Without SESSION_SECRET every install makes its own secret: no cookie can be forged from the source code.
describe('the session secret is secure by default', () => {
  const running: TestServer[] = [];
  const start = async (dataDir: string, databaseUrl?: string) => {
    const s = await startServer({ dataDir, env: { SESSION_SECRET: '', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) } });
    running.push(s);
    return s;
  };
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.stop()));
  });

  it('gives two fresh data folders different secrets (mode 600), and a cookie from one does not open the other', async () => {
    const dirA = tempDataDir();
    const dirB = tempDataDir();
    const a = await start(dirA);
    const owner = new ApiClient(a.baseUrl);
    const id = await owner.createProject('Mine');
    await a.stop();

    const secretA = path.join(dirA, 'session-secret');
    expect(fs.statSync(secretA).mode & 0o777).toBe(0o600);
    // The other install holds the very same rows, only its own secret.
    for (const f of fs.readdirSync(dirA).filter((n) => n.startsWith('in-video.sqlite'))) fs.copyFileSync(path.join(dirA, f), path.join(dirB, f));
    const b = await start(dirB, a.databaseUrl);
    const secretB = path.join(dirB, 'session-secret');
    expect(fs.readFileSync(secretB, 'utf8')).not.toBe(fs.readFileSync(secretA, 'utf8'));
    expect(fs.readFileSync(secretA, 'utf8').length).toBeGreaterThanOrEqual(32);

    const stolen = new ApiClient(b.baseUrl);
    stolen.cookie = owner.cookie;
    expect((await stolen.json(`/api/projects/${id}`)).status).toBe(404);
    expect((await stolen.json('/api/projects')).body.projects).toEqual([]);
    await b.stop();

    // A restart keeps the secret, so sessions survive it.
    const again = await start(dirA);
    const back = new ApiClient(again.baseUrl);
    back.cookie = owner.cookie;
    expect((await back.json(`/api/projects/${id}`)).status).toBe(200);
  });
});
