// The nemo backend through our own routes over real HTTP, with the fake NemoVideo on loopback.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '@/package.json';
import type { ChatEvent } from '@/lib/api/schemas';
import type { ApiClient } from '@/tests/helpers/client';
import { ffprobe } from '@/tests/helpers/ffprobe';
import { edits, streamedReply } from '@/tests/helpers/fakeNemo';
import { mediaFile, ROOT } from '@/tests/helpers/paths';
import { NEMO_SECRET, renderOutput, startNemoApp, type NemoApp } from '@/tests/helpers/fakeNemo/nemoApp';

const texts = (events: ChatEvent[]) => events.flatMap((e) => (e.type === 'text' ? [e.delta] : [])).join('');
const statuses = (events: ChatEvent[]) => events.flatMap((e) => (e.type === 'status' ? [e.message] : []));
const errors = (events: ChatEvent[]) => events.filter((e) => e.type === 'error');

/** Everything every app's clients received, and every secret the fakes handed out, for the final scan. */
const seen: ApiClient[] = [];
const secrets = new Set<string>([NEMO_SECRET]);
let output: Buffer;

beforeAll(() => {
  output = renderOutput();
});

async function uploaded(c: ApiClient, title: string, file = 'talk-1080p.mp4') {
  const id = await c.createProject(title);
  const res = await c.upload(id, [{ path: mediaFile(file) }]);
  expect(res.status).toBe(201);
  return id;
}

