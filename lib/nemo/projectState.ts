// What a project keeps about NemoVideo (task and session ids, the last draft seen), in ProjectRecord.backendState.
import 'server-only';
import { z } from 'zod';
import { timelineViewSchema } from '@/lib/api/schemas';
import type { ProjectRecord, Store } from '@/lib/store/types';

export const nemoProjectStateSchema = z.object({
  taskId: z.string().optional(),
  sessionId: z.string().optional(),
  bindId: z.string().optional(),
  /** A fingerprint of the last draft seen, so the view's version moves only when the draft does. */
  draftHash: z.string().optional(),
  version: z.number().int().default(0),
  summary: z.string().optional(),
  /** The last view built from NemoVideo's state, shown (marked as such) while NemoVideo is not answering. */
  lastView: timelineViewSchema.optional(),
  /** Our media ids the current session accepted: what a new session gets again after 1002. */
  uploaded: z.array(z.string()).default([]),
  /** Set after an undo sent upstream, cleared by any other edit. */
  canRedo: z.boolean().default(false),
});
export type NemoProjectState = z.infer<typeof nemoProjectStateSchema>;

export function readProjectState(project: Pick<ProjectRecord, 'backendState'>): NemoProjectState {
  const parsed = nemoProjectStateSchema.safeParse(project.backendState ?? {});
  return parsed.success ? parsed.data : nemoProjectStateSchema.parse({});
}

/** Reads the stored record again before merging, so concurrent writers only lose nothing they did not touch. */
export async function loadProjectState(store: Store, projectId: string): Promise<NemoProjectState> {
  const project = await store.getProject(projectId);
  return readProjectState(project ?? { backendState: null });
}

export async function saveProjectState(store: Store, projectId: string, patch: Partial<NemoProjectState>): Promise<NemoProjectState> {
  const project = await store.getProject(projectId);
  const next = { ...(project?.backendState ?? {}), ...patch };
  await store.updateProject(projectId, { backendState: next });
  return readProjectState({ backendState: next });
}
