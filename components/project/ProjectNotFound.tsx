// The dead end turned into a way out: a project this browser cannot open.
import { ButtonLink } from '@/components/ui/Button';
import { Logo } from '@/components/ui/icons';

export function ProjectNotFound({ title = 'Project not found', body }: { title?: string; body?: string }) {
  return (
    <div className="flex min-h-dvh flex-col px-4 sm:px-8">
      <header className="flex h-16 items-center">
        <Logo className="text-lg" />
      </header>
      <main className="flex flex-1 flex-col items-center justify-center gap-4 pb-24 text-center">
        <p className="text-sm font-semibold tracking-wide text-accent-text uppercase">404</p>
        <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
        <p className="max-w-md text-muted">
          {body ?? 'It may have been made in another browser, or the address is wrong. Projects open only in the browser that made them.'}
        </p>
        <ButtonLink href="/" variant="primary">
          Go to your projects
        </ButtonLink>
      </main>
    </div>
  );
}
