// Shows the credit balance, only when the editing backend has credits at all.
'use client';
import { useCredits } from '@/lib/client/projectQueries';
import { CoinIcon } from '@/components/ui/icons';

export function CreditsBadge() {
  const credits = useCredits();
  const available = credits.data?.available;
  if (available === null || available === undefined) return null;
  return (
    <span className="inline-flex h-8 items-center gap-1.5 rounded-full border border-line bg-surface px-3 text-sm font-medium tabular-nums" title="Credits left">
      <CoinIcon width={16} height={16} className="text-accent-text" />
      {available.toLocaleString()} <span className="sr-only sm:not-sr-only">credits</span>
    </span>
  );
}
