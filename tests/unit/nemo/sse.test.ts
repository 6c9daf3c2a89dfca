import { describe, expect, it } from 'vitest';
import { streamOf } from '@/tests/helpers/byteStream';
import { readAdkSignals, signalsOf, type AdkSignal } from '@/lib/nemo/sse';

const quiet = () => undefined;
const data = (value: unknown) => ({ event: undefined, data: typeof value === 'string' ? value : JSON.stringify(value) });

describe('signalsOf', () => {
  it.each<[string, { event?: string; data: string }, AdkSignal[]]>([
    ['an empty data line', data(''), [{ kind: 'heartbeat' }]],
    ['a heartbeat event', { event: 'heartbeat', data: '{}' }, [{ kind: 'heartbeat' }]],
    ['a heartbeat object', data({ type: 'heartbeat' }), [{ kind: 'heartbeat' }]],
    ['a partial text', data({ content: { parts: [{ text: 'Hel' }] }, partial: true }), [{ kind: 'text', text: 'Hel', partial: true }]],
    ['a final text', data({ content: { parts: [{ text: 'Hello' }] } }), [{ kind: 'text', text: 'Hello', partial: false }]],
    ['a thought (not the reply)', data({ content: { parts: [{ text: 'hmm', thought: true }] } }), []],
    [
      'a function call and its response',
      data({ content: { parts: [{ functionCall: { name: 'add_bgm', args: {} } }, { functionResponse: { name: 'add_bgm', response: {} } }] } }),
      [
        { kind: 'toolCall', name: 'add_bgm' },
        { kind: 'toolResult', name: 'add_bgm' },
      ],
    ],
    ['an ADK error', data({ errorCode: '2001', errorMessage: 'no credits' }), [{ kind: 'error', code: 2001, message: 'no credits' }]],
    ['an error string', data({ error: 'boom' }), [{ kind: 'error', code: null, message: 'boom' }]],
    ['an envelope error', data({ code: 1002, message: 'session not found' }), [{ kind: 'error', code: 1002, message: 'session not found' }]],
    ['a line that is not JSON', data('{"content": {"parts": [{"text": "cut'), []],
    ['JSON of the wrong shape', data('[1, 2, 3]'), []],
  ])('%s', (_name, message, expected) => {
    expect(signalsOf(message, quiet)).toEqual(expected);
  });

  it('logs what it skips', () => {
    const logged: string[] = [];
    signalsOf(data('not json at all'), (m) => logged.push(m));
    expect(logged).toEqual(['skipped a malformed SSE line: not json at all']);
  });
});

async function collect(chunks: string[]) {
  const out: AdkSignal[] = [];
  for await (const s of readAdkSignals(streamOf(chunks), quiet)) out.push(s);
  return out;
}

describe('readAdkSignals', () => {
  it('reads events split across chunks, comments as heartbeats, and skips broken lines', async () => {
    const text = JSON.stringify({ content: { parts: [{ text: 'Adding music' }] }, partial: true });
    const signals = await collect([
      ': keep-alive\n\n',
      `data: ${text.slice(0, 20)}`,
      `${text.slice(20)}\n\n`,
      'data: {broken\n\n',
      'garbage without a colon\n\n',
      'data: {"content":{"parts":[{"text":"Done."}]}}',
    ]);
    expect(signals).toEqual([
      { kind: 'heartbeat' },
      { kind: 'text', text: 'Adding music', partial: true },
      { kind: 'text', text: 'Done.', partial: false },
    ]);
  });

  it('reads CRLF line endings', async () => {
    expect(await collect(['data: {"content":{"parts":[{"text":"a"}]},"partial":true}\r\n\r\n'])).toEqual([
      { kind: 'text', text: 'a', partial: true },
    ]);
  });
});
