// A browser-like API client for tests: keeps its own cookie, parses JSON, reads SSE chat events.
import fs from 'node:fs';
import path from 'node:path';
import { chatEventSchema, type ChatEvent } from '@/lib/api/schemas';

export class ApiClient {
  cookie = '';
  /** Every response body this client received, for secret scans. */
  readonly transcript: string[] = [];
  /** Every response's status line and headers, for the same scans. */
  readonly headerTranscript: string[] = [];

  constructor(readonly baseUrl: string) {}

  async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    const res = await fetch(new URL(pathname, this.baseUrl), { ...init, headers, redirect: 'manual' });
    this.headerTranscript.push(`${res.status} ${[...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}`);
    const setCookie = res.headers.getSetCookie();
    if (setCookie.length > 0) this.cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
    return res;
  }

  async json<T = any>(pathname: string, init: Omit<RequestInit, 'body'> & { body?: unknown } = {}): Promise<{ status: number; body: T }> {
    const body: BodyInit | undefined =
      init.body === undefined ? undefined : typeof init.body === 'string' || init.body instanceof FormData ? init.body : JSON.stringify(init.body);
    const headers = new Headers(init.headers);
    if (body && typeof body === 'string') headers.set('content-type', 'application/json');
    const res = await this.fetch(pathname, { ...init, headers, body });
    const text = await res.text();
    this.transcript.push(text);
    let parsed: any = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed as T };
  }

  async createProject(title?: string): Promise<string> {
    const { status, body } = await this.json('/api/projects', { method: 'POST', body: title ? { title } : {} });
    if (status !== 201) throw new Error(`create project failed: ${status} ${JSON.stringify(body)}`);
    return body.project.id;
  }

  /** Uploads files as multipart field `files`; `as` renames them. */
  async upload(projectId: string, files: { path: string; as?: string }[]) {
    const form = new FormData();
    for (const f of files) {
      const blob = await fs.openAsBlob(f.path);
      form.append('files', blob, f.as ?? path.basename(f.path));
    }
    return this.json(`/api/projects/${projectId}/media`, { method: 'POST', body: form });
  }

  /**
   * A resumable (tus) upload of `bytes` sent in two PATCHes, so whatever the server carries from one
   * part to the next is exercised; throws on any answer but 201/204. Resolves to the upload's location
   * (a GET on it answers the outcome).
   */
  async resumableUploadInTwoParts(projectId: string, bytes: Buffer, filename: string): Promise<string> {
    const created = await this.fetch(`/api/projects/${projectId}/uploads`, {
      method: 'POST',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': String(bytes.length), 'Upload-Metadata': `filename ${Buffer.from(filename).toString('base64')}` },
    });
    if (created.status !== 201) throw new Error(`creating the upload answered ${created.status}: ${await created.text()}`);
    const location = created.headers.get('location')!;
    const half = Math.floor(bytes.length / 2);
    for (const [offset, part] of [[0, bytes.subarray(0, half)], [half, bytes.subarray(half)]] as const) {
      const res = await this.fetch(location, {
        method: 'PATCH',
        headers: { 'Tus-Resumable': '1.0.0', 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
        body: new Uint8Array(part),
      });
      if (res.status !== 204) throw new Error(`the part at ${offset} answered ${res.status}: ${await res.text()}`);
    }
    return location;
  }

  /** Sends one chat message and collects every event of the reply. */
  async chat(projectId: string, message: string): Promise<ChatEvent[]> {
    const res = await this.fetch(`/api/projects/${projectId}/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ message }),
    });
    const text = await res.text();
    this.transcript.push(text);
    if (!res.ok) throw new Error(`chat failed: ${res.status} ${text}`);
    return parseSse(text);
  }

  async waitForExport(projectId: string, exportId: string, timeoutMs = 170_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { body } = await this.json(`/api/projects/${projectId}/exports/${exportId}`);
      const e = body.export;
      if (['completed', 'failed', 'canceled'].includes(e.status)) return e;
      if (Date.now() > deadline) throw new Error(`export still ${e.status} at ${e.progress}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  async download(pathname: string, to: string): Promise<void> {
    const res = await this.fetch(pathname);
    if (!res.ok) throw new Error(`download failed: ${res.status}`);
    fs.writeFileSync(to, Buffer.from(await res.arrayBuffer()));
  }
}

export function parseSse(text: string): ChatEvent[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('data:'))
    .map((l) => l.slice(5).trim())
    .filter(Boolean)
    .map((d) => chatEventSchema.parse(JSON.parse(d)));
}
