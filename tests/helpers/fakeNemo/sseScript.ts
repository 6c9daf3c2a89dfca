// Scripts for the fake /run_sse stream: ADK-shaped events, heartbeats, pauses, broken lines, draft edits.
export type DraftTrack = { id: string; tt: number; sg: Record<string, unknown>[]; m?: Record<string, unknown> };
export type FakeDraft = { t: DraftTrack[]; d: number; m: Record<string, unknown> };

export type SseStep =
  | { partial: string }
  | { final: string }
  | { toolCall: string; args?: Record<string, unknown> }
  | { toolResult: string; response?: Record<string, unknown> }
  | { heartbeat: 'event' | 'comment' | 'json' | 'empty' }
  | { malformed: string }
  | { waitMs: number }
  | { edit: (draft: FakeDraft) => void }
  | { error: { code: number; message: string } };

const adk = (body: Record<string, unknown>) => `data: ${JSON.stringify({ author: 'nemo_agent', invocationId: 'inv-1', ...body })}\n\n`;

/** The SSE text one step writes (waits and edits write nothing). */
export function renderStep(step: SseStep): string {
  if ('partial' in step) return adk({ content: { role: 'model', parts: [{ text: step.partial }] }, partial: true });
  if ('final' in step) return adk({ content: { role: 'model', parts: [{ text: step.final }] }, partial: false, turnComplete: true });
  if ('toolCall' in step) {
    return adk({ content: { role: 'model', parts: [{ functionCall: { id: `call-${step.toolCall}`, name: step.toolCall, args: step.args ?? {} } }] } });
  }
  if ('toolResult' in step) {
    return adk({ content: { role: 'user', parts: [{ functionResponse: { id: `call-${step.toolResult}`, name: step.toolResult, response: step.response ?? { ok: true } } }] } });
  }
  if ('heartbeat' in step) {
    if (step.heartbeat === 'event') return 'event: heartbeat\ndata: {}\n\n';
    if (step.heartbeat === 'comment') return ': heartbeat\n\n';
    if (step.heartbeat === 'json') return 'data: {"type":"heartbeat"}\n\n';
    return 'data:\n\n';
  }
  if ('malformed' in step) return `${step.malformed}\n\n`;
  if ('error' in step) return adk({ errorCode: String(step.error.code), errorMessage: step.error.message });
  return '';
}

/** A text reply streamed as partial chunks, then the aggregated final text (as ADK does). */
export function streamedReply(text: string, chunk = 12): SseStep[] {
  const steps: SseStep[] = [];
  for (let i = 0; i < text.length; i += chunk) steps.push({ partial: text.slice(i, i + chunk) });
  steps.push({ final: text });
  return steps;
}

/** The response body: steps run in order, with waits on real (or fake) timers. */
export function sseBody(steps: SseStep[], draft: () => FakeDraft): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let i = 0;
  return new ReadableStream({
    async pull(controller) {
      for (;;) {
        if (i >= steps.length) return controller.close();
        const step = steps[i++];
        if ('waitMs' in step) {
          await new Promise((r) => setTimeout(r, step.waitMs));
          continue;
        }
        if ('edit' in step) {
          step.edit(draft());
          continue;
        }
        controller.enqueue(encoder.encode(renderStep(step)));
        return;
      }
    },
  });
}
