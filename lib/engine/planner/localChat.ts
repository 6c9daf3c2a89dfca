// PLACEHOLDER until the planner work lands: replaced by the real local chat turn.
import 'server-only';
import type { ChatEvent } from '@/lib/api/schemas';
import type { BackendContext } from '@/lib/backend/types';
import type { Store } from '@/lib/server/store/types';

export async function* runLocalChat(_store: Store, _ctx: BackendContext, _message: string, _signal: AbortSignal): AsyncIterable<ChatEvent> {
  yield { type: 'error', code: 500, message: 'The planner is not available yet.' };
}
