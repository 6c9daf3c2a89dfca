import { afterEach, describe, expect, it, vi } from 'vitest';
import { edits, streamedReply } from '@/tests/helpers/fakeNemo';
import { collect, statuses, storedMedia, texts, useFakeNemo } from './harness';

const h = useFakeNemo();
afterEach(() => vi.useRealTimers());
const never = () => new AbortController().signal;

describe('a chat turn', () => {
  it('streams partial text once, keeps tool calls on the server, translates GUI talk and ends with the timeline', async () => {
    const backend = h.make();
    const ctx = await h.project();
    await backend.mediaAdded(ctx, [await storedMedia(h, ctx)]);
    h.fake.scriptTurn([
      { toolCall: 'add_background_music', args: { mood: 'lo-fi' } },
      { heartbeat: 'comment' },
      { edit: edits.addMusic('Lo-fi Morning', 0.3) },
      { toolResult: 'add_background_music', response: { ok: true, secret: 'internal' } },
      { toolCall: 'add_text' },
      { edit: edits.addTitle('Urban Dreams') },
      { toolResult: 'add_text' },
      ...streamedReply('I added lo-fi music at 30% and a title. Click the Export button to render.', 9),
    ]);
    const events = await collect(backend.chat(ctx, 'add background music and a title', never()));

    expect(texts(events)).toBe('I added lo-fi music at 30% and a title. Say "export" to render.');
    expect(statuses(events)).toEqual(['Editing...']);
    expect(events.filter((e) => e.type === 'text').length).toBeGreaterThan(1);
    expect(JSON.stringify(events)).not.toMatch(/add_background_music|internal|functionCall/);
    expect(events.at(-1)).toMatchObject({
      type: 'timeline',
      timeline: { summary: 'Timeline (3 tracks): 1. Video: talk-1080p.mp4 (0-10s) 2. BGM: Lo-fi Morning (0-10s, 30%) 3. Title: "Urban Dreams" (0-3s)' },
    });
    expect(events.some((e) => e.type === 'heartbeat')).toBe(true);
    const sent = h.fake.requestsTo('sse')[0];
    expect(sent.headers.accept).toBe('text/event-stream');
    expect(sent.body).toEqual({
      app_name: 'nemo_agent',
      user_id: 'me',
      session_id: [...h.fake.sessions.keys()][0],
      new_message: { parts: [{ text: 'add background music and a title' }] },
    });
  });

  it('creates the session lazily, in the language of the first message, and says it is connecting', async () => {
    const backend = h.make();
    const ctx = await h.project();
    const events = await collect(backend.chat(ctx, '加一段背景音乐', never()));
    expect(events[0]).toEqual({ type: 'status', message: 'Connecting...' });
    expect(h.fake.requestsTo('session')[0].body).toEqual({ task_name: 'project', language: 'zh' });
    const again = await collect(backend.chat(ctx, 'and a title', never()));
    expect(statuses(again)).not.toContain('Connecting...');
    expect(h.fake.requestsTo('session')).toHaveLength(1);
  });

  it('summarises a turn that produced no text from the state before and after', async () => {
    const backend = h.make();
    const ctx = await h.project();
    await backend.mediaAdded(ctx, [await storedMedia(h, ctx)]);
    h.fake.scriptTurn([{ toolCall: 'edit' }, { edit: edits.addMusic('Calm', 0.25) }, { toolResult: 'edit' }]);
    const events = await collect(backend.chat(ctx, 'add calm music', never()));
    expect(texts(events)).toBe('Done: added a music track. Timeline (2 tracks): 1. Video: talk-1080p.mp4 (0-10s) 2. BGM: Calm (0-10s, 25%)');
    expect(events.at(-1)?.type).toBe('timeline');
  });

  it('adds the track summary when the agent points at the timeline', async () => {
    const backend = h.make();
    const ctx = await h.project();
    await backend.mediaAdded(ctx, [await storedMedia(h, ctx)]);
    h.fake.scriptTurn(streamedReply('Trimmed. Preview it in the timeline.'));
    const events = await collect(backend.chat(ctx, 'trim', never()));
    expect(texts(events)).toBe('Trimmed. Check the timeline summary.\n\nTimeline (1 track): 1. Video: talk-1080p.mp4 (0-10s)');
  });

  it('skips malformed SSE lines and still delivers the reply', async () => {
    const backend = h.make();
    const ctx = await h.project();
    h.fake.scriptTurn([
      { malformed: 'data: {"content": {"parts": [{"text": "bro' },
      { malformed: 'this is not sse at all' },
      { partial: 'Still ' },
      { malformed: 'data: [1,2' },
      { partial: 'fine.' },
      { final: 'Still fine.' },
    ]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const events = await collect(backend.chat(ctx, 'hello', never()));
    expect(texts(events)).toBe('Still fine.');
    expect(warn.mock.calls.map((c) => String(c[0])).filter((m) => m.includes('malformed'))).toHaveLength(2);
    warn.mockRestore();
  });

  it('keeps the stream alive through heartbeats and says "Still working..." every 2 minutes without text', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const backend = h.make();
    const ctx = await h.project();
    await backend.credits(ctx.ownerId);
    const beats = Array.from({ length: 10 }, (_, i) => [{ waitMs: 30_000 }, { heartbeat: i % 2 ? 'empty' : 'event' }] as const).flat();
    h.fake.scriptTurn([...beats, { waitMs: 30_000 }, ...streamedReply('All done.')]);
    const turn = collect(backend.chat(ctx, 'make it cinematic', never()));
    for (let t = 0; t < 6 * 60_000; t += 10_000) await vi.advanceTimersByTimeAsync(10_000);
    const events = await turn;
    expect(statuses(events).filter((s) => s === 'Still working...')).toHaveLength(2);
    const firstText = events.findIndex((e) => e.type === 'text');
    expect(events.slice(0, firstText).filter((e) => e.type === 'heartbeat').length).toBeGreaterThanOrEqual(5);
    expect(texts(events)).toBe('All done.');
  });

  it('starts a new session on 1002, sends the media again and says so', async () => {
    const backend = h.make();
    const ctx = await h.project();
    await backend.mediaAdded(ctx, [await storedMedia(h, ctx)]);
    const oldSession = [...h.fake.sessions.keys()][0];
    h.fake.dropSessions();
    h.fake.scriptTurn(streamedReply('Added a title.'));
    const events = await collect(backend.chat(ctx, 'add a title', never()));
    expect(statuses(events)).toContain('The editing session had expired, so I started a new one and sent your clip again. Earlier edits there are gone.');
    expect(texts(events)).toBe('Added a title.');
    const [newSession] = [...h.fake.sessions.values()];
    expect([...h.fake.sessions.keys()][0]).not.toBe(oldSession);
    expect(newSession.uploads.map((u) => u.name)).toEqual(['talk-1080p.mp4']);
    expect(newSession.messages).toEqual(['add a title']);
  });

  it('sends only the files the lost session had accepted to the new one', async () => {
    const backend = h.make();
    const ctx = await h.project();
    await backend.mediaAdded(ctx, [await storedMedia(h, ctx)]);
    await expect(backend.mediaAdded(ctx, [await storedMedia(h, ctx, 'city-timelapse.mpg')])).rejects.toMatchObject({ code: 4001 });
    h.fake.dropSessions();
    await backend.mediaAdded(ctx, [await storedMedia(h, ctx, 'clip.avi')]);
    const [session] = h.fake.sessions.values();
    expect(session.uploads.map((u) => u.name)).toEqual(['talk-1080p.mp4', 'clip.avi']);
    h.fake.dropSessions();
    const events = await collect(backend.chat(ctx, 'status of things', never()));
    expect(statuses(events)).toContain('The editing session had expired, so I started a new one and sent your 2 clips again. Earlier edits there are gone.');
    expect([...h.fake.sessions.values()][0].uploads.map((u) => u.name)).toEqual(['talk-1080p.mp4', 'clip.avi']);
  });

  it('turns 2001 into a registration link with ?bind= for anonymous users', async () => {
    const backend = h.make({ NEMO_REGISTER_URL: 'https://nemovideo.example/register' });
    const ctx = await h.project();
    await backend.credits(ctx.ownerId);
    h.fake.failNext('sse', { code: 2001, message: 'insufficient credits' });
    const events = await collect(backend.chat(ctx, 'add music', never()));
    const error = events.find((e) => e.type === 'error');
    expect(error).toEqual({
      type: 'error',
      code: 2001,
      message: 'The free NemoVideo credits are used up. Register to keep going (your work stays with you): https://nemovideo.example/register?bind=anon-user-1',
    });
  });

  it('tells NEMO_TOKEN users to top up on 2001, also when it arrives inside the stream', async () => {
    h.fake.acceptToken('registered-token');
    const backend = h.make({ NEMO_TOKEN: 'registered-token' });
    const ctx = await h.project();
    h.fake.scriptTurn([{ partial: 'Working on ' }, { error: { code: 2001, message: 'no credits' } }]);
    const events = await collect(backend.chat(ctx, 'add music', never()));
    expect(events.find((e) => e.type === 'error')).toEqual({
      type: 'error',
      code: 2001,
      message: 'Your NemoVideo credits are used up. Top up credits in your NemoVideo account, then try again.',
    });
  });

  it('reports an upstream 5xx in plain words without its body', async () => {
    const backend = h.make();
    const ctx = await h.project();
    h.fake.failNext('sse', { code: 503, message: 'Traceback (most recent call last): File "/srv/agent.py"' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const events = await collect(backend.chat(ctx, 'hi', never()));
    warn.mockRestore();
    expect(events.find((e) => e.type === 'error')).toEqual({ type: 'error', code: 502, message: 'The editing service did not answer properly. Try again shortly.' });
    expect(JSON.stringify(events)).not.toContain('Traceback');
  });

  it('stops quietly when the caller aborts', async () => {
    const backend = h.make();
    const ctx = await h.project();
    h.fake.scriptTurn([{ partial: 'One. ' }, { waitMs: 60_000 }, { final: 'One. Two.' }]);
    const controller = new AbortController();
    const seen: string[] = [];
    for await (const e of backend.chat(ctx, 'go', controller.signal)) {
      seen.push(e.type);
      if (e.type === 'text') controller.abort();
    }
    expect(seen).toEqual(['status', 'text']);
  });
});
