// The message box: Enter sends, Shift+Enter breaks the line; grows with its text; a paperclip adds media.
'use client';
import { useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { PaperclipIcon, SendIcon, StopIcon } from '@/components/ui/icons';
import { MediaFileInput } from '@/components/upload/MediaFileInput';

export function ChatComposer({
  busy,
  onSend,
  onStop,
  onFiles,
}: {
  busy: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
  onFiles: (files: File[]) => void;
}) {
  const [text, setText] = useState('');
  const inputId = useId();
  const fileId = useId();
  const areaRef = useRef<HTMLTextAreaElement>(null);

  const submit = () => {
    if (busy || !text.trim()) return;
    onSend(text);
    setText('');
  };

  return (
    <form
      className="border-t border-line bg-surface p-3 pb-[max(0.75rem,env(safe-area-inset-bottom))]"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor={inputId} className="sr-only">
        Message
      </label>
      <div className="flex items-end gap-2 rounded-2xl border border-line-strong bg-canvas p-1.5 focus-within:border-ring">
        <label
          htmlFor={fileId}
          title="Add media"
          className="grid size-10 shrink-0 cursor-pointer place-items-center rounded-xl text-muted hover:bg-raised hover:text-ink focus-within:outline-2 focus-within:outline-ring"
        >
          <PaperclipIcon />
          <MediaFileInput id={fileId} label="Add media" onFiles={onFiles} />
        </label>
        <textarea
          id={inputId}
          ref={areaRef}
          value={text}
          rows={1}
          placeholder="Describe an edit…"
          onChange={(e) => {
            setText(e.target.value);
            const el = e.target;
            el.style.height = 'auto';
            el.style.height = `${Math.min(el.scrollHeight, 160)}px`;
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              submit();
              if (areaRef.current) areaRef.current.style.height = 'auto';
            }
          }}
          className="max-h-40 min-h-10 flex-1 resize-none bg-transparent px-1 py-2 text-[15px] leading-6 text-ink placeholder:text-muted focus:outline-none"
        />
        {busy ? (
          <Button variant="secondary" size="sm" className="h-10" onClick={onStop}>
            <StopIcon /> Stop
          </Button>
        ) : (
          <Button type="submit" variant="primary" size="sm" className="h-10" disabled={!text.trim()}>
            <SendIcon /> Send
          </Button>
        )}
      </div>
    </form>
  );
}
