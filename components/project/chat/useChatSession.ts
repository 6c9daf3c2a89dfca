// One conversation: sends a message, streams the reply into state, and applies timeline/export events live.
'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportView, MessageView } from '@/lib/api/schemas';
import { errorMessage } from '@/lib/client/apiFetch';
import { streamChat } from '@/lib/client/chatStream';
import { setTimeline, upsertExport } from '@/lib/client/projectQueries';
import { queryKeys } from '@/lib/client/queryKeys';

export interface ChatTurn {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  /** What the editor is doing right now, while the reply streams. */
  status?: string;
  error?: string;
  streaming?: boolean;
  /** Requests the editor offers when it was unsure; tapping one sends it. */
  suggestions?: string[];
  /** The export this reply started, shown live in the message. */
  export?: ExportView;
}

let localId = 0;

export function useChatSession(projectId: string, history: MessageView[]) {
  const client = useQueryClient();
  // Seeded once from the server; afterwards this tab's copy is the truth, so a refetch never reorders it.
  const [turns, setTurns] = useState<ChatTurn[]>(() => history.map((m) => ({ id: m.id, role: m.role, text: m.text })));
  const [busy, setBusy] = useState(false);
  const abortRef = useRef<AbortController | null>(null);

  useEffect(() => () => abortRef.current?.abort(), []);

  const patchTurn = useCallback((id: string, change: (t: ChatTurn) => Partial<ChatTurn>) => {
    setTurns((all) => all.map((t) => (t.id === id ? { ...t, ...change(t) } : t)));
  }, []);

  const send = useCallback(
    async (raw: string) => {
      const message = raw.trim();
      if (!message || abortRef.current) return;
      const replyId = `local-${++localId}`;
      setTurns((all) => [
        ...all,
        { id: `local-${++localId}`, role: 'user', text: message },
        { id: replyId, role: 'assistant', text: '', streaming: true, status: 'Thinking…' },
      ]);
      setBusy(true);
      const controller = new AbortController();
      abortRef.current = controller;
      try {
        for await (const event of streamChat(projectId, message, controller.signal)) {
          if (event.type === 'text') patchTurn(replyId, (t) => ({ text: t.text + event.delta }));
          else if (event.type === 'status') patchTurn(replyId, () => ({ status: event.message }));
          else if (event.type === 'timeline') setTimeline(client, projectId, event.timeline);
          else if (event.type === 'export') {
            upsertExport(client, projectId, event.export);
            patchTurn(replyId, () => ({ export: event.export }));
          }
          else if (event.type === 'error') patchTurn(replyId, () => ({ error: event.message }));
          else if (event.type === 'suggestions') patchTurn(replyId, () => ({ suggestions: event.items }));
          else if (event.type === 'done') break;
        }
      } catch (err) {
        const stopped = controller.signal.aborted;
        patchTurn(replyId, () => (stopped ? { status: undefined, error: 'Stopped.' } : { error: errorMessage(err) }));
      } finally {
        patchTurn(replyId, (t) => ({
          streaming: false,
          status: undefined,
          text: t.text || (t.error ? '' : 'Done.'),
        }));
        abortRef.current = null;
        setBusy(false);
        void client.invalidateQueries({ queryKey: queryKeys.project(projectId) });
        void client.invalidateQueries({ queryKey: queryKeys.credits() });
      }
    },
    [client, patchTurn, projectId],
  );

  const stop = useCallback(() => abortRef.current?.abort(), []);

  return { turns, busy, send, stop };
}
