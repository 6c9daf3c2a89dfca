// Benchmark: time from sending a chat message to its `timeline` event, for a simple edit on a 60 s clip (goal: median < 300 ms).
// Run alone: `npx tsx scripts/bench/chatLatency.ts` (needs a build; NEXT_DIST_DIR picks which one).
// Measured over loopback from the request to the event's arrival, so it is an upper bound of the server-side time.
import { pathToFileURL } from 'node:url';
import { ApiClient } from '../../tests/helpers/client';
import { mediaFile } from '../../tests/helpers/paths';
import { startServer } from '../../tests/helpers/server';

const RUNS = 20;
const WARMUP = 3;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
const round = (n: number) => Math.round(n * 10) / 10;

/** Milliseconds from POST to the `timeline` event of one message. */
async function timeToTimeline(client: ApiClient, projectId: string, message: string): Promise<number> {
  const started = performance.now();
  const res = await client.fetch(`/api/projects/${projectId}/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message }),
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let at: number | null = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    if (at === null && text.includes('"type":"timeline"')) at = performance.now() - started;
  }
  if (at === null) throw new Error(`no timeline event for "${message}": ${text}`);
  return at;
}

async function series(client: ApiClient, projectId: string, messages: string[]): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const ms = await timeToTimeline(client, projectId, messages[i % messages.length]);
    if (i >= WARMUP) times.push(ms);
  }
  return times.sort((a, b) => a - b);
}

export async function benchChatLatency(): Promise<object> {
  // 46 messages in about a minute: above the public server's per-owner chat rate, which has tests of its own.
  const server = await startServer({ env: { RATE_CHAT_PER_MIN: '100000' } });
  try {
    const client = new ApiClient(server.baseUrl);
    const projectId = await client.createProject('Chat latency');
    const upload = await client.upload(projectId, [{ path: mediaFile('talk-1080p.mp4') }]);
    if (upload.status !== 201) throw new Error(`upload failed: ${upload.status}`);
    // Alternating shapes: every message is a real change (a new version) on the 60 s clip.
    const simple = await series(client, projectId, ['make it square', 'make it 16:9 for YouTube']);
    // A heavier edit for comparison: pause detection on the 60 s envelope, then undo to start again.
    const pauses = await series(client, projectId, ['cut out the pauses', 'undo']);
    return {
      name: 'chatToTimelineMs',
      edit: 'make it square / make it 16:9 for YouTube (60 s clip)',
      median: round(quantile(simple, 0.5)),
      p90: round(quantile(simple, 0.9)),
      runs: simple.length,
      removePausesMedian: round(quantile(pauses, 0.5)),
      goalMs: 300,
    };
  } finally {
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchChatLatency().then(
    (result) => console.log(JSON.stringify(result)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
