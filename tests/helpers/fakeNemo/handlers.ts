// msw handlers playing NemoVideo's API over a FakeNemo; every request is recorded and its headers checked.
import { http, HttpResponse } from 'msw';
import type { Endpoint, FakeFault, FakeNemo, FakeSession } from './fakeNemo';
import { sseBody } from './sseScript';

const ok = (data: unknown) => HttpResponse.json({ code: 0, message: 'success', data });
const nemoError = (code: number, message: string, status = code >= 1000 ? 200 : code, data?: unknown) =>
  HttpResponse.json({ code, message, ...(data === undefined ? {} : { data }) }, { status });
const faultResponse = (f: FakeFault) => nemoError(f.code, f.message ?? `fake error ${f.code}`, f.status, f.data);

interface Gate {
  response?: Response;
  token?: string;
}

/** Records the request, checks attribution (and the token when `auth`), and applies a scripted fault. */
function gate(fake: FakeNemo, endpoint: Endpoint, request: Request, auth: boolean): Gate {
  const headers = Object.fromEntries(request.headers.entries());
  const token = headers.authorization?.match(/^Bearer (.+)$/)?.[1];
  const url = new URL(request.url);
  fake.requests.push({ endpoint, method: request.method, path: url.pathname, headers, token, at: Date.now() });
  const problems: string[] = [];
  if (headers['x-skill-source'] !== 'in-video') problems.push('X-Skill-Source');
  if (headers['x-skill-version'] !== fake.appVersion) problems.push('X-Skill-Version');
  if (!['clawhub', 'cursor', 'unknown'].includes(headers['x-skill-platform'] ?? '')) problems.push('X-Skill-Platform');
  if (auth && !token) problems.push('Authorization');
  if (problems.length > 0) {
    fake.violations.push(`${request.method} ${url.pathname} lacks ${problems.join(', ')}`);
    // The brief: "If any header is missing, exports return 402."
    return { response: nemoError(402, `missing ${problems.join(', ')}`, 402) };
  }
  const fault = fake.takeFault(endpoint);
  if (fault) return { response: faultResponse(fault) };
  if (auth) {
    const info = token ? fake.tokens.get(token) : undefined;
    if (!info || info.expired) return { response: nemoError(1001, 'token invalid or expired') };
  }
  return { token };
}

function sessionFor(fake: FakeNemo, sid: string): FakeSession | Response {
  return fake.sessions.get(sid) ?? nemoError(1002, 'session not found');
}

