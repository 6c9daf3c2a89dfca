// The home page: start a project by dropping clips, or reopen one this browser made.
'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ProjectView } from '@/lib/api/schemas';
import { errorMessage } from '@/lib/client/apiFetch';
import { useCreateProject, useProjects } from '@/lib/client/projectQueries';
import { Button } from '@/components/ui/Button';
import { Logo, PlusIcon } from '@/components/ui/icons';
import { ProjectCard } from './ProjectCard';
import { StartDropZone } from './StartDropZone';

export function HomeView({ initialProjects }: { initialProjects: ProjectView[] }) {
  const router = useRouter();
  const projects = useProjects(initialProjects);
  const create = useCreateProject();
  const [error, setError] = useState<string | null>(null);
  const sorted = [...(projects.data ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));

  const newProject = async () => {
    setError(null);
    try {
      const project = await create.mutateAsync(undefined);
      router.push(`/projects/${project.id}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <div className="mx-auto flex min-h-dvh max-w-6xl flex-col px-4 pb-16 sm:px-8">
      <header className="flex h-16 items-center justify-between gap-4">
        <Logo className="text-lg" />
        <Button variant="primary" size="sm" onClick={() => void newProject()} disabled={create.isPending}>
          <PlusIcon /> New project
        </Button>
      </header>

      <main className="flex flex-col gap-10 pt-4 sm:pt-8">
        <section aria-labelledby="start-title" className="space-y-5">
          <div className="max-w-2xl space-y-2">
            <h1 id="start-title" className="text-3xl font-bold tracking-tight sm:text-4xl">
              Edit video by saying what you want
            </h1>
            <p className="text-base text-muted sm:text-lg">
              Drop in clips, ask for “cut out the pauses, add background music, and a title”, watch the timeline follow, and
              download a ready-to-post 1080p MP4.
            </p>
          </div>
          <StartDropZone compact={sorted.length > 0} />
          {error ? (
            <p role="alert" className="text-sm text-danger">
              {error}
            </p>
          ) : null}
        </section>

        <section aria-labelledby="projects-title" className="space-y-4">
          <div className="flex items-baseline justify-between">
            <h2 id="projects-title" className="text-xl font-semibold tracking-tight">
              Your projects
            </h2>
            {sorted.length > 0 ? <span className="text-sm text-muted">{sorted.length} in this browser</span> : null}
          </div>
          {projects.isError ? (
            <p role="alert" className="text-sm text-danger">
              {errorMessage(projects.error)}
            </p>
          ) : sorted.length === 0 ? (
            <div className="rounded-2xl border border-line bg-surface px-6 py-10 text-center">
              <p className="font-medium">No projects yet</p>
              <p className="mt-1 text-sm text-muted">Drop a clip above, or start an empty project with “New project”.</p>
            </div>
          ) : (
            <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {sorted.map((p) => (
                <ProjectCard key={p.id} project={p} />
              ))}
            </ul>
          )}
        </section>
      </main>
    </div>
  );
}
