// Project use cases behind the route handlers: create, list, and the full detail view.
import 'server-only';
import { nanoid } from 'nanoid';
import type { ProjectDetail, ProjectView } from '@/lib/api/schemas';
import { getBackend } from '@/lib/server/context';
import type { BackendContext } from '@/lib/backend/types';
import { emptyTimeline } from '@/lib/engine/timeline/schema';
import { getStore } from './context';
import { assertProjectRoom } from './limits/quotas';
import { toExportView, toMediaView, toMessageView, toProjectView } from './views';

export async function createProject(ownerId: string, title?: string): Promise<ProjectView> {
  const store = getStore();
  await assertProjectRoom(ownerId);
  const count = (await store.listProjects(ownerId)).length;
  const project = await store.createProject({
    id: nanoid(16),
    ownerId,
    title: title ?? `Untitled project ${count + 1}`,
    timeline: emptyTimeline(),
  });
  return toProjectView(project);
}

export async function listProjects(ownerId: string): Promise<ProjectView[]> {
  const store = getStore();
  const projects = await store.listProjects(ownerId);
  return Promise.all(
    projects.map(async (p) => {
      const [media, exports, duration] = await Promise.all([
        store.listMediaSummaries(p.id),
        store.listExports(p.id),
        // The backend knows the length: NemoVideo projects have no local timeline.
        getBackend().cardDuration({ ownerId, project: p }),
      ]);
      const firstVisual = media.find((m) => m.hasThumbnail);
      return toProjectView(p, {
        duration,
        thumbnailUrl: firstVisual ? toMediaView(firstVisual).thumbnailUrl : null,
        lastExport: exports.find((e) => e.status === 'completed' && e.quality === 'high') ?? exports[0] ?? null,
      });
    }),
  );
}

export async function projectDetail(ctx: BackendContext): Promise<ProjectDetail> {
  const store = getStore();
  const [media, exports, messages, timeline] = await Promise.all([
    store.listMediaSummaries(ctx.project.id),
    store.listExports(ctx.project.id),
    store.listMessages(ctx.project.id),
    getBackend().timeline(ctx),
  ]);
  return {
    project: toProjectView(ctx.project, { duration: timeline.duration }),
    media: media.map(toMediaView),
    timeline,
    exports: exports.map((e) => toExportView(e)),
    messages: messages.map(toMessageView),
  };
}
