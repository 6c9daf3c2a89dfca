// Every TanStack Query key the browser uses, built in one place so invalidation stays consistent.
export const queryKeys = {
  projects: () => ['projects'] as const,
  project: (projectId: string) => ['project', projectId] as const,
  timeline: (projectId: string) => ['project', projectId, 'timeline'] as const,
  exportJob: (projectId: string, exportId: string) => ['project', projectId, 'export', exportId] as const,
  peaks: (url: string) => ['peaks', url] as const,
  credits: () => ['credits'] as const,
  unfinishedUploads: (projectId: string) => ['project', projectId, 'unfinished-uploads'] as const,
};
