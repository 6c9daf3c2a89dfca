// True for an export that finished while no page of this browser was watching it (client only; false in the server render).
'use client';
import { useSyncExternalStore } from 'react';
import { finishedWhileAway, seenServerSnapshot, seenSnapshot, subscribeSeenExports } from '@/lib/client/seenExports';

const noop = () => () => {};

export function useFinishedWhileAway(e: Parameters<typeof finishedWhileAway>[0]): boolean {
  const snapshot = useSyncExternalStore(subscribeSeenExports, seenSnapshot, seenServerSnapshot);
  const hydrated = useSyncExternalStore(noop, () => true, () => false);
  return finishedWhileAway(e, snapshot, hydrated);
}
