import { chatBodySchema } from '@/lib/api/schemas';
import { getBackend } from '@/lib/server/context';
import { chatEventStream, EVENT_STREAM_HEADERS } from '@/lib/chat/chatEventStream';
import { runChatTurn } from '@/lib/chat/runChatTurn';
import { requireOwnedProject } from '@/lib/server/access';
import { getStore } from '@/lib/server/context';
import { parseJsonBody, route } from '@/lib/server/http';
import { releasingWhenDone } from '@/lib/server/limits/inFlight';
import { acquireChatStreamSlot } from '@/lib/server/limits/quotas';
import { enforceRate } from '@/lib/server/limits/rateLimits';

export const dynamic = 'force-dynamic';

/** One chat message in, a stream of chat events out (see lib/chat); a few open streams per owner at most. */
export const POST = route<{ id: string }>(async (req, { id }) => {
  const ctx = await requireOwnedProject(id);
  enforceRate('chat', req, ctx.ownerId);
  const { message } = await parseJsonBody(req, chatBodySchema);
  const release = acquireChatStreamSlot(ctx.ownerId);
  const deps = { store: getStore(), backend: getBackend() };
  const turn = (signal: AbortSignal) => releasingWhenDone(runChatTurn(deps, ctx, message, signal), release);
  const body = chatEventStream(turn, { signal: req.signal });
  return new Response(body, { headers: EVENT_STREAM_HEADERS });
});
