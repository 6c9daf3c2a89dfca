// A titled card: the building block of the workspace's columns.
export function Panel({
  title,
  actions,
  children,
  className = '',
  bodyClassName = '',
  id,
}: {
  title: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
  bodyClassName?: string;
  id?: string;
}) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section aria-labelledby={headingId} className={`flex min-h-0 min-w-0 flex-col rounded-2xl border border-line bg-surface ${className}`}>
      <header className="flex min-h-12 items-center justify-between gap-2 border-b border-line px-4 py-2">
        <h2 id={headingId} className="text-sm font-semibold tracking-tight">
          {title}
        </h2>
        {actions ? <div className="flex items-center gap-1">{actions}</div> : null}
      </header>
      <div className={`min-h-0 flex-1 ${bodyClassName}`}>{children}</div>
    </section>
  );
}