export function nemoHandlers(fake: FakeNemo, base: string) {
  return [
    http.post(`${base}/api/auth/anonymous-token`, ({ request }) => {
      const g = gate(fake, 'token', request, false);
      if (g.response) return g.response;
      const clientId = request.headers.get('x-client-id');
      if (!clientId || !/^[0-9a-f-]{36}$/i.test(clientId)) return nemoError(400, 'missing X-Client-Id', 400);
      const { token, userId } = fake.issueToken(clientId);
      const expires = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
      return ok({ token, user_id: userId, credits: 100, expires_at: expires });
    }),

    http.post(`${base}/api/tasks/me/with-session/nemo_agent`, async ({ request }) => {
      const g = gate(fake, 'session', request, true);
      if (g.response) return g.response;
      const body = (await request.json()) as { task_name?: string; language?: string };
      fake.requests.at(-1)!.body = body;
      if (body.task_name !== 'project' || !['en', 'zh'].includes(body.language ?? '')) return nemoError(400, 'bad session body', 400);
      const { taskId, sessionId } = fake.createSession(g.token!);
      return ok({ task_id: taskId, session_id: sessionId, user_id: fake.tokens.get(g.token!)!.userId });
    }),

    http.post(`${base}/run_sse`, async ({ request }) => {
      const g = gate(fake, 'sse', request, true);
      if (g.response) return g.response;
      const body = (await request.json()) as { app_name: string; user_id: string; session_id: string; new_message: { parts: { text: string }[] } };
      fake.requests.at(-1)!.body = body;
      if (request.headers.get('accept') !== 'text/event-stream' || body.app_name !== 'nemo_agent' || body.user_id !== 'me') {
        return nemoError(400, 'bad run_sse request', 400);
      }
      const session = sessionFor(fake, body.session_id);
      if (session instanceof Response) return session;
      const steps = fake.nextTurn(session, body.new_message.parts.map((p) => p.text).join(''));
      return new HttpResponse(sseBody(steps, () => session.draft), {
        headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
      });
    }),

    http.post(`${base}/api/upload-video/nemo_agent/me/:sid`, async ({ request, params }) => {
      const g = gate(fake, 'upload', request, true);
      if (g.response) return g.response;
      const session = sessionFor(fake, String(params.sid));
      if (session instanceof Response) return session;
      const form = await request.formData();
      const files = form.getAll('files').filter((f): f is File => typeof f !== 'string');
      if (files.length === 0) return nemoError(400, 'no files', 400);
      for (const file of files) {
        const refused = fake.addUpload(session, file.name, file.size);
        if (refused === 4001) return nemoError(4001, `unsupported file ${file.name}`);
        if (refused === 4002) return nemoError(4002, `file too large: ${file.name}`);
      }
      return ok({ uploaded: files.map((f) => ({ name: f.name, size: f.size })) });
    }),

    http.get(`${base}/api/credits/balance/simple`, ({ request }) => {
      const g = gate(fake, 'credits', request, true);
      if (g.response) return g.response;
      return ok(fake.tokens.get(g.token!)!.credits);
    }),

    http.get(`${base}/api/state/nemo_agent/me/:sid/latest`, ({ request, params }) => {
      const g = gate(fake, 'state', request, true);
      if (g.response) return g.response;
      const session = sessionFor(fake, String(params.sid));
      if (session instanceof Response) return session;
      return ok({ state: { draft: session.draft, video_infos: session.uploads, generated_media: [] }, user_id: fake.tokens.get(session.token)?.userId });
    }),

    // The render endpoints answer with bare objects, so both response styles are exercised.
    http.post(`${base}/api/render/proxy/lambda`, async ({ request }) => {
      const g = gate(fake, 'render', request, true);
      if (g.response) return g.response;
      const body = (await request.json()) as { id: string; sessionId: string; draft: unknown; output: { format: string; quality: string } };
      fake.requests.at(-1)!.body = body;
      if (!/^render_\d+$/.test(body.id) || !fake.sessions.has(body.sessionId) || !body.draft || body.output?.format !== 'mp4') {
        return nemoError(400, 'bad render request', 400);
      }
      fake.renders.set(body.id, { sessionId: body.sessionId, polls: 0, draft: body.draft, body });
      return HttpResponse.json({ id: body.id, status: 'queued', progress: 0 });
    }),

    http.get(`${base}/api/render/proxy/lambda/:id`, ({ request, params }) => {
      const g = gate(fake, 'renderStatus', request, true);
      if (g.response) return g.response;
      const render = fake.renders.get(String(params.id));
      if (!render) return nemoError(404, 'no such render', 404);
      render.polls += 1;
      if (render.polls < fake.pollsToComplete) {
        return HttpResponse.json({ id: params.id, status: 'rendering', progress: Math.round((render.polls / fake.pollsToComplete) * 100) });
      }
      return HttpResponse.json({ id: params.id, status: 'completed', progress: 100, output: { url: `${base}/files/${params.id}.mp4` } });
    }),

    http.get(`${base}/files/:name`, ({ request }) => {
      const g = gate(fake, 'file', request, false);
      if (g.response) return g.response;
      const bytes = fake.output;
      const range = request.headers.get('range')?.match(/^bytes=(\d+)-(\d*)$/);
      if (!range) return new HttpResponse(bytes, { headers: { 'content-type': 'video/mp4', 'content-length': String(bytes.length) } });
      const start = Number(range[1]);
      const end = Math.min(range[2] ? Number(range[2]) : bytes.length - 1, bytes.length - 1);
      return new HttpResponse(bytes.subarray(start, end + 1), {
        status: 206,
        headers: { 'content-type': 'video/mp4', 'content-range': `bytes ${start}-${end}/${bytes.length}`, 'content-length': String(end - start + 1) },
      });
    }),
  ];
}
