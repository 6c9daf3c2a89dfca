import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../helpers/client';
import { mediaFile } from '../../helpers/paths';
import { startServer, type TestServer } from '../../helpers/server';

describe('security headers on every response', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const common = (res: Response) => {
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  };

  it('gives pages a nonce CSP with no unsafe-inline script and no framing', async () => {
    const c = new ApiClient(server.baseUrl);
    const first = await c.fetch('/');
    const second = await c.fetch('/');
    common(first);
    const csp = first.headers.get('content-security-policy')!;
    const script = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'))!;
    expect(script).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(script).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(second.headers.get('content-security-policy')).not.toBe(csp);
    // Next stamps the nonce on its own scripts; every inline script carries it.
    const nonce = /'nonce-([^']+)'/.exec(script)![1];
    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it('lets nothing run from API answers and files, which also name their disposition', async () => {
    const c = new ApiClient(server.baseUrl);
    const id = await c.createProject('Headers');
    const up = await c.upload(id, [{ path: mediaFile('talk-1080p.mp4') }]);
    const media = up.body.media[0];
    for (const pathname of [`/api/projects/${id}`, `/api/projects/${id}/media/${media.id}/file`, `/api/projects/${id}/media/${media.id}/thumbnail`, '/api/nope']) {
      const res = await c.fetch(pathname);
      common(res);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toMatch(/(^|;\s*)sandbox(;|$)/);
      expect(csp).toContain("default-src 'none'");
      if (pathname.includes('/file') || pathname.includes('/thumbnail')) expect(res.headers.get('content-disposition')).toMatch(/^inline/);
      await res.body?.cancel();
    }
  });
});
