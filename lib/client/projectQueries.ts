// TanStack Query hooks for projects, timelines, exports and credits: the page's only data access.
'use client';
import type { ExportQuality } from '@/lib/api/schemas';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  creditsViewSchema,
  exportViewSchema,
  mediaPeaksViewSchema,
  projectDetailSchema,
  projectViewSchema,
  timelineViewSchema,
  type ExportView,
  type ProjectDetail,
  type ProjectView,
  type TimelineView,
} from '@/lib/api/schemas';
import { apiFetch } from './apiFetch';
import { queryKeys } from './queryKeys';
import { markExportSeen } from './seenExports';

const projectsResponse = z.object({ projects: z.array(projectViewSchema) });
const projectResponse = z.object({ project: projectViewSchema });
const exportResponse = z.object({ export: exportViewSchema });
const shareResponse = z.object({ url: z.string() });

export const isFinished = (e: ExportView) => e.status === 'completed' || e.status === 'failed' || e.status === 'canceled';

export function useProjects(initialData?: ProjectView[]) {
  return useQuery({
    queryKey: queryKeys.projects(),
    queryFn: async () => (await apiFetch('/api/projects', projectsResponse)).projects,
    initialData,
  });
}

export function useCreateProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (title?: string) =>
      (await apiFetch('/api/projects', projectResponse, { method: 'POST', body: title ? { title } : {} })).project,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.projects() }),
  });
}

export function useProjectDetail(projectId: string, initialData?: ProjectDetail) {
  return useQuery({
    queryKey: queryKeys.project(projectId),
    queryFn: () => apiFetch(`/api/projects/${projectId}`, projectDetailSchema),
    initialData,
    retry: (count, err) => count < 2 && !(err instanceof Error && 'code' in err && (err.code === 1002 || err.code === 404)),
  });
}

export function useTimeline(projectId: string) {
  const client = useQueryClient();
  return useQuery({
    queryKey: queryKeys.timeline(projectId),
    queryFn: () => apiFetch(`/api/projects/${projectId}/timeline`, timelineViewSchema),
    initialData: () => client.getQueryData<ProjectDetail>(queryKeys.project(projectId))?.timeline,
  });
}

/** Puts a new timeline everywhere it shows at once (chat events, undo/redo answers). */
export function setTimeline(client: QueryClient, projectId: string, timeline: TimelineView) {
  client.setQueryData(queryKeys.timeline(projectId), timeline);
  client.setQueryData<ProjectDetail>(queryKeys.project(projectId), (d) => (d ? { ...d, timeline } : d));
}

export function useTimelineAction(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: 'undo' | 'redo') =>
      apiFetch(`/api/projects/${projectId}/timeline`, timelineViewSchema, { method: 'POST', body: { action } }),
    onSuccess: (timeline) => setTimeline(client, projectId, timeline),
  });
}

/** Puts an export into the project's list (newest first), replacing an older copy of it. */
export function upsertExport(client: QueryClient, projectId: string, view: ExportView) {
  client.setQueryData(queryKeys.exportJob(projectId, view.id), view);
  client.setQueryData<ProjectDetail>(queryKeys.project(projectId), (d) => {
    if (!d) return d;
    const rest = d.exports.filter((e) => e.id !== view.id);
    const known = d.exports.some((e) => e.id === view.id);
    return { ...d, exports: known ? d.exports.map((e) => (e.id === view.id ? view : e)) : [view, ...rest] };
  });
}

export function useStartExport(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (quality: ExportQuality) =>
      (await apiFetch(`/api/projects/${projectId}/exports`, exportResponse, { method: 'POST', body: { quality } })).export,
    onSuccess: (view) => upsertExport(client, projectId, view),
  });
}

export function useDeleteProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (projectId: string) => apiFetch(`/api/projects/${projectId}`, z.object({ deleted: z.string() }), { method: 'DELETE' }),
    onSuccess: (_, projectId) => {
      client.setQueryData<ProjectView[]>(queryKeys.projects(), (list) => list?.filter((p) => p.id !== projectId));
      client.removeQueries({ queryKey: queryKeys.project(projectId) });
    },
  });
}

/** Removes an uploaded file; `force` also takes its pieces off the timeline (the server says 409 otherwise). */
export function useDeleteMedia(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ mediaId, force }: { mediaId: string; force: boolean }) =>
      apiFetch(`/api/projects/${projectId}/media/${mediaId}${force ? '?force=1' : ''}`, z.object({ deleted: z.string() }), { method: 'DELETE' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.project(projectId) });
      void client.invalidateQueries({ queryKey: queryKeys.timeline(projectId) });
    },
  });
}

export function useCancelExport(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (exportId: string) =>
      (await apiFetch(`/api/projects/${projectId}/exports/${exportId}`, exportResponse, { method: 'DELETE' })).export,
    onSuccess: (view) => upsertExport(client, projectId, view),
  });
}

/** Polls one export about once a second until it finishes, mirroring each answer into the project. */
export function useExportJob(projectId: string, initial: ExportView | undefined) {
  const client = useQueryClient();
  return useQuery({
    queryKey: queryKeys.exportJob(projectId, initial?.id ?? 'none'),
    enabled: Boolean(initial) && !isFinished(initial!),
    initialData: initial,
    queryFn: async () => {
      const view = (await apiFetch(`/api/projects/${projectId}/exports/${initial!.id}`, exportResponse)).export;
      upsertExport(client, projectId, view);
      if (isFinished(view)) {
        // Watched to the end here, so it is no news when the page is opened again.
        markExportSeen(view.id);
        void client.invalidateQueries({ queryKey: queryKeys.projects() });
      }
      return view;
    },
    refetchInterval: (q) => (q.state.data && isFinished(q.state.data) ? false : 1000),
  });
}

export function useCredits() {
  return useQuery({
    queryKey: queryKeys.credits(),
    queryFn: () => apiFetch('/api/credits', creditsViewSchema),
    staleTime: 60_000,
  });
}

export function useShareProject(projectId: string) {
  const client = useQueryClient();
  const markShared = (shared: boolean) =>
    client.setQueryData<ProjectDetail>(queryKeys.project(projectId), (d) => (d ? { ...d, project: { ...d.project, shared } } : d));
  const create = useMutation({
    mutationFn: async () => (await apiFetch(`/api/projects/${projectId}/share`, shareResponse, { method: 'POST' })).url,
    onSuccess: () => markShared(true),
  });
  const revoke = useMutation({
    mutationFn: () => apiFetch(`/api/projects/${projectId}/share`, z.unknown(), { method: 'DELETE' }),
    onSuccess: () => markShared(false),
  });
  return { create, revoke };
}

export function usePeaks(url: string | null | undefined) {
  return useQuery({
    queryKey: queryKeys.peaks(url ?? ''),
    enabled: Boolean(url),
    queryFn: () => apiFetch(url!, mediaPeaksViewSchema),
    staleTime: Infinity,
  });
}
