import { chatBodySchema } from '@/lib/api/schemas';
import { getBackend } from '@/lib/server/context';
import { chatEventStream, EVENT_STREAM_HEADERS } from '@/lib/chat/chatEventStream';
import { runChatTurn } from '@/lib/chat/runChatTurn';
import { requireOwnedProject } from '@/lib/server/access';
import { getStore } from '@/lib/server/context';
import { parseJsonBody, route } from '@/lib/server/http';

export const dynamic = 'force-dynamic';

/** One chat message in, a stream of chat events out (see lib/chat). */
export const POST = route<{ id: string }>(async (req, { id }) => {
  const ctx = await requireOwnedProject(id);
  const { message } = await parseJsonBody(req, chatBodySchema);
  const deps = { store: getStore(), backend: getBackend() };
  const body = chatEventStream((signal) => runChatTurn(deps, ctx, message, signal), { signal: req.signal });
  return new Response(body, { headers: EVENT_STREAM_HEADERS });
});
