// "Share": makes the read-only link, copies it, shows it; the owner can stop sharing from here.
'use client';
import { useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '@/lib/client/apiFetch';
import { copyText } from '@/lib/client/clipboard';
import { useShareProject } from '@/lib/client/projectQueries';
import { Button } from '@/components/ui/Button';
import { CheckIcon, CloseIcon, ShareIcon } from '@/components/ui/icons';

/** The link as this browser reaches the site, whatever host the server saw. */
function localLink(url: string): string {
  try {
    const parsed = new URL(url, window.location.origin);
    return new URL(parsed.pathname, window.location.origin).toString();
  } catch {
    return url;
  }
}

export function ShareButton({ projectId, shared }: { projectId: string; shared: boolean }) {
  const { create, revoke } = useShareProject(projectId);
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const panelId = useId();
  const wrapRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const onClick = (e: MouseEvent) => !wrapRef.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  const share = async () => {
    setOpen(true);
    setCopied(null);
    try {
      const url = localLink(await create.mutateAsync());
      setLink(url);
      setCopied(await copyText(url));
    } catch {
      /* shown from create.error */
    }
  };

  const stop = async () => {
    try {
      await revoke.mutateAsync();
      setLink(null);
    } catch {
      /* shown from revoke.error */
    }
  };

  return (
    <div ref={wrapRef} className="relative">
      <Button size="sm" variant={shared ? 'secondary' : 'primary'} onClick={() => void share()} aria-expanded={open} aria-controls={panelId}>
        <ShareIcon width={18} height={18} /> Share
      </Button>
      {open ? (
        <div
          id={panelId}
          role="region"
          aria-label="Share link"
          className="fixed inset-x-3 top-16 z-30 rounded-2xl border border-line bg-surface p-4 shadow-xl sm:absolute sm:inset-x-auto sm:top-12 sm:right-0 sm:w-96"
        >
          <div className="flex items-start justify-between gap-2">
            <div>
              <p className="font-semibold tracking-tight">Share a watch-only link</p>
              <p className="mt-0.5 text-sm text-muted">Anyone with the link can watch the latest export. Nobody can edit.</p>
            </div>
            <button type="button" aria-label="Close" onClick={() => setOpen(false)} className="grid size-8 shrink-0 place-items-center rounded-lg text-muted hover:bg-raised hover:text-ink">
              <CloseIcon width={16} height={16} />
            </button>
          </div>
          {create.isPending ? <p className="mt-3 text-sm text-muted">Making the link…</p> : null}
          {create.isError ? (
            <p role="alert" className="mt-3 text-sm text-danger">
              {errorMessage(create.error)}
            </p>
          ) : null}
          {link ? (
            <div className="mt-3 flex flex-col gap-2">
              <input
                readOnly
                value={link}
                aria-label="Share link address"
                onFocus={(e) => e.target.select()}
                className="h-10 w-full rounded-xl border border-line-strong bg-canvas px-3 text-sm text-ink"
                data-testid="share-link"
              />
              <div className="flex flex-wrap items-center gap-2">
                <Button size="sm" variant="primary" onClick={async () => setCopied(await copyText(link))}>
                  Copy link
                </Button>
                <a href={link} target="_blank" rel="noreferrer" className="h-9 rounded-xl px-3 text-sm leading-9 font-medium text-accent-text hover:bg-raised">
                  Open
                </a>
                <Button size="sm" variant="danger" className="ml-auto" onClick={() => void stop()} disabled={revoke.isPending}>
                  Stop sharing
                </Button>
              </div>
              <p role="status" className="flex items-center gap-1.5 text-xs text-muted">
                {copied === true ? (
                  <>
                    <CheckIcon width={14} height={14} className="text-success" /> Link copied to the clipboard.
                  </>
                ) : copied === false ? (
                  'Copy the link above to send it.'
                ) : null}
              </p>
            </div>
          ) : !create.isPending && !create.isError ? (
            <p role="status" className="mt-3 text-sm text-muted">
              Sharing is off. Press Share to make a new link.
            </p>
          ) : null}
          {revoke.isError ? (
            <p role="alert" className="mt-2 text-sm text-danger">
              {errorMessage(revoke.error)}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
