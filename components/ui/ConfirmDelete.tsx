// A delete button that asks first, in place: what will go, then Delete or Keep; a refusal's words show beside it.
'use client';
import { useState } from 'react';
import { errorMessage } from '@/lib/client/apiFetch';
import { Button } from './Button';
import { TrashIcon } from './icons';

export function ConfirmDelete({
  label,
  question,
  onDelete,
  busy,
  error,
  retry,
  className = '',
}: {
  /** Accessible name of the first button, e.g. `Delete project "Trip"`. */
  label: string;
  /** What deleting removes, in plain words. */
  question: string;
  onDelete: () => void;
  busy: boolean;
  error: unknown;
  /** A second, stronger action offered after a refusal (e.g. "Delete with its pieces"). */
  retry?: { label: string; run: () => void } | null;
  className?: string;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        aria-label={label}
        title={label}
        onClick={() => setAsking(true)}
        className={`grid size-8 shrink-0 place-items-center rounded-lg text-muted hover:bg-danger-soft hover:text-danger focus-visible:outline-2 focus-visible:outline-ring ${className}`}
      >
        <TrashIcon width={16} height={16} />
      </button>
    );
  }
  return (
    <div role="alertdialog" aria-label={label} className={`flex flex-col gap-2 rounded-xl border border-line-strong bg-surface p-2 text-sm shadow-lg ${className}`}>
      <p>{question}</p>
      {error ? (
        <p role="alert" className="text-xs text-danger">
          {errorMessage(error)}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {error && retry ? (
          <Button size="sm" variant="danger" disabled={busy} onClick={retry.run}>
            {retry.label}
          </Button>
        ) : (
          <Button size="sm" variant="danger" disabled={busy} onClick={onDelete}>
            {busy ? 'Deleting…' : 'Delete'}
          </Button>
        )}
        <Button size="sm" variant="ghost" disabled={busy} onClick={() => setAsking(false)}>
          Keep
        </Button>
      </div>
    </div>
  );
}