describe('an anonymous user on the nemo backend', () => {
  let app: NemoApp;
  beforeAll(async () => {
    app = await startNemoApp();
    app.fake.output = output;
  });
  afterAll(async () => {
    for (const [token, info] of app.fake.tokens) secrets.add(token).add(info.clientId ?? token);
    seen.push(...app.clients);
    await app.stop();
  });

  it('goes through a whole session: token, session, upload, a chat turn, state, export, polling and download', async () => {
    const c = app.client();
    const id = await uploaded(c, 'Whole session');
    expect(app.fake.requestsTo('token')).toHaveLength(1);
    const [session] = app.fake.sessions.values();
    expect(session.uploads).toEqual([{ name: 'talk-1080p.mp4', size: fs.statSync(mediaFile('talk-1080p.mp4')).size }]);
    expect(app.fake.requestsTo('session')[0].body).toEqual({ task_name: 'project', language: 'en' });

    app.fake.scriptTurn([
      { toolCall: 'add_background_music', args: { mood: 'lo-fi' } },
      { heartbeat: 'event' },
      { waitMs: 700 },
      { heartbeat: 'empty' },
      { waitMs: 700 },
      { edit: edits.addMusic('Lo-fi Morning', 0.3) },
      { toolResult: 'add_background_music' },
      { malformed: 'data: {"content": {"parts": [{"te' },
      ...streamedReply('Added lo-fi music under your talk. Click the Export button when you are ready.', 10),
    ]);
    const events = await c.chat(id, 'add lo-fi background music');
    expect(texts(events)).toBe('Added lo-fi music under your talk. Say "export" when you are ready.');
    expect(events.filter((e) => e.type === 'text').length).toBeGreaterThanOrEqual(2);
    expect(statuses(events)).toEqual(expect.arrayContaining(['Editing...', 'Still working...']));
    expect(JSON.stringify(events)).not.toContain('add_background_music');
    const summary = 'Timeline (2 tracks): 1. Video: talk-1080p.mp4 (0-10s) 2. BGM: Lo-fi Morning (0-10s, 30%)';
    expect(events.find((e) => e.type === 'timeline')).toMatchObject({ timeline: { summary } });
    expect(events.at(-1)).toEqual({ type: 'done' });

    const timeline = await c.json(`/api/projects/${id}/timeline`);
    expect(timeline).toMatchObject({ status: 200, body: { summary, duration: 10 } });
    // The project card takes its length from NemoVideo's draft, not from the (empty) local timeline.
    const cards = await c.json('/api/projects');
    expect(cards.body.projects.find((p: { id: string }) => p.id === id)).toMatchObject({ duration: 10 });
    const detail = await c.json(`/api/projects/${id}`);
    expect(detail.body.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant']);

    const started = await c.json(`/api/projects/${id}/exports`, { method: 'POST', body: { quality: 'high' } });
    expect(started.status).toBe(202);
    expect(app.fake.requestsTo('render')[0].body).toMatchObject({ sessionId: [...app.fake.sessions.keys()][0], output: { format: 'mp4', quality: 'high' } });
    const done = await c.waitForExport(id, started.body.export.id, 30_000);
    expect(done).toMatchObject({ status: 'completed', progress: 1, url: `/api/projects/${id}/exports/${started.body.export.id}/file` });
    expect(app.fake.requestsTo('renderStatus').length).toBeGreaterThanOrEqual(2);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nemo-dl-'));
    const file = path.join(dir, 'out.mp4');
    await c.download(done.url, file);
    expect(fs.readFileSync(file).equals(output)).toBe(true);
    const probe = ffprobe(file);
    expect(probe.streams.find((s) => s.codec_type === 'video')).toMatchObject({ codec_name: 'h264', width: 1920, height: 1080 });
    fs.rmSync(dir, { recursive: true, force: true });

    const ranged = await c.fetch(done.url, { headers: { range: 'bytes=100-1099' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 100-1099/${output.length}`);
    expect(Buffer.from(await ranged.arrayBuffer()).equals(output.subarray(100, 1100))).toBe(true);

    expect(await c.json('/api/credits')).toEqual({ status: 200, body: { available: 100, frozen: 0, total: 100 } });
    for (const r of app.fake.requests) {
      expect(r.headers).toMatchObject({ 'x-skill-source': 'in-video', 'x-skill-version': packageJson.version, 'x-skill-platform': 'unknown' });
    }
    expect(app.fake.violations).toEqual([]);
  });

  it('summarises a turn without text from the state', async () => {
    const c = app.client();
    const id = await uploaded(c, 'Silent edit');
    app.fake.scriptTurn([{ toolCall: 'trim' }, { edit: edits.trimTo(6000) }, { edit: edits.addTitle('Hello') }, { toolResult: 'trim' }]);
    const events = await c.chat(id, 'trim to 6 seconds and add a title Hello');
    expect(texts(events)).toBe('Done: added a title track; length 6 s (was 10 s). Timeline (2 tracks): 1. Video: talk-1080p.mp4 (0-6s) 2. Title: "Hello" (0-3s)');
  });

  it('1001: gets a new token once and carries on', async () => {
    const c = app.client();
    const id = await uploaded(c, 'Expired token');
    const before = app.fake.requestsTo('token').length;
    app.fake.expireTokens();
    app.fake.scriptTurn(streamedReply('Still here.'));
    const events = await c.chat(id, 'hello again');
    expect(texts(events)).toBe('Still here.');
    expect(errors(events)).toEqual([]);
    expect(app.fake.requestsTo('token').length).toBe(before + 1);
  });

  it('1002: starts a new session, sends the clip again and says so', async () => {
    const c = app.client();
    const id = await uploaded(c, 'Lost session');
    app.fake.dropSessions();
    app.fake.scriptTurn(streamedReply('Title added.'));
    const events = await c.chat(id, 'add a title');
    expect(statuses(events)).toContain('The editing session had expired, so I started a new one and sent your clip again. Earlier edits there are gone.');
    expect(texts(events)).toBe('Title added.');
    expect([...app.fake.sessions.values()][0].uploads.map((u) => u.name)).toEqual(['talk-1080p.mp4']);
  });

  it('2001: shows a registration link with ?bind=<id>', async () => {
    const c = app.client();
    const id = await uploaded(c, 'No credits');
    app.fake.failNext('sse', { code: 2001, message: 'insufficient credits' });
    const events = await c.chat(id, 'add music');
    const [error] = errors(events);
    expect(error).toMatchObject({ code: 2001, message: expect.stringMatching(/^The free NemoVideo credits are used up\. Register .*https:\/\/nemovideo\.ai\/register\?bind=anon-user-\d+$/) });
  });

  it('4001 and 4002: NemoVideo refusing a file becomes our error code', async () => {
    const c = app.client();
    const id = await c.createProject('Refused files');
    const unsupported = await c.upload(id, [{ path: mediaFile('city-timelapse.mpg') }]);
    expect(unsupported).toMatchObject({ status: 415, body: { error: { code: 4001, message: expect.stringContaining('"city-timelapse.mpg"') } } });
    app.fake.maxUploadBytes = 1_000_000;
    try {
      const large = await c.upload(id, [{ path: mediaFile('talk-1080p.mp4') }]);
      expect(large).toMatchObject({ status: 413, body: { error: { code: 4002, message: expect.stringContaining('Compress it or trim it') } } });
    } finally {
      app.fake.maxUploadBytes = 500 * 1024 * 1024;
    }
    // A refused file is not kept: the media list stays empty.
    expect((await c.json(`/api/projects/${id}`)).body.media).toEqual([]);
  });

  it('400 missing X-Client-Id: makes a new client id and retries', async () => {
    const c = app.client();
    await c.createProject('Client id');
    app.fake.failNext('token', { code: 400, message: 'missing X-Client-Id' });
    const before = app.fake.requestsTo('token').length;
    expect(await c.json('/api/credits')).toMatchObject({ status: 200, body: { available: 100 } });
    const [first, second] = app.fake.requestsTo('token').slice(before).map((r) => r.headers['x-client-id']);
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
  });

  it('402: export blocked by the plan says to register or upgrade', async () => {
    const c = app.client();
    const id = await uploaded(c, 'Free plan');
    app.fake.failNext('render', { code: 402, message: 'plan' });
    const res = await c.json(`/api/projects/${id}/exports`, { method: 'POST', body: {} });
    expect(res).toEqual({ status: 402, body: { error: { code: 402, message: 'Register or upgrade your plan to unlock export.' } } });
  });

  it('429: waits and retries once', async () => {
    const c = app.client();
    await c.createProject('Slow down');
    await c.json('/api/credits');
    app.fake.failNext('credits', { code: 429, message: 'slow down' });
    const before = app.fake.requestsTo('credits').length;
    expect(await c.json('/api/credits')).toMatchObject({ status: 200, body: { available: 100 } });
    const [limited, retried] = app.fake.requestsTo('credits').slice(before);
    expect(retried.at - limited.at).toBeGreaterThanOrEqual(400);
  });

  it('a server restart during a NemoVideo render leaves the render on NemoVideo, and it still completes', async () => {
    const c = app.client();
    const id = await uploaded(c, 'Restart');
    app.fake.pollsToComplete = 4;
    try {
      const started = await c.json(`/api/projects/${id}/exports`, { method: 'POST', body: {} });
      const renderId = (app.fake.requestsTo('render').at(-1)!.body as { id: string }).id;
      await app.restart();
      const done = await c.waitForExport(id, started.body.export.id, 30_000);
      expect(done).toMatchObject({ status: 'completed' });
      // The same render was polled to the end; nothing was rendered again, locally or upstream.
      expect(app.fake.requestsTo('render').at(-1)!.body).toMatchObject({ id: renderId });
      expect(app.fake.renders.get(renderId)!.polls).toBe(4);
      const file = await c.fetch(done.url);
      expect(Buffer.from(await file.arrayBuffer()).equals(output)).toBe(true);
    } finally {
      app.fake.pollsToComplete = 2;
    }
  });

  it('mints no anonymous token for a visitor without a project, and sets no cookie', async () => {
    const before = app.fake.requestsTo('token').length;
    const c = app.client();
    const res = await c.fetch('/api/credits');
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: 1002, message: expect.stringMatching(/Create a project first/) });
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(app.fake.requestsTo('token')).toHaveLength(before);
  });

  it('serves a share view from what we hold, without a single call to NemoVideo', async () => {
    const c = app.client();
    const id = await uploaded(c, 'Shared');
    const seenTimeline = (await c.json(`/api/projects/${id}/timeline`)).body;
    const { url } = (await c.json(`/api/projects/${id}/share`, { method: 'POST' })).body;
    const token = new URL(url).pathname.split('/').pop()!;
    const calls = app.fake.requests.length;
    const visitor = app.client();
    const view = await visitor.json(`/api/share/${token}`);
    expect(view.status).toBe(200);
    expect(view.body.timeline.summary).toBe(seenTimeline.summary);
    expect((await visitor.fetch(`/share/${token}`)).status).toBe(200);
    expect(app.fake.requests.length).toBe(calls);
  });

  it('keeps the finished export as our own file: an anonymous share download makes no call to NemoVideo', async () => {
    const c = app.client();
    const id = await uploaded(c, 'Shared export');
    const started = await c.json(`/api/projects/${id}/exports`, { method: 'POST', body: { quality: 'high' } });
    expect(started.status).toBe(202);
    const done = await c.waitForExport(id, started.body.export.id, 30_000);
    expect(done).toMatchObject({ status: 'completed', size: output.length });
    // Fetched once, when the render finished; the owner's own download is served from our copy too.
    const fileCalls = app.fake.requestsTo('file').length;
    expect(Buffer.from(await (await c.fetch(done.url)).arrayBuffer()).equals(output)).toBe(true);
    expect(app.fake.requestsTo('file')).toHaveLength(fileCalls);

    const { url } = (await c.json(`/api/projects/${id}/share`, { method: 'POST' })).body;
    const token = new URL(url).pathname.split('/').pop()!;
    const calls = app.fake.requests.length;
    const visitor = app.client();
    const view = await visitor.json(`/api/share/${token}`);
    expect(view.body.export).toMatchObject({ size: output.length, url: `/api/share/${token}/file` });
    const whole = await visitor.fetch(view.body.export.url);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(output)).toBe(true);
    const ranged = await visitor.fetch(view.body.export.url, { headers: { range: 'bytes=10-109' } });
    expect(ranged.status).toBe(206);
    expect(Buffer.from(await ranged.arrayBuffer()).equals(output.subarray(10, 110))).toBe(true);
    expect(app.fake.requests.length).toBe(calls);
  });

  it('an upstream 5xx becomes our 502 in plain words', async () => {
    const c = app.client();
    const id = await uploaded(c, 'Upstream down');
    app.fake.failNext('state', { code: 500, message: 'Traceback (most recent call last): File "/srv/nemo/state.py", line 12' });
    const res = await c.json(`/api/projects/${id}/timeline`);
    expect(res).toEqual({ status: 502, body: { error: { code: 502, message: 'The editing service did not answer properly. Try again shortly.' } } });
  });

  it('during an upstream outage the project still opens, with the last timeline seen marked as such', async () => {
    const c = app.client();
    const id = await uploaded(c, 'Outage later');
    const seen = await c.json(`/api/projects/${id}/timeline`);
    expect(seen.status).toBe(200);
    app.fake.failNext('state', { code: 503, message: 'maintenance' });
    const during = await c.json(`/api/projects/${id}`);
    expect(during.status).toBe(200);
    expect(during.body.timeline.tracks).toEqual(seen.body.tracks);
    expect(during.body.timeline.summary).toBe(`${seen.body.summary} (NemoVideo is not answering right now: this is the last timeline seen.)`);
    expect((await c.json(`/api/projects/${id}/timeline`)).body.summary).toBe(seen.body.summary);
  });
});

describe('a NEMO_TOKEN user on the nemo backend', () => {
  let app: NemoApp;
  beforeAll(async () => {
    app = await startNemoApp({ NEMO_TOKEN: NEMO_SECRET, NEMO_SKILL_PLATFORM: 'cursor' });
    app.fake.acceptToken(NEMO_SECRET);
    app.fake.output = output;
  });
  afterAll(async () => {
    seen.push(...app.clients);
    await app.stop();
  });

  it('edits and exports with the configured token, and is told to top up on 2001', async () => {
    const c = app.client();
    const id = await uploaded(c, 'Registered');
    app.fake.scriptTurn(streamedReply('Music added. Open the music panel to change it.'));
    const events = await c.chat(id, 'add music');
    expect(texts(events)).toBe('Music added. Say "status" to see the timeline to change it.\n\nTimeline (1 track): 1. Video: talk-1080p.mp4 (0-10s)');
    expect(await c.json('/api/credits')).toMatchObject({ body: { available: 500, total: 500 } });

    const started = await c.json(`/api/projects/${id}/exports`, { method: 'POST', body: {} });
    const done = await c.waitForExport(id, started.body.export.id, 30_000);
    const file = await c.fetch(done.url);
    c.transcript.push(Buffer.from(await file.arrayBuffer()).toString('latin1'));

    app.fake.failNext('sse', { code: 2001, message: 'insufficient credits' });
    const broke = await c.chat(id, 'add a title');
    expect(errors(broke)).toEqual([{ type: 'error', code: 2001, message: 'Your NemoVideo credits are used up. Top up credits in your NemoVideo account, then try again.' }]);

    expect(app.fake.requestsTo('token')).toHaveLength(0);
    const upstream = app.fake.requests.filter((r) => r.endpoint !== 'file');
    expect(upstream.every((r) => r.headers.authorization === `Bearer ${NEMO_SECRET}` && r.headers['x-skill-platform'] === 'cursor')).toBe(true);
    expect(app.fake.violations).toEqual([]);
  });

  it('malformed SSE lines are skipped and the turn still ends', async () => {
    const c = app.client();
    const id = await uploaded(c, 'Broken stream');
    app.fake.scriptTurn([
      { malformed: 'data: {not json' },
      { malformed: 'complete nonsense line' },
      { partial: 'Half ' },
      { malformed: 'data: {"content": 5, "partial": "yes"}' },
      { partial: 'done.' },
      { final: 'Half done.' },
    ]);
    const events = await c.chat(id, 'do something');
    expect(texts(events)).toBe('Half done.');
    expect(events.at(-1)).toEqual({ type: 'done' });
    expect(app.server.logs()).toContain('skipped a malformed SSE line');
  });
});

describe('secrets', () => {
  it('never appear in any response body or header our app sent, nor in the client bundle', () => {
    expect(seen.length).toBeGreaterThan(5);
    const responses = seen.flatMap((c) => [...c.transcript, ...c.headerTranscript]);
    expect(responses.length).toBeGreaterThan(50);
    expect(secrets.size).toBeGreaterThan(3);
    for (const secret of secrets) {
      for (const text of responses) expect(text.includes(secret), `a response contains ${secret.slice(0, 20)}…`).toBe(false);
    }
    const dist = path.join(ROOT, process.env.NEXT_DIST_DIR || '.next', 'static');
    const bundle = fs.readdirSync(dist, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    expect(bundle.length).toBeGreaterThan(3);
    for (const entry of bundle) {
      const text = fs.readFileSync(path.join(entry.parentPath, entry.name), 'latin1');
      expect(text.includes(NEMO_SECRET)).toBe(false);
      expect(text.includes('nemo-secret-token')).toBe(false);
      // Server-only NemoVideo code (config names, attribution headers, the token call) never reaches the browser.
      for (const marker of ['NEMO_TOKEN', 'X-Skill-Platform', 'anonymous-token']) {
        expect(text.includes(marker), `${entry.name} contains ${marker}`).toBe(false);
      }
    }
  });
});
