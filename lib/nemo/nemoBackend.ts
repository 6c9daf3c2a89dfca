// PLACEHOLDER until the NemoVideo work lands: replaced by the real remote backend.
import 'server-only';
import type { EditingBackend } from '@/lib/backend/types';
import type { Config } from '@/lib/server/config';
import type { Store } from '@/lib/server/store/types';

export function createNemoBackend(_config: Config, _store: Store): EditingBackend {
  throw new Error('EDIT_BACKEND=nemo is not available yet.');
}
