import { describe, expect, it } from 'vitest';
import { streamOf } from '@/tests/helpers/byteStream';
import { parseEventStream } from '@/lib/client/chatStream';

async function collect(chunks: string[]) {
  const out = [];
  for await (const e of parseEventStream(streamOf(chunks))) out.push(e);
  return out;
}

describe('parseEventStream', () => {
  it('yields one chat event per data line, in order', async () => {
    const events = await collect(['data: {"type":"status","message":"Finding pauses"}\n\n', 'data: {"type":"text","delta":"Hi"}\n\ndata: {"type":"done"}\n\n']);
    expect(events).toEqual([{ type: 'status', message: 'Finding pauses' }, { type: 'text', delta: 'Hi' }, { type: 'done' }]);
  });

  it('joins an event split across chunks, even inside a multi-byte character', async () => {
    const line = 'data: {"type":"text","delta":"剪掉停顿"}\n\n';
    const bytes = new TextEncoder().encode(line);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.slice(0, 33));
        c.enqueue(bytes.slice(33));
        c.close();
      },
    });
    const out = [];
    for await (const e of parseEventStream(stream)) out.push(e);
    expect(out).toEqual([{ type: 'text', delta: '剪掉停顿' }]);
  });

  it('accepts CRLF line ends and a last event without a blank line', async () => {
    expect(await collect(['data: {"type":"heartbeat"}\r\n\r\n', 'data: {"type":"done"}'])).toEqual([{ type: 'heartbeat' }, { type: 'done' }]);
  });

  it('skips comments, other fields, bad JSON and unknown event types instead of ending the reply', async () => {
    const events = await collect([': keep-alive\n\n', 'event: x\ndata: not json\n\n', 'data: {"type":"mystery"}\n\n', 'data: {"type":"done"}\n\n']);
    expect(events).toEqual([{ type: 'done' }]);
  });

  it('validates timeline events with the shared schema', async () => {
    const timeline = { version: 2, duration: 4, canvas: { width: 1920, height: 1080, fps: 30 }, summary: 's', tracks: [] };
    const events = await collect([`data: ${JSON.stringify({ type: 'timeline', timeline })}\n\n`, 'data: {"type":"timeline","timeline":{"version":"x"}}\n\n']);
    expect(events).toEqual([{ type: 'timeline', timeline }]);
  });
});
