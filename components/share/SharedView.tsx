// What a friend sees from a share link: the title, the latest export in a player, the summary. Nothing to edit.
import type { SharedProjectView } from '@/lib/api/schemas';
import { formatBytes, formatClock, formatResolution } from '@/lib/client/formatting';
import { ButtonLink } from '@/components/ui/Button';
import { Logo } from '@/components/ui/icons';

export function SharedView({ view }: { view: SharedProjectView }) {
  const file = view.export;
  const facts = file
    ? [formatResolution(file.width, file.height), file.duration ? formatClock(file.duration) : null, file.size ? formatBytes(file.size) : null]
        .filter(Boolean)
        .join(' · ')
    : '';
  return (
    <div className="mx-auto flex min-h-dvh max-w-5xl flex-col px-4 pb-12 sm:px-8">
      <header className="flex h-16 items-center justify-between gap-4">
        <Logo className="text-lg" />
        <ButtonLink href="/" size="sm" variant="secondary">
          Make your own
        </ButtonLink>
      </header>
      <main className="flex flex-col gap-5 pt-2 sm:pt-6">
        <div className="space-y-1">
          <p className="text-sm font-medium text-accent-text">Shared video · watch only</p>
          <h1 className="text-2xl font-bold tracking-tight break-words sm:text-3xl">{view.title}</h1>
        </div>
        <div className="overflow-hidden rounded-2xl border border-line bg-black">
          {file ? (
            <video src={file.url} controls playsInline preload="metadata" aria-label={`${view.title} (video)`} className="aspect-video w-full" />
          ) : (
            <div className="grid aspect-video place-items-center p-6 text-center text-white">
              <div className="space-y-1">
                <p className="font-semibold">Not exported yet</p>
                <p className="text-sm text-white/85">The video appears here once its creator exports it. Check back soon.</p>
              </div>
            </div>
          )}
        </div>
        {facts ? <p className="text-sm text-muted tabular-nums">{facts}</p> : null}
        <section aria-labelledby="shared-summary" className="rounded-2xl border border-line bg-surface p-4">
          <h2 id="shared-summary" className="text-sm font-semibold tracking-tight">
            What is in it
          </h2>
          <p className="mt-1 text-sm text-muted">{view.timeline.summary}</p>
        </section>
      </main>
    </div>
  );
}
