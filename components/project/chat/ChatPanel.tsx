// The conversation column: history, the streaming reply, suggestion chips and the composer.
'use client';
import { useEffect, useRef } from 'react';
import type { MessageView } from '@/lib/api/schemas';
import { AlertIcon, SparkIcon } from '@/components/ui/icons';
import { ChatComposer } from './ChatComposer';
import { ChatExportCard } from './ChatExportCard';
import { useChatSession, type ChatTurn } from './useChatSession';
import { ReplyText } from './ReplyText';

export const SUGGESTIONS = ['Cut out the pauses', 'Add background music', 'Add a title', 'Make it vertical', 'Export 1080p'];

const CHIP =
  'h-9 shrink-0 rounded-full border border-line-strong bg-surface px-3.5 text-sm font-medium text-ink transition-colors hover:border-accent hover:bg-accent-soft disabled:opacity-55';

function Bubble({ turn, projectId, busy, onPick }: { turn: ChatTurn; projectId: string; busy: boolean; onPick: (text: string) => void }) {
  if (turn.role === 'user') {
    return (
      <li className="flex justify-end">
        <p className="max-w-[85%] rounded-2xl rounded-br-md bg-accent px-4 py-2.5 text-[15px] leading-6 whitespace-pre-wrap text-accent-ink">
          {turn.text}
        </p>
      </li>
    );
  }
  return (
    <li className="flex gap-2.5">
      <span aria-hidden="true" className="mt-0.5 grid size-7 shrink-0 place-items-center rounded-full bg-accent-soft text-accent-text">
        <SparkIcon width={16} height={16} />
      </span>
      <div className="min-w-0 max-w-[85%] space-y-1.5">
        {turn.text ? <p className="text-[15px] leading-6 whitespace-pre-wrap break-words"><ReplyText text={turn.text} /></p> : null}
        {turn.streaming && turn.status ? (
          <p className="flex items-center gap-2 text-sm text-muted">
            <span className="size-2 animate-pulse rounded-full bg-accent" aria-hidden="true" />
            {turn.status}
          </p>
        ) : null}
        {turn.suggestions?.length ? (
          <div className="flex flex-wrap gap-2 pt-1" role="group" aria-label="Did you mean">
            {turn.suggestions.map((s) => (
              <button key={s} type="button" disabled={busy} onClick={() => onPick(s)} className={CHIP}>
                {s}
              </button>
            ))}
          </div>
        ) : null}
        {turn.export ? <ChatExportCard projectId={projectId} job={turn.export} /> : null}
        {turn.error ? (
          <p className="flex items-start gap-1.5 rounded-xl bg-danger-soft px-3 py-2 text-sm text-danger">
            <AlertIcon width={18} height={18} className="mt-px shrink-0" />
            {turn.error}
          </p>
        ) : null}
      </div>
    </li>
  );
}

export function ChatPanel({
  projectId,
  history,
  hasMedia,
  onFiles,
}: {
  projectId: string;
  history: MessageView[];
  hasMedia: boolean;
  onFiles: (files: File[]) => void;
}) {
  const { turns, busy, send, stop } = useChatSession(projectId, history);
  const listRef = useRef<HTMLDivElement>(null);
  const last = turns[turns.length - 1];

  // Follow the reply as it streams.
  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [turns.length, last?.text, last?.status]);

  return (
    <section aria-labelledby="chat-title" className="flex min-h-0 flex-1 flex-col overflow-hidden rounded-2xl border border-line bg-surface">
      {/* On phones the tab already says "Chat"; the heading stays for screen readers. */}
      <header className="sr-only lg:not-sr-only lg:flex lg:min-h-12 lg:items-center lg:border-b lg:border-line lg:px-4">
        <h2 id="chat-title" className="text-sm font-semibold tracking-tight">
          Chat
        </h2>
      </header>
      <div ref={listRef} className="scroll-thin min-h-0 flex-1 overflow-y-auto px-4 py-4" aria-live="polite" aria-busy={busy}>
        {turns.length === 0 ? (
          <div className="flex flex-col gap-2 py-6 text-center">
            <p className="font-semibold tracking-tight">{hasMedia ? 'What should we do with your video?' : 'Add a clip, then tell me what you want'}</p>
            <p className="text-sm text-muted">
              {hasMedia
                ? 'Say it in plain words, or pick a suggestion below.'
                : 'Use the paperclip or drop files on the media panel. Then ask for pauses cut, music, titles or a vertical version.'}
            </p>
          </div>
        ) : (
          <ol className="flex flex-col gap-4">
            {turns.map((t) => (
              <Bubble key={t.id} turn={t} projectId={projectId} busy={busy} onPick={(s) => void send(s)} />
            ))}
          </ol>
        )}
      </div>
      <div className="scroll-thin flex gap-2 overflow-x-auto px-3 pt-2 pb-1 lg:flex-wrap lg:overflow-visible" role="group" aria-label="Suggestions">
        {SUGGESTIONS.map((s) => (
          <button
            key={s}
            type="button"
            disabled={busy}
            onClick={() => void send(s)}
            className={CHIP}
          >
            {s}
          </button>
        ))}
      </div>
      <ChatComposer busy={busy} onSend={(t) => void send(t)} onStop={stop} onFiles={onFiles} />
    </section>
  );
}
